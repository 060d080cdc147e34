package org.opencs.jes.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.opencs.jes.programs.IebcopyStatement.Input;
import org.opencs.jes.programs.IebcopyStatement.MemberSpec;

/**
 * Reads IEBCOPY's SYSIN into statements, following the utility control statement rules of z/OS DFSMSdfp Utilities
 * ("Utility control statements", "IEBCOPY Program"): columns 1-71 hold the statement, a nonblank column 72 continues
 * it on the next record (whose leading blanks are dropped), columns 73-80 are ignored; a name in column 1 is a label;
 * {@code *} in column 1 makes a comment; operands end at the first blank (what follows is a comment). OpenCS also
 * continues a statement whose operands end with a comma, as many decks are written. Verbs and keywords take IBM's
 * abbreviations: C (COPY), S (SELECT), E (EXCLUDE), O (OUTDD), I (INDD), M (MEMBER). A statement that cannot be read
 * becomes {@link IebcopyStatement.Invalid} with an OCS0510E message. The parser never copies anything.
 */
public final class IebcopyParser {
    private static final Pattern NAME = Pattern.compile("[A-Z$#@][A-Z0-9$#@]{0,7}");
    private static final Pattern GENERIC = Pattern.compile("[A-Z0-9$#@*%]{1,8}");

    private IebcopyParser() {
    }

    /** One statement: its text (label removed, continuations joined) and the records it came from. */
    record Statement(String text, List<String> echo) {
    }

    /** The statements of SYSIN's records (decoded, at most 80 columns each). */
    public static List<IebcopyStatement> parse(List<String> records) {
        List<IebcopyStatement> result = new ArrayList<>();
        String continuing = null; // "SELECT" or "EXCLUDE": what a MEMBER= statement continues
        for (Statement statement : statements(records)) {
            IebcopyStatement parsed = statement(statement, continuing);
            if (parsed instanceof IebcopyStatement.Select) {
                continuing = "SELECT";
            } else if (parsed instanceof IebcopyStatement.Exclude) {
                continuing = "EXCLUDE";
            } else if (!(parsed instanceof IebcopyStatement.Invalid)) {
                continuing = null;
            }
            result.add(parsed);
        }
        return result;
    }

    static List<Statement> statements(List<String> records) {
        List<Statement> result = new ArrayList<>();
        StringBuilder text = null;
        List<String> echo = new ArrayList<>();
        for (String raw : records) {
            String record = raw.length() > 80 ? raw.substring(0, 80) : raw;
            String columns = record.length() > 71 ? record.substring(0, 71) : record;
            boolean column72 = record.length() > 71 && record.charAt(71) != ' ';
            echo.add(record.length() > 72 ? record.substring(0, 72).stripTrailing() : record.stripTrailing());
            if (text == null) {
                if (columns.startsWith("*") || columns.isBlank()) {
                    continue; // comments and empty records are listed with the next statement
                }
                String body = columns;
                if (body.charAt(0) != ' ') { // a label: up to the first blank
                    int blank = body.indexOf(' ');
                    body = blank < 0 ? "" : body.substring(blank);
                }
                text = new StringBuilder(operandField(body.strip()));
            } else {
                text.append(operandField(columns.strip()));
            }
            if (column72 || text.toString().endsWith(",")) {
                continue;
            }
            result.add(new Statement(text.toString(), List.copyOf(echo)));
            text = null;
            echo.clear();
        }
        if (text != null) {
            result.add(new Statement(text.toString(), List.copyOf(echo)));
        }
        return result;
    }

    /** The verb and operands of a statement's text, without the comment after the operands. */
    private static String operandField(String text) {
        String[] words = text.split("\\s+", 3);
        if (words.length == 0 || words[0].isEmpty()) {
            return "";
        }
        if (words[0].contains("=") || words.length == 1) {
            return words[0]; // an operand continuation, or a statement of operands only (INDD=, MEMBER=)
        }
        return words[0] + " " + words[1];
    }

