package org.opencs.web;

import java.util.List;
import org.opencs.core.ZosException;

/**
 * The 3278 model a web terminal is opened as: 2 (24x80), 3 (32x80), 4 (43x80) or 5 (27x132), from the {@code model}
 * query parameter of {@code /terminal} and {@code /terminal/ws}; the TN3270E client then negotiates IBM-3278-N-E and
 * the host's Erase/Write Alternate screens come at that size. Parsing only: nothing connects here.
 */
public final class TerminalModel {
    /** Model 2, the 3278's 24x80, when the page names none. */
    public static final int DEFAULT = 2;

    private TerminalModel() {
    }

    /**
     * The model the query parameter values name: {@link #DEFAULT} when absent or empty.
     *
     * @throws ZosException OCSW039E when given twice or not one of 2, 3, 4, 5
     */
    public static int parse(List<String> values) {
        if (values == null || values.isEmpty() || (values.size() == 1 && values.get(0).isEmpty())) {
            return DEFAULT;
        }
        String value = values.get(0);
        if (values.size() == 1 && value.length() == 1 && value.charAt(0) >= '2' && value.charAt(0) <= '5') {
            return value.charAt(0) - '0';
        }
        String shown = values.size() > 1 ? String.join(",", values) : value;
        if (shown.length() > 20) {
            shown = shown.substring(0, 20) + "...";
        }
        throw new ZosException("OCSW039E", "The terminal model " + shown
                + " is not valid: give 2 (24x80), 3 (32x80), 4 (43x80) or 5 (27x132).");
    }
}
