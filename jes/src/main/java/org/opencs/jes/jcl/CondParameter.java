package org.opencs.jes.jcl;

import java.util.List;

/**
 * COND= on EXEC (or JOB): up to eight tests "(code,operator[,stepname[.procstepname]])" and EVEN or ONLY. A step is
 * bypassed when any test is true ("COND=(4,LT)": bypass when 4 is less than a step's return code). Source: z/OS MVS
 * JCL Reference, "COND parameter" (EXEC and JOB).
 */
public record CondParameter(List<Test> tests, Mode mode) {
    public enum Mode { NONE, EVEN, ONLY }

    public enum Operator { GT, GE, EQ, LT, LE, NE }

    /** One test; {@code stepName}/{@code procStepName} null when the test applies to every earlier step. */
    public record Test(int code, Operator operator, String stepName, String procStepName) {
    }

    public CondParameter {
        tests = List.copyOf(tests);
    }

    public static CondParameter none() {
        return new CondParameter(List.of(), Mode.NONE);
    }

    /**
     * Whether the step is bypassed after {@code history}: any test true; or an earlier step abended and the mode is
     * not EVEN/ONLY; or no step abended and the mode is ONLY.
     */
    public boolean bypass(StepHistory history) {
        boolean abend = history.anyAbend();
        if (abend && mode == Mode.NONE) {
            return true;
        }
        if (!abend && mode == Mode.ONLY) {
            return true;
        }
        for (Test test : tests) {
            for (StepResult result : history.results()) {
                if (!result.executed() || result.abended()) {
                    continue;
                }
                if (test.stepName() != null && !matches(test, result)) {
                    continue;
                }
                if (holds(test.code(), test.operator(), result.returnCode())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(Test test, StepResult result) {
        return test.stepName().equals(result.stepName())
                && (test.procStepName() == null || test.procStepName().equals(result.procStepName()));
    }

    /** "code operator rc": COND=(4,LT) is true when 4 < rc. */
    static boolean holds(int code, Operator operator, int rc) {
        return switch (operator) {
            case GT -> code > rc;
            case GE -> code >= rc;
            case EQ -> code == rc;
            case LT -> code < rc;
            case LE -> code <= rc;
            case NE -> code != rc;
        };
    }
}
