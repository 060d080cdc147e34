package org.opencs.ftp.server;

import java.util.Locale;
import org.opencs.core.ZosException;
import org.opencs.datasets.RecordFormat;

/**
 * The SITE values of one session (shared/reference/zos-ftp.md section 3): attributes for new data sets and the record
 * rules of ASCII uploads. Keywords take IBM's minimum abbreviations (capitals in RECfm, LRecl, BLKsize ...), toggles a
 * NO prefix.
 */
final class SiteSettings {
    String recfm = "VB";
    int lrecl = 256;
    int blksize = 27998;
    String spaceUnit = "TRACKS";
    int primary = 1;
    int secondary = 1;
    int directory = 27;
    boolean truncate;
    boolean wrapRecord;
    boolean trailingBlanks;
    String fileType = "SEQ";
    String sbDataconn = "(IBM-1047,ISO8859-1)";

    /** Applies one SITE parameter; returns a 200- note for the reply, or null when it was taken silently. */
    String apply(String parameter) {
        String[] kv = parameter.split("=", 2);
        String key = kv[0].toUpperCase(Locale.ROOT);
        String value = kv.length > 1 ? kv[1] : "";
        try {
            if (is(key, "RECFM", 3)) {
                recfm = RecordFormat.parse(value).name();
            } else if (is(key, "LRECL", 2)) {
                lrecl = range(value, 1, 32760);
            } else if (is(key, "BLKSIZE", 3) || is(key, "BLOCKSIZE", 6)) {
                blksize = range(value, 0, 32760);
            } else if (is(key, "PRIMARY", 3)) {
                primary = range(value, 1, 16777215);
            } else if (is(key, "SECONDARY", 3)) {
                secondary = range(value, 0, 16777215);
            } else if (is(key, "DIRECTORY", 1)) {
                directory = range(value, 1, 16777215);
            } else if (is(key, "TRACKS", 2) || is(key, "CYLINDERS", 2) || is(key, "BLOCKS", 2)) {
                spaceUnit = key.startsWith("TR") ? "TRACKS" : key.startsWith("CY") ? "CYLINDERS" : "BLOCKS";
            } else if (is(key, "TRUNCATE", 4) || is(key, "NOTRUNCATE", 6)) {
                truncate = !key.startsWith("NO");
            } else if (is(key, "WRAPRECORD", 4) || is(key, "NOWRAPRECORD", 6)) {
                wrapRecord = !key.startsWith("NO");
            } else if (is(key, "TRAILINGBLANKS", 5) || is(key, "NOTRAILINGBLANKS", 7)) {
                trailingBlanks = !key.startsWith("NO");
            } else if (is(key, "FILETYPE", 4)) {
                String t = value.toUpperCase(Locale.ROOT);
                if (!t.equals("SEQ")) {
                    return "200-FILETYPE=" + t + " is not supported by this server; FILETYPE remains SEQ.";
                }
                fileType = t;
            } else if (is(key, "SBDATACONN", 3)) {
                networkCharset(value);
                sbDataconn = value;
            } else if (is(key, "ENCODING", 2)) {
                if (value.equalsIgnoreCase("MBCS")) {
                    return "504 Multibyte encoding set but code pages are not defined.";
                }
            } else if (is(key, "LISTLEVEL", 5) || is(key, "DATASETMODE", 4) || is(key, "QUOTESOVERRIDE", 6)
                    || is(key, "ISPFSTATS", 4) || is(key, "RDW", 3) || is(key, "NORDW", 5)) {
                return null;
            } else {
                return "200-Unrecognized parameter '" + parameter + "' on SITE command.";
            }
        } catch (NumberFormatException | ZosException e) {
            return "200-Parameter '" + parameter + "' is not valid and was ignored.";
        }
        return null;
    }

    /** A keyword matches when it is an abbreviation of {@code full} at least {@code minimum} characters long. */
    private static boolean is(String key, String full, int minimum) {
        return key.length() >= minimum && full.startsWith(key);
    }

    private static int range(String value, int low, int high) {
        int n = Integer.parseInt(value.trim());
        if (n < low || n > high) {
            throw new NumberFormatException(value);
        }
        return n;
    }

    /**
     * The network side of SBDATACONN=(file_cp,network_cp) for TYPE A data set transfers (z/OS's default network code
     * page is ISO8859-1); the data set side is IBM-1047.
     */
    java.nio.charset.Charset networkCharset() {
        return networkCharset(sbDataconn);
    }

    private static java.nio.charset.Charset networkCharset(String setting) {
        String v = setting.trim();
        String network = v.startsWith("(") && v.contains(",") ? v.substring(v.indexOf(',') + 1).replace(")", "").trim() : v;
        String name = network.toUpperCase(Locale.ROOT);
        if (name.startsWith("ISO8859-")) {
            name = "ISO-8859-" + name.substring(8);
        } else if (name.startsWith("IBM-")) {
            name = "IBM" + name.substring(4);
        }
        try {
            return java.nio.charset.Charset.forName(name);
        } catch (RuntimeException e) {
            throw new ZosException("501", "SBDATACONN code page " + network + " is not known");
        }
    }
}
