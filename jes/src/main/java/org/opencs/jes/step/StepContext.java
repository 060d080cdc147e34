package org.opencs.jes.step;

import java.time.Clock;
import java.util.Optional;
import org.opencs.datasets.Catalog;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;
import org.opencs.tso.TsoProcessor;

/**
 * What a running step may use: its PARM, its DDs, the job's user (every data set and RACF command is checked with
 * that user's authority), and the system services a z/OS program reaches through supervisor calls. Never the host's
 * processes or files outside the system home.
 */
public interface StepContext {
    String jobName();

    String jobId();

    String stepName();

    /** PARM= as the program receives it (quotes removed), "" when absent. */
    String parm();

    User user();

    Registry registry();

    Catalog catalog();

    Clock clock();

    /** The TSO command processor with every command this system knows (RACF, data sets, SUBMIT/STATUS/...). */
    TsoProcessor tso();

    /** The DD named {@code ddName} (upper case), if the step has it. */
    Optional<DataDefinition> dd(String ddName);

    /**
     * A message for the job log (JESMSGLG/JESYSMSG), as a program's WTO with ROUTCDE=11 does: "IDC0001I ..." lines
     * of utilities go to their SYSPRINT instead.
     */
    void jobLog(String message);

    /** Whether the job was cancelled; long-running programs (BPXBATCH sleep, FTP) check it and stop (S222). */
    boolean cancelled();
}
