package org.opencs.core;

/**
 * Echoing user-supplied values in messages. A message repeats what the user wrote so that it can be found, but a value
 * of 100,000 characters (a damaged file, a pasted blob) must not become a 100,000-character message: values are cut
 * to {@value #LIMIT} characters and the full length is said instead, the way IBM's messages truncate long operands.
 * Control characters (NUL, CR, ESC, ...) are shown as {@code \xNN} so that a message never breaks a terminal or a log
 * line.
 */
public final class Values {
    /** The most characters of a value a message repeats. */
    public static final int LIMIT = 64;

    private Values() {
    }

    /**
     * The value as a message shows it: at most {@value #LIMIT} characters, then {@code "... (N characters)"} when it
     * is longer; control characters escaped. {@code null} (no value) is shown as an empty string.
     */
    public static String quoteForMessage(String value) {
        if (value == null) {
            return "";
        }
        int length = value.length();
        String shown = length > LIMIT ? value.substring(0, LIMIT) : value;
        StringBuilder out = new StringBuilder(shown.length() + 24);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02X", (int) c));
            } else if (breaksLine(c)) {
                out.append(String.format("\\u%04X", (int) c)); // LINE and PARAGRAPH SEPARATOR end lines too
            } else {
                out.append(c);
            }
        }
        if (length > LIMIT) {
            out.append("... (").append(length).append(" characters)");
        }
        return out.toString();
    }

    /**
     * A whole message with every blank-delimited word passed through {@link #quoteForMessage}: the backstop for
     * message texts built from values at places that did not cut them, so that no message grows with its input.
     */
    public static String cutLongWords(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String part : message.split("((?<= )|(?= ))")) {
            out.append(part.equals(" ") ? part : quoteForMessage(part));
        }
        return out.toString();
    }

    /** Unicode's own line ends (U+2028, U+2029), which would split a log or console line as CR and LF do. */
    private static boolean breaksLine(char c) {
        int type = Character.getType(c);
        return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * The first control character (below blank, DEL, C1 controls) or Unicode line separator in the value, or -1:
     * such a character is never in a name.
     */
    public static int firstControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i)) || breaksLine(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
