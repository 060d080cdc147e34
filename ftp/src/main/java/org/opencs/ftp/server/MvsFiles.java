package org.opencs.ftp.server;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;

/**
 * MVS data sets for the FTP server: names against the working directory (a prefix ending in a dot, or a PDS), the
 * catalog-level and member LIST layouts of shared/reference/zos-ftp.md section 2, and MVS wildcards.
 */
final class MvsFiles {
    static final String LIST_HEADER = "Volume Unit    Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname";
    static final String LIST_HEADER_2 = "Volume Referred      Ext      Used Recfm Lrecl BlkSz Dsorg Dsname";
    static final String MEMBER_HEADER = " Name     VV.MM   Created       Changed      Size  Init   Mod   Id";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter CHANGED = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private MvsFiles() {
    }

    /** A working directory without a trailing dot is a partitioned data set (after CWD into it). */
    static boolean isPds(String workingDirectory) {
        return !workingDirectory.isEmpty() && !workingDirectory.endsWith(".");
    }

    /**
     * 'QUOTED' names are complete; others are relative to the working directory: appended to a prefix
     * ("USER1." + "CERT.B64"), or a member of the working PDS.
     */
    static DatasetName resolve(String workingDirectory, String argument) {
        String a = argument.trim();
        if (a.startsWith("'")) {
            return DatasetName.resolve(a, null);
        }
        if (isPds(workingDirectory)) {
            return DatasetName.resolve("'" + workingDirectory + "(" + a + ")'", null);
        }
        String base = workingDirectory.endsWith(".") ? workingDirectory.substring(0, workingDirectory.length() - 1)
                : workingDirectory;
        return DatasetName.resolve(base.isEmpty() ? "'" + a + "'" : "'" + base + "." + a + "'", null);
    }

    /** The name a CWD argument gives: 'X.Y' or X relative to the current prefix, upper case, quotes removed. */
    static String target(String current, String argument) {
        String a = argument.trim();
        String base = isPds(current) ? current + "." : current;
        return (a.startsWith("'") ? a.replace("'", "") : base + a).toUpperCase(Locale.ROOT);
    }

    /** MVS wildcards: * within one qualifier, ** across qualifiers, % one character. */
    static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '%') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }

    /**
     * LIST at a catalog level: the header and one fixed-column row per data set, names relative to the prefix, in
     * the layout of SITE LISTLEVEL (0 and 1 differ only in showing a PDSE as PO or PO-E, and OpenCS has no PDSE).
     */
    static String listing(Catalog catalog, List<String> names, String prefix, boolean quoted, int listLevel) {
        StringBuilder out = new StringBuilder(header(listLevel)).append("\r\n");
        for (String name : names) {
            out.append(row(catalog, name, prefix, quoted, listLevel));
        }
        return out.toString();
    }

    /** The header line of a data set list at this LISTLEVEL. */
    static String header(int listLevel) {
        return listLevel == 2 ? LIST_HEADER_2 : LIST_HEADER;
    }

    /**
     * One data set's row. LISTLEVEL 0 and 1: Volume 0-5, Unit 7-10, Referred 14-23, Ext, Used 27-31, Recfm 34,
     * Lrecl 39-43, BlkSz 45-49, Dsorg 51-54, Dsname 56. LISTLEVEL 2 (wider counts): Volume 0-5, Referred 7-16, Ext
     * 18-23, Used 25-33, Recfm 36, Lrecl 41-45, BlkSz 47-51, Dsorg 53-56, Dsname 59 (the columns FluentFTP's z/OS
     * parser reads, shared/reference/zos-ftp.md section 2.1).
     */
    static String row(Catalog catalog, String name, String prefix, boolean quoted, int listLevel) {
        DatasetAttributes a = catalog.attributes(new DatasetName(name, null)).orElseThrow();
        String shown = displayName(name, prefix, quoted);
        if (listLevel == 2) {
            return String.format("%-6s %-10s %6d %9d  %-4s %5d %5d %-4s  %s\r\n", "OPENCS", a.referenced().format(DAY), 1,
                    1, a.recfm(), a.lrecl(), a.blksize(), " " + a.dsorg() + " ", shown);
        }
        return String.format("%-6s %-4s   %-10s%3d%5d  %-4s %5d %5d %-4s %s\r\n", "OPENCS", "3390",
                a.referenced().format(DAY), 1, 1, a.recfm(), a.lrecl(), a.blksize(), " " + a.dsorg() + " ", shown);
    }

    /**
     * A name a client gave must have qualifiers of at most 8 characters (wildcards not counted), else z/OS answers
     * {@code 501 Qualifier too long.  Use MVS naming conventions.} (FluentFTP issue #423).
     */
    static void checkQualifiers(String argument) {
        String a = argument.trim().replace("'", "");
        int open = a.indexOf('(');
        String dataset = open >= 0 ? a.substring(0, open) : a;
        for (String qualifier : dataset.split("\\.")) {
            if (qualifier.replace("*", "").replace("%", "").length() > 8) {
                throw new ZosException("501", "Qualifier too long.  Use MVS naming conventions.");
            }
        }
    }

    static String displayName(String name, String prefix, boolean quoted) {
        return !quoted && !prefix.isEmpty() && name.startsWith(prefix) ? name.substring(prefix.length()) : "'" + name + "'";
    }

    /**
     * The members of a PDS: a member with ISPF statistics shows them (VV.MM, created, changed, size, init, mod, id);
     * one without shows only its name, as z/OS lists it (shared/reference/zos-ftp.md section 2.2).
     */
    static String memberListing(Catalog catalog, DatasetName pds, List<String> members) {
        StringBuilder out = new StringBuilder(MEMBER_HEADER).append("\r\n");
        for (String member : members) {
            var statistics = catalog.statistics(new DatasetName(pds.name(), member));
            if (statistics.isEmpty()) {
                out.append(String.format("%-8s\r\n", member));
                continue;
            }
            var st = statistics.get();
            out.append(String.format("%-8s  %02d.%02d %s %s %5d %5d %5d %s\r\n", member, st.version(), st.level(),
                    st.created().format(DAY), st.changed().format(CHANGED), st.size(), st.initial(), st.modified(),
                    st.user()));
        }
        return out.toString();
    }
}