    private static IebcopyStatement statement(Statement statement, String continuing) {
        String text = statement.text().toUpperCase(Locale.ROOT);
        List<String> echo = statement.echo();
        String verb;
        String operands;
        int blank = text.indexOf(' ');
        if (blank < 0 && text.contains("=")) {
            verb = "";
            operands = text;
        } else {
            verb = blank < 0 ? text : text.substring(0, blank);
            operands = blank < 0 ? "" : text.substring(blank + 1);
        }
        try {
            List<String[]> keywords = keywords(operands);
            return switch (verb) {
                case "COPY", "C" -> copy(keywords, echo);
                case "SELECT", "S" -> new IebcopyStatement.Select(selectMembers(member(keywords, verb)), echo);
                case "EXCLUDE", "E" -> new IebcopyStatement.Exclude(excludeMembers(member(keywords, verb)), echo);
                case "" -> operandsOnly(keywords, continuing, echo);
                case "COPYMOD", "COPYGRP", "COPYGROUP", "ALTERMOD" -> invalid(verb + " IS NOT SUPPORTED BY OPENCS: USE COPY",
                        echo);
                default -> invalid("STATEMENT " + verb + " IS NOT A VALID IEBCOPY CONTROL STATEMENT", echo);
            };
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage(), echo);
        }
    }

    private static IebcopyStatement.Invalid invalid(String text, List<String> echo) {
        return new IebcopyStatement.Invalid("OCS0510E " + text, echo);
    }

    private static IebcopyStatement copy(List<String[]> keywords, List<String> echo) {
        String out = null;
        List<Input> inputs = new ArrayList<>();
        for (String[] keyword : keywords) {
            switch (keyword[0]) {
                case "OUTDD", "O" -> out = name(keyword[1], "OUTDD");
                case "INDD", "I" -> inputs.addAll(inputs(keyword[1]));
                case "LIST" -> {
                    if (!keyword[1].equals("YES") && !keyword[1].equals("NO")) {
                        throw new IllegalArgumentException("LIST=" + keyword[1] + " IS INVALID: CODE LIST=YES OR LIST=NO");
                    }
                }
                default -> throw new IllegalArgumentException("KEYWORD " + keyword[0] + " IS INVALID ON COPY");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("COPY HAS NO OUTDD=");
        }
        return new IebcopyStatement.Copy(out, List.copyOf(inputs), echo);
    }

    private static IebcopyStatement operandsOnly(List<String[]> keywords, String continuing, List<String> echo) {
        String keyword = keywords.get(0)[0];
        if ((keyword.equals("INDD") || keyword.equals("I")) && keywords.size() == 1) {
            return new IebcopyStatement.InputDds(List.copyOf(inputs(keywords.get(0)[1])), echo);
        }
        if ((keyword.equals("MEMBER") || keyword.equals("M")) && keywords.size() == 1) {
            if (continuing == null) {
                throw new IllegalArgumentException("MEMBER= FOLLOWS NO SELECT OR EXCLUDE STATEMENT");
            }
            return continuing.equals("SELECT") ? new IebcopyStatement.Select(selectMembers(keywords.get(0)[1]), echo)
                    : new IebcopyStatement.Exclude(excludeMembers(keywords.get(0)[1]), echo);
        }
        throw new IllegalArgumentException("KEYWORD " + keyword + " IS INVALID HERE");
    }

    private static String member(List<String[]> keywords, String verb) {
        if (keywords.size() != 1 || !(keywords.get(0)[0].equals("MEMBER") || keywords.get(0)[0].equals("M"))) {
            throw new IllegalArgumentException(verb + " NEEDS MEMBER= AND NOTHING ELSE");
        }
        return keywords.get(0)[1];
    }

    /** KEYWORD=value pairs separated by commas outside parentheses. */
    private static List<String[]> keywords(String operands) {
        List<String[]> result = new ArrayList<>();
        for (String item : split(operands)) {
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new IllegalArgumentException("OPERAND " + (item.isEmpty() ? "(NONE)" : item) + " IS NOT KEYWORD=VALUE");
            }
            result.add(new String[] {item.substring(0, eq), item.substring(eq + 1)});
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("OPERANDS ARE MISSING");
        }
        return result;
    }

    /** Items of a list separated by commas at parenthesis depth 0; unbalanced parentheses are refused. */
    static List<String> split(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw new IllegalArgumentException("PARENTHESES DO NOT BALANCE IN " + text);
                }
            } else if (c == ',' && depth == 0) {
                items.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("PARENTHESES DO NOT BALANCE IN " + text);
        }
        if (!text.isEmpty()) {
            items.add(text.substring(start));
        }
        return items;
    }

    /** The items of {@code (a,b,...)} or the one item {@code a}. */
    private static List<String> list(String value) {
        if (value.startsWith("(") && value.endsWith(")")) {
            return split(value.substring(1, value.length() - 1));
        }
        return List.of(value);
    }

    private static String name(String text, String what) {
        if (!NAME.matcher(text).matches()) {
            throw new IllegalArgumentException(what + " NAME " + (text.isEmpty() ? "(NONE)" : text) + " IS INVALID");
        }
        return text;
    }

    /** INDD=dd, INDD=(dd,R), INDD=(dd1,(dd2,R),dd3). */
    private static List<Input> inputs(String value) {
        List<String> items = list(value);
        if (items.size() == 2 && items.get(1).equals("R") && !value.startsWith("((")) {
            return List.of(new Input(name(items.get(0), "INDD"), true));
        }
        List<Input> inputs = new ArrayList<>();
        for (String item : items) {
            if (item.startsWith("(")) {
                List<String> parts = list(item);
                if (parts.size() != 2 || !parts.get(1).equals("R")) {
                    throw new IllegalArgumentException("INDD ENTRY " + item + " IS INVALID: CODE (DDNAME,R)");
                }
                inputs.add(new Input(name(parts.get(0), "INDD"), true));
            } else {
                inputs.add(new Input(name(item, "INDD"), false));
            }
        }
        return inputs;
    }

    /** MEMBER=(a,(b,c),(d,,R),(e,f,R)) of SELECT. */
    private static List<MemberSpec> selectMembers(String value) {
        List<MemberSpec> members = new ArrayList<>();
        for (String item : list(value)) {
            if (item.startsWith("(")) {
                List<String> parts = list(item);
                if (parts.isEmpty() || parts.size() > 3 || (parts.size() == 3 && !parts.get(2).equals("R"))) {
                    throw new IllegalArgumentException("MEMBER ENTRY " + item + " IS INVALID: CODE (NAME,NEWNAME,R)");
                }
                String name = memberName(parts.get(0), true);
                String newName = parts.size() > 1 && !parts.get(1).isEmpty() ? memberName(parts.get(1), false) : null;
                if (newName != null && (name.contains("*") || name.contains("%"))) {
                    throw new IllegalArgumentException("MEMBER " + name + " HAS WILDCARDS AND CANNOT BE RENAMED");
                }
                members.add(new MemberSpec(name, newName, parts.size() == 3));
            } else {
                members.add(new MemberSpec(memberName(item, true), null, false));
            }
        }
        return members;
    }

    private static List<String> excludeMembers(String value) {
        List<String> names = new ArrayList<>();
        for (String item : list(value)) {
            names.add(memberName(item, false));
        }
        return names;
    }

    private static String memberName(String text, boolean wildcards) {
        if (!(wildcards ? GENERIC : NAME).matcher(text).matches()) {
            throw new IllegalArgumentException("MEMBER NAME " + (text.isEmpty() ? "(NONE)" : text) + " IS INVALID");
        }
        return text;
    }
}
