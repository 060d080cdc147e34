package org.opencs.jes.queue;

import org.opencs.jes.Completion;
import org.opencs.jes.JobStatus;

/**
 * A job as conversion leaves it for the queue: INPUT (possibly held), or OUTPUT at once with its completion (a JCL
 * error, a failed USER=/PASSWORD= check, TYPRUN=SCAN).
 */
public record NewJob(String jobName, String owner, String submitter, String jobClass, String msgClass,
                     String programmer, String notifyUser, JobStatus status, boolean held, Completion completion,
                     int cardsRead) {
}
