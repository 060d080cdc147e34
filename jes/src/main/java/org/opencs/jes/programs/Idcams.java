package org.opencs.jes.programs;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.opencs.core.Ebcdic;
import org.opencs.core.ZosException;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.jes.programs.IdcamsCommand.Source;
import org.opencs.jes.step.Abend;
import org.opencs.jes.step.DataDefinition;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;
import org.opencs.saf.resources.AccessLevel;

/**
 * IDCAMS (access method services) for non-VSAM data sets: DELETE, LISTCAT, REPRO, PRINT, SET, IF/THEN/ELSE with
 * DO/END, from SYSIN to SYSPRINT, as z/OS DFSMS Access Method Services Commands describes them. Every data set is
 * used with the job user's authority (DATASET profiles: READ to read, UPDATE to write, ALTER to delete). The listing
 * starts with the {@code IDCAMS  SYSTEM SERVICES} page heading, repeats each command, prints its messages and
 * {@code IDC0001I FUNCTION COMPLETED, HIGHEST CONDITION CODE WAS n}, and ends with {@code IDC0002I IDCAMS PROCESSING
 * COMPLETE. MAXIMUM CONDITION CODE WAS n}; the step's code is MAXCC. A condition code of 16 ends the command stream
 * ("Processor Condition Codes"). Without SYSIN or SYSPRINT nothing runs and the code is 16.
 */
public final class Idcams implements Program {
    private static final String NOT_FOUND_REASON = "IDC3009I ** VSAM CATALOG RETURN CODE IS 8 - REASON CODE IS IGG0CLEG-42";

    @Override
    public Set<String> names() {
        return Set.of("IDCAMS");
    }

    @Override
    public int run(StepContext step) throws Abend {
        Optional<DataDefinition> sysprint = step.dd("SYSPRINT");
        Optional<DataDefinition> sysin = step.dd("SYSIN");
        if (sysprint.isEmpty()) {
            Output.missing(step, "SYSPRINT");
            return 16;
        }
        Output print = Output.of(sysprint.get());
        ZonedDateTime now = step.clock().instant().atZone(ZoneOffset.UTC);
        print.line(String.format("IDCAMS  SYSTEM SERVICES%50sTIME: %s        %s     PAGE %6d", "",
                now.format(DateTimeFormatter.ofPattern("HH:mm:ss")), now.format(DateTimeFormatter.ofPattern("MM/dd/yy")), 1));
        print.line("");
        if (sysin.isEmpty()) {
            Output.missing(step, "SYSIN");
            print.line("IDC3300I ERROR OPENING SYSIN");
            print.line("");
            print.line("IDC0002I IDCAMS PROCESSING COMPLETE. MAXIMUM CONDITION CODE WAS 16");
            return 16;
        }
        Run run = new Run(step, print);
        run.sequence(IdcamsParser.parse(sysin.get().readLines()));
        print.line("IDC0002I IDCAMS PROCESSING COMPLETE. MAXIMUM CONDITION CODE WAS " + run.maxcc);
        return run.maxcc;
    }

    /** One execution: LASTCC and MAXCC as the commands set them. */
    private static final class Run {
        private final StepContext step;
        private final Output print;
        private final DatasetAccess access;
        private int lastcc;
        private int maxcc;
        private boolean ended;

        Run(StepContext step, Output print) {
            this.step = step;
            this.print = print;
            this.access = new DatasetAccess(step.registry());
        }

        void sequence(List<IdcamsCommand> commands) {
            for (IdcamsCommand command : commands) {
                if (ended) {
                    return;
                }
                if (step.cancelled()) {
                    throw Ikjeft01.cancelled(step);
                }
                command.echo().forEach(print::line);
                execute(command);
            }
        }

        private void execute(IdcamsCommand command) {
            if (command instanceof IdcamsCommand.SetCode set) {
                if (set.maxcc()) {
                    maxcc = set.value();
                } else {
                    lastcc = set.value();
                    maxcc = Math.max(maxcc, lastcc);
                }
                ended = maxcc >= 16;
            } else if (command instanceof IdcamsCommand.If test) {
                sequence(test.condition().holds(lastcc, maxcc) ? test.then() : test.otherwise());
            } else if (command instanceof IdcamsCommand.Invalid invalid) {
                invalid.messages().forEach(print::line);
                finish(12);
            } else if (command instanceof IdcamsCommand.Delete delete) {
                finish(delete(delete));
            } else if (command instanceof IdcamsCommand.Listcat listcat) {
                finish(listcat(listcat));
            } else if (command instanceof IdcamsCommand.Repro repro) {
                finish(repro(repro));
            } else if (command instanceof IdcamsCommand.Print printCommand) {
                finish(print(printCommand));
            }
        }

