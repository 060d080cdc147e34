package org.opencs.jes.jcl;

/**
 * How a step ended, as COND= and IF expressions see it. {@code returnCode} is the completion code 0-4095 when the
 * step ended normally; {@code abendCode} is "Sccc" (system, hex) or "Udddd" (user, decimal) when it abended, else
 * null; {@code executed} false when it was bypassed (COND, IF, or an earlier abend) or the job had a JCL error.
 */
public record StepResult(String stepName, String procStepName, boolean executed, int returnCode, String abendCode) {
    public boolean abended() {
        return abendCode != null;
    }
}
