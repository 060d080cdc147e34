package org.opencs.cli;

import org.opencs.cli.keydb.KeydbCommand;
import org.opencs.core.ZosException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code opencs} command: one verb per service of the system. */
@Command(name = "opencs", mixinStandardHelpOptions = true, version = "OpenCS 0.1.0",
        description = {"z/OS Communications Server secure services on any JVM: key databases (gskkyman, keydb), "
                + "a RACF-style registry (init, tso, passticket), an FTPS server and a TN3270E server (start), and their "
                + "clients (ftp, tn3270), JES2 batch jobs from JCL (submit, jobs, output), and the SMF 119 records (smf).",
                "New here? Run 'opencs quickstart', then the next steps it prints. 'opencs help COMMAND' (or "
                + "'opencs COMMAND --help') explains each command."},
        subcommands = {QuickstartCommand.class, InitCommand.class, StartCommand.class, TsoCommandLine.class, SubmitCommand.class,
                JobsCommand.class, OutputCommand.class, GskkymanCommand.class,
                KeydbCommand.class, PassticketCommand.class, FtpCommand.class, Tn3270Command.class,
                GskTraceCommand.class, SmfCommand.class, CommandLine.HelpCommand.class})
public final class OpenCs implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; user-facing failures print their message, never a stack trace. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new OpenCs());
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> {
            Throwable cause = e;
            while (cause != null && !(cause instanceof ZosException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                cl.getErr().println(cause.getMessage());
                return 1;
            }
            // A bug: the user gets what happened without Java's class names; OPENCS_DEBUG=1 adds the stack trace.
            String detail = e.getMessage() == null || e.getMessage().isBlank() ? "no further detail"
                    : org.opencs.core.Values.quoteForMessage(e.getMessage());
            cl.getErr().println("OCS0001E Unexpected error in '" + cl.getCommandName() + "': " + detail
                    + ". Please report it with the command that caused it (OPENCS_DEBUG=1 shows the details).");
            if ("1".equals(System.getenv("OPENCS_DEBUG"))) {
                e.printStackTrace(cl.getErr());
            }
            return 70;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
