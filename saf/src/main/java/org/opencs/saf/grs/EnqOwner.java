package org.opencs.saf.grs;

/**
 * Who holds an ENQ: {@code instance}, the node instance (one per process start, {@link org.opencs.saf.Registry#instance()})
 * and {@code unit}, the unit of work in it (a job ID such as JOB00012, an FTP session such as FTP00017), as z/OS
 * names a holder by system and address space/task. All of one owner's ENQs go when its unit ends
 * ({@link Enqueues#releaseAll}), all of an instance's when the node fails. {@code unit} is 1-64 characters.
 */
public record EnqOwner(String instance, String unit) {
    public EnqOwner {
        if (instance == null || instance.isBlank() || instance.length() > 36) {
            throw new IllegalArgumentException("an ENQ owner's instance is 1-36 characters: " + instance);
        }
        if (unit == null || unit.isBlank() || unit.length() > 64) {
            throw new IllegalArgumentException("an ENQ owner's unit of work is 1-64 characters: " + unit);
        }
    }
}
