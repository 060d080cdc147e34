package org.opencs.tn3270.server;

import io.netty.handler.codec.CodecException;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.opencs.core.ZosException;

/**
 * Why a connection failed, in words for the log: a session's end (OCST003I) or a TLS handshake's failure (OCST022I)
 * names a reason a reader understands, never an exception's class name or a missing ({@code null}) message. Netty
 * wraps what a handler throws (a TLS alert inside a decoder exception); the innermost cause is the one described.
 */
final class FailureText {
    /** A qualified Java name (javax.net.ssl.SSLHandshakeException, sun.security...Exception) with its colon, if any. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*:?\\s*");

    /** A message can carry a whole record in hex (Netty's "not an SSL/TLS record: ..."): a log line keeps the start. */
    private static final int MAX_DETAIL = 160;

    private FailureText() {
    }

    static String of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CodecException || cause.getClass() == RuntimeException.class)
                && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof NotSslRecordException) {
            return "the client sent data that is not TLS where TLS was expected";
        }
        if (cause instanceof CorruptedFrameException || cause instanceof ZosException) {
            return detail(cause, "the client sent data that is not telnet");
        }
        if (cause instanceof DecoderException) {
            return detail(cause, "the client sent data that cannot be read");
        }
        if (cause instanceof SslHandshakeTimeoutException) {
            return "the TLS handshake did not complete in time";
        }
        if (cause instanceof SSLException) {
            return detail(cause, "the TLS connection failed");
        }
        if (cause instanceof ClosedChannelException) {
            return "the connection was closed";
        }
        if (cause instanceof IOException) {
            String text = detail(cause, "a network error");
            return text.toLowerCase(java.util.Locale.ROOT).contains("reset") ? "the client reset the connection" : text;
        }
        if (cause instanceof RejectedExecutionException) {
            return "the server is shutting down";
        }
        return "internal error (OCS0001E: please report it)";
    }

    /** The throwable's own message without Java names in it, or {@code fallback} when it has none. */
    private static String detail(Throwable cause, String fallback) {
        String message = cause.getMessage();
        if (message == null) {
            return fallback;
        }
        String clean = CLASS_NAME.matcher(message).replaceAll("").trim();
        if (clean.length() > MAX_DETAIL) {
            clean = clean.substring(0, MAX_DETAIL) + " ...";
        }
        return clean.isEmpty() || clean.equals("null") ? fallback : clean;
    }
}
