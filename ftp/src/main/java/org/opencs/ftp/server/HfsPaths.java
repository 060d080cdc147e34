package org.opencs.ftp.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** z/OS UNIX paths for the FTP server: resolution, who may use them, ls-style listings and ASCII line ends. */
final class HfsPaths {
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM dd  yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private HfsPaths() {
    }

    /**
     * Joins an argument to the working directory and removes "." and ".." by name: the path the client sees in
     * replies ("/" at the top). Which file it names, and whether the user may use it, is decided on its canonical
     * form ({@link org.opencs.datasets.UnixFileAccess}), never on this string.
     */
    static String resolve(String cwd, String argument) {
        String joined = argument.isEmpty() ? cwd : argument.startsWith("/") ? argument : cwd + "/" + argument;
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /**
     * LIST (ls -l style) or NLST of a directory or of one file. {@code all} (LIST -a, -A) includes names that start
     * with a dot, never the server's own partial uploads. The {@code total} line heads a directory's listing only:
     * ls prints none for a single file.
     */
    static String listing(Path target, boolean namesOnly, Clock clock, boolean all) throws IOException {
        List<Path> entries;
        boolean directory = Files.isDirectory(target);
        if (directory) {
            try (Stream<Path> list = Files.list(target)) {
                entries = list.filter(p -> shown(p.getFileName().toString(), all)).sorted().toList();
            }
        } else {
            entries = List.of(target);
        }
        StringBuilder out = new StringBuilder();
        if (!namesOnly && directory) {
            long blocks = 0;
            for (Path p : entries) {
                blocks += (Files.size(p) + 4095) / 4096 * 8;
            }
            out.append("total ").append(blocks).append("\r\n");
        }
        Instant sixMonthsAgo = clock.instant().minusSeconds(182L * 86400);
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (namesOnly) {
                out.append(name).append("\r\n");
                continue;
            }
            boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            Instant modified = Files.getLastModifiedTime(p).toInstant();
            out.append(String.format("%s %3d %-8s %-8s %7d %s %s\r\n", dir ? "drwxr-xr-x" : "-rw-r--r--", dir ? 2 : 1,
                    owner(p), "SYS1", Files.size(p), (modified.isBefore(sixMonthsAgo) ? OLD : RECENT).format(modified),
                    name));
        }
        return out.toString();
    }

    private static boolean shown(String name, boolean all) {
        return all ? !name.startsWith(PartialUploads.PREFIX) : !name.startsWith(".");
    }

    /** Files under /u/name belong to user NAME; others to OMVSKERN (OpenCS keeps no owner per file yet). */
    private static String owner(Path p) {
        String text = p.toString().replace('\\', '/');
        int u = text.indexOf("/hfs/u/");
        if (u >= 0) {
            String rest = text.substring(u + 7);
            int slash = rest.indexOf('/');
            return (slash < 0 ? rest : rest.substring(0, slash)).toUpperCase(Locale.ROOT);
        }
        return "OMVSKERN";
    }

    /** The facts MLST and MLSD offer (FEAT), in their order. */
    static final List<String> FACTS = List.of("type", "size", "modify", "perm");

    /**
     * RFC 3659 facts of one entry, ending with the space before its name: "type=file;size=12;modify=...;perm=rw; ".
     * Only the {@code selected} facts (OPTS MLST, RFC 3659 section 7.9) are given.
     */
    static String facts(Path p, java.util.Set<String> selected) throws IOException {
        boolean dir = Files.isDirectory(p);
        StringBuilder out = new StringBuilder();
        if (selected.contains("type")) {
            out.append(dir ? "type=dir;" : "type=file;");
        }
        if (selected.contains("size") && !dir) {
            out.append("size=").append(Files.size(p)).append(';');
        }
        if (selected.contains("modify")) {
            out.append("modify=").append(DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC)
                    .format(Files.getLastModifiedTime(p).toInstant())).append(';');
        }
        if (selected.contains("perm")) {
            out.append("perm=").append(dir ? "cdelmp" : "adfrw").append(';');
        }
        return out.append(' ').toString();
    }
}
