package org.opencs.web;

import java.time.Instant;

/**
 * One logged-on browser: its session ID (the cookie's value, 256 random bits), the user, the per-session CSRF token
 * every state-changing request must carry, the browser's address, when it logged on and was last seen, and whether the
 * logon was made with a client certificate (/login/certificate; the web terminal's Express Logon needs one).
 */
public record WebSession(String id, String userid, String csrfToken, String client, Instant created, Instant lastUsed,
                         boolean certificate) {
    /** A session logged on with a password or PassTicket (not a client certificate). */
    public WebSession(String id, String userid, String csrfToken, String client, Instant created, Instant lastUsed) {
        this(id, userid, csrfToken, client, created, lastUsed, false);
    }

    /** The same session seen again at {@code now}. */
    public WebSession touched(Instant now) {
        return new WebSession(id, userid, csrfToken, client, created, now, certificate);
    }
}
