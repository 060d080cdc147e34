package org.opencs.pki.tls.trace;

import java.util.List;
import java.util.Objects;

/**
 * One record of the System SSL trace: when (milliseconds since the epoch, from the server's clock), on which thread
 * (the JVM's thread ID, shown as {@code Thd-n}), for which connection (numbered from 1 per trace; 0 for records about
 * the trace itself), what happened, and its fields in order (name and value, both text, never secret).
 */
public record TraceRecord(long epochMillis, long threadId, long connection, TraceEvent event, List<Field> fields) {
    public TraceRecord {
        Objects.requireNonNull(event, "event");
        fields = List.copyOf(fields);
    }

    /** One named value of a record, e.g. {@code protocol = TLSv1.3}. */
    public record Field(String name, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The value of the first field named {@code name}, or null. */
    public String field(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f.value();
            }
        }
        return null;
    }
}
