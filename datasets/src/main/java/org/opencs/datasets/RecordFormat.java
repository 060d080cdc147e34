package org.opencs.datasets;

import java.util.Locale;
import org.opencs.core.ZosException;

/** RECFM: fixed, fixed blocked, variable, variable blocked, undefined. */
public enum RecordFormat {
    F, FB, V, VB, U;

    public boolean fixed() {
        return this == F || this == FB;
    }

    public boolean variable() {
        return this == V || this == VB;
    }

    /** The longest record this format holds with this LRECL (variable records carry a 4-byte descriptor). */
    public int maxData(int lrecl) {
        return variable() ? lrecl - 4 : lrecl;
    }

    public static RecordFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ZosException("IKJ56702I", "INVALID RECFM, " + org.opencs.core.Values.quoteForMessage(text) + " (F, FB, V, VB OR U)");
        }
    }
}
