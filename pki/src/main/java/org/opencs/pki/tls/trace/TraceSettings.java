package org.opencs.pki.tls.trace;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * GSK_TRACE and GSK_TRACE_FILE, read once from a server's environment, as z/OS System SSL reads them when the
 * application starts (z/OS Cryptographic Services System SSL Programming, "Capturing trace data through environment
 * variables": https://www.ibm.com/docs/en/zos/2.5.0?topic=information-capturing-trace-data-through-environment-variables).
 *
 * <ul>
 * <li>GSK_TRACE is a bit mask ({@link TraceCategory}): decimal {@code nnn}, octal {@code 0nnn} or hexadecimal
 * {@code 0xhh}. Unset or 0: no trace, whatever GSK_TRACE_FILE says. 0xffff enables everything.</li>
 * <li>GSK_TRACE_FILE names the raw trace file, default {@code /tmp/gskssl.%.trc}; a {@code %} is replaced by the
 * process ID, so that processes sharing a name write separate files.</li>
 * </ul>
 *
 * @param file the raw trace file, {@code %} already replaced
 * @param mask the GSK_TRACE mask, never 0
 */
public record TraceSettings(Path file, int mask) {
    /** IBM's default trace file name. */
    public static final String DEFAULT_FILE = "/tmp/gskssl.%.trc";

    /**
     * What the environment asks for: settings, or none (null) with the reason when a variable was set but no trace
     * results ({@code messages}, in IBM's style, for the console).
     */
    public record Result(TraceSettings settings, List<String> messages) {
        public Result {
            messages = List.copyOf(messages);
        }
    }

    /**
     * Reads GSK_TRACE and GSK_TRACE_FILE from {@code environment}; {@code processId} replaces {@code %} in the file
     * name. Never throws: a bad mask is reported in {@link Result#messages()} and traces nothing.
     */
    public static Result fromEnvironment(Map<String, String> environment, long processId) {
        String mask = environment.get("GSK_TRACE");
        String file = environment.get("GSK_TRACE_FILE");
        if (mask == null || mask.isBlank()) {
            return new Result(null, file == null ? List.of() : List.of("OCSK051W GSK_TRACE_FILE is set but GSK_TRACE "
                    + "is not: no System SSL trace is written. Set GSK_TRACE to a trace mask as well, for example "
                    + "GSK_TRACE=0xff."));
        }
        int value;
        try {
            value = parseMask(mask);
        } catch (IllegalArgumentException e) {
            return new Result(null, List.of("OCSK052W GSK_TRACE value " + mask.strip() + " is not a trace mask (decimal "
                    + "nnn, octal 0nnn or hexadecimal 0xhh, at most 0xffff): no System SSL trace is written."));
        }
        if (value == 0) {
            return new Result(null, List.of());
        }
        String name = file == null || file.isBlank() ? DEFAULT_FILE : file.strip();
        return new Result(new TraceSettings(Path.of(name.replace("%", Long.toString(processId))), value), List.of());
    }

    /**
     * A GSK_TRACE value: decimal ({@code 255}), octal ({@code 0377}) or hexadecimal ({@code 0xff}, {@code 0XFF}), 0 to
     * 0xffff.
     *
     * @throws IllegalArgumentException anything else
     */
    public static int parseMask(String text) {
        String t = text.strip();
        int radix = 10;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.length() > 1 && t.startsWith("0")) {
            radix = 8;
            t = t.substring(1);
        }
        if (t.isEmpty() || t.length() > 8 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not a trace mask: " + text);
        }
        int value;
        try {
            value = Integer.parseInt(t, radix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a trace mask: " + text, e);
        }
        if (value > 0xFFFF) {
            throw new IllegalArgumentException("trace mask above 0xffff: " + text);
        }
        return value;
    }
}
