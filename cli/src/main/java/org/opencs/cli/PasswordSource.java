package org.opencs.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencs.pki.KeyDbException;

/**
 * Where a command gets a password, in keytool's spirit and without ever taking it from the command line: a file
 * (first line), an environment variable, or a prompt (no echo on a console; a line of standard input otherwise).
 */
public final class PasswordSource {
    private PasswordSource() {
    }

    public static char[] resolve(Path file, String environmentVariable, String prompt) {
        if (file != null) {
            try {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                String firstLine = content.lines().findFirst().orElse("");
                return firstLine.toCharArray();
            } catch (IOException e) {
                throw KeyDbException.notFound("The password file " + file);
            }
        }
        String fromEnvironment = System.getenv(environmentVariable);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console != null) {
            char[] answer = console.readPassword("%s", prompt);
            return answer == null ? new char[0] : answer;
        }
        try {
            System.err.print(prompt);
            String line = readLineUnbuffered();
            System.err.println();
            if (line == null) {
                throw KeyDbException.badInput("No password: give --password-file, set " + environmentVariable
                        + ", or type it when asked.");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw KeyDbException.badInput("The password cannot be read: " + e.getMessage());
        }
    }

    /**
     * A password that protects something new (a PKCS #12 file being written): as {@link #resolve}, but typed at a
     * terminal it is asked twice and the two must match, as gskkyman and keytool ask for a new password, so a typing
     * error does not lock the file away. A file, the environment variable or piped input give it once.
     */
    public static char[] resolveNew(Path file, String environmentVariable, String prompt, String again) {
        Console console = System.console();
        String fromEnvironment = System.getenv(environmentVariable);
        if (file != null || fromEnvironment != null && !fromEnvironment.isEmpty() || console == null) {
            return resolve(file, environmentVariable, prompt);
        }
        char[] first = console.readPassword("%s", prompt);
        char[] second = console.readPassword("%s", again);
        if (first == null || second == null || !java.util.Arrays.equals(first, second)) {
            java.util.Arrays.fill(first == null ? new char[0] : first, '\0');
            java.util.Arrays.fill(second == null ? new char[0] : second, '\0');
            throw KeyDbException.badInput("The passwords entered do not match; nothing was written.");
        }
        java.util.Arrays.fill(second, '\0');
        return first;
    }

    /**
     * Reads one line of standard input a byte at a time, so that later prompts of the same process still find their
     * own lines of piped input (a buffered reader would swallow them).
     */
    private static String readLineUnbuffered() throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        int b;
        while ((b = System.in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
