package org.opencs.core.sessions;

/**
 * How a server ends one of its live sessions when asked from outside (the console's End button, as an operator's
 * VARY TCPIP,,DROP would): on the connection's own thread it checks {@link EndRequest#allows} against the session's
 * user at that moment, and then either says so to the client where its protocol can (FTP's 421), closes the
 * connection and calls {@link EndRequest#ended()}, or leaves the session alone and calls
 * {@link EndRequest#refused()}. Called at most once at a time per session, on the caller's thread: it must hand the
 * work to the connection's own thread and return at once.
 */
@FunctionalInterface
public interface SessionEnder {
    /** Asks for the session to be ended as {@code request} says (see the type's description). */
    void end(EndRequest request);
}
