package org.opencs.tn3270.apps;

import org.opencs.tn3270.datastream.ScreenSize;

/**
 * The terminal a session's applications draw on. Its alternate screen size is known from the terminal type at once
 * (IBM-3278-4: 43x80), but an IBM-DYNAMIC terminal only tells it in its query reply, which the server asks for when the
 * first application starts: so applications ask the terminal for its size when they build a screen, not before.
 * One session's event loop alone sets and reads it.
 */
public final class Terminal {
    private ScreenSize alternate;

    public Terminal(ScreenSize alternate) {
        this.alternate = alternate;
    }

    public ScreenSize size() {
        return alternate;
    }

    /** What the terminal's query reply said. */
    public void learned(ScreenSize size) {
        this.alternate = size;
    }
}
