package org.opencs.jes.jcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an operand field into {@link Operand}s at the commas outside apostrophes and parentheses; "KEY=value" is a
 * keyword parameter (a keyword may carry a ".procstep" qualifier), anything else positional. Unbalanced parentheses
 * are reported as IEFC622I UNBALANCED PARENTHESIS IN THE <keyword> FIELD (z/OS MVS System Messages, Vol 8, IEFC
 * messages); the operands read so far are still returned.
 */
final class OperandParser {
    private OperandParser() {
    }

    /** The operands and, when the field is malformed, the problem found. */
    record Parsed(List<Operand> operands, SourceStatement.Problem problem) {
    }

    static Parsed parse(String field) {
        List<Operand> operands = new ArrayList<>();
        if (field.isEmpty()) {
            return new Parsed(operands, null);
        }
        SourceStatement.Problem problem = null;
        for (String part : Operand.splitTopLevel(field)) {
            Operand op = operand(part);
            operands.add(op);
            if (problem == null && !balanced(part)) {
                String where = op.keyword() == null ? "POSITIONAL" : op.baseKeyword();
                problem = new SourceStatement.Problem("IEFC622I", "UNBALANCED PARENTHESIS IN THE " + where + " FIELD");
            }
        }
        return new Parsed(operands, problem);
    }

    private static Operand operand(String part) {
        int eq = -1;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '=') {
                eq = i;
                break;
            }
            if (c == '(' || c == '\'' || c == '&' || c == '*') {
                break;
            }
        }
        if (eq > 0 && isKeyword(part.substring(0, eq))) {
            return new Operand(part.substring(0, eq).toUpperCase(Locale.ROOT), part.substring(eq + 1));
        }
        return new Operand(null, part);
    }

    private static boolean isKeyword(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '@' && c != '#' && c != '$') {
                return false;
            }
        }
        return Character.isLetter(s.charAt(0)) || "@#$".indexOf(s.charAt(0)) >= 0;
    }

    private static boolean balanced(String text) {
        int depth = 0;
        boolean quote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quote = !quote;
            } else if (!quote && c == '(') {
                depth++;
            } else if (!quote && c == ')') {
                if (--depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
