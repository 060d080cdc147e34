package org.opencs.ftp.server;

import java.util.Locale;

/** A TLS failure in words for logs and replies: the engine's reason without Java class names, never "null". */
final class TlsFailures {
    private TlsFailures() {
    }

    static String describe(Throwable error) {
        Throwable t = Futures.cause(error);
        while (t instanceof io.netty.handler.codec.DecoderException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof io.netty.handler.ssl.SslHandshakeTimeoutException) {
            return "the client did not complete the handshake in time";
        }
        if (t instanceof java.nio.channels.ClosedChannelException) {
            return "the client closed the connection during the handshake";
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return "the handshake failed";
        }
        // Engine messages sometimes lead with a class name ("javax.net.ssl.SSLHandshakeException: ..."): drop it.
        String text = message.replaceAll("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error):\\s*", "");
        return text.toLowerCase(Locale.ROOT).startsWith("null") ? "the handshake failed" : text;
    }
}
