package org.opencs.tn3270.apps;

import java.util.Map;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.Screen;

/**
 * One step of a host application, in the spirit of go3270: the screen it shows, and what comes next once the user
 * pressed a key with these values in the named input fields. Returning null ends the session.
 */
public interface Transaction {
    Screen screen();

    Transaction next(Aid aid, Map<String, String> values);

    /** The application this transaction starts (a BIND names it); null: the application of the one before. */
    default String applid() {
        return null;
    }

    /**
     * Whether this is VTAM's own screen (the USS logon screen), not an application's: with TN3270E BIND-IMAGE it goes
     * out as SSCP-LU data, before any BIND.
     */
    default boolean sscp() {
        return false;
    }

    /** The user this transaction runs for, once someone has logged on (for the session's audit record). */
    default String userid() {
        return null;
    }

    /**
     * What the terminal shows once {@code messages} (NOTIFY messages sent to the logged-on user, each one line of
     * text) have arrived: by default they break in before this screen, each on its own row followed by {@code ***},
     * and any key goes back to this screen (as TSO/E shows messages to a user in ISPF); READY, TSO's line mode, writes
     * them below its output.
     */
    default Transaction notified(java.util.List<String> messages, Terminal terminal) {
        return new Broadcast(messages, this, terminal);
    }
}
