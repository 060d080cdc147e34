package org.opencs.core;

/** How user-supplied values appear inside messages: whole when short, cut when long, so a message stays readable. */
public final class Values {
    /** The most characters of a value a message repeats. */
    public static final int MAX_SHOWN = 64;

    private Values() {
    }

    /** {@code value} itself, or its first {@value #MAX_SHOWN} characters and "... (N characters)". */
    public static String cut(String value) {
        if (value == null) {
            return "";
        }
        if (value.length() <= MAX_SHOWN) {
            return value;
        }
        return value.substring(0, MAX_SHOWN) + "... (" + value.length() + " characters)";
    }
}
