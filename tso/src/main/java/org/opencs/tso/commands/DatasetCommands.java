package org.opencs.tso.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opencs.core.AtomicFiles;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.datasets.UnixFileAccess;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.Operand;
import org.opencs.tso.parse.Operands;
import org.opencs.tso.parse.TsoCommand;

/** ALLOCATE, LISTCAT, LISTDS, DELETE, OGET and OPUT: seeing and moving what jobs and transfers produce. */
public final class DatasetCommands {
    private DatasetCommands() {
    }

    static Catalog catalog(TsoSession session) {
        return new Catalog(session.registry().home(), session.registry().clock());
    }

    /** A data set operand as TSO reads it: 'QUOTED' is complete, otherwise the user's prefix goes in front. */
    public static DatasetName name(Operand operand, TsoSession session) {
        String text = Operands.text(operand);
        boolean quoted = operand instanceof Operand.Word w && w.quoted();
        return DatasetName.resolve(quoted ? "'" + text + "'" : text, session.user().userid());
    }

    /**
     * The data set's ENQs for a command ({@code write}: DELETE, OPUT; else OGET), held by the session's owner until
     * closed; a data set another job, session or node holds is IKJ56225I DATA SET dsname ALREADY IN USE, TRY LATER
     * (z/OS TSO/E Messages, IKJ56225I).
     */
    static org.opencs.saf.grs.Enq serialize(TsoSession session, DatasetName name, boolean write) {
        org.opencs.saf.grs.EnqResult result = session.registry().enqueues().enq(org.opencs.saf.grs.EnqRequest.dataset(
                name.withoutMember().toString(), name.member(), write), session.enqOwner());
        if (result instanceof org.opencs.saf.grs.EnqResult.Granted granted) {
            return granted.enq();
        }
        throw new ZosException("IKJ56225I", "DATA SET " + name + " ALREADY IN USE, TRY LATER");
    }

    static DatasetName firstName(Operands operands, String keyword, TsoSession session) {
        Operand operand = operands.keyword(keyword).filter(k -> !k.operands().isEmpty()).map(k -> k.operands().get(0))
                .orElseGet(() -> operands.positional().isEmpty() ? null : operands.positional().get(0));
        if (operand == null) {
            throw new ZosException("IKJ56700A", "ENTER DATA SET NAME -");
        }
        return name(operand, session);
    }

    public static final class Allocate implements TsoCommandHandler {
        private static final Set<String> KEYWORDS = Set.of("DATASET", "DSNAME", "NEW", "SHR", "OLD", "MOD", "CATALOG",
                "KEEP", "RECFM", "LRECL", "BLKSIZE", "DSORG", "SPACE", "TRACKS", "CYLINDERS", "DIR", "FILE", "DDNAME",
                "UNIT", "VOLUME", "REUSE");

        @Override
        public Set<String> names() {
            return Set.of("ALLOCATE", "ALLOC");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            Operands operands = Operands.of(command.operands(), KEYWORDS);
            DatasetName name = firstName(operands, operands.has("DSNAME") ? "DSNAME" : "DATASET", session);
            if (!operands.has("NEW")) {
                if (!catalog(session).exists(name)) {
                    throw new ZosException("IKJ56228I", "DATA SET " + name + " NOT IN CATALOG OR CATALOG CAN NOT BE ACCESSED");
                }
                return;
            }
            new DatasetAccess(session.registry()).check(session.user(), name, AccessLevel.ALTER);
            RecordFormat recfm = RecordFormat.parse(String.join("", operands.values("RECFM")).isEmpty()
                    ? "VB" : String.join("", operands.values("RECFM")));
            int lrecl = number(operands.value("LRECL").orElse(recfm.variable() ? "255" : "80"), "LRECL");
            int blksize = number(operands.value("BLKSIZE").orElse("0"), "BLKSIZE");
            String dsorg = operands.value("DSORG").orElse(operands.has("DIR") ? "PO" : "PS").toUpperCase(Locale.ROOT);
            LocalDate today = LocalDate.ofInstant(session.registry().clock().instant(), ZoneOffset.UTC);
            catalog(session).allocate(name, new DatasetAttributes(dsorg, recfm, lrecl, blksize, today, today));
        }
    }

    public static final class Listcat implements TsoCommandHandler {
        @Override
        public Set<String> names() {
            return Set.of("LISTCAT", "LISTC");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            Operands operands = Operands.of(command.operands(), Set.of("LEVEL", "ENTRIES", "ALL", "NAME"));
            String level = operands.has("ENTRIES") ? firstName(operands, "ENTRIES", session).name()
                    : operands.value("LEVEL").orElse(session.user().userid()).toUpperCase(Locale.ROOT);
            List<String> names = catalog(session).list(level).stream()
                    .filter(n -> !operands.has("ENTRIES") || n.equals(level)).toList();
            if (names.isEmpty()) {
                throw new ZosException("IDC3012I", "ENTRY " + org.opencs.core.Values.quoteForMessage(level) + " NOT FOUND");
            }
            names.forEach(n -> session.print("NONVSAM ------- " + n));
        }
    }

