package org.opencs.ftp.server;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;

/**
 * MVS data sets for the FTP server: names against the working directory (a prefix ending in a dot, or a PDS), the
 * catalog-level and member LIST layouts of shared/reference/zos-ftp.md section 2, and MVS wildcards.
 */
final class MvsFiles {
    static final String LIST_HEADER = "Volume Unit    Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname";
    static final String MEMBER_HEADER = " Name     VV.MM   Created       Changed      Size  Init   Mod   Id";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm").withZone(ZoneOffset.UTC);

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

    /** LIST at a catalog level: the header and one fixed-column row per data set, names relative to the prefix. */
    static String listing(Catalog catalog, List<String> names, String prefix, boolean quoted) {
        StringBuilder out = new StringBuilder(LIST_HEADER).append("\r\n");
        for (String name : names) {
            DatasetAttributes a = catalog.attributes(new DatasetName(name, null)).orElseThrow();
            out.append(String.format("%-6s %-4s   %-10s%3d%5d  %-4s %5d %5d %-4s %s\r\n", "OPENCS", "3390",
                    a.referenced().format(DAY), 1, 1, a.recfm(), a.lrecl(), a.blksize(), " " + a.dsorg() + " ",
                    displayName(name, prefix, quoted)));
        }
        return out.toString();
    }

    static String displayName(String name, String prefix, boolean quoted) {
        return !quoted && !prefix.isEmpty() && name.startsWith(prefix) ? name.substring(prefix.length()) : "'" + name + "'";
    }

    /** The members of a PDS with ISPF-style statistics (version 01.00, record count as size, the owner as ID). */
    static String memberListing(Catalog catalog, DatasetName pds, List<String> members) {
        StringBuilder out = new StringBuilder(MEMBER_HEADER).append("\r\n");
        for (String member : members) {
            DatasetName name = new DatasetName(pds.name(), member);
            var changed = catalog.lastModified(name);
            int records = catalog.readRecords(name).size();
            out.append(String.format("%-8s  %-5s %s %s %5d %5d %5d %s\r\n", member, "01.00",
                    DAY.format(changed.atZone(ZoneOffset.UTC)), MINUTE.format(changed), records, records, 0,
                    pds.highLevelQualifier()));
        }
        return out.toString();
    }
}
