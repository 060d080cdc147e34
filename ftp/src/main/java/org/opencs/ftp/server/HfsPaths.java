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
     * ls prints none for a single file. A symbolic link is listed as itself, the way z/OS's {@code /bin/ls -l} shows
     * it ({@code lrwxrwxrwx ... name -> target}, its size the length of the target), whether its target exists or
     * not; an entry that vanishes or cannot be read while listing is left out, so one entry never fails the listing
     * (and no host path ever reaches the client).
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
        List<Entry> rows = new java.util.ArrayList<>();
        for (Path p : entries) {
            entry(p).ifPresent(rows::add);
        }
        StringBuilder out = new StringBuilder();
        if (!namesOnly && directory) {
            long blocks = 0;
            for (Entry e : rows) {
                blocks += e.link() == null ? (e.size() + 4095) / 4096 * 8 : 0;
            }
            out.append("total ").append(blocks).append("\r\n");
        }
        Instant sixMonthsAgo = clock.instant().minusSeconds(182L * 86400);
        for (Entry e : rows) {
            String name = e.path().getFileName().toString();
            if (namesOnly) {
                out.append(name).append("\r\n");
                continue;
            }
            String mode = e.link() != null ? "lrwxrwxrwx" : e.directory() ? "drwxr-xr-x" : "-rw-r--r--";
            out.append(String.format("%s %3d %-8s %-8s %7d %s %s%s\r\n", mode, e.directory() ? 2 : 1,
                    owner(e.path()), "SYS1", e.size(), (e.modified().isBefore(sixMonthsAgo) ? OLD : RECENT).format(e.modified()),
                    name, e.link() == null ? "" : " -> " + e.link()));
        }
        return out.toString();
    }

    /** One directory entry as lstat() sees it; {@code link} is a symbolic link's target text, else null. */
    record Entry(Path path, boolean directory, long size, Instant modified, String link) {
    }

    /** The entry's own attributes (a link is not followed), or empty when it vanished or cannot be read. */
    static java.util.Optional<Entry> entry(Path p) {
        try {
            var a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String link = a.isSymbolicLink() ? Files.readSymbolicLink(p).toString() : null;
            long size = link != null ? link.getBytes(java.nio.charset.StandardCharsets.UTF_8).length : a.size();
            return java.util.Optional.of(new Entry(p, a.isDirectory(), size, a.lastModifiedTime().toInstant(), link));
        } catch (IOException | UnsupportedOperationException e) {
            return java.util.Optional.empty();
        }
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
     * Only the {@code selected} facts (OPTS MLST, RFC 3659 section 7.9) are given. RFC 3659 has no type for a
     * symbolic link; its section 7.7.4 example and Pure-FTPd, ProFTPD and FileZilla use
     * {@code type=OS.unix=slink:<target>} (or {@code type=OS.unix=symlink} when the target holds ';', CR or LF), which
     * OpenCS follows. Empty when the entry vanished or cannot be read.
     */
    static java.util.Optional<String> facts(Path p, java.util.Set<String> selected) {
        return entry(p).map(e -> {
            StringBuilder out = new StringBuilder();
            if (selected.contains("type")) {
                String type = e.link() == null ? (e.directory() ? "dir" : "file")
                        : e.link().matches("[^;\r\n]+") ? "OS.unix=slink:" + e.link() : "OS.unix=symlink";
                out.append("type=").append(type).append(';');
            }
            if (selected.contains("size") && !e.directory() && e.link() == null) {
                out.append("size=").append(e.size()).append(';');
            }
            if (selected.contains("modify")) {
                out.append("modify=").append(DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC)
                        .format(e.modified())).append(';');
            }
            if (selected.contains("perm")) {
                out.append("perm=").append(e.link() != null ? "" : e.directory() ? "cdelmp" : "adfrw").append(';');
            }
            return out.append(' ').toString();
        });
    }
}
