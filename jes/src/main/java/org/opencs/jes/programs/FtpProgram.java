package org.opencs.jes.programs;

import java.util.Set;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;

/** FTP (being written). */
public final class FtpProgram implements Program {
    @Override
    public Set<String> names() {
        return Set.of("FTP");
    }

    @Override
    public int run(StepContext step) {
        return 0;
    }
}
