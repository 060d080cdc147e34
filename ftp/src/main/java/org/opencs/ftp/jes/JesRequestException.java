package org.opencs.ftp.jes;

/** JES refused a request: {@link Kind} picks the FTP reply, {@code getMessage()} is the text for it. */
public final class JesRequestException extends RuntimeException {
    public enum Kind { NOT_FOUND, NOT_AUTHORIZED, REFUSED }

    private final Kind kind;

    public JesRequestException(Kind kind, String text) {
        super(text);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
