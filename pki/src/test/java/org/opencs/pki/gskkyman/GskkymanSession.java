package org.opencs.pki.gskkyman;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/** Runs gskkyman in-process with piped answers (one per line), as an administrator's script would. */
public final class GskkymanSession {
    /**
     * The seed's gskkyman session: abckey.kdb with a 2048-bit self-signed server certificate as its default key,
     * exported to mvs098_self_signed.crt, the password stashed in abckey.sth.
     */
    public static final java.util.List<String> SEED_SESSION = java.util.List.of(
            "1", "abckey.kdb", "xxxxxx", "xxxxxx", "", "",  // create database, default expiration and record length
            "",                                              // Press ENTER to continue.
            "6", "5", "mvs098_self_signed",                  // self-signed, end user 2048-bit RSA
            "MVS098 self signed server certificate", "z/OS CS development", "IBM", "Raleigh", "NC", "US", "1000",
            "",                                              // Certificate created. Press ENTER
            "1", "1", "3", "",                               // manage keys, label 1, set key as default
            "6", "2", "mvs098_self_signed.crt", "",          // export Base64 ASN.1 DER
            "", "0",                                         // back to the list, back to the Key Management Menu
            "10", "",                                        // store database password
            "0");                                            // exit program
    static final String[] SEED_ANSWERS = SEED_SESSION.toArray(new String[0]);

    public record Outcome(int exitCode, String transcript) {
    }

    private GskkymanSession() {
    }

    static Outcome run(Path workingDirectory, List<String> answers, List<String> flags) {
        String input = String.join("\n", answers) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Terminal terminal = new Terminal(new BufferedReader(new StringReader(input)), print, null);
        Gskkyman gskkyman = new Gskkyman(terminal, workingDirectory, new SecureRandom(), Clock.systemUTC());
        int code = flags.isEmpty() ? gskkyman.run() : new GskkymanCommandLine(terminal, gskkyman).run(flags);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8));
    }

    public static Outcome interactive(Path workingDirectory, String... answers) {
        return run(workingDirectory, List.of(answers), List.of());
    }
}
