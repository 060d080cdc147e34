package org.opencs.datasets;

import java.time.LocalDate;
import org.opencs.core.ZosException;

/** DSORG (PS sequential, PO partitioned), RECFM, LRECL, BLKSIZE, creation and last-reference dates. */
public record DatasetAttributes(String dsorg, RecordFormat recfm, int lrecl, int blksize, LocalDate created,
                                LocalDate referenced) {
    public DatasetAttributes {
        if (!dsorg.equals("PS") && !dsorg.equals("PO")) {
            throw new ZosException("IKJ56702I", "INVALID DSORG, " + org.opencs.core.Values.quoteForMessage(dsorg) + " (PS OR PO)");
        }
        if (lrecl < 1 || lrecl > 32760 || (recfm.variable() && lrecl < 5)) {
            throw new ZosException("IKJ56702I", "INVALID LRECL, " + lrecl);
        }
        if (blksize < 0 || blksize > 32760) {
            throw new ZosException("IKJ56702I", "INVALID BLKSIZE, " + blksize);
        }
        if (recfm == RecordFormat.FB && blksize > 0 && blksize % lrecl != 0) {
            throw new ZosException("IKJ56702I", "INVALID BLKSIZE, " + blksize + " IS NOT A MULTIPLE OF LRECL " + lrecl);
        }
    }

    /** RACDCERT EXPORT and ISPF's defaults for a text data set: RECFM=VB LRECL=84 (the seed's certificate files). */
    public static DatasetAttributes textDefaults(LocalDate today) {
        return new DatasetAttributes("PS", RecordFormat.VB, 84, 27998, today, today);
    }

    public DatasetAttributes referencedOn(LocalDate day) {
        return new DatasetAttributes(dsorg, recfm, lrecl, blksize, created, day);
    }
}
