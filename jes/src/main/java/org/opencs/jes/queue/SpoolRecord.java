package org.opencs.jes.queue;

import org.opencs.jes.SpoolFile;

/**
 * One spool file's index row (table {@code jes_spool_files}): its number within the job, the step and proc step that
 * wrote it (null for JES2's own files), class, DD name, size (bytes with one per record end, records) and the name
 * of its data file under {@code spool/<jobid>/}.
 */
public record SpoolRecord(int fileId, String stepName, String procStep, String sysoutClass, String ddName,
                          long byteCount, long recordCount, String fileName) {
    public SpoolFile toSpoolFile() {
        return new SpoolFile(fileId, stepName == null ? "JES2" : stepName, procStep, sysoutClass, ddName, byteCount,
                recordCount);
    }
}
