package org.opencs.core.sessions;

/**
 * How a server ends one of its live sessions when asked from outside (the console's End button, as an operator's
 * VARY TCPIP,,DROP would): it says so to the client where its protocol can (FTP's 421) and closes the connection.
 * Called at most once per session, on the caller's thread: it must hand the work to the connection's own thread and
 * return at once.
 */
@FunctionalInterface
public interface SessionEnder {
    /** Ends the session; {@code reason} says who ended it, in words for the log ("ended by ADMIN1 from the console"). */
    void end(String reason);
}
