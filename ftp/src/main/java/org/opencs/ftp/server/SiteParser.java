package org.opencs.ftp.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencs.datasets.RecordFormat;

/**
 * Reads the argument of SITE into {@link SiteParameter}s and does nothing else (applying them is
 * {@link SiteSettings}' job). Keywords take IBM's minimum abbreviations (the capitals of "RECfm", "LRecl" ... in
 * z/OS Communications Server: IP User's Guide and Commands, "SIte subcommand"); a full keyword wins over an
 * abbreviation of a longer one (BLOCKS is BLocks, not BLOCKSIze). Parameters are separated by blanks; UMASK takes
 * its value after a blank or an equal sign ({@code UMASK 027}, {@code UMASK=027}), CHMOD its mode and file name
 * after blanks, as z/OS parses them.
 */
final class SiteParser {
    private enum Kind {
        RECFM, LRECL, BLKSIZE, PRIMARY, SECONDARY, DIRECTORY, TRACKS, CYLINDERS, BLOCKS, TRUNCATE, NOTRUNCATE,
        WRAPRECORD, NOWRAPRECORD, TRAILINGBLANKS, NOTRAILINGBLANKS, FILETYPE, SBDATACONN, ENCODING, RDW, NORDW,
        SBSENDEOL, LISTLEVEL, QUOTESOVERRIDE, NOQUOTESOVERRIDE, ISPFSTATS, NOISPFSTATS, DIRECTORYMODE, DATASETMODE,
        UMASK, CHMOD, PDSTYPE, JESJOBNAME, JESOWNER, JESSTATUS, JESENTRYLIMIT, JESGETBYDSN, NOJESGETBYDSN,
        JESPUTGETTO, DEBUG, REFUSED
    }

    /** A keyword, its shortest accepted abbreviation and what it is. */
    private record Keyword(String name, int minimum, Kind kind) {
    }

