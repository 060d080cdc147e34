package org.opencs.ftp.server;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencs.core.ZosException;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.RecordFormat;

/**
 * The SITE values of one session (shared/reference/zos-ftp.md section 3) with IBM's defaults: attributes for new
 * data sets, the record rules of transfers, listing layouts, name rules and the z/OS UNIX file creation mask. It
 * applies parameters {@link SiteParser} read; it never reads command text itself.
 */
final class SiteSettings {
    /** System-determined block sizes are chosen for half a 3390 track, as z/OS's SDB does. */
    static final int HALF_TRACK = 27998;

    RecordFormat recfm = RecordFormat.VB;
    int lrecl = 256;
    int blksize = HALF_TRACK;
    String spaceUnit = "TRACK";
    int primary = 1;
    int secondary = 1;
    int directory = 27;
    boolean truncate;
    boolean wrapRecord;
    boolean trailingBlanks;
    String fileType = "SEQ";
    String sbDataconn = "(IBM-1047,ISO8859-1)";
    String encoding = "SBCS";
    boolean rdw;
    SiteParameter.LineEnd sbSendEol = SiteParameter.LineEnd.CRLF;
    int listLevel = 1;
    boolean quotesOverride = true;
    boolean ispfStats;
    boolean directoryMode;
    /** UMASK: IBM's default is 027 (IP Configuration Reference, UMASK statement). */
    int umask = 027;
    String pdsType = "PDS";
    /** JESJOBNAME: null for the default, the user ID followed by * (IP User's Guide and Commands, jesintdiff). */
    String jesJobName;
    /** JESOWNER: null for the default, the logged-on user ID. */
    String jesOwner;
    /** JESSTATUS: ALL, INPUT, ACTIVE or OUTPUT. */
    String jesStatus = "ALL";
    int jesEntryLimit;
    boolean jesGetByDsn;
    int jesPutGetTo;

    /** Settings with IBM's defaults and no JES interface options from FTP.DATA (JESENTRYLIMIT 200 and so on). */
    SiteSettings() {
        this(org.opencs.ftp.config.JesOptions.DEFAULTS);
    }

    /** Settings with IBM's defaults; the JES ones from FTP.DATA. */
    SiteSettings(org.opencs.ftp.config.JesOptions jes) {
        jesEntryLimit = jes.entryLimit();
        jesGetByDsn = jes.getByDsn();
        jesPutGetTo = jes.putGetTimeoutSeconds();
    }

    /** The JESJOBNAME filter in force for {@code userid}. */
    String jesJobName(String userid) {
        return jesJobName == null ? userid + "*" : jesJobName;
    }

    /** The JESOWNER filter in force for {@code userid}. */
    String jesOwner(String userid) {
        return jesOwner == null ? userid : jesOwner;
    }

    /**
     * Applies the parameters of one SITE command in order (the caller has refused the command if any was
     * {@link SiteParameter.Refused}); returns the 200- notes, each without its "200-". When RECFM, LRECL or BLKSIZE
     * was given, the three are then made consistent the way z/OS does, with its notes (IBM IP and SNA Codes, 200
     * reply codes: "BLOCKSIZE must be a multiple of LRECL for RECFM FB", "BLOCKSIZE being set to n").
     */
    List<String> apply(List<SiteParameter> parameters) {
        Applier applier = new Applier();
        parameters.forEach(p -> p.accept(applier));
        if (applier.format) {
            reconcile(applier.notes);
        }
        return applier.notes;
    }

    /** Sets one variable per parameter; notes collect what was ignored and why. CHMOD is the session's (a file). */
    private final class Applier implements SiteParameter.Visitor<Void> {
        final List<String> notes = new ArrayList<>();
        boolean format;

        @Override
        public Void recfm(SiteParameter.Recfm p) {
            recfm = p.value();
            format = true;
            return null;
        }

        @Override
        public Void lrecl(SiteParameter.Lrecl p) {
            lrecl = p.value();
            format = true;
            return null;
        }

        @Override
        public Void blksize(SiteParameter.Blksize p) {
            blksize = p.value();
            format = true;
            return null;
        }

        @Override
        public Void primary(SiteParameter.Primary p) {
            primary = p.value();
            return null;
        }

        @Override
        public Void secondary(SiteParameter.Secondary p) {
            secondary = p.value();
            return null;
        }

