package org.opencs.tso.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses one TSO command line into a {@link TsoCommand}: operands separated by blanks or commas, KEYWORD(value ...)
 * with nesting, quoted strings with doubled quotes, and parenthesised lists. It never performs the command. A closing
 * parenthesis with nothing open is skipped with a warning, and missing ones at the end are supplied (the seed's own
 * RACDCERT jobs carry both).
 */
public final class CommandParser {
    private final String text;
    private int pos;
    private final List<String> warnings = new ArrayList<>();

    private CommandParser(String text) {
        this.text = text;
    }

    public static TsoCommand parse(String line) {
        return new CommandParser(line).command();
    }

    private TsoCommand command() {
        skipSeparators();
        int start = pos;
        while (pos < text.length() && !isSeparator(text.charAt(pos)) && text.charAt(pos) != '(' && text.charAt(pos) != ')'
                && text.charAt(pos) != '\'') {
            pos++;
        }
        String name = text.substring(start, pos).toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new ParseException("IKJ56500I", "COMMAND NOT FOUND");
        }
        List<Operand> operands = new ArrayList<>();
        while (true) {
            skipSeparators();
            if (pos >= text.length()) {
                break;
            }
            if (text.charAt(pos) == ')') {
                warnings.add("A closing parenthesis at column " + (pos + 1) + " closes nothing and was ignored.");
                pos++;
                continue;
            }
            operands.add(operand());
        }
        return new TsoCommand(name, operands, text.trim(), warnings);
    }

    private Operand operand() {
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            return new Operand.Group(list());
        }
        if (c == '\'') {
            return new Operand.Word(quoted(), true);
        }
        String word = word();
        int afterWord = pos;
        skipBlanks();
        if (pos < text.length() && text.charAt(pos) == '(') {
            pos++;
            return new Operand.Keyword(word.toUpperCase(Locale.ROOT), list());
        }
        pos = afterWord;
        return new Operand.Word(word, false);
    }

    /**
     * Operands up to the matching ')'; the opening one is already consumed. As in TSO, right parentheses missing at
     * the end of a command are supplied (the seed's own CONNECT command relies on it).
     */
    private List<Operand> list() {
        List<Operand> operands = new ArrayList<>();
        while (true) {
            skipSeparators();
            if (pos >= text.length()) {
                return operands;
            }
            if (text.charAt(pos) == ')') {
                pos++;
                return operands;
            }
            operands.add(operand());
        }
    }

    private String quoted() {
        StringBuilder value = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= text.length()) {
                throw new ParseException("IKJ56702I", "INVALID QUOTED STRING, MISSING ENDING QUOTE");
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    value.append('\'');
                    pos++;
                } else {
                    return value.toString();
                }
            } else {
                value.append(c);
            }
        }
    }

    private String word() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isSeparator(c) || c == '(' || c == ')' || c == '\'') {
                break;
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipSeparators() {
        while (pos < text.length() && isSeparator(text.charAt(pos))) {
            pos++;
        }
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == ',' || c == '\t';
    }
}
