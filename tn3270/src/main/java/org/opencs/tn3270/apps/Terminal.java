package org.opencs.tn3270.apps;

import org.opencs.tn3270.datastream.ScreenSize;

/**
 * The terminal a session's applications draw on. Its alternate screen size is known from the terminal type at once
 * (IBM-3278-4: 43x80), but an IBM-DYNAMIC terminal only tells it in its query reply, which the server asks for when the
 * first application starts: so applications ask the terminal for its size when they build a screen, not before.
 * One session's event loop alone sets and reads it.
 */
public final class Terminal {
    /** Prints a job on the terminal's associated printer; the answer says where it went or why it could not. */
    public interface PrintService {
        String print(String title, java.util.List<String> lines);
    }

    private ScreenSize alternate;
    private PrintService printer = (title, lines) -> "No printer is associated with this terminal";
    private String client = "unknown";

    public Terminal(ScreenSize alternate) {
        this.alternate = alternate;
    }

    public ScreenSize size() {
        return alternate;
    }

    /** Where this terminal's print jobs go (the session knows its associated printer). */
    public void printer(PrintService printer) {
        this.printer = printer;
    }

    public String print(String title, java.util.List<String> lines) {
        return printer.print(title, lines);
    }

    /** The client's IP address (for the audit records of logons made on this terminal). */
    public String client() {
        return client;
    }

    /** Set by the session from its connection. */
    public void client(String address) {
        this.client = address;
    }

    /** What the terminal's query reply said. */
    public void learned(ScreenSize size) {
        this.alternate = size;
    }
}
