package org.opencs.cli;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.opencs.saf.passticket.EnhancedPassTicket;
import org.opencs.saf.Registry;
import org.opencs.saf.passticket.PassTicketKey;
import org.opencs.saf.passticket.PassTicketService;
import org.opencs.saf.passticket.PassTickets;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code opencs passticket}: RACF PassTickets (legacy DES and enhanced HMAC-SHA-512) from a key. */
@Command(name = "passticket", mixinStandardHelpOptions = true,
        description = "Generate or evaluate RACF PassTickets (the one-time passwords Express Logon uses).",
        subcommands = {PassticketCommand.Generate.class, PassticketCommand.Evaluate.class})
public final class PassticketCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The options both verbs share: who, for which application, with which key, at what time. */
    static final class TicketOptions {
        @Option(names = "--user", required = true, description = "User ID (1-8 characters)")
        String user;

        @Option(names = "--appl", required = true, description = "Application name, the PTKTDATA profile (e.g. TSO3090)")
        String appl;

        @Option(names = "--key", paramLabel = "HEX",
                description = "Legacy: 16 hex digits (SSIGNON KEYMASKED). Enhanced: 64-512 hex digits (HMAC key)")
        String key;

        @Option(names = "--home", paramLabel = "DIR",
                description = "Use the system's PTKTDATA profile for --appl instead of --key (evaluate records the use)")
        java.nio.file.Path home;

        @Option(names = "--time", paramLabel = "EPOCH_SECONDS", description = "Time of the ticket (default: now)")
        Long time;

        @ArgGroup(exclusive = false)
        EnhancedOptions enhanced;

        /** Exactly one key source: --key, or a system's registry with --home. */
        Registry registry() {
            if ((key == null) == (home == null)) {
                throw new org.opencs.core.ZosException("OCSP003E", "Give either --key HEX or --home DIR.");
            }
            if (home == null) {
                return null;
            }
            Clock clock = time == null ? Clock.systemUTC()
                    : Clock.fixed(java.time.Instant.ofEpochSecond(time), java.time.ZoneOffset.UTC);
            return Registry.open(org.opencs.core.SystemHome.open(home), clock, new java.security.SecureRandom());
        }

        PassTicketKey passTicketKey() {
            try {
                if (enhanced != null && enhanced.enhanced) {
                    return PassTicketKey.enhanced(key, enhanced.type, enhanced.timeout, false);
                }
                return PassTicketKey.legacy(key, false);
            } catch (IllegalArgumentException e) {
                throw new org.opencs.core.ZosException("OCSP001E", "The PassTicket key is not valid: " + e.getMessage() + ".");
            }
        }

        long now() {
            return time != null ? time : Clock.systemUTC().instant().getEpochSecond();
        }

        void checkNames() {
            for (String name : new String[] {user, appl}) {
                if (!name.matches("[A-Za-z0-9#$@]{1,8}")) {
                    throw new org.opencs.core.ZosException("OCSP002E",
                            "'" + name + "' is not a valid user ID or application name (1 to 8 of A-Z 0-9 # $ @).");
                }
            }
        }
    }

    static final class EnhancedOptions {
        @Option(names = "--enhanced", required = true, description = "Enhanced PassTicket (HMAC-SHA-512)")
        boolean enhanced;

        @Option(names = "--type", defaultValue = "MIXED", description = "Enhanced ticket alphabet: UPPER or MIXED (default)")
        EnhancedPassTicket.Type type;

        @Option(names = "--timeout", defaultValue = "60", description = "Enhanced ticket validity, 1-600 seconds (default 60)")
        int timeout;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Print a PassTicket alone on one line.")
    static final class Generate implements Callable<Integer> {
        @CommandLine.Mixin
        TicketOptions options;

        @Override
        public Integer call() {
            options.checkNames();
            try (Registry registry = options.registry()) {
                System.out.println(registry != null
                        ? new PassTicketService(registry).generate(options.user, options.appl)
                        : PassTickets.generate(options.passTicketKey(), options.user, options.appl, options.now()));
            }
            return 0;
        }
    }

    @Command(name = "evaluate", mixinStandardHelpOptions = true,
            description = "Check a PassTicket; exit code 0 when it is valid now (or at --time), 1 when not.")
    static final class Evaluate implements Callable<Integer> {
        @CommandLine.Mixin
        TicketOptions options;

        @Option(names = "--ticket", required = true)
        String ticket;

        @Override
        public Integer call() {
            options.checkNames();
            try (Registry registry = options.registry()) {
                if (registry != null) {
                    PassTicketService.Outcome outcome = new PassTicketService(registry).evaluate(options.user, options.appl, ticket);
                    System.out.println("PassTicket " + outcome + " for " + options.user.toUpperCase(java.util.Locale.ROOT)
                            + " and " + options.appl.toUpperCase(java.util.Locale.ROOT) + ".");
                    return outcome == PassTicketService.Outcome.VALID ? 0 : 1;
                }
            }
            OptionalLong generated = PassTickets.evaluate(options.passTicketKey(), options.user, options.appl, ticket,
                    options.now());
            if (generated.isPresent()) {
                System.out.println("PassTicket valid: generated at " + generated.getAsLong() + " for "
                        + options.user.toUpperCase(java.util.Locale.ROOT) + " and " + options.appl.toUpperCase(java.util.Locale.ROOT) + ".");
                return 0;
            }
            System.out.println("PassTicket not valid for " + options.user.toUpperCase(java.util.Locale.ROOT) + " and "
                    + options.appl.toUpperCase(java.util.Locale.ROOT) + " at this time.");
            return 1;
        }
    }
}
