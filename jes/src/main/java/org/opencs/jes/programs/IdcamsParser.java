package org.opencs.jes.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencs.jes.programs.IdcamsCommand.Condition;
import org.opencs.jes.programs.IdcamsCommand.Format;
import org.opencs.jes.programs.IdcamsCommand.Source;

/**
 * Reads IDCAMS's SYSIN into commands, as z/OS DFSMS Access Method Services Commands ("Notational conventions", "IF-
 * THEN-ELSE command sequence") describes its input: columns 2-72 of each record are read (column 1 is ignored),
 * {@code /* ... *}{@code /} comments may stand anywhere and span records, a record whose last non-blank character is
 * {@code -} continues the command on the next record and {@code +} does too with the next record's leading blanks
 * dropped, a {@code ;} ends a command. Keywords take their IBM abbreviations (DEL, LISTC, ENT, LVL, IDS, ODS, IFILE,
 * OFILE, CHAR). The parser never performs anything; a command it cannot read becomes {@link IdcamsCommand.Invalid}
 * with IDC3211I/IDC3203I/IDC3214I and IDC3202I.
 */
public final class IdcamsParser {
    private static final Pattern IF = Pattern.compile(
            "IF\\s+(LASTCC|MAXCC)\\s*(¬=|\\^=|!=|>=|<=|=|>|<|EQ|NE|GT|LT|GE|LE)\\s*(\\d+)\\s+THEN(?:\\s+(.*))?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SET = Pattern.compile("SET\\s+(MAXCC|LASTCC)\\s*=\\s*(\\d+)",
            Pattern.CASE_INSENSITIVE);

    /** One command's text (continuations joined, comments removed) and the records it came from. */
    record Statement(String text, List<String> echo) {
    }

    private final List<Statement> statements;
    private int next;

    private IdcamsParser(List<Statement> statements) {
        this.statements = statements;
    }

    /** The commands of SYSIN's records (EBCDIC decoded, at most 80 columns each). */
    public static List<IdcamsCommand> parse(List<String> records) {
        IdcamsParser parser = new IdcamsParser(statements(records));
        return parser.sequence(false);
    }

