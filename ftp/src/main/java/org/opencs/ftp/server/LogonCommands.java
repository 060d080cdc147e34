package org.opencs.ftp.server;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.Locale;
import org.opencs.ftp.config.FtpData;
import org.opencs.saf.certs.CertificateUserMapper;
import org.opencs.saf.users.Authenticator;
import org.opencs.saf.users.LogonResult;
import org.opencs.saf.users.User;

/**
 * USER and PASS through the registry: passwords, phrases and PassTickets (application FTPD), z/OS's expired-password
 * dialogue (PASS old/new/new), and client-certificate logon under SECURE_LOGIN and SECURE_PASSWORD.
 */
final class LogonCommands {
    private static final String APPLICATION = "FTPD";

    private final SessionState s;

    LogonCommands(SessionState session) {
        this.s = session;
    }

    /**
     * USER. SECURE_FTP REQUIRED (or SECURE_CTRLCONN SAFE/PRIVATE) refuses it before AUTH; SECURE_LOGIN REQUIRED needs a client certificate the key ring
     * trusts; VERIFY_USER also needs it to map to this user ID; with SECURE_PASSWORD OPTIONAL such a user is logged
     * on without a password.
     */
    void user(String argument) {
        FtpData config = s.context.config();
        s.trace.trace(TracePoint.USER_ENTERED, argument.trim().toUpperCase(Locale.ROOT));
        boolean tlsRequired = config.secureFtp() == FtpData.SecureFtp.REQUIRED
                || config.secureCtrlconn() != FtpData.Protection.CLEAR;
        if (tlsRequired && !s.tls) {
            s.trace.trace(TracePoint.USER_NEEDS_TLS, config.secureFtp(), config.secureCtrlconn());
            s.activity("EZYFS54I", "SECURE FAILED Reason=USER before AUTH while SECURE_FTP REQUIRED or SECURE_CTRLCONN "
                    + config.secureCtrlconn());
            s.reply("530 USER command rejected: the server requires AUTH TLS first.");
            return;
        }
        s.pendingUser = argument.trim().toUpperCase(Locale.ROOT);
        s.user = null;
        s.live.loggedOn(null);
        if (config.secureLogin() == FtpData.SecureLogin.NO_CLIENT_AUTH) {
            s.reply(FtpReplies.SEND_PASSWORD);
            return;
        }
        X509Certificate certificate = s.peerCertificate();
        if (certificate == null) {
            s.trace.trace(TracePoint.USER_NO_CERTIFICATE, config.secureLogin(), s.pendingUser);
            s.activity("EZYFS56I", "ACCESS FAILED USERID=" + s.pendingUser + " Reason=no client certificate");
            authenticator().refused(s.pendingUser, APPLICATION, "NO CLIENT CERTIFICATE");
            FtpSmfRecords.logonFailure(s, s.pendingUser, null, true);
            s.pendingUser = null;
            s.reply(FtpReplies.CLIENT_CERTIFICATE_REQUIRED);
            return;
        }
        var mapping = new CertificateUserMapper(s.context.registry()).userFor(certificate);
        boolean mapsToUser = mapping.map(m -> m.userid().equals(s.pendingUser)).orElse(false);
        if (s.trace.on(TracePoint.USER_CERTIFICATE_MAPS)) {
            s.trace.trace(TracePoint.USER_CERTIFICATE_MAPS, mapping.map(m -> m.userid()).orElse("no user ID"));
        }
        if (config.secureLogin() == FtpData.SecureLogin.VERIFY_USER && !mapsToUser) {
            s.trace.trace(TracePoint.USER_CERTIFICATE_DOES_NOT_MAP, s.pendingUser);
            s.activity("EZYFS56I", "ACCESS FAILED USERID=" + s.pendingUser + " Reason=certificate does not map to user");
            authenticator().refused(s.pendingUser, APPLICATION, "CLIENT CERTIFICATE DOES NOT MAP TO THE USER");
            FtpSmfRecords.logonFailure(s, s.pendingUser, null, true);
            s.reply("531 Client certificate does not map to user ID " + s.pendingUser + ".");
            s.pendingUser = null;
            return;
        }
        if (config.effectivePasswordRule() == FtpData.SecurePassword.OPTIONAL && mapsToUser) {
            User candidate = s.context.registry().users().find(s.pendingUser).orElse(null);
            if (candidate != null && !candidate.revoked()) {
                s.trace.trace(TracePoint.USER_NO_PASSWORD_NEEDED, candidate.userid());
                loggedOn(candidate, "230-User " + candidate.userid() + " is an authorized user\r\n");
                return;
            }
        }
        s.reply(FtpReplies.SEND_PASSWORD);
    }

