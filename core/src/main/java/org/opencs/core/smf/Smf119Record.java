package org.opencs.core.smf;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One SMF type 119 record: its subtype, when it was written (the SMF header's time) and its field values by IBM's
 * field names, in the subtype's layout order ({@link Smf119Subtype#fields()}). Every name must belong to the layout
 * and every value must have its field's kind ({@link Smf119Field}); a field may be absent. Times of day are kept in
 * hundredths of a second, as IBM's binary time fields hold them.
 *
 * @throws IllegalArgumentException (from the constructor) for a name outside the layout, a value of the wrong kind,
 *     a null value, or a time finer than 1/100 s
 */
public record Smf119Record(Smf119Subtype subtype, Instant written, Map<String, Object> values) {
    public Smf119Record {
        Objects.requireNonNull(subtype, "subtype");
        Objects.requireNonNull(written, "written");
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Smf119Field field = subtype.fields().get(entry.getKey());
            if (field == null) {
                throw new IllegalArgumentException(entry.getKey() + " is not a field of SMF 119 subtype "
                        + subtype.number());
            }
            Object value = entry.getValue();
            if (value == null || !field.valueType().isInstance(value)) {
                throw new IllegalArgumentException(field.name() + " needs a " + field.kind() + " value, not " + value);
            }
            if (value instanceof LocalTime t && t.getNano() % 10_000_000 != 0) {
                throw new IllegalArgumentException(field.name() + " holds hundredths of a second, not " + t);
            }
        }
        for (String name : subtype.fields().keySet()) {
            if (values.containsKey(name)) {
                ordered.put(name, values.get(name));
            }
        }
        values = Collections.unmodifiableMap(ordered);
    }

    /** The value of field {@code name}, or null when the record leaves it out. */
    public Object value(String name) {
        return values.get(name);
    }
}
