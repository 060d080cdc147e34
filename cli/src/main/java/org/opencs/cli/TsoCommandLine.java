package org.opencs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencs.saf.Registry;
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
        description = {"Run TSO/RACF commands (ADDUSER, ALTUSER, LISTUSER, RDEFINE, PERMIT, SETROPTS, ...) and the JES2 job "
                + "commands (SUBMIT, STATUS, CANCEL, OUTPUT).",
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
        try (Registry registry = Registry.open(home.home(), Clock.systemUTC(), new SecureRandom());
             // SUBMIT, STATUS, CANCEL and OUTPUT reach the job queue; the running servers' initiators run the jobs.
             org.opencs.jes.Jes jes = org.opencs.jes.Jes.start(registry, 0)) {
            registry.config().warnings().forEach(System.err::println);
            TsoSession session = isConsole() ? console(registry) : new TsoSession(registry, logon(registry));
            TsoProcessor processor = new TsoProcessor(org.opencs.jes.tso.JesTsoCommands.all(jes));
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
        return UserLogon.isConsole(user, passwordFile);
    }

    private TsoSession console(Registry registry) {
        return UserLogon.console(registry);
    }

    private User logon(Registry registry) {
        return UserLogon.logon(registry, user, passwordFile, newPasswordFile);
    }
}
