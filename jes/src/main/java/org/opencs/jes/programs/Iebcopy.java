package org.opencs.jes.programs;

import java.util.Set;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;

/** IEBCOPY (being written). */
public final class Iebcopy implements Program {
    @Override
    public Set<String> names() {
        return Set.of("IEBCOPY");
    }

    @Override
    public int run(StepContext step) {
        return 0;
    }
}
