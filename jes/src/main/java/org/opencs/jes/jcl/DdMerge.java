package org.opencs.jes.jcl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Merges a procedure's DD statement with the job's DD statement overriding it: the override's keywords replace the
 * procedure's, a keyword coded with no value ({@code DSN=}) nullifies it, DCB subparameters are merged one by one, and
 * mutually exclusive parameters of the procedure statement are dropped (SYSOUT nullifies DSNAME/DISP and the other
 * data set keywords, DSNAME or SYSOUT nullifies DUMMY, a new * or DATA nullifies both). Source: z/OS MVS JCL
 * Reference, "Modifying DD statements in a procedure".
 */
final class DdMerge {
    private static final Set<String> DATASET_KEYWORDS = Set.of("DSN", "DISP", "UNIT", "VOL", "SPACE", "LABEL",
            "DSNTYPE", "LIKE", "AVGREC", "RETPD", "EXPDT");

    private DdMerge() {
    }

    static List<Operand> merge(List<Operand> base, List<Operand> override) {
        String positional = null;
        Map<String, String> keywords = new LinkedHashMap<>();
        for (int i = 0; i < base.size(); i++) {
            Operand op = base.get(i);
            if (op.positional()) {
                if (i == 0) {
                    positional = op.value();
                }
            } else {
                keywords.put(normal(op.keyword()), op.value());
            }
        }
        for (int i = 0; i < override.size(); i++) {
            Operand op = override.get(i);
            if (op.positional()) {
                if (i == 0 && !op.value().isEmpty()) {
                    positional = op.value();
                    String p = positional.toUpperCase(Locale.ROOT);
                    if (p.equals("*") || p.equals("DATA")) {
                        keywords.keySet().removeAll(DATASET_KEYWORDS);
                        keywords.remove("SYSOUT");
                    }
                }
                continue;
            }
            String key = normal(op.keyword());
            if (op.value().isEmpty()) {
                keywords.remove(key);
                continue;
            }
            if (key.equals("SYSOUT")) {
                keywords.keySet().removeAll(DATASET_KEYWORDS);
                positional = dropDummy(positional);
            } else if (key.equals("DSN")) {
                keywords.remove("SYSOUT");
                if (!op.value().equalsIgnoreCase("NULLFILE")) {
                    positional = dropDummy(positional);
                }
            }
            if (key.equals("DCB") && keywords.containsKey("DCB")) {
                keywords.put("DCB", mergeDcb(keywords.get("DCB"), op.value()));
            } else {
                keywords.put(key, op.value());
            }
        }
        List<Operand> out = new ArrayList<>();
        if (positional != null) {
            out.add(new Operand(null, positional));
        }
        keywords.forEach((k, v) -> out.add(new Operand(k, v)));
        return out;
    }

    private static String dropDummy(String positional) {
        return positional != null && positional.equalsIgnoreCase("DUMMY") ? null : positional;
    }

    private static String normal(String keyword) {
        return switch (keyword) {
            case "DSNAME" -> "DSN";
            case "VOLUME" -> "VOL";
            default -> keyword;
        };
    }

    private static String mergeDcb(String base, String override) {
        Map<String, String> subs = new LinkedHashMap<>();
        for (String s : Operand.subparameters(base)) {
            int eq = s.indexOf('=');
            subs.put(eq > 0 ? s.substring(0, eq).toUpperCase(Locale.ROOT) : s, s);
        }
        for (String s : Operand.subparameters(override)) {
            int eq = s.indexOf('=');
            String key = eq > 0 ? s.substring(0, eq).toUpperCase(Locale.ROOT) : s;
            if (eq > 0 && eq == s.length() - 1) {
                subs.remove(key);
            } else {
                subs.put(key, s);
            }
        }
        return "(" + String.join(",", subs.values()) + ")";
    }
}
