package org.opencs.ftp.config;

/** A DEBUG operand that is not one z/OS knows; {@link #getMessage()} says why in words, naming the operand. */
public final class DebugOptionException extends Exception {
    private static final long serialVersionUID = 1L;

    public DebugOptionException(String reason) {
        super(reason);
    }
}
