package org.opencs.pki;

import org.opencs.core.ZosException;

/**
 * A key database or certificate failure with an OpenCS message ID (OCSK...E), listed in docs/messages.md.
 * Nothing on disk has changed when one of these is thrown.
 */
public final class KeyDbException extends ZosException {
    public KeyDbException(String messageId, String text) {
        super(messageId, text);
    }

    public KeyDbException(String messageId, String text, Throwable cause) {
        super(messageId, text, cause);
    }

    public static KeyDbException wrongPassword(String file) {
        return new KeyDbException("OCSK001E", "An invalid database password was encountered for " + file + ".");
    }

    public static KeyDbException corrupt(String file, String reason) {
        return new KeyDbException("OCSK002E", "Key database " + file + " is damaged: " + reason + ".");
    }

    public static KeyDbException notFound(String what) {
        return new KeyDbException("OCSK003E", what + " does not exist or cannot be read.");
    }

    public static KeyDbException unknownLabel(String label) {
        return new KeyDbException("OCSK004E", "No certificate or key with label '" + label + "' is in the database.");
    }

    public static KeyDbException duplicateLabel(String label) {
        return new KeyDbException("OCSK005E", "The label '" + label + "' is already used in the database.");
    }

    public static KeyDbException badInput(String text) {
        return new KeyDbException("OCSK006E", text);
    }

    public static KeyDbException io(String file, Exception cause) {
        return new KeyDbException("OCSK007E", "I/O error on " + file + ": " + cause.getMessage(), cause);
    }
}
