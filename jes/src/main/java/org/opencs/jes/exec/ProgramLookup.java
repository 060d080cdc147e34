package org.opencs.jes.exec;

import java.util.Optional;
import org.opencs.jes.step.Program;

/**
 * Finds the program of EXEC PGM=name (the program library: built-ins such as IEFBR14 and IKJEFT01). A name it does
 * not know abends the step S806 with CSV003I, as a missing load module does on z/OS.
 */
@FunctionalInterface
public interface ProgramLookup {
    Optional<Program> find(String name);

    /** No programs at all: every step abends S806. */
    static ProgramLookup none() {
        return name -> Optional.empty();
    }

    /** The programs given, by every name each is known by. */
    static ProgramLookup of(java.util.Collection<? extends Program> programs) {
        java.util.Map<String, Program> byName = new java.util.HashMap<>();
        for (Program program : programs) {
            program.names().forEach(n -> byName.put(n, program));
        }
        return name -> Optional.ofNullable(byName.get(name));
    }
}