        private void finish(int cc) {
            print.line("IDC0001I FUNCTION COMPLETED, HIGHEST CONDITION CODE WAS " + cc);
            print.line("");
            lastcc = cc;
            maxcc = Math.max(maxcc, cc);
            ended = cc >= 16;
        }

        // ---- DELETE ----------------------------------------------------------------------------------------------

        private int delete(IdcamsCommand.Delete delete) {
            int cc = 0;
            for (String entry : delete.entries()) {
                String text = IdcamsParser.unquote(entry).toUpperCase(Locale.ROOT);
                List<DatasetName> names;
                try {
                    names = text.contains("*") ? generic(text) : List.of(DatasetName.resolve("'" + text + "'", null));
                } catch (ZosException e) {
                    print.line("IDC3203I ITEM '" + cutName(text) + "' DOES NOT ADHERE TO RESTRICTIONS");
                    cc = Math.max(cc, 12);
                    continue;
                }
                if (names.isEmpty() || !step.catalog().exists(names.get(0))) {
                    print.line("IDC3012I ENTRY " + cutName(text) + " NOT FOUND");
                    print.line(NOT_FOUND_REASON);
                    print.line("IDC0551I ** ENTRY " + cutName(text) + " NOT DELETED");
                    cc = Math.max(cc, 8);
                    continue;
                }
                for (DatasetName name : names) {
                    cc = Math.max(cc, deleteOne(name));
                }
            }
            return cc;
        }

        private int deleteOne(DatasetName name) {
            if (!access.allowed(step.user(), name, AccessLevel.ALTER)) {
                try {
                    access.check(step.user(), name, AccessLevel.ALTER);
                } catch (ZosException e) {
                    step.jobLog(e.getMessage());
                }
                print.line("IDC3018I SECURITY VERIFICATION FAILED+");
                print.line("IDC3009I ** VSAM CATALOG RETURN CODE IS 56 - REASON CODE IS IGG0CLFT-6");
                print.line("IDC0551I ** ENTRY " + name + " NOT DELETED");
                return 8;
            }
            try {
                step.catalog().delete(name);
            } catch (ZosException e) {
                print.line(e.getMessage());
                print.line("IDC0551I ** ENTRY " + name + " NOT DELETED");
                return 8;
            }
            print.line(name.member() != null ? "IDC0549I MEMBER " + name.member() + " DELETED"
                    : "IDC0550I ENTRY (A) " + name + " DELETED");
            return 0;
        }

        /** Names matching a generic entry: '*' stands for one qualifier (or the rest of one), '**' for any number. */
        private List<DatasetName> generic(String pattern) {
            String regex = Pattern.quote(pattern).replace("**", "\\E.*\\Q").replace("*", "\\E[^.]*\\Q");
            Pattern p = Pattern.compile(regex);
            return step.catalog().list("").stream().filter(n -> p.matcher(n).matches())
                    .map(n -> new DatasetName(n, null)).toList();
        }

        // ---- LISTCAT ---------------------------------------------------------------------------------------------

