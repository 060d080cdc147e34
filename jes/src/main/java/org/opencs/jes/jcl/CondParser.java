package org.opencs.jes.jcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads COND= of an EXEC statement: {@code (code,operator[,stepname[.procstepname]])}, a list of up to eight such
 * tests in parentheses, EVEN or ONLY alone or as one element of the list. Codes are 0-4095. Source: z/OS MVS JCL Reference,
 * "COND parameter" (EXEC statement). Malformed values are reported with the converter's messages for bad
 * subparameters (IEFC643I UNIDENTIFIED POSITIONAL PARAMETER IN THE COND FIELD, IEFC638I SPECIFIED NUMERIC EXCEEDS
 * MAXIMUM ALLOWED IN THE COND FIELD).
 */
final class CondParser {
    private CondParser() {
    }

    /** The parameter, or a problem (then {@code cond} is {@link CondParameter#none()}). */
    record Parsed(CondParameter cond, SourceStatement.Problem problem) {
    }

    static Parsed parse(String value) {
        String v = value.toUpperCase(Locale.ROOT);
        if (v.isEmpty()) {
            return new Parsed(CondParameter.none(), null);
        }
        List<String> subs = Operand.subparameters(v);
        List<CondParameter.Test> tests = new ArrayList<>();
        CondParameter.Mode mode = CondParameter.Mode.NONE;
        boolean list = !subs.isEmpty() && (subs.get(0).startsWith("(") || subs.size() == 1);
        List<String> elements = list ? subs : List.of(v);
        for (int i = 0; i < elements.size(); i++) {
            String e = elements.get(i);
            if (e.equals("EVEN") || e.equals("ONLY")) {
                if (mode != CondParameter.Mode.NONE) {
                    return bad("UNIDENTIFIED POSITIONAL PARAMETER IN THE COND FIELD", "IEFC643I");
                }
                mode = CondParameter.Mode.valueOf(e);
                continue;
            }
            List<String> parts = Operand.subparameters(e);
            if (parts.size() < 2 || parts.size() > 3) {
                return bad("UNIDENTIFIED POSITIONAL PARAMETER IN THE COND FIELD", "IEFC643I");
            }
            int code;
            try {
                code = Integer.parseInt(parts.get(0));
            } catch (NumberFormatException ex) {
                return bad("UNIDENTIFIED POSITIONAL PARAMETER IN THE COND FIELD", "IEFC643I");
            }
            if (code < 0 || code > 4095) {
                return bad("SPECIFIED NUMERIC EXCEEDS MAXIMUM ALLOWED IN THE COND FIELD", "IEFC638I");
            }
            CondParameter.Operator op;
            try {
                op = CondParameter.Operator.valueOf(parts.get(1));
            } catch (IllegalArgumentException ex) {
                return bad("UNIDENTIFIED POSITIONAL PARAMETER IN THE COND FIELD", "IEFC643I");
            }
            String step = null;
            String procStep = null;
            if (parts.size() == 3) {
                String[] names = parts.get(2).split("\\.", -1);
                if (names.length > 2 || names[0].isEmpty()) {
                    return bad("UNIDENTIFIED POSITIONAL PARAMETER IN THE COND FIELD", "IEFC643I");
                }
                step = names[0];
                procStep = names.length == 2 ? names[1] : null;
            }
            tests.add(new CondParameter.Test(code, op, step, procStep));
        }
        if (tests.size() > 8) {
            return bad("UNIDENTIFIED POSITIONAL PARAMETER IN THE COND FIELD", "IEFC643I");
        }
        return new Parsed(new CondParameter(tests, mode), null);
    }

    private static Parsed bad(String text, String id) {
        return new Parsed(CondParameter.none(), new SourceStatement.Problem(id, text));
    }
}
