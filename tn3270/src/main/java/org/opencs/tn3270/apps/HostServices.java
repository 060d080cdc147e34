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
 */
public record HostServices(Registry registry, Jes jes, TsoProcessor tso) {
    public HostServices {
        java.util.Objects.requireNonNull(registry, "registry");
        java.util.Objects.requireNonNull(tso, "tso");
    }

    /** The services of a system without JES2. */
    public static HostServices of(Registry registry) {
        return of(registry, null);
    }

    /** The services of a system with {@code jes} (null: without JES2). */
    public static HostServices of(Registry registry, Jes jes) {
        return new HostServices(registry, jes, new TsoProcessor(jes == null ? List.of() : JesTsoCommands.all(jes)));
    }

    /** Whether the system has JES2 (the job commands and the job list). */
    public boolean hasJes() {
        return jes != null;
    }
}