        private int listcat(IdcamsCommand.Listcat listcat) {
            List<String> names = new ArrayList<>();
            int cc = 0;
            if (!listcat.entries().isEmpty()) {
                for (String entry : listcat.entries()) {
                    String name = entry.toUpperCase(Locale.ROOT);
                    List<String> found = name.contains("*") ? generic(name).stream().map(DatasetName::name).toList()
                            : step.catalog().list(name).contains(name) ? List.of(name) : List.of();
                    if (found.isEmpty()) {
                        print.line("IDC3012I ENTRY " + cutName(name) + " NOT FOUND");
                        print.line(NOT_FOUND_REASON);
                        print.line("IDC1566I ** " + cutName(name) + " NOT LISTED");
                        cc = 4;
                    }
                    names.addAll(found);
                }
            } else {
                String level = listcat.level() == null ? "" : listcat.level().toUpperCase(Locale.ROOT);
                names.addAll(level.contains("*") ? generic(level + ".**").stream().map(DatasetName::name).toList()
                        : step.catalog().list(level));
                if (names.isEmpty() && !level.isEmpty()) {
                    print.line("IDC3012I ENTRY " + cutName(level) + " NOT FOUND");
                    print.line(NOT_FOUND_REASON);
                    cc = 4;
                }
            }
            int suppressed = 0;
            int listed = 0;
            for (String name : names) {
                DatasetName dsn = new DatasetName(name, null);
                if (!access.allowed(step.user(), dsn, AccessLevel.READ)) {
                    suppressed++;
                    continue;
                }
                listed++;
                print.line("");
                print.line("NONVSAM ------- " + name);
                print.line("     IN-CAT --- CATALOG.OPENCS");
                if (listcat.all()) {
                    step.catalog().attributes(dsn).ifPresent(this::attributes);
                }
            }
            print.line("");
            print.line(String.format("%25sTHE NUMBER OF ENTRIES PROCESSED WAS:", ""));
            for (String type : List.of("AIX", "ALIAS", "CLUSTER", "DATA", "GDG", "INDEX", "NONVSAM", "PAGESPACE", "PATH",
                    "SPACE", "USERCATALOG", "TAPELIBRARY", "TAPEVOLUME", "TOTAL")) {
                int n = type.equals("NONVSAM") || type.equals("TOTAL") ? listed : 0;
                String label = type + " ";
                print.line(String.format("%33s%s%s%d", "", label, "-".repeat(Math.max(1, 23 - label.length())), n));
            }
            print.line("");
            print.line(String.format("%25sTHE NUMBER OF PROTECTED ENTRIES SUPPRESSED WAS %d", "", suppressed));
            return cc;
        }

        private void attributes(DatasetAttributes a) {
            print.line("     HISTORY");
            print.line(String.format("       DATASET-OWNER-----(NULL)     CREATION--------%d.%03d", a.created().getYear(),
                    a.created().getDayOfYear()));
            print.line(String.format("       RELEASE----------------2     LAST REFERENCE--%d.%03d", a.referenced().getYear(),
                    a.referenced().getDayOfYear()));
            print.line("     ATTRIBUTES");
            print.line(String.format("       DSORG-------------%-6sRECFM-------------%-6sLRECL----------%-6dBLKSIZE--------%d",
                    a.dsorg(), a.recfm(), a.lrecl(), a.blksize()));
        }

        // ---- REPRO and PRINT -------------------------------------------------------------------------------------

        /** The records of an input, or null after printing why it cannot be opened. */
        private List<byte[]> read(Source in) {
            if (in.ddName()) {
                Optional<DataDefinition> dd = step.dd(in.name());
                if (dd.isEmpty()) {
                    Output.missing(step, in.name());
                    print.line("IDC3300I ERROR OPENING " + cutName(in.name()));
                    print.line("IDC3321I ** OPEN/CLOSE/EOV ABEND EXIT TAKEN");
                    return null;
                }
                return dd.get().readRecords();
            }
            DatasetName name = datasetName(in.name());
            if (name == null) {
                return null;
            }
            if (!step.catalog().exists(name)) {
                print.line("IDC3012I ENTRY " + name + " NOT FOUND");
                print.line("IDC3300I ERROR OPENING " + name);
                return null;
            }
            if (!open(name, AccessLevel.READ)) {
                return null;
            }
            try {
                return step.catalog().readRecords(name);
            } catch (ZosException e) {
                print.line(e.getMessage());
                print.line("IDC3300I ERROR OPENING " + name);
                return null;
            }
        }

        private DatasetName datasetName(String text) {
            try {
                return DatasetName.resolve("'" + text + "'", null);
            } catch (ZosException e) {
                print.line("IDC3203I ITEM '" + cutName(text) + "' DOES NOT ADHERE TO RESTRICTIONS");
                return null;
            }
        }

        private boolean open(DatasetName name, AccessLevel level) {
            if (access.allowed(step.user(), name, level)) {
                return true;
            }
            try {
                access.check(step.user(), name, level);
            } catch (ZosException e) {
                step.jobLog(e.getMessage());
                print.line(e.getMessage());
            }
            print.line("IDC3300I ERROR OPENING " + name);
            print.line("IDC3321I ** OPEN/CLOSE/EOV ABEND EXIT TAKEN");
            return false;
        }

