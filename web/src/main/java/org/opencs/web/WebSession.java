package org.opencs.web;

import java.time.Instant;

/**
 * One logged-on browser: its session ID (the cookie's value, 256 random bits), the user, the per-session CSRF token
 * every state-changing request must carry, the browser's address, when it logged on and was last seen, and the
 * subject (RFC 2253) of the client certificate it logged on with (empty for a password logon; /login/certificate
 * sets it, and the web terminal's Express Logon needs it).
 */
public record WebSession(String id, String userid, String csrfToken, String client, Instant created, Instant lastUsed,
                         String certificateSubject) {
    /** A session logged on with a password (no certificate subject). */
    public WebSession(String id, String userid, String csrfToken, String client, Instant created, Instant lastUsed) {
        this(id, userid, csrfToken, client, created, lastUsed, "");
    }

    /** Whether the logon was made with a client certificate (/login/certificate). */
    public boolean certificate() {
        return !certificateSubject.isEmpty();
    }

    /** The same session seen again at {@code now}. */
    public WebSession touched(Instant now) {
        return new WebSession(id, userid, csrfToken, client, created, now, certificateSubject);
    }

    /**
     * The session's public handle for the console's sessions view and {@code POST /api/sessions/{handle}/end}: the
     * first 16 hex digits of the SHA-256 of its ID, so the view never shows the cookie value itself.
     */
    public String handle() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
