package org.opencs.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;
import org.opencs.tso.parse.SystsinReader;

/**
 * TSO's READY mode at a terminal: READY, then the user's command runs as soon as its line is entered and its output
 * follows at once. A line ending in {@code -} or {@code +} is continued on the next (as in SYSTSIN). END or LOGOFF,
 * or the end of input (Ctrl-D), ends the session.
 */
final class TsoTerminal {
    private final TsoProcessor processor;
    private final TsoSession session;

    TsoTerminal(TsoProcessor processor, TsoSession session) {
        this.processor = processor;
        this.session = session;
    }

    /** Reads commands from {@code in} until END, LOGOFF or end of input; returns the highest return code. */
    int run(BufferedReader in, PrintStream out) throws IOException {
        int highest = 0;
        while (true) {
            out.println("READY");
            out.flush();
            String entered = readLines(in);
            if (entered == null) {
                return highest;
            }
            for (SystsinReader.Line command : SystsinReader.commands(entered)) {
                if (TsoProcessor.ends(command.text())) {
                    return highest;
                }
                highest = Math.max(highest, processor.run(command.text(), session, out::println));
            }
            out.flush();
        }
    }

    /** The lines of one command: more are read while a line ends in '+' or '-'; null at the end of input. */
    private static String readLines(BufferedReader in) throws IOException {
        StringBuilder lines = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            lines.append(line).append('\n');
            String text = line.stripTrailing();
            if (!text.endsWith("+") && !text.endsWith("-")) {
                return lines.toString();
            }
        }
        return lines.isEmpty() ? null : lines.toString();
    }
}