    static List<Statement> statements(List<String> records) {
        List<Statement> result = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<String> echo = new ArrayList<>();
        boolean inComment = false;
        boolean dropLeading = false;
        for (String record : records) {
            String columns = record.length() <= 1 ? "" : record.substring(1, Math.min(72, record.length()));
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns.length(); i++) {
                if (inComment) {
                    if (columns.startsWith("*/", i)) {
                        inComment = false;
                        i++;
                    }
                } else if (columns.startsWith("/*", i)) {
                    inComment = true;
                    i++;
                } else {
                    line.append(columns.charAt(i));
                }
            }
            String content = line.toString().stripTrailing();
            if (content.isBlank() && text.isEmpty()) {
                if (!record.isBlank() && !echo.isEmpty()) {
                    echo.add(record.stripTrailing());
                }
                continue;
            }
            echo.add(record.length() > 72 ? record.substring(0, 72).stripTrailing() : record.stripTrailing());
            if (dropLeading) {
                content = content.stripLeading();
            }
            boolean continues = content.endsWith("-") || content.endsWith("+");
            dropLeading = content.endsWith("+");
            if (continues) {
                content = content.substring(0, content.length() - 1);
            }
            String[] parts = content.split(";", -1);
            for (int p = 0; p < parts.length; p++) {
                text.append(parts[p]).append(p == parts.length - 1 && continues ? "" : " ");
                if (p < parts.length - 1 || !continues) {
                    if (!text.toString().isBlank()) {
                        result.add(new Statement(text.toString().strip(), List.copyOf(echo)));
                        echo.clear();
                    }
                    text.setLength(0);
                }
            }
        }
        if (!text.toString().isBlank()) {
            result.add(new Statement(text.toString().strip(), List.copyOf(echo)));
        }
        return result;
    }

    /** Commands up to the end, or (in a DO group) up to its END. */
    private List<IdcamsCommand> sequence(boolean group) {
        List<IdcamsCommand> commands = new ArrayList<>();
        while (next < statements.size()) {
            Statement statement = statements.get(next);
            String verb = firstWord(statement.text());
            if (verb.equals("END")) {
                next++;
                if (group) {
                    return commands;
                }
                commands.add(invalid(statement, "IDC3211I KEYWORD 'END' IS IMPROPER"));
                continue;
            }
            if (verb.equals("ELSE")) {
                next++;
                commands.add(invalid(statement, "IDC3211I KEYWORD 'ELSE' IS IMPROPER"));
                continue;
            }
            next++;
            commands.add(command(statement.text(), statement.echo()));
        }
        return commands;
    }

    private IdcamsCommand command(String text, List<String> echo) {
        String verb = firstWord(text);
        String body = text.length() > verb.length() ? text.substring(text.indexOf(' ') < 0 ? text.length()
                : text.indexOf(' ')).strip() : "";
        Statement statement = new Statement(text, echo);
        return switch (verb) {
            case "IF" -> ifCommand(statement);
            case "SET" -> {
                Matcher m = SET.matcher(text);
                yield m.matches() ? new IdcamsCommand.SetCode(m.group(1).equalsIgnoreCase("MAXCC"),
                        Math.min(16, Integer.parseInt(m.group(2).length() > 4 ? "16" : m.group(2))), echo)
                        : invalid(statement, "IDC3203I ITEM '" + cut(body) + "' DOES NOT ADHERE TO RESTRICTIONS");
            }
            case "DELETE", "DEL" -> delete(statement, body);
            case "LISTCAT", "LISTC" -> listcat(statement, body);
            case "REPRO" -> repro(statement, body);
            case "PRINT" -> print(statement, body);
            default -> invalid(statement, "IDC3211I KEYWORD '" + cut(verb) + "' IS IMPROPER");
        };
    }

    private IdcamsCommand ifCommand(Statement statement) {
        Matcher m = IF.matcher(statement.text());
        if (!m.matches()) {
            return invalid(statement, "IDC3203I ITEM '" + cut(statement.text()) + "' DOES NOT ADHERE TO RESTRICTIONS");
        }
        Condition condition = new Condition(m.group(1).equalsIgnoreCase("MAXCC"), operator(m.group(2)),
                Integer.parseInt(m.group(3).length() > 4 ? "9999" : m.group(3)));
        List<IdcamsCommand> then = branch(m.group(4) == null ? "" : m.group(4).strip(), statement.echo());
        List<IdcamsCommand> otherwise = List.of();
        if (next < statements.size() && firstWord(statements.get(next).text()).equals("ELSE")) {
            Statement elseStatement = statements.get(next++);
            String rest = elseStatement.text().substring(4).strip();
            otherwise = branch(rest, elseStatement.echo());
        }
        return new IdcamsCommand.If(condition, then, otherwise, statement.echo());
    }

    private List<IdcamsCommand> branch(String text, List<String> echo) {
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.equalsIgnoreCase("DO")) {
            return sequence(true);
        }
        return List.of(command(text, List.of()));
    }

    private static String operator(String op) {
        return switch (op.toUpperCase(Locale.ROOT)) {
            case "EQ", "=" -> "=";
            case "NE", "¬=", "^=", "!=" -> "¬=";
            case "GT", ">" -> ">";
            case "LT", "<" -> "<";
            case "GE", ">=" -> ">=";
            default -> "<=";
        };
    }

    private IdcamsCommand delete(Statement statement, String body) {
        List<Param> params = Param.parse(body);
        if (params.isEmpty()) {
            return invalid(statement, "IDC3214I REQUIRED PARAMETER FOR 'DELETE' IS MISSING");
        }
        Param first = params.get(0);
        List<String> entries = first.keyword() == null ? first.values()
                : List.of(first.values().isEmpty() ? first.keyword() : first.keyword() + "(" + first.values().get(0) + ")");
        boolean purge = false;
        for (Param p : params.subList(1, params.size())) {
            switch (p.keyword()) {
                case "PURGE", "PRG" -> purge = true;
                case "NOPURGE", "NPRG", "NONVSAM", "NVSAM", "SCRATCH", "SCR", "NOSCRATCH", "NSCR", "ERASE", "NOERASE" -> {
                }
                default -> {
                    return invalid(statement, "IDC3211I KEYWORD '" + cut(p.keyword()) + "' IS IMPROPER");
                }
            }
        }
        return new IdcamsCommand.Delete(entries, purge, statement.echo());
    }

    private IdcamsCommand listcat(Statement statement, String body) {
        List<String> entries = List.of();
        String level = null;
        boolean all = false;
        for (Param p : Param.parse(body)) {
            switch (p.keyword() == null ? "" : p.keyword()) {
                case "ENTRIES", "ENTRY", "ENT" -> entries = p.values();
                case "LEVEL", "LVL" -> {
                    if (p.values().size() != 1) {
                        return invalid(statement, "IDC3203I ITEM 'LEVEL' DOES NOT ADHERE TO RESTRICTIONS");
                    }
                    level = unquote(p.values().get(0));
                }
                case "ALL" -> all = true;
                case "NAME", "NAMES", "NONVSAM", "NVSAM", "HISTORY", "HIST", "VOLUME", "VOL", "ALLOCATION", "ALLOC" -> {
                }
                default -> {
                    return invalid(statement, "IDC3211I KEYWORD '" + cut(p.keyword() == null ? "(" : p.keyword())
                            + "' IS IMPROPER");
                }
            }
        }
        return new IdcamsCommand.Listcat(entries.stream().map(IdcamsParser::unquote).toList(), level, all,
                statement.echo());
    }

    private IdcamsCommand repro(Statement statement, String body) {
        Source in = null;
        Source out = null;
        int skip = 0;
        int count = Integer.MAX_VALUE;
        for (Param p : Param.parse(body)) {
            String keyword = p.keyword() == null ? "(" : p.keyword();
            switch (keyword) {
                case "INFILE", "IFILE", "INDATASET", "IDS", "OUTFILE", "OFILE", "OUTDATASET", "ODS" -> {
                    if (p.values().size() != 1) {
                        return invalid(statement, "IDC3203I ITEM '" + keyword + "' DOES NOT ADHERE TO RESTRICTIONS");
                    }
                    Source s = new Source(unquote(p.values().get(0)).toUpperCase(Locale.ROOT), keyword.contains("FILE"));
                    if (keyword.startsWith("I")) {
                        in = s;
                    } else {
                        out = s;
                    }
                }
                case "SKIP" -> skip = number(p);
                case "COUNT" -> count = number(p);
                case "REPLACE", "REP", "NOREPLACE", "NREP", "REUSE", "RUS", "NOREUSE", "NRUS" -> {
                }
                default -> {
                    return invalid(statement, "IDC3211I KEYWORD '" + cut(keyword) + "' IS IMPROPER");
                }
            }
        }
        if (skip < 0 || count < 0) {
            return invalid(statement, "IDC3203I ITEM '" + (skip < 0 ? "SKIP" : "COUNT") + "' DOES NOT ADHERE TO RESTRICTIONS");
        }
        if (in == null || out == null) {
            return invalid(statement, "IDC3214I REQUIRED PARAMETER " + (in == null ? "INFILE OR INDATASET"
                    : "OUTFILE OR OUTDATASET") + " FOR 'REPRO' IS MISSING");
        }
        return new IdcamsCommand.Repro(in, out, skip, count, statement.echo());
    }

    private IdcamsCommand print(Statement statement, String body) {
        Source in = null;
        Format format = Format.DUMP;
        int skip = 0;
        int count = Integer.MAX_VALUE;
        for (Param p : Param.parse(body)) {
            String keyword = p.keyword() == null ? "(" : p.keyword();
            switch (keyword) {
                case "INFILE", "IFILE", "INDATASET", "IDS" -> {
                    if (p.values().size() != 1) {
                        return invalid(statement, "IDC3203I ITEM '" + keyword + "' DOES NOT ADHERE TO RESTRICTIONS");
                    }
                    in = new Source(unquote(p.values().get(0)).toUpperCase(Locale.ROOT), keyword.contains("FILE"));
                }
                case "CHARACTER", "CHAR" -> format = Format.CHARACTER;
                case "HEX" -> format = Format.HEX;
                case "DUMP" -> format = Format.DUMP;
                case "SKIP" -> skip = number(p);
                case "COUNT" -> count = number(p);
                default -> {
                    return invalid(statement, "IDC3211I KEYWORD '" + cut(keyword) + "' IS IMPROPER");
                }
            }
        }
        if (skip < 0 || count < 0) {
            return invalid(statement, "IDC3203I ITEM '" + (skip < 0 ? "SKIP" : "COUNT") + "' DOES NOT ADHERE TO RESTRICTIONS");
        }
        if (in == null) {
            return invalid(statement, "IDC3214I REQUIRED PARAMETER INFILE OR INDATASET FOR 'PRINT' IS MISSING");
        }
        return new IdcamsCommand.Print(in, format, skip, count, statement.echo());
    }

    /** SKIP(n)/COUNT(n): a decimal number; -1 for anything else (the caller refuses it). */
    private static int number(Param p) {
        if (p.values().size() != 1 || !p.values().get(0).matches("\\d{1,9}")) {
            return -1;
        }
        return Integer.parseInt(p.values().get(0));
    }

    private static IdcamsCommand invalid(Statement statement, String message) {
        return new IdcamsCommand.Invalid(List.of(message,
                "IDC3202I ABOVE TEXT BYPASSED UNTIL NEXT COMMAND. CONDITION CODE IS 12"), statement.echo());
    }

    private static String firstWord(String text) {
        String word = text.strip().split("[\\s(]", 2)[0];
        return word.toUpperCase(Locale.ROOT);
    }

    static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1).replace("''", "'") : value;
    }

    /** A value repeated in a message, cut as docs/messages.md asks. */
    private static String cut(String value) {
        return value.length() > 44 ? value.substring(0, 44) + "..." : value;
    }

    /**
     * One parameter of a command: {@code KEYWORD}, {@code KEYWORD(value ...)} or a parenthesized positional list
     * (keyword null). Values are the words inside the parentheses (nested parentheses flattened), quotes kept.
     */
    record Param(String keyword, List<String> values) {
        static List<Param> parse(String body) {
            List<Param> params = new ArrayList<>();
            int i = 0;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c == ' ' || c == ',') {
                    i++;
                } else if (c == '(') {
                    int end = closing(body, i);
                    params.add(new Param(null, words(body.substring(i + 1, end))));
                    i = Math.min(body.length(), end + 1);
                } else {
                    int start = i;
                    i = wordEnd(body, i);
                    String word = body.substring(start, i);
                    if (i < body.length() && body.charAt(i) == '(') {
                        int end = closing(body, i);
                        params.add(new Param(word.toUpperCase(Locale.ROOT), words(body.substring(i + 1, end))));
                        i = Math.min(body.length(), end + 1);
                    } else {
                        params.add(new Param(word.toUpperCase(Locale.ROOT), List.of()));
                    }
                }
            }
            return params;
        }

        private static List<String> words(String text) {
            List<String> words = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == ' ' || c == ',' || c == '(' || c == ')') {
                    i++;
                    continue;
                }
                int start = i;
                i = wordEnd(text, i);
                String word = text.substring(start, i);
                if (i < text.length() && text.charAt(i) == '(' && !word.startsWith("'")) {
                    int end = closing(text, i);
                    word = word + text.substring(i, Math.min(text.length(), end + 1));
                    i = Math.min(text.length(), end + 1);
                }
                words.add(word);
            }
            return words;
        }

        private static int wordEnd(String text, int i) {
            if (text.charAt(i) == '\'') {
                int j = i + 1;
                while (j < text.length()) {
                    if (text.charAt(j) == '\'') {
                        if (j + 1 < text.length() && text.charAt(j + 1) == '\'') {
                            j += 2;
                            continue;
                        }
                        return j + 1;
                    }
                    j++;
                }
                return text.length();
            }
            int j = i;
            while (j < text.length() && " ,()".indexOf(text.charAt(j)) < 0) {
                j++;
            }
            return j;
        }

        private static int closing(String text, int open) {
            int depth = 0;
            for (int j = open; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '\'') {
                    j = wordEnd(text, j) - 1;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return j;
                }
            }
            return text.length();
        }
    }
}
