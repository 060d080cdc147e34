package org.opencs.cli;

import java.net.BindException;
import java.util.concurrent.Callable;
import org.opencs.core.Values;
import org.opencs.core.ZosException;

/**
 * Opening a listening port for {@code opencs start}. A port that cannot be bound is a configuration problem the
 * operator must see with the port, address and server that wanted it (OCS0070E), never a bare
 * {@code BindException}; z/OS's own servers name the port in their bind failure messages the same way.
 */
final class Listening {
    private Listening() {
    }

    /** Runs {@code open} (a server's constructor, which binds); a bind failure becomes OCS0070E naming the port. */
    static <T> T open(String server, String address, int port, Callable<T> open) throws Exception {
        try {
            return open.call();
        } catch (ZosException e) {
            throw e;
        } catch (Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                String text = String.valueOf(cause.getMessage());
                if (cause instanceof BindException || text.contains("Address already in use")) {
                    String reason = text.contains("already in use") ? "the port is already in use"
                            : Values.quoteForMessage(text);
                    throw new ZosException("OCS0070E", server + " cannot listen on port " + port + " on " + address
                            + ": " + reason + ".");
                }
                if (cause instanceof java.net.SocketException || cause instanceof java.nio.channels.UnresolvedAddressException
                        || cause instanceof java.net.UnknownHostException) {
                    String reason = cause.getMessage() == null ? "the address is not valid here"
                            : Values.quoteForMessage(cause.getMessage());
                    throw new ZosException("OCS0070E", server + " cannot listen on port " + port + " on " + address
                            + ": " + reason + ".");
                }
            }
            throw e;
        }
    }
}