    private static final List<Keyword> KEYWORDS = List.of(
            new Keyword("RECFM", 3, Kind.RECFM), new Keyword("LRECL", 2, Kind.LRECL),
            new Keyword("BLKSIZE", 3, Kind.BLKSIZE), new Keyword("BLOCKSIZE", 6, Kind.BLKSIZE),
            new Keyword("PRIMARY", 3, Kind.PRIMARY), new Keyword("SECONDARY", 3, Kind.SECONDARY),
            new Keyword("DIRECTORY", 1, Kind.DIRECTORY), new Keyword("DIRECTORYMODE", 10, Kind.DIRECTORYMODE),
            new Keyword("DATASETMODE", 5, Kind.DATASETMODE), new Keyword("TRACKS", 2, Kind.TRACKS),
            new Keyword("CYLINDERS", 2, Kind.CYLINDERS), new Keyword("BLOCKS", 2, Kind.BLOCKS),
            new Keyword("TRUNCATE", 4, Kind.TRUNCATE), new Keyword("NOTRUNCATE", 6, Kind.NOTRUNCATE),
            new Keyword("WRAPRECORD", 4, Kind.WRAPRECORD), new Keyword("NOWRAPRECORD", 6, Kind.NOWRAPRECORD),
            new Keyword("TRAILINGBLANKS", 5, Kind.TRAILINGBLANKS), new Keyword("NOTRAILINGBLANKS", 7, Kind.NOTRAILINGBLANKS),
            new Keyword("FILETYPE", 4, Kind.FILETYPE), new Keyword("SBDATACONN", 3, Kind.SBDATACONN),
            new Keyword("ENCODING", 2, Kind.ENCODING), new Keyword("RDW", 3, Kind.RDW), new Keyword("NORDW", 5, Kind.NORDW),
            new Keyword("SBSENDEOL", 9, Kind.SBSENDEOL), new Keyword("LISTLEVEL", 7, Kind.LISTLEVEL),
            new Keyword("QUOTESOVERRIDE", 3, Kind.QUOTESOVERRIDE), new Keyword("NOQUOTESOVERRIDE", 5, Kind.NOQUOTESOVERRIDE),
            new Keyword("ISPFSTATS", 5, Kind.ISPFSTATS), new Keyword("NOISPFSTATS", 7, Kind.NOISPFSTATS),
            new Keyword("UMASK", 2, Kind.UMASK), new Keyword("CHMOD", 3, Kind.CHMOD), new Keyword("PDSTYPE", 7, Kind.PDSTYPE),
            // The JES interface's keywords: refused as not configured when the server has no JES (see parse).
            new Keyword("JESENTRYLIMIT", 9, Kind.JESENTRYLIMIT), new Keyword("JESGETBYDSN", 11, Kind.JESGETBYDSN),
            new Keyword("NOJESGETBYDSN", 13, Kind.NOJESGETBYDSN), new Keyword("JESJOBNAME", 7, Kind.JESJOBNAME),
            new Keyword("JESOWNER", 4, Kind.JESOWNER), new Keyword("JESSTATUS", 5, Kind.JESSTATUS),
            new Keyword("JESPUTGETTO", 9, Kind.JESPUTGETTO),
            // Known to z/OS, not honoured by OpenCS: refused (see SiteParameter.Refused and docs/ftp.md).
            refused("ASATRANS", 3), refused("NOASATRANS", 5), refused("AUTOMOUNT", 5), refused("NOAUTOMOUNT", 7),
            refused("AUTORECALL", 5), refused("NOAUTORECALL", 7), refused("BUFNO", 2), refused("CHKPTINT", 3),
            refused("CONDDISP", 4), refused("CTRLCONN", 5), refused("DATACLASS", 5), refused("DATAKEEPALIVE", 13),
            refused("DB2", 3), refused("DBSUB", 5), refused("NODBSUB", 7), refused("DCBDSN", 2), refused("DEST", 3),
            refused("DSNTYPE", 7), refused("DSWAITTIME", 10), refused("EATTR", 5), refused("FIFOIOTIME", 10),
            refused("FIFOOPENTIME", 12), refused("FTPKEEPALIVE", 2), refused("JESLRECL", 4),
            refused("JESRECFM", 4), refused("LISTSUBDIR", 7),
            refused("NOLISTSUBDIR", 9), refused("MBDATACONN", 10), refused("MBREQUIRELASTEOL", 16),
            refused("NOMBREQUIRELASTEOL", 18), refused("MBSENDEOL", 9), refused("MGMTCLASS", 2),
            refused("MIGRATEVOL", 3), refused("READTAPEFORMAT", 9), refused("RETPD", 3), refused("SBSUB", 5),
            refused("NOSBSUB", 7), refused("SBSUBCHAR", 9), refused("SPREAD", 3), refused("NOSPREAD", 5),
            refused("SQLCOL", 4), refused("STORCLASS", 4), refused("SUBSYS", 6), refused("TAPEREADSTREAM", 14),
            refused("NOTAPEREADSTREAM", 16), refused("UCOUNT", 6), refused("UCSHOSTCS", 9), refused("UCSSUB", 6),
            refused("NOUCSSUB", 8), refused("UCSTRUNC", 8), refused("NOUCSTRUNC", 10), refused("UNIT", 1),
            refused("UNICODEFILESYSTEMBOM", 20), refused("UNIXFILETYPE", 12), refused("VCOUNT", 6),
            refused("VOLUME", 3), refused("XLATE", 2), refused("DUMP", 4),
            // DEBug=(options): the session's general traces, when FTP.DATA has DEBUGONSITE TRUE (see parse).
            new Keyword("DEBUG", 3, Kind.DEBUG));

    private SiteParser() {
    }

    private static Keyword refused(String name, int minimum) {
        return new Keyword(name, minimum, Kind.REFUSED);
    }

    /** The parameters of one SITE argument, in order, for a server without a JES interface. */
    static List<SiteParameter> parse(String argument) {
        return parse(argument, false);
    }

