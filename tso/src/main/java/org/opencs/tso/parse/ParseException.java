package org.opencs.tso.parse;

import org.opencs.core.ZosException;

/** A command that cannot be parsed; IKJ56... messages as TSO gives them. */
public final class ParseException extends ZosException {
    public ParseException(String messageId, String text) {
        super(messageId, text);
    }
}