        private static List<byte[]> select(List<byte[]> records, int skip, int count) {
            int from = Math.min(records.size(), skip);
            int to = (int) Math.min(records.size(), (long) from + count);
            return records.subList(from, to);
        }

        private int repro(IdcamsCommand.Repro repro) {
            List<byte[]> all = read(repro.in());
            if (all == null) {
                return 12;
            }
            List<byte[]> records = select(all, repro.skip(), repro.count());
            if (repro.out().ddName()) {
                Optional<DataDefinition> dd = step.dd(repro.out().name());
                if (dd.isEmpty()) {
                    Output.missing(step, repro.out().name());
                    print.line("IDC3300I ERROR OPENING " + cutName(repro.out().name()));
                    print.line("IDC3321I ** OPEN/CLOSE/EOV ABEND EXIT TAKEN");
                    return 12;
                }
                Optional<DatasetAttributes> dcb = dd.get().attributes();
                records.forEach(r -> dd.get().writeRecord(Iebgener.fit(r, dcb)));
            } else {
                DatasetName name = datasetName(repro.out().name());
                if (name == null) {
                    return 12;
                }
                Optional<DatasetAttributes> dcb = step.catalog().attributes(name.withoutMember());
                if (dcb.isEmpty() || (name.member() == null && dcb.get().dsorg().equals("PO"))) {
                    print.line("IDC3012I ENTRY " + name + " NOT FOUND");
                    print.line("IDC3300I ERROR OPENING " + name);
                    return 12;
                }
                if (!open(name, AccessLevel.UPDATE)) {
                    return 12;
                }
                try {
                    step.catalog().writeRecords(name, records.stream().map(r -> Iebgener.fit(r, dcb)).toList());
                } catch (ZosException e) {
                    print.line(e.getMessage());
                    print.line("IDC3302I ACTION ERROR ON " + name);
                    return 12;
                }
            }
            if (all.isEmpty()) {
                print.line("IDC3005I DATA SET IS EMPTY");
                return 4;
            }
            print.line("IDC0005I NUMBER OF RECORDS PROCESSED WAS " + records.size());
            return 0;
        }

        private int print(IdcamsCommand.Print command) {
            List<byte[]> all = read(command.in());
            if (all == null) {
                return 12;
            }
            String shown = command.in().ddName() ? step.dd(command.in().name()).flatMap(DataDefinition::dataset)
                    .map(DatasetName::toString).orElse(command.in().name()) : command.in().name();
            print.line("LISTING OF DATA SET -" + shown);
            if (all.isEmpty()) {
                print.line("IDC3005I DATA SET IS EMPTY");
                return 4;
            }
            List<byte[]> records = select(all, command.skip(), command.count());
            int number = command.skip();
            for (byte[] record : records) {
                number++;
                print.line("RECORD SEQUENCE NUMBER - " + number);
                switch (command.format()) {
                    case CHARACTER -> print.line(printable(record).stripTrailing());
                    case HEX -> hex(record, false);
                    case DUMP -> hex(record, true);
                }
                print.line("");
            }
            print.line("IDC0005I NUMBER OF RECORDS PROCESSED WAS " + records.size());
            return 0;
        }

        /** 32 bytes a line: offset, eight groups of four bytes in hex, and (DUMP) the characters between asterisks. */
        private void hex(byte[] record, boolean characters) {
            HexFormat hex = HexFormat.of().withUpperCase();
            for (int offset = 0; offset < record.length; offset += 32) {
                int end = Math.min(record.length, offset + 32);
                StringBuilder line = new StringBuilder(String.format("%06X ", offset));
                for (int g = offset; g < end; g += 4) {
                    line.append(' ').append(hex.formatHex(record, g, Math.min(end, g + 4)));
                }
                if (characters) {
                    String pad = " ".repeat(Math.max(0, 8 + 72 - line.length()));
                    line.append(pad).append('*').append(printable(java.util.Arrays.copyOfRange(record, offset, end)))
                            .append('*');
                }
                print.line(line.toString());
            }
        }

        private static String printable(byte[] record) {
            String text = Ebcdic.decode(record);
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                out.append(c < 0x20 || (c >= 0x7F && c < 0xA0) ? '.' : c);
            }
            return out.toString();
        }
    }

    private static String cutName(String name) {
        return name.length() > 54 ? name.substring(0, 54) + "..." : name;
    }
}
