package org.opencs.saf.users;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opencs.saf.Registry;
import org.opencs.saf.passticket.PassTicketService;

/**
 * Logon checking, the way RACF verifies a user for TSO, FTP or TN3270: revoked users are refused, the password (or
 * the password phrase, or a PassTicket for the application) must match, failures are counted and SETROPTS PASSWORD(REVOKE(n)) revokes after n
 * of them. Every failure is an audit record (LOGON_FAILURE) naming the user, the reason and the client the logon came
 * from (its IP address, or "local ..." for a command run on this machine), as RACF's SMF type 80 records name the
 * terminal or port of entry.
 */
public final class Authenticator {
    private final Registry registry;
    private final String client;
    /** Runs after the secret was checked and before anything is written: a test's window for a concurrent change. */
    private final Runnable afterCheck;

    /** For a password check with no client behind it (the TSO PASSWORD command of a session already logged on). */
    public Authenticator(Registry registry) {
        this(registry, null);
    }

    /** {@code client}: where the logon comes from, e.g. the connection's IP address; it goes into failure records. */
    public Authenticator(Registry registry, String client) {
        this(registry, client, () -> { });
    }

    /** For tests only: {@code afterCheck} runs between checking the secret and recording the outcome. */
    Authenticator(Registry registry, String client, Runnable afterCheck) {
        this.registry = registry;
        this.client = client;
        this.afterCheck = afterCheck;
    }

    /** The client for a command run on this machine: "local", the process ID and the operating system user. */
    public static String localClient() {
        return "local (process " + ProcessHandle.current().pid() + ", user " + System.getProperty("user.name") + ")";
    }

    /**
     * Checks a password, password phrase or PassTicket. A registry that cannot be reached (PostgreSQL down or
     * restarting) throws ZosException OCS0022E after writing the LOGON_FAILURE audit record (reason
     * {@code REGISTRY UNAVAILABLE}), so that the audit trail keeps every refused logon (issue 12).
     */
    public LogonResult logon(String rawUserid, char[] secret, String application) {
        String userid = rawUserid.trim().toUpperCase(Locale.ROOT);
        try {
            return check(userid, secret, application);
        } catch (org.opencs.core.ZosException e) {
            if (e.messageId().equals("OCS0022E")) {
                refused(userid, application, "REGISTRY UNAVAILABLE (" + e.getMessage() + ")");
            }
            throw e;
        }
    }

    private LogonResult check(String userid, char[] secret, String application) {
        Optional<User> found = User.validUserid(userid) ? registry.users().find(userid) : Optional.empty();
        if (found.isEmpty()) {
            // The same hash as a wrong password costs, so the refusal's timing does not tell the user ID is unknown.
            registry.passwordHasher().verifyDummy(secret);
            return fail(userid, application, LogonResult.Status.UNKNOWN_USER, "USER AT TERMINAL NOT RACF-DEFINED");
        }
        User user = found.get();
        if (user.revoked()) {
            registry.passwordHasher().verifyDummy(secret);
            return fail(userid, application, LogonResult.Status.REVOKED, "REVOKED USER ACCESS ATTEMPT");
        }
        PasswordHasher hasher = registry.passwordHasher();
        if (user.passwordHash() != null && hasher.matches(secret, user.passwordHash(), userid)) {
            afterCheck.run();
            if (user.passwordExpired()) {
                return new LogonResult(LogonResult.Status.PASSWORD_EXPIRED, userid, message(userid, "PASSWORD HAS EXPIRED"));
            }
            LogonResult ok = succeed(user);
            upgrade(userid, UserStore.Secret.PASSWORD, user.passwordHash(), secret);
            return ok;
        }
        if (secret.length >= 14 && user.phraseHash() != null && hasher.matches(secret, user.phraseHash(), userid)) {
            afterCheck.run();
            LogonResult ok = succeed(user);
            upgrade(userid, UserStore.Secret.PHRASE, user.phraseHash(), secret);
            return ok;
        }
        if (application != null && secret.length == 8) {
            PassTicketService.Outcome outcome = new PassTicketService(registry)
                    .evaluate(userid, application, new String(secret));
            if (outcome == PassTicketService.Outcome.VALID) {
                return succeed(user);
            }
            if (outcome == PassTicketService.Outcome.REPLAY) {
                return fail(userid, application, LogonResult.Status.PASSTICKET_REPLAY, "PASSTICKET REPLAY ATTEMPT");
            }
        }
        afterCheck.run();
        int limit = registry.options().revokeAfter();
        UserStore.Failures after = registry.users().recordFailure(userid, limit)
                .orElse(new UserStore.Failures(user.failedLogons() + 1, false));
        boolean revoke = after.revoked() && limit > 0 && after.count() >= limit;
        return fail(userid, application, LogonResult.Status.INVALID_PASSWORD, revoke ? "INVALID PASSWORD; USER REVOKED" : "INVALID PASSWORD");
    }

    /** Logs on with the current password (or PassTicket) and sets a new one: the expired-password dialogue. */
    public LogonResult changePassword(String userid, char[] current, char[] newPassword, String application) {
        LogonResult result = logon(userid, current, application);
        if (result.status() != LogonResult.Status.OK && result.status() != LogonResult.Status.PASSWORD_EXPIRED) {
            return result;
        }
        PasswordRules.checkPassword(newPassword);
        User user = registry.users().find(result.userid()).orElseThrow();
        if (registry.passwordHasher().matches(newPassword, user.passwordHash())) {
            throw new org.opencs.core.ZosException("ICH08008I", "NEW PASSWORD MUST DIFFER FROM THE CURRENT PASSWORD");
        }
        registry.users().setPassword(user.userid(), registry.passwordHasher().hash(newPassword), registry.clock().instant());
        return new LogonResult(LogonResult.Status.OK, result.userid(), "PASSWORD CHANGED");
    }

    /**
     * After a successful logon with {@code secret}: a hash of an older scheme or a lower cost ({@link
     * PasswordHasher#needsUpgrade}) is replaced by a new Argon2id hash of the same secret, only if it is still the
     * stored one ({@link UserStore#replaceHash}), so a password changed meanwhile is kept.
     */
    private void upgrade(String userid, UserStore.Secret which, String stored, char[] secret) {
        PasswordHasher hasher = registry.passwordHasher();
        if (hasher.needsUpgrade(stored)) {
            registry.users().replaceHash(userid, which, stored, hasher.hash(secret));
        }
    }

    /** Records the logon with a targeted UPDATE (last logon, failure count 0), never the whole row read before. */
    private LogonResult succeed(User user) {
        registry.users().recordLogon(user.userid(), registry.clock().instant());
        return new LogonResult(LogonResult.Status.OK, user.userid(), "LOGON ACCEPTED");
    }

    private LogonResult fail(String userid, String application, LogonResult.Status status, String reason) {
        refused(userid, application, reason);
        return new LogonResult(status, userid, message(userid, reason));
    }

    /**
     * Records a logon refused before any password was checked (no client certificate, a certificate that maps to
     * another user): the same LOGON_FAILURE record, with the client.
     */
    public void refused(String userid, String application, String reason) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("user", userid);
        fields.put("reason", reason);
        if (application != null) {
            fields.put("application", application);
        }
        if (client != null) {
            fields.put("client", client);
        }
        registry.audit().record(registry.clock().instant(), "LOGON_FAILURE", fields);
    }

    private static String message(String userid, String reason) {
        return "ICH408I USER(" + userid + ") LOGON/JOB INITIATION - " + reason;
    }
}
