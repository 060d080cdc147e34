package org.opencs.jes.programs;

import java.util.Set;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;

/** IDCAMS (being written). */
public final class Idcams implements Program {
    @Override
    public Set<String> names() {
        return Set.of("IDCAMS");
    }

    @Override
    public int run(StepContext step) {
        return 0;
    }
}
