package org.opencs.core.smf;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills one record: the identification section from its {@link Smf119Origin}, then the subtype's fields by IBM's
 * names. A null value leaves the field out. {@link #build()} checks names and kinds ({@link Smf119Record}).
 */
public final class Smf119Builder {
    private final Smf119Subtype subtype;
    private final Instant written;
    private final Smf119Origin origin;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Smf119Builder(Smf119Subtype subtype, Instant written, Smf119Origin origin) {
        this.subtype = subtype;
        this.written = written;
        this.origin = origin;
        values.putAll(origin.fields(subtype));
    }

    public static Smf119Builder of(Smf119Subtype subtype, Instant written, Smf119Origin origin) {
        return new Smf119Builder(subtype, written, origin);
    }

    public Smf119Builder text(String name, String value) {
        return put(name, value);
    }

    public Smf119Builder number(String name, long value) {
        return put(name, value);
    }

    /** An address field from an address (its literal, without a host name). */
    public Smf119Builder address(String name, InetAddress value) {
        return put(name, value == null ? null : value.getHostAddress());
    }

    /** An address field and its port field from a socket address; nothing when it is not an IP socket address. */
    public Smf119Builder endpoint(String addressName, String portName, java.net.SocketAddress value) {
        if (value instanceof InetSocketAddress socket && socket.getAddress() != null) {
            address(addressName, socket.getAddress());
            number(portName, socket.getPort());
        }
        return this;
    }

    /** A date field and a time-of-day field holding {@code when} in the origin's time zone, to 1/100 s. */
    public Smf119Builder dateTime(String dateName, String timeName, Instant when) {
        if (when != null) {
            ZonedDateTime local = when.atZone(origin.zone());
            LocalTime time = local.toLocalTime().truncatedTo(ChronoUnit.MILLIS);
            put(dateName, local.toLocalDate());
            put(timeName, time.withNano(time.getNano() / 10_000_000 * 10_000_000));
        }
        return this;
    }

    /** A duration field in IBM's units of 1/100 second. */
    public Smf119Builder hundredths(String name, Duration duration) {
        return duration == null ? this : put(name, Math.max(0, duration.toMillis()) / 10);
    }

    private Smf119Builder put(String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
        return this;
    }

    public Smf119Record build() {
        return new Smf119Record(subtype, written, values);
    }
}
