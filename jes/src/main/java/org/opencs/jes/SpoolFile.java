package org.opencs.jes;

/**
 * One spool file of a job, as the FTP `LIST JOBnnnnn` shows it: its number (1 JESMSGLG, 2 JESJCL, 3 JESYSMSG, then
 * the SYSOUT DDs from 4 (JES2 numbers the step files from 100; the FTP interface shows its own ordinal)), the step
 * and proc step that wrote it
 * ("JES2" and null for the job's own files), the SYSOUT class, the DD name, and its size in bytes (each line
 * counted with one byte for its end) and records.
 */
public record SpoolFile(int id, String stepName, String procStepName, String sysoutClass, String ddName,
                        long byteCount, long recordCount) {
}
