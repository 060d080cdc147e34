package org.opencs.jes.jcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One parameter of an operand field: {@code keyword} upper-cased (with its ".procstep" qualifier, as in
 * PARM.STEP1) or null for a positional parameter; {@code value} as written (parentheses and apostrophes kept, "" when
 * omitted). Source: z/OS MVS JCL Reference, "Parameter field" (positional and keyword parameters, subparameters).
 */
record Operand(String keyword, String value) {
    boolean positional() {
        return keyword == null;
    }

    /** The keyword without its ".procstep" qualifier. */
    String baseKeyword() {
        int dot = keyword.indexOf('.');
        return dot < 0 ? keyword : keyword.substring(0, dot);
    }

    /** The ".procstep" qualifier of the keyword, or null. */
    String qualifier() {
        int dot = keyword.indexOf('.');
        return dot < 0 ? null : keyword.substring(dot + 1);
    }

    /** As written in an operand field. */
    String text() {
        return keyword == null ? value : keyword + "=" + value;
    }

    /** {@code 'it''s'} → {@code it's}; a value not in apostrophes is returned as is. */
    static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value;
    }

    /**
     * The subparameters of a value: {@code (A,B,(C,D))} → [A, B, (C,D)]; a value without enclosing parentheses is its
     * own single subparameter. Apostrophes and inner parentheses are kept.
     */
    static List<String> subparameters(String value) {
        if (value.startsWith("(") && closingParen(value, 0) == value.length() - 1) {
            return splitTopLevel(value.substring(1, value.length() - 1));
        }
        return List.of(value);
    }

    /** Splits at commas outside apostrophes and parentheses. */
    static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quote = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quote = !quote;
            } else if (!quote && c == '(') {
                depth++;
            } else if (!quote && c == ')') {
                depth--;
            } else if (!quote && depth == 0 && c == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Index of the parenthesis closing the one at {@code open}, or -1. */
    static int closingParen(String text, int open) {
        int depth = 0;
        boolean quote = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quote = !quote;
            } else if (!quote && c == '(') {
                depth++;
            } else if (!quote && c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
