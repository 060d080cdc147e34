package org.opencs.jes.programs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.MemberStatistics;
import org.opencs.jes.programs.IebcopyStatement.Input;
import org.opencs.jes.programs.IebcopyStatement.MemberSpec;
import org.opencs.jes.step.Abend;
import org.opencs.jes.step.DataDefinition;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;
import org.opencs.saf.resources.AccessLevel;

/**
 * IEBCOPY for partitioned data sets: COPY (merge) of the members of one or more input PDSs into an output PDS, with
 * SELECT (renaming and replacing) and EXCLUDE, as z/OS DFSMSdfp Utilities, "IEBCOPY (Library Copy) Program"
 * describes. The DDs are the ones the statements name; each member is copied with its records and its ISPF statistics
 * unchanged (IEBCOPY copies the directory entry's user data as it is). Members already in the output are replaced
 * only with R (on the INDD or the SELECTed member, or PARM=REPLACE for the generated statement).
 *
 * <p>Without SYSIN statements (DD DUMMY, empty, or no SYSIN DD) IEBCOPY generates {@code COPY OUTDD=SYSUT2,
 * INDD=SYSUT1} ({@code INDD=(SYSUT1,R)} with PARM=REPLACE, {@code INDD=SYSUT2} with PARM=COMPRESS), as "Avoiding the
 * Need to Supply Control Statements" documents.
 *
 * <p>SYSPRINT (MVS System Messages Vol 7, IEB messages): the {@code IEBCOPY MESSAGES AND CONTROL STATEMENTS} heading,
 * each control statement, then per input {@code IEB167I FOLLOWING MEMBER(S) COPIED FROM INPUT DATA SET REFERENCED BY
 * dd} and {@code IEB154I member HAS BEEN SUCCESSFULLY COPIED} ({@code IEB155I} for a renamed one), {@code IEB177I
 * member WAS SELECTED BUT NOT FOUND IN ANY INPUT DATA SET} (severity 4), and at the end {@code IEB147I END OF JOB -nn
 * WAS HIGHEST SEVERITY CODE} ({@code IEB151I JOB HAS TERMINATED WITH ERROR(S)} before it when not 0). The step code
 * is the highest severity: 0, 4 (an operation incompletely performed), 8 (an operation could not be done).
 * Data sets are opened with the job user's authority: an input needs READ, the output UPDATE; a refusal is the
 * OPEN's abend S913-38 (ICH408I in the job log).
 */
public final class Iebcopy implements Program {
    static final String HEADING = String.format("%-40s%s%56s", "", "IEBCOPY MESSAGES AND CONTROL STATEMENTS", "PAGE    1");

    @Override
    public Set<String> names() {
        return Set.of("IEBCOPY");
    }

    @Override
    public int run(StepContext step) throws Abend {
        Output print = Output.open(step, "SYSPRINT");
        print.line(HEADING);
        print.line("");
        List<IebcopyStatement> statements = statements(step, print);
        Run run = new Run(step, print);
        Operation current = null;
        for (IebcopyStatement statement : statements) {
            statement.echo().forEach(print::line);
            if (statement instanceof IebcopyStatement.Copy copy) {
                run.perform(current);
                current = new Operation(copy.outDd());
                current.groups.add(new Group(new ArrayList<>(copy.inputs())));
            } else if (statement instanceof IebcopyStatement.Invalid invalid) {
                print.line(invalid.message());
                run.severity(8);
                if (current != null) {
                    current.failed = true;
                }
            } else if (current == null) {
                print.line("OCS0510E " + kind(statement) + " STATEMENT FOLLOWS NO COPY STATEMENT");
                run.severity(8);
            } else {
                current.add(statement, print, run);
            }
        }
        run.perform(current);
        if (run.severity > 0) {
            print.line("IEB151I JOB HAS TERMINATED WITH ERROR(S)");
        }
        print.line(String.format("IEB147I END OF JOB -%02d WAS HIGHEST SEVERITY CODE", run.severity));
        return run.severity;
    }

    private static String kind(IebcopyStatement statement) {
        return statement instanceof IebcopyStatement.Select ? "SELECT"
                : statement instanceof IebcopyStatement.Exclude ? "EXCLUDE" : "INDD";
    }

