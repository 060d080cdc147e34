package org.opencs.jes.programs;

import java.util.ArrayList;
import java.util.List;
import org.opencs.jes.programs.ShellScript.Connector;
import org.opencs.jes.programs.ShellScript.Part;
import org.opencs.jes.programs.ShellScript.Redirect;
import org.opencs.jes.programs.ShellScript.RedirectKind;
import org.opencs.jes.programs.ShellScript.Simple;
import org.opencs.jes.programs.ShellScript.Step;
import org.opencs.jes.programs.ShellScript.Word;

/**
 * Reads a command line for the BPXBATCH shell: the subset of the z/OS shell grammar (z/OS UNIX System Services Command
 * Reference, "sh") that it runs — simple commands separated by {@code ;} or new lines, {@code &&} and {@code ||},
 * {@code >}, {@code >>} and {@code <} redirections, single quotes (nothing expanded), double quotes ({@code $VAR}
 * expanded, {@code \} escapes {@code $ " \}), a backslash outside quotes taking the next character literally, and
 * {@code #} comments at the start of a word. Pipes, background jobs, command substitution and the compound commands
 * (if, for, while, case, functions) are refused as syntax errors naming what is not supported. The parser never runs
 * anything.
 */
public final class ShellParser {
    private final String text;
    private int pos;

    private ShellParser(String text) {
        this.text = text;
    }

    /** The commands of {@code line} (new lines separate commands like {@code ;}). */
    public static ShellScript parse(String line) {
        try {
            return new ShellParser(line).commands();
        } catch (IllegalArgumentException e) {
            return new ShellScript.SyntaxError(e.getMessage());
        }
    }

    private ShellScript.Commands commands() {
        List<Step> steps = new ArrayList<>();
        Connector connector = Connector.SEQUENCE;
        boolean afterCommand = false;
        boolean needCommand = false;
        while (true) {
            skipBlanks();
            if (pos >= text.length()) {
                if (needCommand) {
                    throw new IllegalArgumentException("FSUM7332 syntax error: got End of File, expecting Word");
                }
                return new ShellScript.Commands(List.copyOf(steps));
            }
            char c = text.charAt(pos);
            if (c == ';' || c == '\n') {
                if (c == ';' && !afterCommand) {
                    throw new IllegalArgumentException("FSUM7332 syntax error: got ;, expecting Word");
                }
                if (needCommand) {
                    pos++;
                    continue; // a new line after && or || continues the list
                }
                pos++;
                afterCommand = false;
                connector = Connector.SEQUENCE;
                continue;
            }
            if (text.startsWith("&&", pos) || text.startsWith("||", pos)) {
                String op = text.substring(pos, pos + 2);
                if (!afterCommand) {
                    throw new IllegalArgumentException("FSUM7332 syntax error: got " + op + ", expecting Word");
                }
                pos += 2;
                connector = op.equals("&&") ? Connector.AND : Connector.OR;
                needCommand = true;
                afterCommand = false;
                continue;
            }
            Simple simple = simple();
            if (simple == null) {
                continue; // a comment
            }
            steps.add(new Step(connector, simple));
            needCommand = false;
            afterCommand = true;
            connector = Connector.SEQUENCE;
        }
    }

