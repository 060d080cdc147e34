package org.opencs.jes.exec;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.opencs.jes.Completion;
import org.opencs.jes.queue.JobQueue;
import org.opencs.jes.queue.JobRecord;
import org.opencs.jes.queue.Spool;
import org.opencs.jes.queue.SpoolRecord;
import org.slf4j.Logger;

/**
 * A job never vanishes: at start, every job still ACTIVE on this system (node = SYSNAME) whose recorded process on
 * this host is gone was running when that process died. It is ended abnormally, as z/OS ends work that was running
 * when the system failed: completion ABEND=S0F3 (the system completion code z/OS gives work ended by a machine
 * failure), OCS3001E in JESMSGLG and JESYSMSG naming the process, and its missing JES files written (the JCL as
 * submitted as JESJCL). Jobs recorded on other hosts (nodes sharing a PostgreSQL registry) are left to their own
 * node's next start; a live process (another `opencs start` on this host, or this process) keeps its jobs.
 */
public final class Recovery {
    /** The completion of a job ended by the failure of the process running it. */
    public static final String SYSTEM_FAILURE = "0F3";

    private final JobQueue queue;
    private final Spool spool;
    private final JesConfig config;
    private final Logger log;

    public Recovery(JobQueue queue, Spool spool, JesConfig config, Logger log) {
        this.queue = queue;
        this.spool = spool;
        this.config = config;
        this.log = log;
    }

    /** Ends the orphaned jobs; returns their IDs. */
    public List<String> recover(String host, Instant now) {
        List<String> ended = new ArrayList<>();
        for (JobRecord job : queue.active(config.sysname())) {
            if (job.host() != null && !job.host().equals(host)) {
                continue;
            }
            if (job.processId() != null && ProcessHandle.of(job.processId()).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            end(job, now, "OCS3001E " + job.jobName() + " ENDED BY SYSTEM FAILURE - THE OPENCS PROCESS "
                    + (job.processId() == null ? "" : job.processId() + " ") + "RUNNING IT"
                    + (job.currentStep() == null ? "" : " IN STEP " + job.currentStep())
                    + " ENDED WHILE THE JOB WAS ACTIVE");
            ended.add(job.jobId());
        }
        return ended;
    }

    /**
     * Ends the ACTIVE jobs of {@code failed}, a node membership declared failed and this node ({@code survivor},
     * its instance) cleans up: each job is first taken over with a conditional UPDATE (so a repeated clean-up never
     * ends a job twice), then ended ABEND=S0F3 with OCS3001E naming the failed node's SYSNAME in JESMSGLG and
     * JESYSMSG. Its ENQs were released with the failed node's. Returns the IDs of the jobs ended.
     */
    public List<String> recoverNode(org.opencs.saf.xcf.NodeInfo failed, String survivor, Instant now) {
        List<String> ended = new ArrayList<>();
        for (JobRecord job : queue.activeOnInstance(failed.instance())) {
            if (!queue.takeOver(job.jobId(), failed.instance(), survivor)) {
                continue;
            }
            end(job, now, "OCS3001E " + job.jobName() + " ENDED BY SYSTEM FAILURE - NODE " + failed.sysname()
                    + " (HOST " + failed.host() + ", PROCESS " + failed.processId() + ") RUNNING IT"
                    + (job.currentStep() == null ? "" : " IN STEP " + job.currentStep())
                    + " FAILED WHILE THE JOB WAS ACTIVE; ENDED BY " + config.sysname());
            ended.add(job.jobId());
        }
        return ended;
    }

    private void end(JobRecord job, Instant now, String text) {
        JobLog jobLog = new JobLog(job.jobId(), job.jobName(), ZoneId.systemDefault());
        Instant started = job.started() == null ? now : job.started();
        jobLog.title(job.node() == null ? config.sysname() : job.node(), config.node(), started);
        jobLog.both(now, text);
        Completion completion = new Completion.Abended(SYSTEM_FAILURE);
        jobLog.message(now, "$HASP395 " + String.format("%-8s", job.jobName()) + " ENDED - "
                + Completions.hasp395(completion));
        Set<Integer> present = queue.spoolFiles(job.jobId()).stream().map(SpoolRecord::fileId)
                .collect(Collectors.toSet());
        List<String> jcl = spool.readJcl(job.jobId());
        long records = jcl.size() + jobLog.msglgSize() + jobLog.sysmsg().size();
        jobLog.statistics(started, job.cardsRead(), records, records * 80, Duration.between(started, now));
        if (!present.contains(1)) {
            queue.addSpoolFile(job.jobId(), spool.writeLines(job.jobId(), 1, null, null, job.msgClass(), "JESMSGLG",
                    jobLog.msglg()));
        }
        if (!present.contains(2)) {
            queue.addSpoolFile(job.jobId(), spool.writeLines(job.jobId(), 2, null, null, job.msgClass(), "JESJCL", jcl));
        }
        if (!present.contains(3)) {
            queue.addSpoolFile(job.jobId(), spool.writeLines(job.jobId(), 3, null, null, job.msgClass(), "JESYSMSG",
                    jobLog.sysmsg()));
        }
        queue.finish(job.jobId(), completion, now);
        log.warn(text);
    }
}