    /** SYSIN's statements, or the one IEBCOPY generates when there are none. */
    private static List<IebcopyStatement> statements(StepContext step, Output print) {
        Optional<DataDefinition> sysin = step.dd("SYSIN");
        List<String> records = sysin.isEmpty() ? List.of() : sysin.get().readLines();
        if (records.stream().anyMatch(r -> !r.isBlank())) {
            return IebcopyParser.parse(records);
        }
        Set<String> parm = new LinkedHashSet<>();
        for (String word : step.parm().toUpperCase(Locale.ROOT).split(",")) {
            parm.add(word.strip());
        }
        String generated = parm.contains("COMPRESS") ? " COPY OUTDD=SYSUT2,INDD=SYSUT2"
                : parm.contains("REPLACE") ? " COPY OUTDD=SYSUT2,INDD=(SYSUT1,R)" : " COPY OUTDD=SYSUT2,INDD=SYSUT1";
        return IebcopyParser.parse(List.of(generated));
    }

    /** Inputs and the SELECT or EXCLUDE that applies to them (SELECT and EXCLUDE may not both follow one INDD). */
    private static final class Group {
        final List<Input> inputs;
        final List<MemberSpec> selected = new ArrayList<>();
        final List<String> excluded = new ArrayList<>();

        Group(List<Input> inputs) {
            this.inputs = inputs;
        }
    }

    /** One COPY with its INDD, SELECT and EXCLUDE statements. */
    private static final class Operation {
        final String outDd;
        final List<Group> groups = new ArrayList<>();
        boolean failed;

        Operation(String outDd) {
            this.outDd = outDd;
        }

        Group last() {
            return groups.get(groups.size() - 1);
        }

        void add(IebcopyStatement statement, Output print, Run run) {
            if (statement instanceof IebcopyStatement.InputDds indd) {
                if (last().inputs.isEmpty()) {
                    last().inputs.addAll(indd.inputs());
                } else {
                    groups.add(new Group(new ArrayList<>(indd.inputs())));
                }
            } else if (statement instanceof IebcopyStatement.Select select) {
                if (!last().excluded.isEmpty()) {
                    mixed(print, run);
                }
                last().selected.addAll(select.members());
            } else if (statement instanceof IebcopyStatement.Exclude exclude) {
                if (!last().selected.isEmpty()) {
                    mixed(print, run);
                }
                last().excluded.addAll(exclude.members());
            }
        }

        private void mixed(Output print, Run run) {
            print.line("OCS0510E SELECT AND EXCLUDE MAY NOT BOTH FOLLOW ONE INDD: THE OPERATION IS ENDED");
            run.severity(8);
            failed = true;
        }
    }

    /** One execution of the statements: the highest severity so far. */
    private static final class Run {
        private final StepContext step;
        private final Output print;
        private final DatasetAccess access;
        int severity;

        Run(StepContext step, Output print) {
            this.step = step;
            this.print = print;
            this.access = new DatasetAccess(step.registry());
        }

        void severity(int value) {
            severity = Math.max(severity, value);
        }

        void perform(Operation operation) {
            if (operation == null || operation.failed) {
                return;
            }
            if (step.cancelled()) {
                throw Ikjeft01.cancelled(step);
            }
            DatasetName out = library(operation.outDd, AccessLevel.UPDATE);
            if (out == null) {
                return;
            }
            List<Input> all = operation.groups.stream().flatMap(g -> g.inputs.stream()).toList();
            if (all.isEmpty()) {
                print.line("OCS0510E COPY TO " + operation.outDd + " NAMES NO INDD");
                severity(8);
                return;
            }
            Set<String> found = new LinkedHashSet<>();
            for (Group group : operation.groups) {
                for (Input input : group.inputs) {
                    DatasetName in = library(input.ddName(), AccessLevel.READ);
                    if (in == null) {
                        return;
                    }
                    if (in.equals(out)) {
                        continue; // compress in place: OpenCS data sets have no gas to squeeze out
                    }
                    copy(group, input, in, operation.outDd, out, found);
                }
            }
            for (Group group : operation.groups) {
                for (MemberSpec spec : group.selected) {
                    if (!found.contains(spec.name())) {
                        print.line(String.format("IEB177I %-8s WAS SELECTED BUT NOT FOUND IN ANY INPUT DATA SET", spec.name()));
                        severity(4);
                    }
                }
            }
        }

