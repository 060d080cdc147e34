package org.opencs.web;

import java.time.Instant;

/**
 * One logged-on browser: its session ID (the cookie's value, 256 random bits), the user, the per-session CSRF token
 * every state-changing request must carry, the browser's address and when it logged on and was last seen.
 */
public record WebSession(String id, String userid, String csrfToken, String client, Instant created, Instant lastUsed) {
    /** The same session seen again at {@code now}. */
    public WebSession touched(Instant now) {
        return new WebSession(id, userid, csrfToken, client, created, now);
    }
}
