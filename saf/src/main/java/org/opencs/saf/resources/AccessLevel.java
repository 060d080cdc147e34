package org.opencs.saf.resources;

import java.util.Locale;

/** RACF access levels, weakest first: a request is allowed when the granted level is at least the requested one. */
public enum AccessLevel {
    NONE, READ, UPDATE, CONTROL, ALTER;

    public boolean allows(AccessLevel requested) {
        return compareTo(requested) >= 0;
    }

    public static AccessLevel parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.opencs.core.ZosException("IKJ56702I", "INVALID ACCESS, " + text);
        }
    }
}
