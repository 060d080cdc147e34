package org.opencs.cli;

import java.nio.file.Path;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;
import picocli.CommandLine.Option;

/** --user and --password-file of the job commands: the console (IBMUSER) unless a user logs on. */
final class JobUserOptions {
    @Option(names = "--user", paramLabel = "USERID",
            description = "Act as this user (needs its password or PassTicket: --password-file, OPENCS_PASSWORD or a "
                    + "prompt); without it the console acts as IBMUSER")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "The user's password (or PassTicket) file")
    Path passwordFile;

    User resolve(Registry registry) {
        return UserLogon.isConsole(user, passwordFile) ? UserLogon.console(registry).user()
                : UserLogon.logon(registry, user, passwordFile, null);
    }
}