    /** One simple command up to an operator or the end; null for a line that is only a comment. */
    private Simple simple() {
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos);
            if (c == ';' || c == '\n' || text.startsWith("&&", pos) || text.startsWith("||", pos)) {
                break;
            }
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
                break;
            }
            if (c == '|' || c == '&') {
                throw new IllegalArgumentException("FSUM7332 syntax error: " + (c == '|' ? "pipes (|)" : "background jobs (&)")
                        + " are not supported by the OpenCS shell");
            }
            if (c == '(' || c == ')') {
                throw new IllegalArgumentException("FSUM7332 syntax error: subshells are not supported by the OpenCS shell");
            }
            if (c == '>' || c == '<') {
                RedirectKind kind = text.startsWith(">>", pos) ? RedirectKind.APPEND : c == '>' ? RedirectKind.OUTPUT
                        : RedirectKind.INPUT;
                pos += kind == RedirectKind.APPEND ? 2 : 1;
                skipBlanks();
                Word target = word();
                if (target == null) {
                    throw new IllegalArgumentException("FSUM7332 syntax error: got " + describeNext() + ", expecting Word");
                }
                redirects.add(new Redirect(kind, target));
                continue;
            }
            Word word = word();
            if (words.isEmpty() && word.parts().size() == 1 && word.parts().get(0).expand()
                    && List.of("if", "then", "else", "fi", "for", "while", "until", "do", "done", "case", "esac", "function")
                    .contains(word.parts().get(0).text())) {
                throw new IllegalArgumentException("FSUM7332 syntax error: " + word.parts().get(0).text()
                        + " is not supported by the OpenCS shell");
            }
            words.add(word);
        }
        if (words.isEmpty() && redirects.isEmpty()) {
            if (pos < text.length() && (text.charAt(pos) == ';' || text.startsWith("&&", pos) || text.startsWith("||", pos))) {
                throw new IllegalArgumentException("FSUM7332 syntax error: got " + describeNext() + ", expecting Word");
            }
            return null;
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("FSUM7332 syntax error: a redirection needs a command in the OpenCS shell");
        }
        return new Simple(List.copyOf(words), List.copyOf(redirects));
    }

    private String describeNext() {
        if (pos >= text.length()) {
            return "End of File";
        }
        return text.startsWith("&&", pos) || text.startsWith("||", pos) ? text.substring(pos, pos + 2)
                : text.charAt(pos) == '\n' ? "Newline" : String.valueOf(text.charAt(pos));
    }

    /** A word up to an unquoted blank or operator character; null when there is none here. */
    private Word word() {
        List<Part> parts = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        boolean any = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>'
                    || c == '(' || c == ')') {
                break;
            }
            any = true;
            if (c == '`' || (c == '$' && pos + 1 < text.length() && text.charAt(pos + 1) == '(')) {
                throw new IllegalArgumentException("FSUM7332 syntax error: command substitution is not supported by the "
                        + "OpenCS shell");
            }
            if (c == '\\') {
                if (pos + 1 < text.length()) {
                    flush(parts, plain);
                    parts.add(new Part(String.valueOf(text.charAt(pos + 1)), false));
                    pos += 2;
                } else {
                    pos++;
                }
                continue;
            }
            if (c == '\'') {
                int end = text.indexOf('\'', pos + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("FSUM7332 syntax error: got End of File, expecting '");
                }
                flush(parts, plain);
                parts.add(new Part(text.substring(pos + 1, end), false));
                pos = end + 1;
                continue;
            }
            if (c == '"') {
                flush(parts, plain);
                StringBuilder quoted = new StringBuilder();
                pos++;
                while (true) {
                    if (pos >= text.length()) {
                        throw new IllegalArgumentException("FSUM7332 syntax error: got End of File, expecting \"");
                    }
                    char q = text.charAt(pos);
                    if (q == '"') {
                        pos++;
                        break;
                    }
                    if (q == '`' || (q == '$' && pos + 1 < text.length() && text.charAt(pos + 1) == '(')) {
                        throw new IllegalArgumentException("FSUM7332 syntax error: command substitution is not supported "
                                + "by the OpenCS shell");
                    }
                    if (q == '\\' && pos + 1 < text.length() && "$\"\\`".indexOf(text.charAt(pos + 1)) >= 0) {
                        if (!quoted.isEmpty()) {
                            parts.add(new Part(quoted.toString(), true));
                            quoted.setLength(0);
                        }
                        parts.add(new Part(String.valueOf(text.charAt(pos + 1)), false));
                        pos += 2;
                        continue;
                    }
                    quoted.append(q);
                    pos++;
                }
                parts.add(new Part(quoted.toString(), true));
                if (quoted.isEmpty()) {
                    parts.add(new Part("", false)); // "" is an empty word, not nothing
                }
                continue;
            }
            plain.append(c);
            pos++;
        }
        flush(parts, plain);
        return any ? new Word(List.copyOf(parts)) : null;
    }

    private static void flush(List<Part> parts, StringBuilder plain) {
        if (!plain.isEmpty()) {
            parts.add(new Part(plain.toString(), true));
            plain.setLength(0);
        }
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }
}
