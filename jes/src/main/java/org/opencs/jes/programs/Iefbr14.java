package org.opencs.jes.programs;

import java.util.Set;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;

/**
 * IEFBR14: returns 0 at once (its one instruction is BR 14). Whatever a step of it achieves is the initiator's DISP
 * processing of its DDs: allocation of NEW data sets, CATLG, DELETE.
 */
public final class Iefbr14 implements Program {
    @Override
    public Set<String> names() {
        return Set.of("IEFBR14");
    }

    @Override
    public int run(StepContext step) {
        return 0;
    }
}
