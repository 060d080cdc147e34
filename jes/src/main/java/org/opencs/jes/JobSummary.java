package org.opencs.jes;

import java.time.Instant;

/**
 * A job on the queue: JES2 job ID (JOBnnnnn), name, owner (the user it runs as), status, class, whether it is held,
 * how it ended (null until OUTPUT), how many spool files it has, when it was submitted/started/ended (null until
 * then), the step running now (null unless ACTIVE), and who submitted it.
 */
public record JobSummary(String jobId, String jobName, String owner, JobStatus status, String jobClass, boolean held,
                         Completion completion, int spoolFileCount, Instant submitted, Instant started, Instant ended,
                         String currentStep, String submitter) {
}