        @Override
        public Void directory(SiteParameter.Directory p) {
            directory = p.value();
            return null;
        }

        @Override
        public Void spaceUnit(SiteParameter.SpaceUnit p) {
            spaceUnit = p.unit().substring(0, p.unit().length() - 1);
            return null;
        }

        @Override
        public Void truncate(SiteParameter.Truncate p) {
            truncate = p.on();
            return null;
        }

        @Override
        public Void wrapRecord(SiteParameter.WrapRecord p) {
            wrapRecord = p.on();
            return null;
        }

        @Override
        public Void trailingBlanks(SiteParameter.TrailingBlanks p) {
            trailingBlanks = p.on();
            return null;
        }

        @Override
        public Void fileType(SiteParameter.FileType p) {
            fileType = p.value();
            return null;
        }

        @Override
        public Void sbDataconn(SiteParameter.SbDataconn p) {
            try {
                networkCharset(p.value());
                sbDataconn = p.value();
            } catch (ZosException e) {
                notes.add("SBDATACONN code page " + org.opencs.core.Values.quoteForMessage(p.value())
                        + " is not known. SBDATACONN ignored.");
            }
            return null;
        }

        @Override
        public Void encoding(SiteParameter.Encoding p) {
            encoding = p.value();
            return null;
        }

        @Override
        public Void rdw(SiteParameter.Rdw p) {
            rdw = p.on();
            return null;
        }

        @Override
        public Void sbSendEol(SiteParameter.SbSendEol p) {
            sbSendEol = p.value();
            return null;
        }

        @Override
        public Void listLevel(SiteParameter.ListLevel p) {
            listLevel = p.value();
            return null;
        }

        @Override
        public Void quotesOverride(SiteParameter.QuotesOverride p) {
            quotesOverride = p.on();
            return null;
        }

        @Override
        public Void ispfStats(SiteParameter.IspfStats p) {
            ispfStats = p.on();
            return null;
        }

        @Override
        public Void directoryMode(SiteParameter.DirectoryMode p) {
            directoryMode = p.on();
            return null;
        }

        @Override
        public Void umask(SiteParameter.Umask p) {
            umask = p.mask();
            return null;
        }

        @Override
        public Void chmod(SiteParameter.Chmod p) {
            return null; // the session changes the file's mode (HfsCommands.changeMode) and adds its own note
        }

        @Override
        public Void debug(SiteParameter.Debug p) {
            return null; // the session's traces, not a site variable: FtpSession applies it and lists the active ones
        }

        @Override
        public Void pdsType(SiteParameter.PdsType p) {
            pdsType = p.value();
            return null;
        }

        @Override
        public Void jesJobName(SiteParameter.JesJobName p) {
            jesJobName = p.pattern().isEmpty() ? null : p.pattern();
            return null;
        }

        @Override
        public Void jesOwner(SiteParameter.JesOwner p) {
            jesOwner = p.pattern().isEmpty() ? null : p.pattern();
            return null;
        }

        @Override
        public Void jesStatus(SiteParameter.JesStatus p) {
            jesStatus = p.value();
            return null;
        }

        @Override
        public Void jesEntryLimit(SiteParameter.JesEntryLimit p) {
            jesEntryLimit = p.value();
            return null;
        }

        @Override
        public Void jesGetByDsn(SiteParameter.JesGetByDsn p) {
            jesGetByDsn = p.on();
            return null;
        }

        @Override
        public Void jesPutGetTo(SiteParameter.JesPutGetTo p) {
            jesPutGetTo = p.seconds();
            return null;
        }

        @Override
        public Void ignored(SiteParameter.Ignored p) {
            notes.add(p.note());
            return null;
        }

        @Override
        public Void unrecognized(SiteParameter.Unrecognized p) {
            notes.add("Unrecognized parameter '" + org.opencs.core.Values.quoteForMessage(p.text()) + "' on SITE command.");
            return null;
        }

        @Override
        public Void refused(SiteParameter.Refused p) {
            throw new IllegalArgumentException("a refused SITE command changes nothing: the session answers it");
        }
    }

