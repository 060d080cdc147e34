package org.opencs.jes.queue;

import java.time.Instant;
import org.opencs.jes.Completion;
import org.opencs.jes.JobStatus;

/**
 * One row of the job queue (table {@code jes_jobs}): the job's identity and owner, where it is on the queue, how it
 * ended, and, while ACTIVE, who runs it ({@code node} = the SYSNAME of the system, {@code host}, {@code processId}
 * and {@code instance}: the JES instance in that process). {@code cardsRead} counts the JCL card images submitted.
 */
public record JobRecord(String jobId, int jobNumber, String jobName, String owner, String submitter, String jobClass,
                        String msgClass, String programmer, String notifyUser, JobStatus status, boolean held,
                        boolean cancelRequested, boolean purgeRequested, Completion completion, Instant submitted,
                        Instant started, Instant ended, String node, String host, Long processId, String instance,
                        Integer initiator, String currentStep, int cardsRead, int spoolFileCount) {

    /** "JOB00042" for 42: JES2's job ID of a batch job, numbers 1-99999. */
    public static String jobId(int number) {
        return String.format("JOB%05d", number);
    }
}
