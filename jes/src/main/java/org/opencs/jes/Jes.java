package org.opencs.jes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.opencs.datasets.Catalog;
import org.opencs.jes.exec.Initiators;
import org.opencs.jes.exec.JclConverter;
import org.opencs.jes.exec.JesConfig;
import org.opencs.jes.exec.JobRunner;
import org.opencs.jes.exec.ProgramLookup;
import org.opencs.jes.exec.Recovery;
import org.opencs.jes.exec.RunningJob;
import org.opencs.jes.exec.Submission;
import org.opencs.jes.jcl.JclReader;
import org.opencs.jes.queue.JobQueue;
import org.opencs.jes.queue.JobRecord;
import org.opencs.jes.queue.Spool;
import org.opencs.jes.queue.SpoolAccess;
import org.opencs.jes.queue.SpoolRecord;
import org.opencs.saf.Registry;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.users.User;
import org.opencs.tso.commands.TsoCommandHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JES2 for one OpenCS system: the job queue and spool index in the registry database (shared by every process and
 * node on it), spool data under {@code spool/<jobid>/}, and this process's initiators. Every request names the user
 * making it; JESSPOOL rules decide what they see: their own jobs (owner or submitter), every job for SPECIAL users,
 * and others' with READ (see, browse) or ALTER (cancel, purge, hold, release) to the JESSPOOL profile covering
 * {@code nodeid.userid.jobname.jobid}. Refusals are {@link JesException}s (NOT_FOUND, NOT_AUTHORIZED,
 * INVALID_STATE, INVALID_JCL). Thread-safe; it blocks on the database and disk, so callers on a Netty event loop
 * must hand requests to a worker. NOTIFY messages ($HASP165) go to {@link #onNotify} receivers and to the SLF4J
 * logger {@code JES2} (the system log).
 */
public final class Jes implements AutoCloseable {
    /** The system log of JES2: $HASP165 notifications, recovery at start, initiator failures. */
    static final Logger SYSLOG = LoggerFactory.getLogger("JES2");

    private final Registry registry;
    private final JesConfig config;
    private final JobQueue queue;
    private final Spool spool;
    private final SpoolAccess access;
    private final Submission submission;
    private final List<BiConsumer<String, String>> receivers = new CopyOnWriteArrayList<>();
    private final Object ended = new Object();
    private volatile List<TsoCommandHandler> tsoExtensions = List.of();
    private Initiators initiators;
    /** The membership JES joined itself (a process running jobs without opencs start's), left at close; or null. */
    private org.opencs.saf.xcf.Membership ownMembership;

    private Jes(Registry registry, JesConfig config, JclConverter converter) {
        this.registry = registry;
        this.config = config;
        this.queue = new JobQueue(registry.database());
        this.spool = new Spool(registry.home().spool());
        this.access = new SpoolAccess(registry, config.node());
        this.submission = new Submission(registry, new Catalog(registry.home(), registry.clock()), queue, spool,
                converter, config);
    }

    /**
     * Opens JES on {@code registry} and starts {@code initiators} initiators (0: submit and list only, as `opencs
     * submit` without --wait does; callers pass system.conf's {@code jes.initiators}, see
     * {@link JesConfig#initiators()}). Jobs left ACTIVE by a process of this system on this host that has died are
     * ended first: ABEND=S0F3 with OCS3001E in their job log. A JES with initiators and no
     * {@link Builder#membership} joins the system's members itself (so the data set ENQs its jobs hold are released
     * if the process dies), unless another live process of this SYSNAME is a member. Steps run the built-in programs
     * ({@link org.opencs.jes.programs.ProgramLibrary#builtIn()}) and batch TSO knows SUBMIT, STATUS, CANCEL and OUTPUT;
     * {@link #builder} changes either.
     */
    public static Jes start(Registry registry, int initiators) {
        return builder(registry).initiators(initiators).start();
    }

    public static Builder builder(Registry registry) {
        return new Builder(registry);
    }

    /** How JES starts: initiators, the program library, the JCL converter, TSO commands for batch TSO. */
    public static final class Builder {
        private final Registry registry;
        private int initiators = JesConfig.DEFAULT_INITIATORS;
        private ProgramLookup programs = org.opencs.jes.programs.ProgramLibrary.builtIn()::find;
        private JclConverter converter = JclReader::read;
        private Function<Jes, List<? extends TsoCommandHandler>> tsoExtensions = org.opencs.jes.tso.JesTsoCommands::all;
        private Duration poll = Duration.ofMillis(250);
        private Duration datasetWait = JobRunner.DATASET_WAIT;
        private org.opencs.saf.xcf.Membership membership;

        private Builder(Registry registry) {
            this.registry = Objects.requireNonNull(registry);
        }

        /** How many jobs run at once in this process (0-999). */
        public Builder initiators(int count) {
            if (count < 0 || count > 999) {
                throw new IllegalArgumentException("initiators: 0 to 999, not " + count);
            }
            this.initiators = count;
            return this;
        }

        /** The programs steps can run (EXEC PGM=; default: the built-in library); an unknown name abends S806. */
        public Builder programs(ProgramLookup lookup) {
            this.programs = Objects.requireNonNull(lookup);
            return this;
        }

        /** The JCL converter (default {@link JclReader#read}). */
        public Builder converter(JclConverter reader) {
            this.converter = Objects.requireNonNull(reader);
            return this;
        }

        /**
         * TSO commands batch TSO (IKJEFT01) knows besides the built-in ones, made once JES exists (SUBMIT, STATUS,
         * CANCEL and OUTPUT need it).
         */
        public Builder tsoExtensions(Function<Jes, List<? extends TsoCommandHandler>> extensions) {
            this.tsoExtensions = Objects.requireNonNull(extensions);
            return this;
        }

        /** How often idle initiators look at the queue for jobs other processes submitted (default 250 ms). */
        public Builder pollInterval(Duration interval) {
            this.poll = interval;
            return this;
        }

        /**
         * The node's membership: when it declares another node failed and this node cleans up, that node's ACTIVE
         * jobs are ended (OCS3001E naming the failed SYSNAME, ABEND=S0F3). Call before {@code membership.join()}.
         */
        public Builder membership(org.opencs.saf.xcf.Membership nodeMembership) {
            this.membership = Objects.requireNonNull(nodeMembership);
            return this;
        }

        /**
         * How long a job whose data sets another job or session holds waits for them in its initiator (IEF099I)
         * before it ends without running (OCS3007E); default {@link JobRunner#DATASET_WAIT}.
         */
        public Builder datasetWait(Duration wait) {
            this.datasetWait = Objects.requireNonNull(wait);
            return this;
        }

        public Jes start() {
            JesConfig config = JesConfig.load(registry.home(), registry.config());
            Jes jes = new Jes(registry, config, converter);
            jes.tsoExtensions(List.copyOf(tsoExtensions.apply(jes)));
            Instant now = registry.clock().instant();
            for (String jobId : new Recovery(jes.queue, jes.spool, config, SYSLOG).recover(Initiators.hostName(), now)) {
                jes.queue.find(jobId).ifPresent(job -> jes.jobEnded(job, new JobRunner.Outcome(job.completion(),
                        job.notifyUser(), job.notifyUser() == null ? null
                        : org.opencs.jes.exec.Completions.hasp165(job.jobName(), config.node(), job.completion()))));
            }
            JobRunner runner = new JobRunner(registry, new Catalog(registry.home(), registry.clock()), jes.queue,
                    jes.spool, converter, programs, () -> jes.tsoExtensions, config, datasetWait);
            jes.initiators = new Initiators(initiators, config.classes(), jes.queue, jes.spool, runner, registry.clock(),
                    config.sysname(), config.node(), registry.instance(), poll, jes::jobEnded, SYSLOG);
            org.opencs.saf.xcf.Membership own = null;
            if (membership == null && initiators > 0) {
                // A process that runs jobs (opencs submit --wait) holds data set ENQs: it joins so that they are
                // released by a survivor, or its next start, if it dies. Another live process of this SYSNAME
                // (opencs start) already cleans up for the system: then this one runs without membership.
                // Silent: a command's console is not the operator's (a clean-up it wins still logs OCS3001E).
                own = org.opencs.saf.xcf.Membership.of(registry, org.opencs.saf.xcf.Membership.Settings.DEFAULT,
                        org.slf4j.helpers.NOPLogger.NOP_LOGGER);
            }
            org.opencs.saf.xcf.Membership listened = membership != null ? membership : own;
            if (listened != null) {
                Recovery recovery = new Recovery(jes.queue, jes.spool, config, SYSLOG);
                listened.addListener(node -> {
                    for (String jobId : recovery.recoverNode(node, registry.instance(), registry.clock().instant())) {
                        jes.queue.find(jobId).ifPresent(job -> jes.jobEnded(job, new JobRunner.Outcome(
                                job.completion(), job.notifyUser(), job.notifyUser() == null ? null
                                : org.opencs.jes.exec.Completions.hasp165(job.jobName(), config.node(),
                                job.completion()))));
                    }
                });
            }
            if (own != null) {
                try {
                    own.join();
                    jes.ownMembership = own;
                } catch (org.opencs.core.ZosException e) {
                    SYSLOG.debug("JES2 runs jobs without joining: {}", e.getMessage());
                }
            }
            return jes;
        }
    }

    /** Replaces the TSO commands batch TSO knows besides the built-in ones. */
    public void tsoExtensions(List<? extends TsoCommandHandler> extensions) {
        this.tsoExtensions = List.copyOf(extensions);
    }

    /** The settings JES runs with (SYSNAME, node, initiators from system.conf, PROCLIB). */
    public JesConfig config() {
        return config;
    }

    /**
     * Submits a job: the JCL card images (JES reads columns 1-72 of statements; in-stream data keeps 80). Returns its
     * summary: INPUT (held for TYPRUN=HOLD), or OUTPUT at once for a JCL error, a refused USER=/PASSWORD= (both
     * "(JCL error)") or TYPRUN=SCAN. {@code submitter} is the user submitting: the job runs as them unless USER=
     * names another user with the right PASSWORD= (or the submitter is that user's surrogate). Throws
     * {@link JesException} INVALID_JCL when the first statement is not a JOB statement.
     */
    public JobSummary submit(User submitter, List<String> jcl) {
        JobRecord job = submission.submit(submitter, jcl);
        if (job.status() == JobStatus.OUTPUT) {
            jobEnded(job, new JobRunner.Outcome(job.completion(), job.notifyUser(), job.notifyUser() == null ? null
                    : org.opencs.jes.exec.Completions.hasp165(job.jobName(), config.node(), job.completion())));
        } else if (initiators != null) {
            initiators.wakeUp();
        }
        return summary(job);
    }

    /** Jobs matching {@code filter} that {@code requester} may see, in job ID order, at most the filter's limit. */
    public List<JobSummary> jobs(User requester, JobFilter filter) {
        List<JobSummary> result = new ArrayList<>();
        for (JobRecord job : queue.list(filter.jobName(), filter.owner(), filter.status(), 0)) {
            if (access.allowed(requester, job, AccessLevel.READ)) {
                result.add(summary(job));
                if (filter.limit() > 0 && result.size() == filter.limit()) {
                    break;
                }
            }
        }
        return result;
    }

    /** The job, if it exists; NOT_AUTHORIZED when it exists and the requester may not see it. */
    public Optional<JobSummary> job(User requester, String jobId) {
        Optional<JobRecord> job = queue.find(normalize(jobId));
        job.ifPresent(j -> access.check(requester, j, AccessLevel.READ));
        return job.map(Jes::summary);
    }

    /** The job's spool files in order (1 JESMSGLG, 2 JESJCL, 3 JESYSMSG, then SYSOUT DDs); NOT_FOUND, NOT_AUTHORIZED. */
    public List<SpoolFile> spoolFiles(User requester, String jobId) {
        JobRecord job = require(requester, jobId, AccessLevel.READ);
        return queue.spoolFiles(job.jobId()).stream().map(SpoolRecord::toSpoolFile).toList();
    }

    /** The lines of one spool file (decoded from IBM-1047, no line ends); NOT_FOUND when there is no such file. */
    public List<String> spoolLines(User requester, String jobId, int spoolFileId) {
        JobRecord job = require(requester, jobId, AccessLevel.READ);
        for (SpoolRecord file : queue.spoolFiles(job.jobId())) {
            if (file.fileId() == spoolFileId) {
                return spool.readLines(job.jobId(), file.fileName());
            }
        }
        throw new JesException(JesException.Reason.NOT_FOUND, "$HASP003", "RC=(52)," + job.jobId() + "."
                + spoolFileId + " - NO SELECTABLE ENTRIES FOUND MATCHING SPECIFICATION");
    }

    /**
     * CANCEL: a waiting job goes to OUTPUT as CANCELED; a running one is stopped (its step abends S222, no later step
     * runs; a job running in another process or node stops when that process next looks, within a second);
     * {@code purge} also removes the job and its spool (a running job once it has stopped). Needs ALTER.
     */
    public void cancel(User requester, String jobId, boolean purge) {
        JobRecord job = require(requester, jobId, AccessLevel.ALTER);
        if (job.status() == JobStatus.INPUT && queue.cancelWaiting(job.jobId(), registry.clock().instant())) {
            queue.find(job.jobId()).ifPresent(j -> {
                jobLogForCancel(j);
                if (!purge) {
                    jobEnded(j, new JobRunner.Outcome(j.completion(), j.notifyUser(), j.notifyUser() == null ? null
                            : org.opencs.jes.exec.Completions.hasp165(j.jobName(), config.node(), j.completion())));
                }
            });
            job = queue.find(job.jobId()).orElse(job);
        }
        if (queue.requestCancel(job.jobId(), purge)) {
            if (initiators != null) {
                initiators.running(job.jobId()).ifPresent(r -> r.cancel(purge));
            }
            return;
        }
        if (purge) {
            queue.purge(job.jobId());
            spool.purge(job.jobId());
            synchronized (ended) {
                ended.notifyAll();
            }
        }
    }

    /** A job cancelled before it ran gets a job log saying so. */
    private void jobLogForCancel(JobRecord job) {
        org.opencs.jes.exec.JobLog log = new org.opencs.jes.exec.JobLog(job.jobId(), job.jobName(),
                java.time.ZoneId.systemDefault());
        Instant now = registry.clock().instant();
        log.title(config.sysname(), config.node(), now);
        log.message(now, "$HASP890 JOB(" + job.jobName() + ") CANCELED BEFORE EXECUTION");
        log.message(now, "$HASP396 " + String.format("%-8s", job.jobName()) + " TERMINATED");
        List<String> jcl = spool.readJcl(job.jobId());
        log.statistics(null, job.cardsRead(), jcl.size() + log.msglgSize() + 6, 0, Duration.ZERO);
        queue.addSpoolFile(job.jobId(), spool.writeLines(job.jobId(), 1, null, null, job.msgClass(), "JESMSGLG",
                log.msglg()));
        queue.addSpoolFile(job.jobId(), spool.writeLines(job.jobId(), 2, null, null, job.msgClass(), "JESJCL", jcl));
    }

    /** HOLD a waiting job (it stays on INPUT until released); INVALID_STATE unless it is waiting. Needs ALTER. */
    public void hold(User requester, String jobId) {
        setHeld(requester, jobId, true);
    }

    /** RELEASE a held job; INVALID_STATE unless it is on the INPUT queue. Needs ALTER. */
    public void release(User requester, String jobId) {
        setHeld(requester, jobId, false);
        if (initiators != null) {
            initiators.wakeUp();
        }
    }

    private void setHeld(User requester, String jobId, boolean held) {
        JobRecord job = require(requester, jobId, AccessLevel.ALTER);
        if (!queue.setHeld(job.jobId(), held)) {
            throw new JesException(JesException.Reason.INVALID_STATE, "OCS3005E", "JOB " + job.jobName() + "("
                    + job.jobId() + ") IS NOT WAITING ON THE INPUT QUEUE: ONLY A WAITING JOB CAN BE "
                    + (held ? "HELD" : "RELEASED"));
        }
    }

    /**
     * Waits until the job is on the OUTPUT queue (or {@code timeout} passes) and returns its summary as it is then.
     * NOT_FOUND when it does not exist (or was purged while waited for).
     */
    public JobSummary await(User requester, String jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JobRecord job = require(requester, jobId, AccessLevel.READ);
            long left = deadline - System.nanoTime();
            if (job.status() == JobStatus.OUTPUT || left <= 0) {
                return summary(job);
            }
            synchronized (ended) {
                ended.wait(Math.max(1, Math.min(left / 1_000_000, 200)));
            }
        }
    }

    /**
     * Registers a receiver of NOTIFY messages: (userid, message) such as
     * {@code "$HASP165 ALFREDCI ENDED AT N1  MAXCC=0000 CN(INTERNAL)"}, for jobs this process ended (or found ended
     * by a JCL error at submission, or cancelled before they ran). Returns a handle that removes it.
     */
    public AutoCloseable onNotify(BiConsumer<String, String> receiver) {
        receivers.add(receiver);
        return () -> receivers.remove(receiver);
    }

    private void jobEnded(JobRecord job, JobRunner.Outcome outcome) {
        if (outcome.notifyMessage() != null) {
            SYSLOG.info(outcome.notifyMessage() + " (NOTIFY " + outcome.notifyUser() + ")");
            for (BiConsumer<String, String> receiver : receivers) {
                try {
                    receiver.accept(outcome.notifyUser(), outcome.notifyMessage());
                } catch (RuntimeException e) {
                    SYSLOG.warn("OCS3006W A NOTIFY RECEIVER FAILED: " + e.getMessage());
                }
            }
        }
        synchronized (ended) {
            ended.notifyAll();
        }
    }

    private JobRecord require(User requester, String jobId, AccessLevel needed) {
        String id = normalize(jobId);
        JobRecord job = queue.find(id).orElseThrow(() -> new JesException(JesException.Reason.NOT_FOUND, "$HASP003",
                "RC=(52)," + id + " - NO SELECTABLE ENTRIES FOUND MATCHING SPECIFICATION"));
        access.check(requester, job, needed);
        return job;
    }

    /** JOB00042, J0000042 and job00042 all name job 42. */
    private static String normalize(String jobId) {
        String id = jobId == null ? "" : jobId.trim().toUpperCase(java.util.Locale.ROOT);
        if (id.matches("J0\\d{6}")) {
            return JobRecord.jobId(Integer.parseInt(id.substring(1)));
        }
        return id;
    }

    private static JobSummary summary(JobRecord job) {
        return new JobSummary(job.jobId(), job.jobName(), job.owner(), job.status(), job.jobClass(), job.held(),
                job.completion(), job.spoolFileCount(), job.submitted(), job.started(), job.ended(), job.currentStep(),
                job.submitter());
    }

    /** Stops the initiators: running jobs get a few seconds to end, then are cancelled. */
    @Override
    public void close() {
        if (initiators != null) {
            initiators.close();
        }
        if (ownMembership != null) {
            ownMembership.close();
        }
    }
}
