package org.opencs.jes;

/**
 * Which jobs a listing shows (FTP JESJOBNAME/JESOWNER/JESSTATUS/JESENTRYLIMIT, TSO STATUS, `opencs jobs`):
 * {@code jobName} and {@code owner} are patterns with * (any characters) and ? (one), "*" for all; {@code status}
 * null for ALL; {@code limit} the most entries returned (0 = no limit).
 */
public record JobFilter(String jobName, String owner, JobStatus status, int limit) {
    public static JobFilter all() {
        return new JobFilter("*", "*", null, 0);
    }
}
