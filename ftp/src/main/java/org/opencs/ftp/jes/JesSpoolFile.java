package org.opencs.ftp.jes;

/**
 * One spool file as `LIST JOBnnnnn` shows it: number, step name, proc step name ("N/A" style blanks when none),
 * SYSOUT class, DD name and byte count. Source: zos-ftp.md §2.6.
 */
public record JesSpoolFile(int id, String stepName, String procStepName, String sysoutClass, String ddName,
                           long byteCount) {
}
