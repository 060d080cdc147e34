package org.opencs.core.smf;

import java.util.List;

/** One section of an SMF 119 record as IBM's layout tables name it, with its fields in IBM's order. */
public record Smf119Section(String title, List<Smf119Field> fields) {
    public Smf119Section {
        fields = List.copyOf(fields);
    }

    static Smf119Section of(String title, Smf119Field... fields) {
        return new Smf119Section(title, List.of(fields));
    }
}
