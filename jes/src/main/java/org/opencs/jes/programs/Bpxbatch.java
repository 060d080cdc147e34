package org.opencs.jes.programs;

import java.util.Set;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;

/** BPXBATCH (being written). */
public final class Bpxbatch implements Program {
    @Override
    public Set<String> names() {
        return Set.of("BPXBATCH");
    }

    @Override
    public int run(StepContext step) {
        return 0;
    }
}
