package org.opencs.tso.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch TSO SYSTSIN stream into commands: a trailing {@code +} continues on the next line without its
 * leading blanks, a trailing {@code -} continues keeping them, {@code /* ... *}{@code /} comments are removed, and
 * JCL lines pasted with the commands ({@code //...}, a lone {@code /*}) are skipped.
 */
public final class SystsinReader {
    private SystsinReader() {
    }

    /** A logical command line and the physical line it started on (for messages). */
    public record Line(int number, String text) {
    }

    public static List<Line> commands(String stream) {
        List<Line> commands = new ArrayList<>();
        StringBuilder current = null;
        int startLine = 0;
        boolean keepBlanks = false;
        String[] lines = stream.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            if (current == null && isJcl(raw)) {
                continue;
            }
            String line = stripComments(raw).stripTrailing();
            if (current == null) {
                if (line.isBlank()) {
                    continue;
                }
                current = new StringBuilder();
                startLine = i + 1;
            } else {
                line = keepBlanks ? line : line.stripLeading();
            }
            if (line.endsWith("+") || line.endsWith("-")) {
                keepBlanks = line.endsWith("-");
                current.append(line, 0, line.length() - 1);
                continue;
            }
            current.append(line);
            commands.add(new Line(startLine, current.toString().trim()));
            current = null;
        }
        if (current != null && !current.toString().isBlank()) {
            commands.add(new Line(startLine, current.toString().trim()));
        }
        return commands;
    }

    private static boolean isJcl(String line) {
        String trimmed = line.trim();
        return trimmed.startsWith("//") || (trimmed.startsWith("/*") && !trimmed.contains("*/"));
    }

    private static String stripComments(String line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        boolean inQuotes = false;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'') {
                inQuotes = !inQuotes;
            }
            if (!inQuotes && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '*') {
                int end = line.indexOf("*/", i + 2);
                if (end < 0) {
                    break;
                }
                i = end + 2;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
