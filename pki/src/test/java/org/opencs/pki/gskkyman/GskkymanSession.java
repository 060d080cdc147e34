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
final class GskkymanSession {
    record Outcome(int exitCode, String transcript) {
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

    static Outcome interactive(Path workingDirectory, String... answers) {
        return run(workingDirectory, List.of(answers), List.of());
    }
}
