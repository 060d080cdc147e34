package org.opencs.jes.exec;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.opencs.jes.jcl.DdSpec;
import org.opencs.jes.jcl.DdStatement;
import org.opencs.jes.jcl.Disposition;
import org.opencs.jes.jcl.IfBlock;
import org.opencs.jes.jcl.JobElement;
import org.opencs.jes.jcl.Step;
import org.opencs.saf.grs.Enq;
import org.opencs.saf.grs.EnqHolder;
import org.opencs.saf.grs.EnqMode;
import org.opencs.saf.grs.EnqOwner;
import org.opencs.saf.grs.EnqRequest;
import org.opencs.saf.grs.EnqResult;
import org.opencs.saf.grs.Enqueues;
import org.slf4j.LoggerFactory;

/**
 * A job's data set serialization, as z/OS's initiator does it before the first step: SYSDSN on every permanent data
 * set the job's DD statements name (the whole data set even for a member), EXCLUSIVE for DISP=OLD, NEW or MOD and
 * SHARED for DISP=SHR (exclusive wins when steps differ), held until the job ends. When another job or session
 * holds one, the job waits in its initiator (never a server thread), asking again every second: JESMSGLG and the
 * console get IEF861I FOLLOWING RESERVED DATA SET NAMES UNAVAILABLE TO jobname, IEF863I DSN = dsname holder RC = 04
 * per data set, and IEF099I JOB jobname WAITING FOR DATA SETS (z/OS MVS System Messages Vol 8 (IEF)). z/OS waits
 * until the operator cancels; OpenCS waits at most the configured time (default 5 minutes), then ends the job unrun
 * with OCS3007E (docs/jes.md "Waiting for data sets"). CANCEL ends the wait at once.
 */
final class JobDatasets {
    /** How the wait ended. */
    sealed interface Wait {
        record Obtained(Enq enq) implements Wait {
        }

        record Cancelled() implements Wait {
        }

        record TimedOut() implements Wait {
        }
    }

    private final Enqueues enqueues;
    private final EnqOwner owner;
    private final Duration limit;
    private final long retryMillis;
    private final Clock clock;

    JobDatasets(Enqueues enqueues, EnqOwner owner, Duration limit, long retryMillis, Clock clock) {
        this.enqueues = enqueues;
        this.owner = owner;
        this.limit = limit;
        this.retryMillis = retryMillis;
        this.clock = clock;
    }

    /** The SYSDSN requests of a job's steps (those inside IF constructs too), one per data set name. */
    static List<EnqRequest> requests(List<JobElement> elements) {
        Map<String, EnqMode> modes = new LinkedHashMap<>();
        collect(elements, modes);
        List<EnqRequest> requests = new ArrayList<>();
        modes.forEach((dsname, mode) -> requests.add(EnqRequest.sysdsn(dsname, mode)));
        return requests;
    }

    private static void collect(List<JobElement> elements, Map<String, EnqMode> modes) {
        for (JobElement element : elements) {
            if (element instanceof Step step) {
                for (DdStatement dd : step.dds()) {
                    for (DdSpec spec : dd.concatenation()) {
                        if (spec instanceof DdSpec.Dataset ds && ds.dsname() != null && !ds.temporary()) {
                            EnqMode mode = ds.disp() != null && ds.disp().status() == Disposition.Status.SHR
                                    ? EnqMode.SHARED : EnqMode.EXCLUSIVE;
                            modes.merge(ds.dsname(), mode, (a, b) -> a == EnqMode.EXCLUSIVE ? a : b);
                        }
                    }
                }
            } else if (element instanceof IfBlock block) {
                collect(block.thenElements(), modes);
                collect(block.elseElements(), modes);
            }
        }
    }

    /** Obtains every request, waiting as the class comment says; messages go to {@code log}. */
    Wait obtain(List<EnqRequest> requests, String jobName, JobLog log, BooleanSupplier cancelled) {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean told = false;
        while (true) {
            EnqResult result = enqueues.enq(requests, owner);
            if (result instanceof EnqResult.Granted granted) {
                return new Wait.Obtained(granted.enq());
            }
            EnqResult.InUse inUse = (EnqResult.InUse) result;
            if (!told) {
                told = true;
                message(log, "IEF861I FOLLOWING RESERVED DATA SET NAMES UNAVAILABLE TO " + jobName);
                for (EnqHolder holder : inUse.holders()) {
                    message(log, "IEF863I DSN = " + inUse.request().rname() + " " + holderName(holder) + " RC = 04");
                }
                message(log, "IEF099I JOB " + jobName + " WAITING FOR DATA SETS");
            }
            if (cancelled.getAsBoolean()) {
                log.both(clock.instant(), "IEE301I " + jobName + " CANCEL COMMAND ACCEPTED");
                return new Wait.Cancelled();
            }
            if (System.nanoTime() >= deadline) {
                String text = "OCS3007E " + jobName + " NOT RUN - DATA SET " + inUse.request().rname()
                        + " STILL IN USE BY " + holderName(inUse.holders().get(0)) + " AFTER " + limit.toSeconds()
                        + " SECONDS OF WAITING";
                log.both(clock.instant(), text);
                LoggerFactory.getLogger("JES2").warn(text);
                return new Wait.TimedOut();
            }
            try {
                Thread.sleep(retryMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Wait.Cancelled();
            }
        }
    }

    private void message(JobLog log, String text) {
        log.message(clock.instant(), text);
        LoggerFactory.getLogger("JES2").info(text);
    }

    /** The holder as z/OS names it: its job (or user) name, the part of the owner's unit before "/". */
    static String holderName(EnqHolder holder) {
        String unit = holder.owner().unit();
        int slash = unit.indexOf('/');
        return slash > 0 ? unit.substring(0, slash) : unit;
    }
}
