package org.opencs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.users.Authenticator;
import org.opencs.saf.users.LogonResult;
import org.opencs.saf.users.User;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code opencs tso}: one TSO command from the arguments, or a batch SYSTSIN stream from standard input. Whoever can
 * write the system home acts as IBMUSER without a password (the operator console's role; with failsoft SPECIAL
 * authority when the registry has no active SPECIAL user, see {@link TsoSession#console}); {@code --user} logs on
 * with that user's password or PassTicket and acts with that user's authority.
 */
@Command(name = "tso", mixinStandardHelpOptions = true,
        description = {"Run TSO/RACF commands (ADDUSER, ALTUSER, LISTUSER, RDEFINE, PERMIT, SETROPTS, ...).",
                "With a COMMAND it runs that command. Without one it reads SYSTSIN text (+/- continuation, /* */ "
                + "comments) from stdin; at a terminal it prompts READY and runs each command as it is entered. END "
                + "ends the session.",
                "Exit code 0 when every command worked, 8 when any failed."})
public final class TsoCommandLine implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--user", paramLabel = "USERID", description = "Act as this user (needs its password or PassTicket)")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "The user's password (or PassTicket) file")
    Path passwordFile;

    @Option(names = "--new-password-file", paramLabel = "FILE", description = "A new password, when the current one has expired")
    Path newPasswordFile;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "A command; quote it or give it as words")
    List<String> command = new ArrayList<>();

    @Option(names = "--interactive", hidden = true,
            description = "Prompt READY and run each line as it comes, as at a terminal (for tests and pipes)")
    boolean interactive;

    @Override
    public Integer call() throws IOException {
        try (Registry registry = Registry.open(home.home(), Clock.systemUTC(), new SecureRandom())) {
            registry.config().warnings().forEach(System.err::println);
            TsoSession session = isConsole() ? console(registry) : new TsoSession(registry, logon(registry));
            TsoProcessor processor = new TsoProcessor();
            if (!command.isEmpty()) {
                return processor.run(String.join(" ", command), session, System.out::println);
            }
            if (interactive || System.console() != null) {
                return new TsoTerminal(processor, session).run(
                        new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)),
                        System.out);
            }
            String stream = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            return processor.runStream(stream, session, System.out::println);
        }
    }

    private boolean isConsole() {
        return user == null || user.equalsIgnoreCase("IBMUSER") && passwordFile == null
                && System.getenv("OPENCS_PASSWORD") == null;
    }

    /** The console: IBMUSER, with failsoft SPECIAL authority when the registry has no active SPECIAL user left. */
    private TsoSession console(Registry registry) {
        if (!Files.isWritable(registry.home().root())) {
            throw new ZosException("IKJ56421I", "PASSWORD NOT AUTHORIZED FOR USERID IBMUSER: the system home "
                    + registry.home().root() + " is not writable by you, so give --user and a password.");
        }
        return TsoSession.console(registry, System.err::println);
    }

    private User logon(Registry registry) {
        String userid = user.toUpperCase(Locale.ROOT);
        char[] password = PasswordSource.resolve(passwordFile, "OPENCS_PASSWORD", "ENTER CURRENT PASSWORD FOR " + userid + "-");
        Authenticator authenticator = new Authenticator(registry, Authenticator.localClient());
        String application = registry.config().tsoApplication();
        try {
            LogonResult result = authenticator.logon(userid, password, application);
            if (result.status() == LogonResult.Status.PASSWORD_EXPIRED) {
                if (newPasswordFile == null && System.getenv("OPENCS_NEW_PASSWORD") == null) {
                    throw new ZosException("IKJ56447I", "PASSWORD FOR " + userid
                            + " HAS EXPIRED; GIVE A NEW ONE WITH --new-password-file OR OPENCS_NEW_PASSWORD");
                }
                char[] newPassword = PasswordSource.resolve(newPasswordFile, "OPENCS_NEW_PASSWORD", "ENTER NEW PASSWORD-");
                result = authenticator.changePassword(userid, password, newPassword, application);
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
