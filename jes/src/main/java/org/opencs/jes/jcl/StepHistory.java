package org.opencs.jes.jcl;

import java.util.List;

/** The steps of a job that have ended so far, in order; what COND= and IF/THEN test. */
public interface StepHistory {
    List<StepResult> results();

    /** Whether any step so far abended (an abend bypasses later steps unless COND=EVEN/ONLY or an IF tests ABEND). */
    default boolean anyAbend() {
        return results().stream().anyMatch(StepResult::abended);
    }
}
