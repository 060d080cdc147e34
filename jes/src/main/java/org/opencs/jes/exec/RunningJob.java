package org.opencs.jes.exec;

import java.util.concurrent.TimeUnit;
import org.opencs.jes.queue.JobQueue;

/**
 * A job an initiator of this process runs: CANCEL from this process sets its flag at once; CANCEL from another
 * process or node is a flag in the queue, looked up at most every quarter second when the program asks.
 */
public final class RunningJob {
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final String jobId;
    private final JobQueue queue;
    private volatile boolean cancelled;
    private volatile boolean purge;
    private long lastCheck = System.nanoTime();

    public RunningJob(String jobId, JobQueue queue) {
        this.jobId = jobId;
        this.queue = queue;
    }

    public String jobId() {
        return jobId;
    }

    public void cancel(boolean purgeToo) {
        if (purgeToo) {
            purge = true;
        }
        cancelled = true;
    }

    public boolean purge() {
        return purge;
    }

    public boolean cancelled() {
        if (cancelled) {
            return true;
        }
        synchronized (this) {
            long now = System.nanoTime();
            if (now - lastCheck >= CHECK_NANOS) {
                lastCheck = now;
                if (queue.cancelRequested(jobId)) {
                    cancelled = true;
                }
            }
        }
        return cancelled;
    }
}
