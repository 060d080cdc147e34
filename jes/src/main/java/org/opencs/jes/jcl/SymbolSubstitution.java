package org.opencs.jes.jcl;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Substitutes JCL symbols in an operand field: {@code &NAME} (1-8 alphanumeric or national characters, the first not
 * a digit) becomes its value; a period right after the name ends it and is dropped ({@code &HLQ..DATA} →
 * {@code USER1.DATA}); {@code &&} is kept as written (a temporary data set name, or one ampersand in PARM); an
 * undefined symbol is left as written. Values are not scanned again. Source: z/OS MVS JCL Reference, "Using system
 * symbols and JCL symbols".
 */
final class SymbolSubstitution {
    private SymbolSubstitution() {
    }

    /** The substituted text, whether anything changed, and the symbol names referenced (defined or not). */
    record Result(String text, boolean changed, Set<String> referenced) {
    }

    static Result apply(String text, Map<String, String> symbols) {
        StringBuilder out = new StringBuilder(text.length());
        Set<String> referenced = new LinkedHashSet<>();
        boolean changed = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < text.length() && text.charAt(i + 1) == '&') {
                out.append("&&");
                i += 2;
                continue;
            }
            int end = nameEnd(text, i + 1);
            String name = text.substring(i + 1, end).toUpperCase(java.util.Locale.ROOT);
            if (name.isEmpty() || name.length() > 8 || Character.isDigit(name.charAt(0))) {
                out.append(text, i, end);
                i = end;
                continue;
            }
            referenced.add(name);
            String value = symbols.get(name);
            if (value == null) {
                out.append(text, i, end);
                i = end;
                continue;
            }
            out.append(value);
            changed = true;
            i = end;
            if (i < text.length() && text.charAt(i) == '.') {
                i++;
            }
        }
        return new Result(out.toString(), changed, referenced);
    }

    /** The symbol names referenced in {@code text}. */
    static Set<String> references(String text) {
        return apply(text, Map.of()).referenced();
    }

    private static int nameEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '@' || c == '#'
                    || c == '$') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
