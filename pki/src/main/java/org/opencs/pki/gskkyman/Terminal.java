package org.opencs.pki.gskkyman;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * gskkyman's conversation with the user: prompts on the output, answers a line at a time from the input. Passwords
 * are read without echo when a console is attached; piped answers (administrators script gskkyman that way) are
 * read as plain lines.
 */
public final class Terminal {
    /** Thrown when the input ends: gskkyman exits as if 0 had been chosen. */
    public static final class EndOfInput extends RuntimeException {
        EndOfInput() {
            super("input ended", null, false, false);
        }
    }

    private final BufferedReader in;
    private final PrintStream out;
    private final Console console;

    public Terminal(BufferedReader in, PrintStream out, Console console) {
        this.in = in;
        this.out = out;
        this.console = console;
    }

    public void println(String text) {
        out.println(text);
    }

    public void println() {
        out.println();
    }

    public void print(String text) {
        out.print(text);
        out.flush();
    }

    /** Prints the prompt and returns the answer with surrounding blanks removed. */
    public String ask(String prompt) {
        print(prompt);
        String line = readLine();
        if (console == null) {
            out.println(line); // piped answers are echoed so the transcript reads like a typed session
        }
        return line.trim();
    }

    /** Asks for a secret; the answer is never echoed. */
    public char[] askSecret(String prompt) {
        if (console != null) {
            char[] answer = console.readPassword("%s", prompt);
            if (answer == null) {
                throw new EndOfInput();
            }
            return answer;
        }
        print(prompt);
        char[] answer = readLine().toCharArray();
        out.println();
        return answer;
    }

    private String readLine() {
        try {
            String line = in.readLine();
            if (line == null) {
                out.println();
                throw new EndOfInput();
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Shows a menu the way gskkyman lays them out: a blank line, the title, an optional context line ("Database: ...",
     * "Label: ..."), the numbered options, and an optional closing line ("0 - Exit program").
     */
    public void showMenu(String title, String context, java.util.List<String> options, String closingLine) {
        println();
        println(title);
        println();
        if (context != null) {
            println(context);
            println();
        }
        options.forEach(this::println);
        println();
        if (closingLine != null) {
            println(closingLine);
            println();
        }
    }

    public void pause() {
        println();
        ask("Press ENTER to continue.");
    }
}
