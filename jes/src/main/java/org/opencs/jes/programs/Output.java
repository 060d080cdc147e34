package org.opencs.jes.programs;

import java.util.Optional;
import org.opencs.jes.step.DataDefinition;
import org.opencs.jes.step.StepContext;

/**
 * A program's print DD (SYSPRINT, SYSTSPRT, OUTPUT): lines go to the DD when the step has it; without it they are
 * discarded, after the one message z/OS's OPEN writes to the job log for a DD that is not there: {@code IEC130I
 * SYSPRINT DD STATEMENT MISSING} (z/OS MVS System Messages Vol 7, IEC130I; the program goes on without the DCB).
 */
final class Output {
    private final DataDefinition dd;

    private Output(DataDefinition dd) {
        this.dd = dd;
    }

    /** The DD {@code ddName} of the step, or a sink that discards (with IEC130I in the job log). */
    static Output open(StepContext step, String ddName) {
        Optional<DataDefinition> dd = step.dd(ddName);
        if (dd.isEmpty()) {
            missing(step, ddName);
        }
        return new Output(dd.orElse(null));
    }

    /** A sink over a DD already found. */
    static Output of(DataDefinition dd) {
        return new Output(dd);
    }

    /** Writes IEC130I for a DD the program needs and the step lacks. */
    static void missing(StepContext step, String ddName) {
        step.jobLog("IEC130I " + ddName + " DD STATEMENT MISSING");
    }

    boolean present() {
        return dd != null;
    }

    void line(String text) {
        if (dd != null) {
            dd.writeLine(text);
        }
    }
}
