package org.opencs.core.sessions;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A request to end one live session (the console's End button, as an operator's VARY TCPIP,,DROP): who asks
 * ({@code requester}, their user ID; empty for the node's operator), whether they have the SPECIAL attribute, and the
 * reason in words for the log ("by ADMIN1 from the console"). The session's server checks {@link #allows} against the
 * session's user <em>at the moment it ends it</em>, on the connection's own thread - a check made earlier, on a
 * snapshot, could be overtaken by a queued FTP USER/PASS that logged the connection on as someone else - and answers
 * through {@link #outcome()}: true when the session was ended, false when the request was refused.
 *
 * @param reason      who ended it, for the log and the client's message
 * @param requester   the requester's user ID (upper case; empty: the node's operator, who may end any session)
 * @param special     whether the requester has the SPECIAL attribute (may end any session)
 * @param outcome     completed by the server: true ended, false refused (the session's user is not the requester's)
 */
public record EndRequest(String reason, String requester, boolean special, CompletableFuture<Boolean> outcome) {
    /** Checks the parts (none null). */
    public EndRequest {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A request by user {@code requester} (SPECIAL or not) for {@code reason}, its outcome still open. */
    public static EndRequest by(String requester, boolean special, String reason) {
        return new EndRequest(reason, requester, special, new CompletableFuture<>());
    }

    /** The node operator's request (any session may be ended) for {@code reason}. */
    public static EndRequest operator(String reason) {
        return new EndRequest(reason, "", true, new CompletableFuture<>());
    }

    /**
     * Whether this request may end a session whose user is now {@code currentUser} (null or empty: not logged on):
     * the operator and SPECIAL users any; anyone else only a session logged on with their own user ID.
     */
    public boolean allows(String currentUser) {
        if (requester.isEmpty() || special) {
            return true;
        }
        return currentUser != null && !currentUser.isBlank() && currentUser.strip().equalsIgnoreCase(requester);
    }

    /** The server ended the session. */
    public void ended() {
        outcome.complete(true);
    }

    /** The server refused: the session's user is no longer the requester's. */
    public void refused() {
        outcome.complete(false);
    }
}
