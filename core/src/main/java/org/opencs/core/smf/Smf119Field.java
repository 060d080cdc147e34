package org.opencs.core.smf;

/**
 * One field of an SMF type 119 record section, named as IBM names it in the record layouts of z/OS Communications
 * Server: IP Programmer's Guide and Reference ("Type 119 SMF records": e.g. {@code SMF119TI_SYSName},
 * {@code SMF119FT_FSBytes}), with IBM's description. {@code kind} says how the value is held and written as JSON:
 * <ul>
 *   <li>{@link Kind#TEXT}: a {@link String} (IBM's EBCDIC fields, written without their blank padding);</li>
 *   <li>{@link Kind#NUMBER}: a {@link Long} (IBM's binary fields: counts, ports, flags, durations in 1/100 s);</li>
 *   <li>{@link Kind#ADDRESS}: a {@link String} holding an IP address literal (IBM's 16-byte IPv6 or IPv4-mapped
 *       address fields);</li>
 *   <li>{@link Kind#DATE}: a {@link java.time.LocalDate} (IBM's packed 0cyydddF dates), written yyyy-MM-dd;</li>
 *   <li>{@link Kind#TIME}: a {@link java.time.LocalTime} in hundredths of a second (IBM's binary time of day in
 *       1/100 s since midnight), written HH:mm:ss.SS.</li>
 * </ul>
 * Dates and times are the system's local time, as SMF writes them.
 */
public record Smf119Field(String name, Kind kind, String description) {
    /** How a field's value is held in a record and written. */
    public enum Kind { TEXT, NUMBER, ADDRESS, DATE, TIME }

    static Smf119Field text(String name, String description) {
        return new Smf119Field(name, Kind.TEXT, description);
    }

    static Smf119Field numeric(String name, String description) {
        return new Smf119Field(name, Kind.NUMBER, description);
    }

    static Smf119Field address(String name, String description) {
        return new Smf119Field(name, Kind.ADDRESS, description);
    }

    static Smf119Field date(String name, String description) {
        return new Smf119Field(name, Kind.DATE, description);
    }

    static Smf119Field time(String name, String description) {
        return new Smf119Field(name, Kind.TIME, description);
    }

    /** The Java type a value of this field must have. */
    Class<?> valueType() {
        return switch (kind) {
            case TEXT, ADDRESS -> String.class;
            case NUMBER -> Long.class;
            case DATE -> java.time.LocalDate.class;
            case TIME -> java.time.LocalTime.class;
        };
    }
}
