package org.opencs.jes.step;

import org.opencs.core.ZosException;

/**
 * A step's abnormal end: {@code code} "Sccc" for a system completion code in hex (S806, S013, S222) or "Udddd" for a
 * user code in decimal (U0016), {@code reason} the reason code ("04", or "" when none), and the message that explains
 * it (CSV003I for S806, IEC141I for S013, ...), written to JESYSMSG/JESMSGLG by the initiator.
 */
public final class Abend extends ZosException {
    private final String code;
    private final String reason;

    public Abend(String code, String reason, String messageId, String text) {
        super(messageId, text);
        this.code = code;
        this.reason = reason;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return reason;
    }
}
