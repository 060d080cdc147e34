package org.opencs.tso.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's operands checked against the keywords it knows: each keyword may be abbreviated to any unique prefix
 * (as TSO allows), appears at most once, and anything else is an error naming it. Positional words keep their order.
 */
public final class Operands {
    private final List<Operand> positional = new ArrayList<>();
    private final Map<String, Operand.Keyword> keywords = new LinkedHashMap<>();

    private Operands() {
    }

    public static Operands of(List<Operand> operands, Set<String> known) {
        return of(operands, known, 0);
    }

    /** {@code leading}: how many operands at the front are positional whatever they look like (user IDs, classes). */
    public static Operands of(List<Operand> operands, Set<String> known, int leading) {
        Operands result = new Operands();
        for (int i = 0; i < operands.size(); i++) {
            Operand operand = operands.get(i);
            if (i < leading && !(operand instanceof Operand.Keyword)) {
                result.positional.add(operand);
                continue;
            }
            String name = null;
            List<Operand> values = List.of();
            if (operand instanceof Operand.Keyword keyword) {
                name = keyword.name();
                values = keyword.operands();
            } else if (operand instanceof Operand.Word word && !word.quoted()) {
                // Past the leading positionals a bare word is a keyword without a value: SPECIAL, REVOKE, ALL.
                name = word.text().toUpperCase(Locale.ROOT);
            }
            if (name == null) {
                result.positional.add(operand);
                continue;
            }
            String full = resolve(name, known);
            if (result.keywords.containsKey(full)) {
                throw new ParseException("IKJ56713I", "DUPLICATE KEYWORD " + org.opencs.core.Values.quoteForMessage(full));
            }
            result.keywords.put(full, new Operand.Keyword(full, values));
        }
        return result;
    }

    static String resolve(String name, Set<String> known) {
        if (known.contains(name)) {
            return name;
        }
        List<String> candidates = matches(name, known);
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        throw new ParseException("IKJ56712I", "INVALID KEYWORD, " + org.opencs.core.Values.quoteForMessage(name)
                + (candidates.isEmpty() ? "" : " (ambiguous: " + String.join(", ", candidates) + ")"));
    }

    private static List<String> matches(String prefix, Set<String> known) {
        return known.stream().filter(k -> k.startsWith(prefix)).sorted().toList();
    }

    public List<Operand> positional() {
        return positional;
    }

    /** The positional operands as words, a parenthesised group counting as its members: ADDUSER (A B). */
    public List<String> positionalWords() {
        List<String> words = new ArrayList<>();
        for (Operand operand : positional) {
            if (operand instanceof Operand.Group group) {
                group.operands().forEach(o -> words.add(text(o)));
            } else {
                words.add(text(operand));
            }
        }
        return words;
    }

    public boolean has(String keyword) {
        return keywords.containsKey(keyword);
    }

    public Optional<Operand.Keyword> keyword(String keyword) {
        return Optional.ofNullable(keywords.get(keyword));
    }

    /** The single value of KEYWORD(value); an error when it has none or several. */
    public Optional<String> value(String keyword) {
        Operand.Keyword found = keywords.get(keyword);
        if (found == null) {
            return Optional.empty();
        }
        if (found.operands().size() != 1 || found.operands().get(0) instanceof Operand.Keyword) {
            throw new ParseException("IKJ56702I", "INVALID " + keyword + " VALUE, ONE VALUE IS REQUIRED");
        }
        return Optional.of(text(found.operands().get(0)));
    }

    public List<String> values(String keyword) {
        Operand.Keyword found = keywords.get(keyword);
        return found == null ? List.of() : found.operands().stream().map(Operands::text).toList();
    }

    /** The sub-operands of KEYWORD(SUB(value) ...) checked against the sub-keywords it knows. */
    public Optional<Operands> nested(String keyword, Set<String> known) {
        Operand.Keyword found = keywords.get(keyword);
        return found == null ? Optional.empty() : Optional.of(of(found.operands(), known));
    }

    public static String text(Operand operand) {
        if (operand instanceof Operand.Word word) {
            return word.text();
        }
        if (operand instanceof Operand.Keyword keyword) {
            throw new ParseException("IKJ56702I", "INVALID VALUE, " + keyword.name() + "(...) IS NOT A VALUE HERE");
        }
        throw new ParseException("IKJ56702I", "INVALID VALUE, A PARENTHESISED LIST IS NOT A VALUE HERE");
    }
}
