package org.opencs.jes.jcl;

/**
 * DISP=(status,normal-termination,abnormal-termination). Defaults as the JCL Reference gives them: status NEW;
 * normal DELETE for a NEW data set, KEEP otherwise (PASS-like for temporary ones: deleted at job end); abnormal as
 * normal, except that an abnormal CATLG/KEEP/PASS written only as normal stays what was written. {@code normal} and
 * {@code abnormal} are null when not written, so the executor can apply those defaults.
 */
public record Disposition(Status status, Action normal, Action abnormal) {
    public enum Status { NEW, OLD, SHR, MOD }

    public enum Action { DELETE, KEEP, PASS, CATLG, UNCATLG }

    public static Disposition defaults() {
        return new Disposition(Status.NEW, null, null);
    }
}
