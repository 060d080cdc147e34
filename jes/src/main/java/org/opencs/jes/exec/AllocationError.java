package org.opencs.jes.exec;

/**
 * A DD statement that cannot be allocated, a JCL error found when the step starts (z/OS: IEF212I DATA SET NOT
 * FOUND, IGD17101I duplicate name): the step is not executed and the job ends "JCL ERROR". {@code message} is the
 * complete message line (ID and text).
 */
final class AllocationError extends Exception {
    AllocationError(String message) {
        super(message, null, false, false);
    }
}
