package org.opencs.tn3270.apps;

import java.util.List;
import org.opencs.jes.Jes;
import org.opencs.jes.tso.JesTsoCommands;
import org.opencs.saf.Registry;
import org.opencs.tso.TsoProcessor;

/**
 * What the host applications of one system share: the registry (users, profiles, the system home with its data
 * sets), JES2 (null when the TN3270 server runs without it: READY then lacks SUBMIT, STATUS, CANCEL and OUTPUT, and
 * the primary menu lacks the job list) and the TSO processor READY and the menu run commands through (with JES2's job
 * commands when there is a JES). Immutable; the TSO processor keeps no state between commands, so sessions share it.
 * {@code live}: the node's live sessions, where the TN3270E servers register their connections (the console lists and
 * ends them; docs/tn3270.md "Sessions ended from the console").
 */
public record HostServices(Registry registry, Jes jes, TsoProcessor tso,
                           org.opencs.core.sessions.LiveSessions live) {
    public HostServices {
        java.util.Objects.requireNonNull(registry, "registry");
        java.util.Objects.requireNonNull(tso, "tso");
        java.util.Objects.requireNonNull(live, "live");
    }

    /** The same services, registering sessions in {@code live} (the node's live sessions). */
    public HostServices withLiveSessions(org.opencs.core.sessions.LiveSessions live) {
        return new HostServices(registry, jes, tso, live);
    }

    /** The services of a system without JES2. */
    public static HostServices of(Registry registry) {
        return of(registry, null);
    }

    /** The services of a system with {@code jes} (null: without JES2). */
    public static HostServices of(Registry registry, Jes jes) {
        return new HostServices(registry, jes, new TsoProcessor(jes == null ? List.of() : JesTsoCommands.all(jes)),
                new org.opencs.core.sessions.LiveSessions(registry.clock()));
    }

    /** Whether the system has JES2 (the job commands and the job list). */
    public boolean hasJes() {
        return jes != null;
    }
}
