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

    void pass(String password) {
        if (s.pendingUser == null) {
            s.trace.trace(TracePoint.PASS_WITHOUT_USER);
            s.reply("503 Login with USER first.");
            return;
        }
        Authenticator authenticator = authenticator();
        LogonResult result;
        String[] parts = password.split("/");
        s.trace.trace(TracePoint.PASS_ENTERED, s.pendingUser);
        s.trace.trace(TracePoint.PASS_CHECK, s.pendingUser, APPLICATION);
        User user;
        try {
            if (parts.length == 3) {
                s.trace.trace(TracePoint.PASS_CHANGE, s.pendingUser);
                result = parts[1].equals(parts[2])
                        ? authenticator.changePassword(s.pendingUser, parts[0].toCharArray(), parts[1].toCharArray(), APPLICATION)
                        : new LogonResult(LogonResult.Status.INVALID_PASSWORD, s.pendingUser, "new passwords differ");
            } else {
                result = authenticator.logon(s.pendingUser, password.toCharArray(), APPLICATION);
            }
            user = result.ok() ? s.context.registry().users().find(result.userid()).orElseThrow() : null;
        } catch (org.opencs.core.ZosException e) {
            if (!e.messageId().equals("OCS0022E")) {
                throw e;
            }
            // The registry cannot be reached (PostgreSQL down or restarting): refused at once, the reason given,
            // the session kept so that the client may try again (docs/ftp.md "Logons when the registry is down").
            s.trace.trace(TracePoint.PASS_REFUSED, s.pendingUser, "REGISTRY UNAVAILABLE");
            s.activity("EZYFS56I", "ACCESS FAILED USERID=" + s.pendingUser + " Reason=registry unavailable");
            s.reply("530-" + e.getMessage() + "\r\n530-The security registry is unavailable; try again later.\r\n"
                    + FtpReplies.PASS_FAILED);
            s.pendingUser = null;
            return;
        }
        if (!result.ok()) {
            s.trace.trace(TracePoint.PASS_REFUSED, s.pendingUser, result.status());
            s.activity("EZYFS56I", "ACCESS FAILED USERID=" + s.pendingUser + " Reason=" + result.status());
            FtpSmfRecords.logonFailure(s, s.pendingUser, result.status(), false);
            s.reply((result.status() == LogonResult.Status.PASSWORD_EXPIRED
                    ? "530-Password expired: send PASS current/new/new\r\n" : "") + FtpReplies.PASS_FAILED);
            return;
        }
        s.trace.trace(TracePoint.PASS_ACCEPTED, result.userid());
        loggedOn(user, "");
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