    /**
     * PASS: the password (phrase, PassTicket, or old/new/new) is checked on the registry's logon pool ({@link
     * org.opencs.saf.Registry#logonExecutor}), never on the session's executor, and the reply follows on the session's
     * executor; the session reads no further command until then (the returned stage). Null when PASS is refused at
     * once (no USER before it).
     */
    java.util.concurrent.CompletableFuture<Void> pass(String password) {
        if (s.pendingUser == null) {
            s.trace.trace(TracePoint.PASS_WITHOUT_USER);
            s.reply("503 Login with USER first.");
            return null;
        }
        Authenticator authenticator = authenticator();
        org.opencs.saf.Registry registry = s.context.registry();
        String pending = s.pendingUser;
        String[] parts = password.split("/");
        s.trace.trace(TracePoint.PASS_ENTERED, pending);
        s.trace.trace(TracePoint.PASS_CHECK, pending, APPLICATION);
        if (parts.length == 3) {
            s.trace.trace(TracePoint.PASS_CHANGE, pending);
        }
        java.util.concurrent.CompletableFuture<Outcome> checked;
        try {
            checked = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> check(registry, authenticator, pending, password, parts), registry.logonExecutor());
        } catch (java.util.concurrent.RejectedExecutionException full) {
            poolFull(pending, authenticator);
            return null;
        }
        return checked.thenAcceptAsync(outcome -> reply(pending, outcome), s.executor());
    }

    /** The reply to PASS when the logon pool's queue is full: the password was not checked, the connection ends. */
    static final String POOL_FULL = "421-OCSF005E Logon queue full: the logon was not done; try again later.\r\n"
            + "421 Service not available, closing control connection.";

    /**
     * PASS when the registry's logon pool has {@value org.opencs.saf.Registry#LOGONS_WAITING} logons waiting already:
     * the password is not checked; the refusal is logged (EZYFS56I), audited (LOGON_FAILURE, reason
     * {@code LOGON QUEUE FULL}) and recorded in SMF (reason X'04', no server access), and the client hears 421 and
     * is disconnected, as RFC 959 defines 421 and as z/OS's FTP server sheds a client it cannot serve (docs/ftp.md
     * "Logons when the logon queue is full").
     */
    private void poolFull(String pending, Authenticator authenticator) {
        s.trace.trace(TracePoint.PASS_REFUSED, pending, "LOGON QUEUE FULL");
        s.context.log().warn("OCSF005E FTP session {} (client {}): logon of user {} not done, the logon queue is full "
                + "({} logons waiting).", s.sessionId, org.opencs.pki.net.Endpoints.client(s.ctx.channel()).getHostString(),
                pending, org.opencs.saf.Registry.LOGONS_WAITING);
        s.activity("EZYFS56I", "ACCESS FAILED USERID=" + pending + " Reason=logon queue full");
        authenticator.refused(pending, APPLICATION, "LOGON QUEUE FULL");
        FtpSmfRecords.logonFailure(s, pending, null, false);
        s.pendingUser = null;
        s.traceReply(POOL_FULL);
        s.ctx.writeAndFlush(POOL_FULL + "\r\n").addListener(f -> s.ctx.close());
    }

    /** What the logon pool found: the result and the user, or the registry's refusal (a ZosException). */
    private record Outcome(LogonResult result, User user, org.opencs.core.ZosException refusal) {
    }

    /** On the logon pool: the password check and, when it passed, the user's profile. */
    private static Outcome check(org.opencs.saf.Registry registry, Authenticator authenticator, String pending, String password, String[] parts) {
        try {
            LogonResult result;
            if (parts.length == 3) {
                result = parts[1].equals(parts[2])
                        ? authenticator.changePassword(pending, parts[0].toCharArray(), parts[1].toCharArray(), APPLICATION)
                        : new LogonResult(LogonResult.Status.INVALID_PASSWORD, pending, "new passwords differ");
            } else {
                result = authenticator.logon(pending, password.toCharArray(), APPLICATION);
            }
            User user = result.ok() ? registry.users().find(result.userid()).orElseThrow() : null;
            return new Outcome(result, user, null);
        } catch (org.opencs.core.ZosException e) {
            return new Outcome(null, null, e);
        }
    }

    /** On the session's executor: the reply to PASS for {@code outcome}. */
    private void reply(String pending, Outcome outcome) {
        if (outcome.refusal() != null) {
            org.opencs.core.ZosException e = outcome.refusal();
            if (!e.messageId().equals("OCS0022E")) {
                // A refusal in IBM's words (a new password that breaks the rules): as any command's ZosException.
                s.reply(e.messageId().matches("\\d{3}") ? e.messageId() + " " + e.text() : "550 " + e.getMessage());
                return;
            }
            // The registry cannot be reached (PostgreSQL down or restarting): refused at once, the reason given,
            // the session kept so that the client may try again (docs/ftp.md "Logons when the registry is down").
            s.trace.trace(TracePoint.PASS_REFUSED, pending, "REGISTRY UNAVAILABLE");
            s.activity("EZYFS56I", "ACCESS FAILED USERID=" + pending + " Reason=registry unavailable");
            s.reply("530-" + e.getMessage() + "\r\n530-The security registry is unavailable; try again later.\r\n"
                    + FtpReplies.PASS_FAILED);
            s.pendingUser = null;
            return;
        }
        LogonResult result = outcome.result();
        if (!result.ok()) {
            s.trace.trace(TracePoint.PASS_REFUSED, pending, result.status());
            s.activity("EZYFS56I", "ACCESS FAILED USERID=" + pending + " Reason=" + result.status());
            FtpSmfRecords.logonFailure(s, pending, result.status(), false);
            s.reply((result.status() == LogonResult.Status.PASSWORD_EXPIRED
                    ? "530-Password expired: send PASS current/new/new\r\n" : "") + FtpReplies.PASS_FAILED);
            return;
        }
        s.trace.trace(TracePoint.PASS_ACCEPTED, result.userid());
        loggedOn(outcome.user(), "");
    }

    /** Logon checks for this session's client: failures are audited with its IP address. */
    private Authenticator authenticator() {
        InetSocketAddress remote = org.opencs.pki.net.Endpoints.client(s.ctx.channel());
        return new Authenticator(s.context.registry(), remote.getAddress().getHostAddress());
    }

    /** STARTDIRECTORY: MVS starts at the user's prefix ("USER1."), HFS in its OMVS home; LOGINMSG lines first. */
    private void loggedOn(User user, String firstLines) {
        s.user = user;
        s.live.loggedOn(user.userid());
        s.pendingUser = null;
        s.cwd = user.omvsHome() != null ? user.omvsHome() : "/";
        s.prefix = user.userid() + ".";
        s.mvs = s.context.config().startDirectory() == FtpData.StartDirectory.MVS;
        String directory = s.mvs ? s.prefix : s.cwd;
        s.trace.trace(TracePoint.LOGGED_ON, user.userid(), directory);
        s.activity("EZYFS56I", "ACCESS OK USERID=" + user.userid());
        InetSocketAddress remote = org.opencs.pki.net.Endpoints.client(s.ctx.channel());
        InetSocketAddress local = org.opencs.pki.net.Endpoints.server(s.ctx.channel());
        String message = LoginMessages.lines(s.context.registry(), s.context.config().loginMessage(), "230",
                LoginMessages.cookies(s.context.registry(), directory, remote.getHostString(), local.getHostString(),
                        user.userid()));
        s.reply(message + firstLines + FtpReplies.loggedOn(user.userid(), directory));
    }
}
