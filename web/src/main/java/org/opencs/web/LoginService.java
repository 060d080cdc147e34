package org.opencs.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencs.saf.Registry;
import org.opencs.saf.users.Authenticator;
import org.opencs.saf.users.LogonResult;

/**
 * Web logon and logoff: the password, password phrase or PassTicket (application {@value #APPLICATION}) is checked by
 * the registry's {@link Authenticator}, as FTP and TN3270 logons are (revoked users refused, failures counted and
 * audited as LOGON_FAILURE with the browser's address, RACF's ICH408I texts); a logon that passes opens a session and
 * is audited as WEB_LOGON, a session's end as WEB_LOGOFF (reason LOGOUT or IDLE_TIMEOUT). Blocking: it hashes the
 * password and writes the registry, so it runs on the worker pool.
 */
public final class LoginService {
    /** The application name of web logons: a PassTicket for the web is generated for it (PTKTDATA profile OCSWEB). */
    public static final String APPLICATION = "OCSWEB";

    /** The outcome of a logon. */
    public sealed interface Outcome {
        /** Logged on: the new session. */
        record LoggedOn(WebSession session) implements Outcome { }
        /** Refused: RACF's message text for the page. */
        record Refused(String message) implements Outcome { }
    }

    private final Registry registry;
    private final SessionStore sessions;

    public LoginService(Registry registry, java.time.Duration idleTimeout, Tokens tokens) {
        this.registry = registry;
        this.sessions = new SessionStore(registry.clock(), tokens, idleTimeout, this::ended,
                userid -> registry.users().find(userid).map(org.opencs.saf.users.User::revoked).orElse(false));
    }

    /** The sessions of this server. */
    public SessionStore sessions() {
        return sessions;
    }

    /** Checks {@code userid} and {@code secret} (cleared afterwards) for a browser at {@code client}. */
    public Outcome logon(String userid, char[] secret, String client) {
        return logon(userid, secret, new char[0], client);
    }

    /**
     * As above, with the form's new password ({@code newSecret}, cleared afterwards; empty: none), as the TSO/E logon
     * panel's New Password field: given, the password is changed after the current one (or a PassTicket) passes,
     * whether or not it had expired; an expired password without a new one is refused with ICH408I ... PASSWORD HAS
     * EXPIRED. A new password against RACF's rules is refused with its ICH080nnI text.
     */
    public Outcome logon(String userid, char[] secret, char[] newSecret, String client) {
        try {
            if (userid == null || userid.isBlank()) {
                return new Outcome.Refused("IKJ56700A ENTER USERID -");
            }
            Authenticator authenticator = new Authenticator(registry, client);
            LogonResult result;
            try {
                result = newSecret.length > 0 ? authenticator.changePassword(userid, secret, newSecret, APPLICATION)
                        : authenticator.logon(userid, secret, APPLICATION);
            } catch (org.opencs.core.ZosException e) {
                return new Outcome.Refused(e.getMessage());
            }
            if (result.status() == LogonResult.Status.PASSWORD_EXPIRED) {
                return new Outcome.Refused(result.message() + ": enter a new password too.");
            }
            if (!result.ok()) {
                return new Outcome.Refused(result.message());
            }
            WebSession session = sessions.create(result.userid(), client);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("user", session.userid());
            fields.put("client", client);
            fields.put("method", "PASSWORD");
            registry.audit().record(registry.clock().instant(), "WEB_LOGON", fields);
            return new Outcome.LoggedOn(session);
        } finally {
            Arrays.fill(secret, '\0');
            Arrays.fill(newSecret, '\0');
        }
    }

    /**
     * Logs on with the client certificate the browser presented in the TLS handshake, as TN3270 CLIENTAUTH SAFCERT
     * does: the certificate (already verified against the ring's CAs) must map to a user ID through the registry
     * (a certificate registered under the user, or a certificate name filter); a revoked user is refused with RACF's
     * ICH408I text and a LOGON_FAILURE record. Success is audited as WEB_LOGON with method CERTIFICATE and the subject.
     */
    public Outcome logonWithCertificate(java.security.cert.X509Certificate certificate, String client) {
        if (certificate == null) {
            return new Outcome.Refused("OCSW020E No client certificate was presented: the browser must offer one "
                    + "issued by a CA of the server's key ring.");
        }
        String subject = certificate.getSubjectX500Principal().getName();
        var mapping = new org.opencs.saf.certs.CertificateUserMapper(registry).userFor(certificate);
        if (mapping.isEmpty()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("subject", subject);
            fields.put("client", client);
            registry.audit().record(registry.clock().instant(), "WEB_CERT_REJECTED", fields);
            return new Outcome.Refused("OCSW021E The client certificate " + subject + " maps to no user ID.");
        }
        String userid = mapping.get().userid();
        var user = registry.users().find(userid).orElse(null);
        if (user == null || user.revoked()) {
            String reason = user == null ? "USER AT TERMINAL NOT RACF-DEFINED" : "REVOKED USER ACCESS ATTEMPT";
            new Authenticator(registry, client).refused(userid, APPLICATION, reason);
            return new Outcome.Refused("ICH408I USER(" + userid + ") LOGON/JOB INITIATION - " + reason);
        }
        registry.users().recordLogon(userid, registry.clock().instant()); // only its own columns: a REVOKE meanwhile stays
        WebSession session = sessions.create(userid, client, subject);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user", userid);
        fields.put("client", client);
        fields.put("method", "CERTIFICATE");
        fields.put("subject", subject);
        registry.audit().record(registry.clock().instant(), "WEB_LOGON", fields);
        return new Outcome.LoggedOn(session);
    }

    /**
     * The answer to a request of a session ended because its user {@code userid} is revoked (OCSW043E with RACF's
     * ICH408I text, as a revoked user's logon gets).
     */
    public static String revokedMessage(String userid) {
        return "OCSW043E The web session of " + userid + " was ended: ICH408I USER(" + userid
                + ") LOGON/JOB INITIATION - REVOKED USER ACCESS ATTEMPT";
    }

    /** Ends the session with this ID; false when there was none. */
    public boolean logout(String sessionId) {
        return sessions.logout(sessionId);
    }

    private void ended(WebSession session, SessionStore.End reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user", session.userid());
        fields.put("client", session.client());
        fields.put("reason", reason.name());
        registry.audit().record(registry.clock().instant(), "WEB_LOGOFF", fields);
    }
}
