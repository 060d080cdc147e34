package org.opencs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.users.Authenticator;
import org.opencs.saf.users.LogonResult;
import org.opencs.saf.users.User;
import org.opencs.tso.TsoSession;

/**
 * Who a command acts as: the operator console (IBMUSER without a password, for whoever can write the system home,
 * with failsoft SPECIAL authority when no active SPECIAL user is left, see {@link TsoSession#console}), or a user
 * logged on with a password or PassTicket (from a file, OPENCS_PASSWORD, or a prompt), as TSO logon checks them.
 */
final class UserLogon {
    private UserLogon() {
    }

    /** Whether {@code userid} (null: none given) means the console rather than a logon. */
    static boolean isConsole(String userid, Path passwordFile) {
        return userid == null || userid.equalsIgnoreCase("IBMUSER") && passwordFile == null
                && System.getenv("OPENCS_PASSWORD") == null;
    }

    /** The console's session; IKJ56421I when the system home is not writable by the caller. */
    static TsoSession console(Registry registry) {
        if (!Files.isWritable(registry.home().root())) {
            throw new ZosException("IKJ56421I", "PASSWORD NOT AUTHORIZED FOR USERID IBMUSER: the system home "
                    + registry.home().root() + " is not writable by you, so give --user and a password.");
        }
        return TsoSession.console(registry, System.err::println);
    }

    /**
     * Logs {@code userid} on (application: system.conf's TSO application). An expired password is changed when a new
     * one is given ({@code newPasswordFile} or OPENCS_NEW_PASSWORD), else IKJ56447I; a refusal is IKJ56421I.
     */
    static User logon(Registry registry, String userid, Path passwordFile, Path newPasswordFile) {
        String id = userid.toUpperCase(Locale.ROOT);
        char[] password = PasswordSource.resolve(passwordFile, "OPENCS_PASSWORD", "ENTER CURRENT PASSWORD FOR " + id + "-");
        Authenticator authenticator = new Authenticator(registry, Authenticator.localClient());
        String application = registry.config().tsoApplication();
        try {
            LogonResult result = authenticator.logon(id, password, application);
            if (result.status() == LogonResult.Status.PASSWORD_EXPIRED) {
                if (newPasswordFile == null && System.getenv("OPENCS_NEW_PASSWORD") == null) {
                    throw new ZosException("IKJ56447I", "PASSWORD FOR " + id
                            + " HAS EXPIRED; GIVE A NEW ONE WITH --new-password-file OR OPENCS_NEW_PASSWORD");
                }
                char[] newPassword = PasswordSource.resolve(newPasswordFile, "OPENCS_NEW_PASSWORD", "ENTER NEW PASSWORD-");
                result = authenticator.changePassword(id, password, newPassword, application);
                Arrays.fill(newPassword, '\0');
            }
            if (!result.ok()) {
                throw new ZosException("IKJ56421I", "LOGON REJECTED: " + result.message());
            }
            return registry.users().find(result.userid()).orElseThrow();
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
