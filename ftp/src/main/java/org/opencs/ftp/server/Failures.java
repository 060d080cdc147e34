package org.opencs.ftp.server;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.regex.Pattern;
import org.opencs.core.ZosException;

/**
 * Words for the server log: the client of a connection ({@code 192.0.2.1:50123}) and the reason a command failed,
 * never a Java class or exception name and never {@code null}. A failure that is a bug (no message the user could act
 * on) is named as an internal error with OCS0001E, so the operator knows to report it.
 */
final class Failures {
    /** A qualified Java name (java.lang.IllegalStateException, io.netty...) with its colon, if any. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*:?\\s*");
    private static final int MAX_DETAIL = 160;

    private Failures() {
    }

    /** The client's address and port, as an operator reads it. */
    static String client(Channel channel) {
        return client(org.opencs.pki.net.Endpoints.client(channel));
    }

    static String client(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return address == null ? "unknown" : address.toString();
    }

    /** Why {@code error} happened, in words. */
    static String describe(Throwable error) {
        Throwable cause = Futures.cause(error);
        if (cause instanceof ZosException z) {
            return z.getMessage();
        }
        if (cause instanceof javax.net.ssl.SSLException || cause instanceof io.netty.handler.codec.DecoderException) {
            return TlsFailures.describe(cause);
        }
        if (cause instanceof java.nio.channels.ClosedChannelException) {
            return "the connection was closed";
        }
        if (cause instanceof java.io.IOException) {
            String detail = detail(cause);
            return detail == null ? "an input/output error" : detail;
        }
        if (cause instanceof java.util.concurrent.RejectedExecutionException) {
            return "the server is shutting down";
        }
        return "internal error (OCS0001E: please report it with the command that caused it)";
    }

    private static String detail(Throwable cause) {
        String message = cause.getMessage();
        if (message == null) {
            return null;
        }
        String clean = CLASS_NAME.matcher(message).replaceAll("").trim();
        if (clean.length() > MAX_DETAIL) {
            clean = clean.substring(0, MAX_DETAIL) + " ...";
        }
        return clean.isEmpty() || clean.equalsIgnoreCase("null") ? null : clean;
    }
}
