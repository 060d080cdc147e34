package org.opencs.web;

import java.util.List;

/** The records the console's JSON API returns (written by Jackson; every string is data, shown as text). */
public final class ConsoleViews {
    private ConsoleViews() {
    }

    /**
     * A certificate in the registry: owner as RACDCERT LIST names it (CERTAUTH, SITE, ID(user)), label, subject and
     * issuer (RFC 2253), validity (ISO-8601 instants), whole days left (negative once expired) and the warning
     * ({@link ExpiryWarning#label()}).
     */
    public record Certificate(String owner, String label, String subject, String issuer, String notBefore,
                              String notAfter, long daysLeft, String warning, String trust, boolean hasPrivateKey) {
    }

    /** A key ring: its owner's user ID, name and the certificates connected to it (as RACDCERT LISTRING shows). */
    public record KeyRing(String owner, String name, List<RingMember> members) {
    }

    /** A certificate connected to a ring: owner (CERTAUTH, SITE, ID(user)), label, usage and whether it is the default. */
    public record RingMember(String owner, String label, String usage, boolean isDefault) {
    }

    /**
     * {@code GET /api/certificates}: the certificates (soonest end first) and key rings the user may see, and the
     * server's time the days left were counted from ({@code asOf}, ISO-8601; the timeline's months start there).
     */
    public record Certificates(String scope, List<Certificate> certificates, List<KeyRing> rings, String asOf) {
    }

    /**
     * A JES job as the FTP JES listing shows it: name, ID, owner, status (INPUT, ACTIVE, OUTPUT, ...), class, held,
     * completion text (RC=0000, ABEND=806, (JCL error), CANCELED; empty until it ends), spool file count, submitted.
     */
    public record Job(String jobName, String jobId, String owner, String status, String jobClass, boolean held,
                      String completion, int spoolFiles, String submitted) {
    }

    /** {@code GET /api/jobs}: the jobs the user may see (own; SPECIAL: all). */
    public record Jobs(String scope, List<Job> jobs, String message) {
    }

    /** {@code GET /api/audit}: the audit records the user may see, newest first, at most {@code limit}. */
    public record Audit(String scope, int limit, List<java.util.Map<String, Object>> records) {
    }

    /**
     * A live session: its kind (WEB, FTP, TN3270), public handle (never the cookie), user (empty until logged on),
     * client address, logon (for FTP and TN3270: connection) time and last use (ISO-8601; empty where not known: FTP,
     * TN3270), the client certificate's subject (RFC 2253; empty for none), the TLS protocol and cipher suite (empty
     * when plain; for WEB, whose requests come over many connections, empty), the bytes received and sent on the wire
     * (null for WEB) and the LU name (TN3270; else empty).
     */
    public record Session(String kind, String handle, String userid, String client, String loggedOn, String lastUsed,
                          String certificateSubject, String tlsProtocol, String cipher, Long bytesIn, Long bytesOut,
                          String lu) {
    }

    /** {@code GET /api/sessions}: the sessions the user may see (own; SPECIAL: all), oldest logon first. */
    public record Sessions(String scope, List<Session> sessions) {
    }
}