    /** As {@link #parse(String, boolean, boolean)} for a server whose FTP.DATA has DEBUGONSITE FALSE (the default). */
    static List<SiteParameter> parse(String argument, boolean jes) {
        return parse(argument, jes, false);
    }

    /**
     * The parameters of one SITE argument, in order. {@code jes}: whether the server has a JES interface; without
     * one, FILETYPE=JES and the JES keywords are refused as not configured (504), so a client can tell.
     * {@code debugOnSite}: FTP.DATA's DEBUGONSITE; without it DEBUG= is refused the same way (IBM IP Diagnosis Guide,
     * "Start tracing after FTP initialization": SITE DEBUG needs DEBUGONSITE TRUE).
     */
    static List<SiteParameter> parse(String argument, boolean jes, boolean debugOnSite) {
        List<String> tokens = List.of(argument.trim().split("\\s+"));
        List<SiteParameter> parameters = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.isEmpty()) {
                continue;
            }
            int equals = token.indexOf('=');
            String key = (equals < 0 ? token : token.substring(0, equals)).toUpperCase(Locale.ROOT);
            String value = equals < 0 ? null : token.substring(equals + 1);
            Keyword keyword = keyword(key);
            if (keyword == null) {
                parameters.add(new SiteParameter.Unrecognized(token));
                continue;
            }
            if (keyword.kind() == Kind.UMASK && value == null && i + 1 < tokens.size()) {
                value = tokens.get(++i);
            }
            if (keyword.kind() == Kind.CHMOD) {
                String mode = i + 1 < tokens.size() ? tokens.get(++i) : null;
                String file = i + 1 < tokens.size() ? tokens.get(++i) : null;
                parameters.add(mode == null || file == null
                        ? new SiteParameter.Ignored("Chmod parameters missing. Specify CHMOD mode filename. CHMOD ignored")
                        : new SiteParameter.Chmod(mode, file));
                continue;
            }
            if (keyword.kind() == Kind.DEBUG) {
                parameters.add(debug(value, debugOnSite));
                continue;
            }
            parameters.add(parameter(keyword, value, token, jes));
        }
        return parameters;
    }

    /** A keyword by its full name, else by an abbreviation at least as long as IBM's minimum; null if none. */
    static String fullName(String key) {
        Keyword keyword = keyword(key.toUpperCase(Locale.ROOT));
        return keyword == null ? null : keyword.name();
    }

    private static Keyword keyword(String key) {
        for (Keyword k : KEYWORDS) {
            if (k.name().equals(key)) {
                return k;
            }
        }
        for (Keyword k : KEYWORDS) {
            if (key.length() >= k.minimum() && k.name().startsWith(key)) {
                return k;
            }
        }
        return null;
    }

    private static SiteParameter parameter(Keyword keyword, String value, String token, boolean jes) {
        String v = value == null ? "" : value.trim();
        String upper = v.toUpperCase(Locale.ROOT);
        if (!jes && keyword.kind().name().contains("JES")) {
            return notConfigured(keyword.name() + (value == null ? "" : "=" + v));
        }
        return switch (keyword.kind()) {
            case RECFM -> recfm(v);
            case LRECL -> number("Lrecl", v, 0, 32760, SiteParameter.Lrecl::new);
            case BLKSIZE -> v.isEmpty() ? new SiteParameter.Blksize(0) : number("Blocksize", v, 0, 32760, SiteParameter.Blksize::new);
            case PRIMARY -> number("Primary", v, 1, 16777215, SiteParameter.Primary::new);
            case SECONDARY -> number("Secondary", v, 0, 16777215, SiteParameter.Secondary::new);
            case DIRECTORY -> number("Directory", v, 1, 16777215, SiteParameter.Directory::new);
            case LISTLEVEL -> number("Listlevel", v, 0, 2, SiteParameter.ListLevel::new);
            case TRACKS -> new SiteParameter.SpaceUnit("TRACKS");
            case CYLINDERS -> new SiteParameter.SpaceUnit("CYLINDERS");
            case BLOCKS -> new SiteParameter.SpaceUnit("BLOCKS");
            case TRUNCATE, NOTRUNCATE -> new SiteParameter.Truncate(keyword.kind() == Kind.TRUNCATE);
            case WRAPRECORD, NOWRAPRECORD -> new SiteParameter.WrapRecord(keyword.kind() == Kind.WRAPRECORD);
            case TRAILINGBLANKS, NOTRAILINGBLANKS -> new SiteParameter.TrailingBlanks(keyword.kind() == Kind.TRAILINGBLANKS);
            case RDW, NORDW -> new SiteParameter.Rdw(keyword.kind() == Kind.RDW);
            case QUOTESOVERRIDE, NOQUOTESOVERRIDE -> new SiteParameter.QuotesOverride(keyword.kind() == Kind.QUOTESOVERRIDE);
            case ISPFSTATS, NOISPFSTATS -> new SiteParameter.IspfStats(keyword.kind() == Kind.ISPFSTATS);
            case DIRECTORYMODE, DATASETMODE -> new SiteParameter.DirectoryMode(keyword.kind() == Kind.DIRECTORYMODE);
            case FILETYPE -> switch (upper) {
                case "SEQ" -> new SiteParameter.FileType("SEQ");
                case "JES" -> jes ? new SiteParameter.FileType("JES") : notConfigured("FILETYPE=JES");
                case "SQL" -> notConfigured("FILETYPE=" + upper);
                default -> new SiteParameter.Ignored("Filetype parameter (" + shown(v) + ") is not valid. Filetype ignored.");
            };
            case SBDATACONN -> v.isEmpty() ? new SiteParameter.Ignored("SBDATACONN requires a value. SBDATACONN ignored.")
                    : new SiteParameter.SbDataconn(v);
            case ENCODING -> switch (upper) {
                case "SBCS" -> new SiteParameter.Encoding("SBCS");
                case "MBCS" -> new SiteParameter.Refused("ENCODING", "504 Multibyte encoding set but code pages are not defined.");
                default -> new SiteParameter.Ignored("ENcoding parameter (" + shown(v) + ") is not valid. Encoding ignored.");
            };
            case SBSENDEOL -> switch (upper) {
                case "CRLF", "LF", "CR", "NONE" -> new SiteParameter.SbSendEol(SiteParameter.LineEnd.valueOf(upper));
                default -> new SiteParameter.Ignored("SBSENDEOL parameter (" + shown(v) + ") must be CRLF, LF, CR or NONE. SBSENDEOL ignored.");
            };
            case UMASK -> v.matches("[0-7]{1,3}") ? new SiteParameter.Umask(Integer.parseInt(v, 8))
                    : new SiteParameter.Ignored("UMASK value (" + shown(v) + ") is not valid. Specify 1-3 octal digits. UMASK ignored.");
            case PDSTYPE -> switch (upper) {
                case "PDS", "" -> new SiteParameter.PdsType(upper.isEmpty() ? "PDS" : upper);
                case "PDSE" -> notConfigured("PDSTYPE=PDSE");
                default -> new SiteParameter.Ignored("PDSTYPE parameter (" + shown(v) + ") is not valid. PDSTYPE ignored.");
            };
            case JESJOBNAME -> jesPattern("JESJOBNAME", upper, SiteParameter.JesJobName::new);
            case JESOWNER -> jesPattern("JESOWNER", upper, SiteParameter.JesOwner::new);
            case JESSTATUS -> switch (upper) {
                case "", "ALL", "INPUT", "ACTIVE", "OUTPUT" -> new SiteParameter.JesStatus(upper.isEmpty() ? "ALL" : upper);
                default -> new SiteParameter.Ignored("JESSTATUS parameter (" + shown(v)
                        + ") must be ALL, INPUT, ACTIVE or OUTPUT. JESSTATUS ignored.");
            };
            case JESENTRYLIMIT -> number("JESENTRYLIMIT", v, 1, 1024, SiteParameter.JesEntryLimit::new);
            case JESGETBYDSN, NOJESGETBYDSN -> new SiteParameter.JesGetByDsn(keyword.kind() == Kind.JESGETBYDSN);
            case JESPUTGETTO -> number("JESPUTGETTO", v, 0, 86400, SiteParameter.JesPutGetTo::new);
            case CHMOD, DEBUG -> throw new IllegalStateException(keyword.name() + " is read by parse");
            case REFUSED -> notConfigured(keyword.name() + (value == null ? "" : "=" + v));
        };
    }

    /**
     * DEBug=(options) ({@link org.opencs.ftp.config.DebugOptionParser#parseList}): a list with an operand z/OS does not know changes nothing
     * and gets a 200- note naming it, as the other SITE parameters' bad values do.
     */
    private static SiteParameter debug(String value, boolean debugOnSite) {
        String v = value == null ? "" : value.trim();
        if (!debugOnSite) {
            return notConfigured("DEBUG" + (value == null ? "" : "=" + v));
        }
        try {
            return new SiteParameter.Debug(org.opencs.ftp.config.DebugOptionParser.parseList(v));
        } catch (org.opencs.ftp.config.DebugOptionException e) {
            String operand = v.startsWith("(") ? shown(v) : "(" + shown(v) + ")";
            return new SiteParameter.Ignored("DEBUG parameter " + operand + " is not valid: " + e.getMessage()
                    + ". DEBUG ignored.");
        }
    }

    /**
     * JESJOBNAME and JESOWNER: a job name or user ID pattern of at most 8 characters (letters, digits, national
     * characters, * and ?); an empty value restores the default (the user ID, followed by * for JESJOBNAME).
     */
    private static SiteParameter jesPattern(String label, String upper,
                                            java.util.function.Function<String, SiteParameter> make) {
        if (upper.isEmpty() || upper.matches("[A-Z0-9@#$*?]{1,8}")) {
            return make.apply(upper);
        }
        return new SiteParameter.Ignored(label + " parameter (" + shown(upper) + ") is not a valid "
                + (label.equals("JESOWNER") ? "user ID" : "job name") + " pattern. " + label + " ignored.");
    }

    /** RFC 959 504 in z/OS's words (IBM IP and SNA Codes, 504 reply codes): the SITE command changes nothing. */
    private static SiteParameter notConfigured(String parameter) {
        String keyword = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
        return new SiteParameter.Refused(keyword, "504 Command SITE aborted -- FTP server not configured for parameter "
                + org.opencs.core.Values.quoteForMessage(parameter) + ".");
    }

    /** A value echoed in a reply: control characters shown, long values cut (never the raw client text). */
    private static String shown(String value) {
        return org.opencs.core.Values.quoteForMessage(value);
    }

    private static SiteParameter recfm(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.matches("F|FB|V|VB|U")) {
            return new SiteParameter.Recfm(RecordFormat.parse(upper));
        }
        if (upper.matches("[FV]B?S?[AM]?|U[AM]?")) {
            return notConfigured("RECFM=" + upper); // a z/OS record format OpenCS's catalog does not hold
        }
        return new SiteParameter.Ignored("Recfm parameter (" + shown(value) + ") is not valid. Recfm ignored.");
    }

    private static SiteParameter number(String label, String value, int low, int high,
                                        java.util.function.IntFunction<SiteParameter> make) {
        if (!value.matches("\\d{1,9}")) {
            return new SiteParameter.Ignored(label + " parameter (" + shown(value) + ") is not numeric. " + label + " ignored.");
        }
        int n = Integer.parseInt(value);
        if (n < low || n > high) {
            return new SiteParameter.Ignored(label + " parameter (" + shown(value) + ") must be between " + low + " and " + high
                    + ". " + label + " ignored.");
        }
        return make.apply(n);
    }
}
