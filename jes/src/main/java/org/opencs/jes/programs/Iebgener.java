package org.opencs.jes.programs;

import java.util.Set;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;

/** IEBGENER (being written). */
public final class Iebgener implements Program {
    @Override
    public Set<String> names() {
        return Set.of("IEBGENER");
    }

    @Override
    public int run(StepContext step) {
        return 0;
    }
}
