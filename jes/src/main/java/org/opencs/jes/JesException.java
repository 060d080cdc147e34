package org.opencs.jes;

import org.opencs.core.ZosException;

/**
 * A refused JES request: no such job ("$HASP003 ... NO SUCH JOB"-like texts chosen per interface by the caller),
 * not authorized (JESSPOOL), or the wrong state; {@code reason} tells callers which reply to give.
 */
public final class JesException extends ZosException {
    public enum Reason { NOT_FOUND, NOT_AUTHORIZED, INVALID_STATE, INVALID_JCL }

    private final Reason reason;

    public JesException(Reason reason, String messageId, String text) {
        super(messageId, text);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
