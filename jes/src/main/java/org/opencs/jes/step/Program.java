package org.opencs.jes.step;

import java.util.Set;

/**
 * A program a step can run (EXEC PGM=name). Like a z/OS program it sees only its PARM and its DDs (through
 * {@link StepContext}); what it prints goes to its own SYSOUT DDs, never to the job log. It returns the step's
 * completion code (0-4095) or throws {@link Abend}; any other exception is an abend S0C4-style failure reported by
 * the initiator as an unexpected error, never shown as a Java class name.
 */
public interface Program {
    /** The names it is known by (IKJEFT01, IKJEFT1A, IKJEFT1B). */
    Set<String> names();

    int run(StepContext step) throws Abend;
}
