package org.opencs.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokenizer for z/OS TCP/IP configuration files (FTP.DATA, PROFILE.TCPIP): a {@code ;} starts a comment that runs
 * to the end of the line, blanks separate tokens, and each non-empty line is one statement: its first token names it
 * (case-insensitive), the others are its values. Every token keeps its line and column for messages. Lines end with
 * CRLF, LF or a lone CR (files written on Windows, UNIX or old Mac systems read alike, with the same line numbers).
 */
public final class StatementFile {
    private StatementFile() {
    }

    /** A token and where it stood (1-based). */
    public record Token(String text, int line, int column) {
    }

    /** One statement: the upper-cased name, its value tokens, and the name's position. */
    public record Statement(String name, List<Token> values, int line, int column) {
        public Statement {
            values = List.copyOf(values);
        }

        public String value(int index) {
            return values.get(index).text();
        }
    }

    public static List<Statement> parse(String text) {
        List<Statement> statements = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            List<Token> tokens = tokens(lines[i], i + 1);
            if (!tokens.isEmpty()) {
                Token name = tokens.get(0);
                statements.add(new Statement(name.text().toUpperCase(Locale.ROOT), tokens.subList(1, tokens.size()),
                        name.line(), name.column()));
            }
        }
        return statements;
    }

    private static List<Token> tokens(String line, int number) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ';') {
                break;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i)) && line.charAt(i) != ';') {
                i++;
            }
            tokens.add(new Token(line.substring(start, i), number, start + 1));
        }
        return tokens;
    }
}