        /**
         * Copies the members of one input. A SELECTed member is taken from the first input that has it (it is not
         * copied again from a later one); without SELECT every member not EXCLUDEd is copied.
         */
        private void copy(Group group, Input input, DatasetName in, String outDd, DatasetName out, Set<String> found) {
            List<String> lines = new ArrayList<>();
            for (String member : step.catalog().members(in)) {
                if (step.cancelled()) {
                    throw Ikjeft01.cancelled(step);
                }
                MemberSpec spec;
                if (!group.selected.isEmpty()) {
                    spec = group.selected.stream().filter(s -> s.matches(member)).findFirst().orElse(null);
                    if (spec == null || (!spec.generic() && found.contains(spec.name()))) {
                        continue;
                    }
                    found.add(spec.generic() ? spec.name() : member);
                } else if (group.excluded.contains(member)) {
                    continue;
                } else {
                    spec = new MemberSpec(member, null, false);
                }
                String target = spec.target(member);
                boolean replace = input.replace() || spec.replace();
                DatasetName to = new DatasetName(out.name(), target);
                if (step.catalog().exists(to) && !replace) {
                    lines.add(String.format("OCS0511I %-8s NOT COPIED: IT IS IN THE OUTPUT DATA SET REFERENCED BY %s AND "
                            + "REPLACE WAS NOT SPECIFIED", target, outDd));
                    if (!group.selected.isEmpty()) {
                        severity(4);
                    }
                    continue;
                }
                String failure = copyMember(new DatasetName(in.name(), member), to);
                if (failure != null) {
                    lines.add(failure);
                    severity(8);
                    break;
                }
                lines.add(spec.newName() == null ? String.format("IEB154I %-8s HAS BEEN SUCCESSFULLY COPIED", member)
                        : String.format("IEB155I %-8s HAS BEEN SUCCESSFULLY COPIED AND IS A NEW NAME", target));
            }
            if (!lines.isEmpty()) {
                print.line("IEB167I FOLLOWING MEMBER(S) COPIED FROM INPUT DATA SET REFERENCED BY " + input.ddName());
                lines.forEach(print::line);
            }
        }

        /** Copies records and ISPF statistics; the message of a failure, or null. */
        private String copyMember(DatasetName from, DatasetName to) {
            try {
                DatasetAttributes inDcb = step.catalog().attributes(from.withoutMember()).orElseThrow();
                DatasetAttributes outDcb = step.catalog().attributes(to.withoutMember()).orElseThrow();
                if (inDcb.recfm().fixed() != outDcb.recfm().fixed()
                        || (inDcb.recfm().fixed() && inDcb.lrecl() != outDcb.lrecl())
                        || (!inDcb.recfm().fixed() && inDcb.lrecl() > outDcb.lrecl())) {
                    return "OCS0512E " + from.member() + " NOT COPIED: RECFM=" + inDcb.recfm() + " LRECL=" + inDcb.lrecl()
                            + " OF " + from.withoutMember() + " DOES NOT FIT RECFM=" + outDcb.recfm() + " LRECL="
                            + outDcb.lrecl() + " OF " + to.withoutMember();
                }
                Optional<MemberStatistics> statistics = step.catalog().statistics(from);
                step.catalog().writeRecords(to, step.catalog().readRecords(from));
                if (statistics.isPresent()) {
                    step.catalog().writeStatistics(to, statistics.get());
                }
                return null;
            } catch (ZosException e) {
                return e.getMessage();
            }
        }

        /**
         * The partitioned data set of a DD, opened with {@code level}; null after printing why it cannot be used.
         *
         * @throws Abend S913-38 when RACF refuses the user (ICH408I in the job log, IEC150I)
         */
        private DatasetName library(String ddName, AccessLevel level) {
            Optional<DataDefinition> dd = step.dd(ddName);
            if (dd.isEmpty()) {
                Output.missing(step, ddName);
                print.line("OCS0513E THE " + ddName + " DD STATEMENT IS MISSING: THE OPERATION IS ENDED");
                severity(8);
                return null;
            }
            Optional<DatasetName> dataset = dd.get().dataset().map(DatasetName::withoutMember);
            Optional<DatasetAttributes> dcb = dataset.flatMap(d -> step.catalog().attributes(d));
            if (dataset.isEmpty() || dcb.isEmpty() || !dcb.get().dsorg().equals("PO")) {
                print.line("OCS0514E " + ddName + " IS NOT A PARTITIONED DATA SET ("
                        + dataset.map(DatasetName::toString).orElse(dd.get().sysout() ? "SYSOUT" : dd.get().dummy() ? "DUMMY" : "NOT A DATA SET")
                        + "): UNLOAD AND LOAD ARE NOT SUPPORTED, THE OPERATION IS ENDED");
                severity(8);
                return null;
            }
            if (!access.allowed(step.user(), dataset.get(), level)) {
                try {
                    access.check(step.user(), dataset.get(), level);
                } catch (ZosException e) {
                    step.jobLog(e.getMessage());
                }
                throw new Abend("S913", "38", "IEC150I", "913-38,IFG0194A," + step.jobName() + "," + step.stepName() + ","
                        + ddName + ",,," + dataset.get());
            }
            return dataset.get();
        }
    }
}
