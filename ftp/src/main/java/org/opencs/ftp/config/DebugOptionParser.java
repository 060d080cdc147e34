package org.opencs.ftp.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencs.core.Values;

/**
 * Reads DEBUG operands and does nothing else: {@code CMD}, {@code FSC(2)}, {@code SOC}, {@code ALL}, {@code BAS},
 * {@code NONE} (any case), and for SITE a list {@code (CMD,ACC)} and {@code ?}. FSC and SOC take a level from 1 to 8
 * ({@code FSC} alone is FSC(1)); the other types take none. Sources: z/OS Communications Server IP Configuration
 * Reference, "DEBUG (FTP client and server) statement"; IP System Administrator's Commands, "MODIFY command: FTP";
 * IP Diagnosis Guide, "Start tracing after FTP initialization" ({@code SITE DEBUG=(JES)}).
 */
public final class DebugOptionParser {
    private static final Pattern OPERAND = Pattern.compile("([A-Z]+)(?:\\((\\d{1,3})\\))?");

    private DebugOptionParser() {
    }

    /**
     * One operand. {@code ?} is accepted only when {@code query} is true (SITE DEBUG). Throws
     * {@link DebugOptionException} naming the operand (cut and with control characters shown) and the reason.
     */
    public static DebugOption parse(String operand, boolean query) throws DebugOptionException {
        String text = operand.trim().toUpperCase(Locale.ROOT);
        if (text.equals("?") && query) {
            return new DebugOption.Query();
        }
        Matcher m = OPERAND.matcher(text);
        if (!m.matches()) {
            throw unknown(operand);
        }
        String name = m.group(1);
        String level = m.group(2);
        switch (name) {
            case "ALL", "BAS", "NONE" -> {
                if (level != null) {
                    throw new DebugOptionException(name + " takes no level: " + "'" + Values.quoteForMessage(operand.trim()) + "'");
                }
                return name.equals("ALL") ? new DebugOption.All()
                        : name.equals("BAS") ? new DebugOption.Basic() : new DebugOption.None();
            }
            default -> {
                // a trace type, below
            }
        }
        TraceType type;
        try {
            type = TraceType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw unknown(operand);
        }
        if (level == null) {
            return new DebugOption.Trace(type, 1);
        }
        if (!type.leveled()) {
            throw new DebugOptionException(type + " takes no level: " + "'" + Values.quoteForMessage(operand.trim()) + "'"
                    + "; only FSC and SOC take one");
        }
        int n = Integer.parseInt(level);
        if (n < 1 || n > TraceType.MAX_LEVEL) {
            throw new DebugOptionException(type + " level must be from 1 to " + TraceType.MAX_LEVEL + ", not " + n);
        }
        return new DebugOption.Trace(type, n);
    }

    /**
     * The value of SITE DEBUG=: one operand, or several in parentheses separated by commas ({@code (CMD,ACC)});
     * empty (SITE DEBUG, DEBUG=, DEBUG=()) is {@code ?}. Blanks around operands are allowed.
     */
    public static List<DebugOption> parseList(String value) throws DebugOptionException {
        String text = value.trim();
        if (text.startsWith("(")) {
            if (!text.endsWith(")")) {
                throw new DebugOptionException("the list " + "'" + Values.quoteForMessage(text) + "' has no closing parenthesis");
            }
            text = text.substring(1, text.length() - 1).trim();
        }
        List<DebugOption> options = new ArrayList<>();
        if (text.isEmpty()) {
            options.add(new DebugOption.Query());
            return options;
        }
        for (String operand : text.split(",", -1)) {
            if (operand.isBlank()) {
                throw new DebugOptionException("the list " + "'" + Values.quoteForMessage(value.trim()) + "' has an empty operand");
            }
            options.add(parse(operand, true));
        }
        return options;
    }

    /** Operands as written back: {@code (CMD,FSC(2),NONE,?)}; the inverse of {@link #parseList}. */
    public static String format(List<DebugOption> options) {
        StringJoiner out = new StringJoiner(",", "(", ")");
        for (DebugOption option : options) {
            out.add(format(option));
        }
        return out.toString();
    }

    /** One operand as written: {@code CMD}, {@code FSC(2)}, {@code ALL}, {@code BAS}, {@code NONE}, {@code ?}. */
    public static String format(DebugOption option) {
        if (option instanceof DebugOption.Trace trace) {
            return trace.type().leveled() ? trace.type() + "(" + trace.level() + ")" : trace.type().name();
        }
        return option instanceof DebugOption.All ? "ALL" : option instanceof DebugOption.Basic ? "BAS"
                : option instanceof DebugOption.None ? "NONE" : "?";
    }

    private static DebugOptionException unknown(String operand) {
        return new DebugOptionException("'" + Values.quoteForMessage(operand.trim()) + "'" + " is not a trace type; use FLO, CMD, PAR,"
                + " INT, ACC, UTL, SEC, FSC(n), SOC(n), JES, SQL, XLA, ALL, BAS or NONE");
    }
}
