package org.opencs.tn3270.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recorded keystroke macro in the spirit of PCOMM's macro files (the seed records mvs098_tso.mac): header lines
 * {@code Description=} and {@code ElfApplid=} (the Express Logon application; the player answers IBMELF=YES for it),
 * then one line per step group: {@code "text} types text (up to the next {@code [} or the end of the line),
 * {@code [enter]}, {@code [tab]}, {@code [home]}, {@code [clear]}, {@code [pf1]}..{@code [pf24]}, {@code [pa1]}..
 * {@code [pa3]} press keys, {@code [wait inp inh]} waits until the host unlocks the keyboard. Lines starting with
 * {@code ;} are comments. An Express Logon macro types the tokens )USR.ID( and )PSS.WD( instead of credentials.
 */
public record Macro(String description, String elfApplid, List<Step> steps) {
    public static final String USER_TOKEN = ")USR.ID(";
    public static final String PASSWORD_TOKEN = ")PSS.WD(";
    private static final Pattern KEY = Pattern.compile("\\[([a-z0-9 ]+)\\]");

    public sealed interface Step {
    }

    /** Text typed at the cursor. */
    public record Type(String text) implements Step {
    }

    /** A key: enter, tab, home, clear, pf1..pf24, pa1..pa3. */
    public record Key(String name) implements Step {
    }

    /** Wait until the host unlocks the keyboard (PCOMM's "wait for input inhibited to clear"). */
    public record WaitInput() implements Step {
    }

    public Macro {
        steps = List.copyOf(steps);
    }

    public static Macro parse(String text) {
        String description = null;
        String applid = null;
        List<Step> steps = new ArrayList<>();
        int number = 0;
        for (String raw : text.split("\r?\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("description=")) {
                description = line.substring(line.indexOf('=') + 1).strip();
            } else if (lower.startsWith("elfapplid=")) {
                applid = line.substring(line.indexOf('=') + 1).strip().toUpperCase(Locale.ROOT);
            } else {
                steps.addAll(line(raw.stripLeading(), number));
            }
        }
        return new Macro(description, applid, steps);
    }

    private static List<Step> line(String line, int number) {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                int end = line.indexOf('[', i + 1);
                String typed = line.substring(i + 1, end < 0 ? line.length() : end);
                steps.add(new Type(end < 0 ? typed.stripTrailing() : typed));
                i = end < 0 ? line.length() : end;
            } else if (c == '[') {
                Matcher key = KEY.matcher(line);
                if (!key.find(i) || key.start() != i) {
                    throw new IllegalArgumentException("macro line " + number + ": unclosed or unknown [key] at column "
                            + (i + 1));
                }
                steps.add(step(key.group(1).strip(), number));
                i = key.end();
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                throw new IllegalArgumentException("macro line " + number + ": text must start with \" (column " + (i + 1)
                        + ")");
            }
        }
        return steps;
    }

    private static Step step(String key, int number) {
        if (key.equals("wait inp inh")) {
            return new WaitInput();
        }
        if (key.matches("enter|tab|home|clear|pf([1-9]|1[0-9]|2[0-4])|pa[1-3]")) {
            return new Key(key);
        }
        throw new IllegalArgumentException("macro line " + number + ": unknown key [" + key + "]");
    }

    /** The macro as a file: headers, then one line per screen (up to the key that sends it), waits on their own lines. */
    public String format() {
        StringBuilder out = new StringBuilder();
        if (description != null) {
            out.append("Description=").append(description).append('\n');
        }
        if (elfApplid != null) {
            out.append("ElfApplid=").append(elfApplid).append('\n');
        }
        StringBuilder line = new StringBuilder();
        for (Step step : steps) {
            if (step instanceof Type t) {
                line.append('"').append(t.text());
            } else if (step instanceof Key k) {
                line.append('[').append(k.name()).append(']');
                if (!k.name().equals("tab") && !k.name().equals("home")) {
                    out.append(line).append('\n'); // a key that sends the screen ends a line: one line per screen
                    line.setLength(0);
                }
            } else {
                if (line.length() > 0) {
                    out.append(line).append('\n');
                    line.setLength(0);
                }
                out.append("[wait inp inh]\n");
            }
        }
        if (line.length() > 0) {
            out.append(line).append('\n');
        }
        return out.toString();
    }
}