    public static final class Listds implements TsoCommandHandler {
        @Override
        public Set<String> names() {
            return Set.of("LISTDS", "LISTD");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            Operands operands = Operands.of(command.operands(), Set.of("MEMBERS", "STATUS", "HISTORY", "LABEL"), 1);
            DatasetName name = firstName(operands, "NONE", session).withoutMember();
            new DatasetAccess(session.registry()).check(session.user(), name, AccessLevel.READ);
            DatasetAttributes a = catalog(session).attributes(name).orElseThrow(() ->
                    new ZosException("IKJ58503I", "DATA SET " + name + " NOT IN CATALOG"));
            session.print(name.name());
            session.print("--RECFM-LRECL-BLKSIZE-DSORG");
            session.print(String.format("  %-6s%-6d%-8d%s", a.recfm(), a.lrecl(), a.blksize(), a.dsorg()));
            session.print("--VOLUMES--");
            session.print("  OPENCS");
            session.print("--CREATED-- --REFERENCED--");
            session.print("  " + a.created() + "  " + a.referenced());
            if (operands.has("MEMBERS") && a.dsorg().equals("PO")) {
                session.print("--MEMBERS--");
                catalog(session).members(name).forEach(m -> session.print("  " + m));
            }
        }
    }

    public static final class Delete implements TsoCommandHandler {
        @Override
        public Set<String> names() {
            return Set.of("DELETE", "DEL");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            Operands operands = Operands.of(command.operands(), Set.of("PURGE", "NONVSAM", "SCRATCH"), 1);
            for (Operand operand : operands.positional()) {
                DatasetName name = name(operand, session);
                new DatasetAccess(session.registry()).check(session.user(), name, AccessLevel.ALTER);
                try (var enq = serialize(session, name, true)) {
                    catalog(session).delete(name);
                }
                session.print("IDC0550I ENTRY (A) " + name + " DELETED");
            }
        }
    }

    /** OGET 'dsn' '/path' [TEXT|BINARY] and OPUT '/path' 'dsn' [TEXT|BINARY]. */
    public static final class Ocopy implements TsoCommandHandler {
        @Override
        public Set<String> names() {
            return Set.of("OGET", "OPUT");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            Operands operands = Operands.of(command.operands(), Set.of("TEXT", "BINARY", "CONVERT"), 2);
            if (operands.positional().size() < 2) {
                throw new ZosException("IKJ56700A", "ENTER " + command.name() + " SOURCE AND TARGET -");
            }
            boolean get = command.name().equals("OGET");
            DatasetName name = name(operands.positional().get(get ? 0 : 1), session);
            String path = Operands.text(operands.positional().get(get ? 1 : 0));
            // One resolver for every z/OS UNIX path a user names: checked where the file system will take it.
            Path file = new UnixFileAccess(session.registry()).resolve(session.user(), path, true).host();
            boolean binary = operands.has("BINARY");
            Catalog catalog = catalog(session);
            new DatasetAccess(session.registry()).check(session.user(), name, get ? AccessLevel.READ
                    : AccessLevel.UPDATE);
            try (var enq = serialize(session, name, !get)) {
                if (get) {
                    // TEXT: a z/OS UNIX text file, IBM-1047 with NL x'15' ending each record (docs/ftp.md, "Text in
                    // z/OS UNIX files"); BINARY: the records' bytes.
                    if (binary) {
                        AtomicFiles.write(file, catalog.readBinary(name), false);
                    } else {
                        org.opencs.core.UnixText.write(file, catalog.readText(name));
                    }
                } else {
                    if (!Files.isRegularFile(file)) {
                        throw new ZosException("BPXF024I", "The file " + org.opencs.core.Values.quoteForMessage(path) + " does not exist.");
                    }
                    byte[] content = binary ? Files.readAllBytes(file) : new byte[0];
                    LocalDate today = LocalDate.ofInstant(session.registry().clock().instant(), ZoneOffset.UTC);
                    catalog.ensure(name, new DatasetAttributes("PS", binary ? RecordFormat.U : RecordFormat.VB,
                            binary ? 27998 : 1028, 27998, today, today));
                    if (binary) {
                        catalog.writeBinary(name, content);
                    } else {
                        // Text by the file's tag, IBM-1047 when untagged, as z/OS reads a z/OS UNIX text file.
                        catalog.writeText(name, org.opencs.core.UnixText.read(file));
                    }
                }
            } catch (IOException e) {
                throw new ZosException("BPXF024I", "The file " + org.opencs.core.Values.quoteForMessage(path) + " cannot be used: "
                        + org.opencs.core.UnixErrors.describe(e));
            }
        }
    }

    private static int number(String text, String keyword) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ZosException("IKJ56702I", "INVALID " + keyword + ", " + org.opencs.core.Values.quoteForMessage(text));
        }
    }
}