    /** RECFM, LRECL and BLKSIZE made consistent as z/OS does (ftp200-73 and the BLOCKSIZE replies). */
    private void reconcile(List<String> notes) {
        if (lrecl == 0 && recfm != RecordFormat.U) {
            notes.add("LRECL 0 is only valid with RECFM U");
            lrecl = 256;
            notes.add("LRECL being set to " + lrecl);
        }
        if (recfm.variable() && lrecl > 0 && lrecl < 5) {
            notes.add("LRECL must be at least 5 for RECFM " + recfm);
            lrecl = 5;
            notes.add("LRECL being set to " + lrecl);
        }
        if (blksize == 0 || recfm == RecordFormat.U) {
            return; // the system chooses at allocation; an undefined format has no records to fit
        }
        int adjusted = blksize;
        String rule = null;
        if (recfm == RecordFormat.F && blksize != lrecl) {
            rule = "BLOCKSIZE must equal LRECL for RECFM F";
            adjusted = lrecl;
        } else if (recfm == RecordFormat.FB && blksize % lrecl != 0) {
            rule = "BLOCKSIZE must be a multiple of LRECL for RECFM FB";
            adjusted = Math.max(lrecl, blksize / lrecl * lrecl);
        } else if (recfm.variable() && blksize < lrecl + 4) {
            rule = "BLOCKSIZE must be at least 4 more than LRECL for RECFM " + recfm;
            adjusted = Math.min(32760, lrecl + 4);
        }
        if (rule != null) {
            notes.add(rule);
            blksize = adjusted;
            notes.add("BLOCKSIZE being set to " + blksize);
        }
    }

    /**
     * The attributes a new data set gets (STOR of a new one, MKD of a PDS): a block size of 0 is chosen as z/OS's
     * system-determined block size would be (the most records of LRECL that fit half a 3390 track).
     */
    DatasetAttributes newDataset(String dsorg, LocalDate today) {
        int length = recfm == RecordFormat.U && lrecl == 0 ? (blksize == 0 ? HALF_TRACK : blksize) : lrecl;
        int block = blksize;
        if (block == 0) {
            block = switch (recfm) {
                case F -> length;
                case FB -> Math.max(length, HALF_TRACK / length * length);
                case V -> Math.min(32760, length + 4);
                case VB -> Math.max(HALF_TRACK, Math.min(32760, length + 4));
                case U -> HALF_TRACK;
            };
        }
        return new DatasetAttributes(dsorg, recfm, length, block, today, today);
    }

    /**
     * Every site variable by its STAT name, in STAT's order: the value z/OS shows in
     * {@code 211-Server site variable NAME is set to VALUE} (IBM IP and SNA Codes, ftp211-20).
     */
    Map<String, String> variables() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("RECFM", recfm.name());
        v.put("LRECL", String.valueOf(lrecl));
        v.put("BLKSIZE", String.valueOf(blksize));
        v.put("SPACETYPE", spaceUnit);
        v.put("PRIMARY", String.valueOf(primary));
        v.put("SECONDARY", String.valueOf(secondary));
        v.put("DIRECTORY", String.valueOf(directory));
        v.put("PDSTYPE", pdsType);
        v.put("TRUNCATE", bool(truncate));
        v.put("WRAPRECORD", bool(wrapRecord));
        v.put("TRAILINGBLANKS", bool(trailingBlanks));
        v.put("FILETYPE", fileType);
        v.put("SBDATACONN", sbDataconn);
        v.put("ENCODING", encoding);
        v.put("SBSENDEOL", sbSendEol.name());
        v.put("RDW", bool(rdw));
        v.put("LISTLEVEL", String.valueOf(listLevel));
        v.put("QUOTESOVERRIDE", bool(quotesOverride));
        v.put("ISPFSTATS", bool(ispfStats));
        v.put("DATASETMODE", bool(!directoryMode));
        v.put("DIRECTORYMODE", bool(directoryMode));
        v.put("UMASK", octal(umask));
        v.put("JESSTATUS", jesStatus);
        v.put("JESENTRYLIMIT", String.valueOf(jesEntryLimit));
        v.put("JESGETBYDSN", bool(jesGetByDsn));
        v.put("JESPUTGETTO", String.valueOf(jesPutGetTo));
        return v;
    }

    /** A mask or mode as z/OS shows it: three octal digits. */
    static String octal(int mode) {
        return String.format(Locale.ROOT, "%03o", mode);
    }

    private static String bool(boolean value) {
        return value ? "TRUE" : "FALSE";
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
