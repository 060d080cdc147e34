package org.opencs.ftp.jes;

/**
 * A job as the FTP job list shows it: name, ID, owner, status (INPUT, ACTIVE, OUTPUT), class, whether it is held,
 * its completion text when ended ("RC=0000", "ABEND=806", "(JCL error)", "CANCELED"; null before), its spool file
 * count, and for an ACTIVE job the running step and proc step names (null otherwise).
 */
public record JesJob(String jobName, String jobId, String owner, String status, String jobClass, boolean held,
                     String completion, int spoolFileCount, String stepName, String procStepName) {
}
