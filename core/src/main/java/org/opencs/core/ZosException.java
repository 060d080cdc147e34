package org.opencs.core;

/**
 * A failure the user must see, in IBM's style: a message ID (EZA..., EZYFS..., IKJ..., IRRD..., GSK...) and its text.
 * The message never carries a stack trace to the user; callers print {@link #getMessage()}.
 */
public class ZosException extends RuntimeException {
    private final String messageId;
    private final String text;

    public ZosException(String messageId, String text) {
        this(messageId, text, null);
    }

    public ZosException(String messageId, String text, Throwable cause) {
        super(messageId + " " + text, cause);
        this.messageId = messageId;
        this.text = text;
    }

    public String messageId() {
        return messageId;
    }

    /** The message text without its ID. */
    public String text() {
        return text;
    }
}
