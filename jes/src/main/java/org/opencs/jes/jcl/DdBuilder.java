package org.opencs.jes.jcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link DdSpec} of one DD statement from its operands (symbols substituted). Source: z/OS MVS JCL
 * Reference, "DD statement" (DSNAME, DISP, SYSOUT, DUMMY, *, DATA, DCB and its keyword subparameters). SPACE, UNIT,
 * VOL, LABEL and the other allocation keywords are accepted and not kept; an unknown keyword is IEFC630I
 * UNIDENTIFIED KEYWORD, a bad DISP or positional value IEFC643I UNIDENTIFIED POSITIONAL PARAMETER IN THE xxx FIELD.
 */
final class DdBuilder {
    /** DD keywords of the JCL Reference (all accepted; those after DSORG are accepted and not kept). */
    static final Set<String> KEYWORDS = Set.of("DSN", "DSNAME", "DISP", "SYSOUT", "DCB", "RECFM", "LRECL",
            "BLKSIZE", "DSORG", "DLM", "SPACE", "UNIT", "VOL", "VOLUME", "LABEL", "DSNTYPE", "LIKE", "REFDD",
            "DATACLAS", "MGMTCLAS", "STORCLAS", "AVGREC", "RETPD", "EXPDT", "KEYLEN", "KEYOFF", "RECORG", "LGSTREAM",
            "FREE", "HOLD", "OUTPUT", "COPIES", "DEST", "FCB", "UCS", "OUTLIM", "SPIN", "SEGMENT", "BURST", "CHARS",
            "FLASH", "MODIFY", "AMP", "DDNAME", "PATH", "PATHOPTS", "PATHMODE", "PATHDISP", "FILEDATA", "SUBSYS",
            "TERM", "SECMODEL", "PROTECT", "BLKSZLIM", "EATTR", "ACCODE", "CNTL", "DSID", "QNAME", "CCSID",
            "SYMBOLS", "SYMLIST", "GDGORDER", "MAXGENS", "ROACCESS", "KEYLABL1", "KEYLABL2", "KEYENCD1", "KEYENCD2",
            "DSKEYLBL", "BUFNO", "OPTCD", "NCP", "RLS", "DYNAM");

    private static final Set<String> DCB_KEPT = Set.of("RECFM", "LRECL", "BLKSIZE", "DSORG");

    private DdBuilder() {
    }

    /** The spec (never null) and the problems found. */
    record Built(DdSpec spec, List<SourceStatement.Problem> problems) {
    }

    static Built build(String ddName, List<Operand> operands, List<String> data, String msgClass) {
        List<SourceStatement.Problem> problems = new ArrayList<>();
        Map<String, String> dcb = new LinkedHashMap<>();
        Map<String, String> keywords = new LinkedHashMap<>();
        String positional = null;
        for (int i = 0; i < operands.size(); i++) {
            Operand op = operands.get(i);
            if (op.positional()) {
                String v = op.value().toUpperCase(Locale.ROOT);
                if (i == 0 && (v.equals("*") || v.equals("DATA") || v.equals("DUMMY") || v.equals("DYNAM"))) {
                    positional = v;
                } else if (!v.isEmpty()) {
                    problems.add(new SourceStatement.Problem("IEFC643I",
                            "UNIDENTIFIED POSITIONAL PARAMETER IN THE DD FIELD"));
                }
                continue;
            }
            String key = op.keyword();
            if (!KEYWORDS.contains(key)) {
                problems.add(new SourceStatement.Problem("IEFC630I", "UNIDENTIFIED KEYWORD " + key));
                continue;
            }
            if (key.equals("DSNAME")) {
                key = "DSN";
            }
            if (key.equals("VOLUME")) {
                key = "VOL";
            }
            keywords.put(key, op.value());
            if (key.equals("DCB")) {
                for (String sub : Operand.subparameters(op.value())) {
                    int eq = sub.indexOf('=');
                    if (eq > 0) {
                        String k = sub.substring(0, eq).toUpperCase(Locale.ROOT);
                        if (DCB_KEPT.contains(k)) {
                            dcb.put(k, sub.substring(eq + 1));
                        }
                    }
                }
            } else if (DCB_KEPT.contains(key)) {
                dcb.put(key, op.value());
            }
        }
        DdSpec spec;
        String dsn = keywords.get("DSN");
        if ("DUMMY".equals(positional) || (dsn != null && dsn.equalsIgnoreCase("NULLFILE"))) {
            spec = new DdSpec.Dummy(dcb);
        } else if ("*".equals(positional) || "DATA".equals(positional)) {
            spec = new DdSpec.Instream(data == null ? List.of() : data, dcb);
        } else if (keywords.containsKey("SYSOUT")) {
            List<String> subs = Operand.subparameters(keywords.get("SYSOUT"));
            String cls = subs.get(0).toUpperCase(Locale.ROOT);
            spec = new DdSpec.Sysout(cls.isEmpty() || cls.equals("*") ? msgClass : cls, dcb);
        } else if (dsn == null && (keywords.containsKey("DDNAME") || "DYNAM".equals(positional))) {
            spec = new DdSpec.Dummy(dcb);
        } else {
            Disposition disp = Disposition.defaults();
            if (keywords.containsKey("DISP")) {
                disp = disposition(keywords.get("DISP"));
                if (disp == null) {
                    problems.add(new SourceStatement.Problem("IEFC643I",
                            "UNIDENTIFIED POSITIONAL PARAMETER IN THE DISP FIELD"));
                    disp = Disposition.defaults();
                }
            }
            spec = dataset(ddName, dsn, disp, dcb);
        }
        return new Built(spec, problems);
    }

    private static DdSpec dataset(String ddName, String dsn, Disposition disp, Map<String, String> dcb) {
        if (dsn == null || dsn.isEmpty()) {
            // No DSNAME: a temporary data set the system names (z/OS: SYSyyddd.Thhmmss.RA000.jobname.Rnnnnnnn).
            return new DdSpec.Dataset("&&" + ddName, null, null, disp, dcb);
        }
        String name = Operand.unquote(dsn).toUpperCase(Locale.ROOT);
        if (name.startsWith("*.")) {
            return new DdSpec.Dataset(null, null, name, disp, dcb);
        }
        String member = null;
        int open = name.indexOf('(');
        if (open > 0 && name.endsWith(")")) {
            member = name.substring(open + 1, name.length() - 1);
            name = name.substring(0, open);
        }
        if (name.startsWith("&") && !name.startsWith("&&")) {
            name = "&" + name; // &NAME that is no symbol names a temporary data set
        }
        return new DdSpec.Dataset(name, member, null, disp, dcb);
    }

    /** DISP=status or DISP=(status,normal,abnormal); null when a value is not one of the JCL Reference's. */
    static Disposition disposition(String value) {
        List<String> subs = Operand.subparameters(value.toUpperCase(Locale.ROOT));
        if (subs.size() > 3) {
            return null;
        }
        try {
            Disposition.Status status = subs.get(0).isEmpty() ? Disposition.Status.NEW
                    : Disposition.Status.valueOf(subs.get(0));
            Disposition.Action normal = subs.size() > 1 && !subs.get(1).isEmpty()
                    ? Disposition.Action.valueOf(subs.get(1)) : null;
            Disposition.Action abnormal = subs.size() > 2 && !subs.get(2).isEmpty()
                    ? Disposition.Action.valueOf(subs.get(2)) : null;
            if (abnormal == Disposition.Action.PASS) {
                return null;
            }
            return new Disposition(status, normal, abnormal);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
