package org.opencs.jes.exec;

import java.util.List;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.jes.jcl.Disposition;

/** One allocated element of a DD statement (a concatenation has several). */
sealed interface Allocated {
    /**
     * A data set: {@code name} with its member, the status from DISP, whether this step created it (NEW, or MOD of a
     * data set that did not exist), whether it is a temporary (&&name) data set, the normal and abnormal
     * dispositions to apply at step end (defaults already applied), and the DCB attributes the DD gives (null: the
     * data set's own).
     */
    record Dataset(DatasetName name, Disposition.Status status, boolean created, boolean temporary,
                   Disposition.Action normal, Disposition.Action abnormal, DatasetAttributes dcb) implements Allocated {
    }

    /** SYSOUT=class; {@code jesName} is the spool data set name IEF285I shows. */
    record Sysout(String sysoutClass, String jesName, DatasetAttributes dcb) implements Allocated {
    }

    /** In-stream data, RECFM=F LRECL=80 records in IBM-1047. */
    record Instream(List<byte[]> records, String jesName) implements Allocated {
    }

    record Dummy(DatasetAttributes dcb) implements Allocated {
    }
}
