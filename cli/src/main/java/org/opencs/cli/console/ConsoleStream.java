package org.opencs.cli.console;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The console the log lines are written on, chosen for every write: standard output when the system property
 * {@value #PROPERTY} is {@code stdout} ({@code opencs start} sets it, so that its own lines and the servers' are one
 * stream, in order), else standard error. A line is written in one call, so lines of two threads never mix.
 */
public final class ConsoleStream extends OutputStream {
    /** Where log lines go: "stdout", or standard error when unset. Read for every line. */
    public static final String PROPERTY = "opencs.console";

    private static PrintStream target() {
        return "stdout".equals(System.getProperty(PROPERTY)) ? System.out : System.err;
    }

    @Override
    public void write(int b) {
        target().write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        PrintStream out = target();
        synchronized (out) {
            out.write(bytes, offset, length);
        }
    }

    @Override
    public void flush() {
        target().flush();
    }

    @Override
    public void close() {
        flush();
    }
}
