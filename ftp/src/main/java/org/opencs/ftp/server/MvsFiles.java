package org.opencs.ftp.server;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;

/** MVS data sets for the FTP server: names against the working prefix, and the catalog-level LIST layout. */
final class MvsFiles {
    static final String LIST_HEADER = "Volume Unit    Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname";
    private static final DateTimeFormatter REFERRED = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private MvsFiles() {
    }

    /** 'QUOTED' names are complete; others are appended to the working prefix ("USER1." + "CERT.B64"). */
    static DatasetName resolve(String prefix, String argument) {
        String a = argument.trim();
        if (a.startsWith("'")) {
            return DatasetName.resolve(a, null);
        }
        String base = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return DatasetName.resolve(base.isEmpty() ? "'" + a + "'" : "'" + base + "." + a + "'", null);
    }

    /** The prefix a CWD argument names: 'X.Y' or X relative to the current prefix; always ending in a dot. */
    static String prefix(String current, String argument) {
        String a = argument.trim();
        String full = a.startsWith("'") ? a.replace("'", "") : current + a;
        full = full.toUpperCase(Locale.ROOT);
        return full.isEmpty() || full.endsWith(".") ? full : full + ".";
    }

    /** LIST at a catalog level: the header and one fixed-column row per data set, names relative to the prefix. */
    static String listing(Catalog catalog, String prefix) {
        String level = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        List<String> names = catalog.list(level);
        StringBuilder out = new StringBuilder(LIST_HEADER).append("\r\n");
        for (String name : names) {
            DatasetAttributes a = catalog.attributes(new DatasetName(name, null)).orElseThrow();
            out.append(String.format("%-6s %-4s   %-10s%3d%5d  %-4s %5d %5d %-4s %s\r\n", "OPENCS", "3390",
                    a.referenced().format(REFERRED), 1, 1, a.recfm(), a.lrecl(), a.blksize(), " " + a.dsorg() + " ",
                    name.startsWith(prefix) ? name.substring(prefix.length()) : "'" + name + "'"));
        }
        return out.toString();
    }
}
