package org.opencs.jes.exec;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAccess;
import org.opencs.jes.Completion;
import org.opencs.jes.jcl.CondParameter;
import org.opencs.jes.jcl.IfBlock;
import org.opencs.jes.jcl.JclJob;
import org.opencs.jes.jcl.JobElement;
import org.opencs.jes.jcl.Step;
import org.opencs.jes.jcl.StepResult;
import org.opencs.jes.queue.JobQueue;
import org.opencs.jes.queue.JobRecord;
import org.opencs.jes.queue.Spool;
import org.opencs.jes.queue.SpoolRecord;
import org.opencs.jes.step.Abend;
import org.opencs.jes.step.Program;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;
import org.opencs.tso.commands.TsoCommandHandler;

/**
 * Runs one job an initiator took from the queue: converts its JCL again (as submitted, with the submission time, so
 * symbols resolve as they did), runs its steps in order as COND= and IF/THEN/ELSE decide, allocates each step's DDs,
 * calls the program, commits its output, processes dispositions, and writes the job log, JESJCL and JESYSMSG before
 * the job goes to OUTPUT. An abend bypasses the later steps except those with COND=EVEN or COND=ONLY and those in an
 * IF construct whose expression tests ABEND (ABEND, ¬ABEND, ABENDCC); CANCEL ends the running step S222 and runs no
 * further step. Source: z/OS MVS JCL Reference ("COND parameter", "IF/THEN/ELSE/ENDIF statement construct"); z/OS
 * MVS System Codes (806, 913, 222).
 */
public final class JobRunner {
    /** How long a job waits for data sets others hold before it ends without running (Jes.Builder#datasetWait). */
    public static final Duration DATASET_WAIT = Duration.ofMinutes(5);
    /** How often a waiting job asks again for its data sets. */
    private static final long RETRY_MILLIS = 1000;

    private final Registry registry;
    private final Catalog catalog;
    private final JobQueue queue;
    private final Spool spool;
    private final JclConverter converter;
    private final ProgramLookup programs;
    private final Supplier<List<TsoCommandHandler>> tsoExtensions;
    private final JesConfig config;
    private final Submission submission;
    private final ZoneId zone = ZoneId.systemDefault();
    private final Duration datasetWait;

    public JobRunner(Registry registry, Catalog catalog, JobQueue queue, Spool spool, JclConverter converter,
                     ProgramLookup programs, Supplier<List<TsoCommandHandler>> tsoExtensions, JesConfig config) {
        this(registry, catalog, queue, spool, converter, programs, tsoExtensions, config, DATASET_WAIT);
    }

    /** As above; {@code datasetWait}: how long a job waits for its data sets (IEF099I) before it ends unrun. */
    public JobRunner(Registry registry, Catalog catalog, JobQueue queue, Spool spool, JclConverter converter,
                     ProgramLookup programs, Supplier<List<TsoCommandHandler>> tsoExtensions, JesConfig config,
                     Duration datasetWait) {
        this.datasetWait = datasetWait;
        this.registry = registry;
        this.catalog = catalog;
        this.queue = queue;
        this.spool = spool;
        this.converter = converter;
        this.programs = programs;
        this.tsoExtensions = tsoExtensions;
        this.config = config;
        this.submission = new Submission(registry, catalog, queue, spool, converter, config);
    }

    /** What a finished job tells its caller: the completion and the NOTIFY message, if the job asked for one. */
    public record Outcome(Completion completion, String notifyUser, String notifyMessage) {
    }

    /** Runs {@code record} (ACTIVE, claimed by the calling initiator {@code initiator}) to its end. */
    public Outcome run(JobRecord record, int initiator, RunningJob running) {
        Instant start = registry.clock().instant();
        JobLog log = new JobLog(record.jobId(), record.jobName(), zone);
        log.title(config.sysname(), config.node(), start);
        User submitter = registry.users().find(record.submitter()).orElseGet(() -> User.define(record.submitter(),
                record.submitter(), record.submitter(), null, false, false, null, null, start));
        List<String> cards = spool.readJcl(record.jobId());
        JclJob jcl = converter.read(cards, submission.environment(submitter, record.submitted()));
        Optional<User> user = registry.users().find(record.owner());
        List<String> jesjcl = Submission.jesjcl(jcl, record.jobId());
        Completion completion;
        Instant ended;
        if (user.isEmpty() || user.get().revoked()) {
            String text = "ICH408I USER(" + record.owner() + ") LOGON/JOB INITIATION - "
                    + (user.isEmpty() ? "USER AT TERMINAL NOT RACF-DEFINED" : "REVOKED USER ACCESS ATTEMPT");
            log.both(start, text);
            log.message(start, "$HASP396 " + String.format("%-8s", record.jobName()) + " TERMINATED");
            completion = new Completion.JclError();
            ended = start;
            finishLog(log, record, null, jesjcl, Duration.ZERO);
        } else if (jcl.hasErrors()) {
            log.message(start, "IRR010I  USERID " + String.format("%-8s", record.owner()) + " IS ASSIGNED TO THIS JOB.");
            log.system("STMT NO. MESSAGE");
            jcl.messages().forEach(m -> log.system(m.line()));
            log.message(start, "IEFC452I " + record.jobName() + " - JOB NOT RUN - JCL ERROR");
            log.message(start, "$HASP396 " + String.format("%-8s", record.jobName()) + " TERMINATED");
            completion = new Completion.JclError();
            ended = start;
            finishLog(log, record, null, jesjcl, Duration.ZERO);
        } else {
            log.message(start, "IRR010I  USERID " + String.format("%-8s", record.owner()) + " IS ASSIGNED TO THIS JOB.");
            log.message(start, String.format("$HASP373 %-8s STARTED - INIT %-4d - CLASS %-8s - SYS %s",
                    record.jobName(), initiator, record.jobClass(), config.sysname()));
            org.opencs.saf.grs.EnqOwner owner = new org.opencs.saf.grs.EnqOwner(registry.instance(),
                    record.jobName() + "/" + record.jobId());
            JobDatasets.Wait wait = new JobDatasets(registry.enqueues(), owner, datasetWait, RETRY_MILLIS,
                    registry.clock()).obtain(JobDatasets.requests(jcl.elements()), record.jobName(), log,
                    () -> running.cancelled() || queue.cancelRequested(record.jobId()));
            if (!(wait instanceof JobDatasets.Wait.Obtained)) {
                ended = registry.clock().instant();
                completion = wait instanceof JobDatasets.Wait.Cancelled ? new Completion.Canceled()
                        : new Completion.JclError();
                log.message(ended, "$HASP395 " + String.format("%-8s", record.jobName()) + " ENDED - "
                        + Completions.hasp395(completion));
                finishLog(log, record, null, jesjcl, Duration.ZERO);
                queue.finish(record.jobId(), completion, ended);
                return new Outcome(completion, record.notifyUser(), record.notifyUser() == null ? null
                        : Completions.hasp165(record.jobName(), config.node(), completion));
            }
            Execution execution;
            JobState state;
            try {
                log.message(registry.clock().instant(), "IEF403I " + record.jobName() + " - STARTED - TIME="
                        + log.clock(registry.clock().instant()));
                jcl.messages().forEach(m -> log.system(m.line()));
                state = new JobState(record, user.get(), start, log);
                execution = new Execution(state, running);
                execution.elements(jcl.elements(), false);
                new DispositionProcessor(catalog, new DatasetAccess(registry)).jobEnded(state);
            } finally {
                // z/OS holds a job's SYSDSN ENQs until the job ends.
                registry.enqueues().releaseAll(owner);
            }
            ended = registry.clock().instant();
            log.system("IEF375I  JOB/" + String.format("%-8s", record.jobName()) + "/START " + log.julian(start));
            log.system("IEF376I  JOB/" + String.format("%-8s", record.jobName()) + "/STOP  " + log.julian(ended)
                    + " CPU    0MIN 00.00SEC SRB    0MIN 00.00SEC");
            completion = execution.completion();
            if (completion instanceof Completion.JclError) {
                log.message(ended, "IEF453I " + record.jobName() + " - JOB FAILED - JCL ERROR - TIME="
                        + log.clock(ended));
            } else {
                log.message(ended, "IEF404I " + record.jobName() + " - ENDED - TIME=" + log.clock(ended));
            }
            log.endedLine(ended, Submission.programmer(jcl.card()), Duration.between(start, ended));
            log.message(ended, "$HASP395 " + String.format("%-8s", record.jobName()) + " ENDED - "
                    + Completions.hasp395(completion));
            finishLog(log, record, start, jesjcl, Duration.between(start, ended));
        }
        queue.finish(record.jobId(), completion, ended);
        String notify = record.notifyUser() == null ? null
                : Completions.hasp165(record.jobName(), config.node(), completion);
        return new Outcome(completion, record.notifyUser(), notify);
    }

    /** The job statistics, then the three JES files into the spool. */
    private void finishLog(JobLog log, JobRecord record, Instant executed, List<String> jesjcl, Duration execution) {
        long records = jesjcl.size() + log.sysmsg().size() + log.msglgSize();
        long bytes = 0;
        for (SpoolRecord file : queue.spoolFiles(record.jobId())) {
            records += file.recordCount();
            bytes += file.byteCount();
        }
        log.statistics(executed, record.cardsRead(), records, bytes + records * 80, execution);
        String msgClass = record.msgClass();
        queue.addSpoolFile(record.jobId(), spool.writeLines(record.jobId(), 1, null, null, msgClass, "JESMSGLG",
                log.msglg()));
        queue.addSpoolFile(record.jobId(), spool.writeLines(record.jobId(), 2, null, null, msgClass, "JESJCL", jesjcl));
        queue.addSpoolFile(record.jobId(), spool.writeLines(record.jobId(), 3, null, null, msgClass, "JESYSMSG",
                log.sysmsg()));
    }

    /** The steps of one job, in order. */
    private final class Execution {
        private final JobState job;
        private final RunningJob running;
        private final DdAllocator allocator = new DdAllocator(catalog, new DatasetAccess(registry), zone);
        private final DispositionProcessor dispositions = new DispositionProcessor(catalog, new DatasetAccess(registry));
        private boolean jclError;
        private boolean cancelled;
        private String lastAbend;
        private int highest;

        Execution(JobState job, RunningJob running) {
            this.job = job;
            this.running = running;
        }

        Completion completion() {
            if (jclError) {
                return new Completion.JclError();
            }
            if (lastAbend != null) {
                return Completions.fromAbendCode(lastAbend);
            }
            return new Completion.ReturnCode(highest);
        }

        private boolean stopped() {
            return jclError || cancelled;
        }

        /** {@code abendTested}: the elements are inside an IF whose expression tests ABEND. */
        void elements(List<JobElement> elements, boolean abendTested) {
            for (JobElement element : elements) {
                if (stopped()) {
                    return;
                }
                if (element instanceof Step step) {
                    step(step, abendTested);
                } else {
                    IfBlock block = (IfBlock) element;
                    boolean tests = abendTested || block.condition().text().toUpperCase(Locale.ROOT).contains("ABEND");
                    boolean condition = block.condition().evaluate(job);
                    elements(condition ? block.thenElements() : block.elseElements(), tests);
                    bypassAll(condition ? block.elseElements() : block.thenElements());
                }
            }
        }

        /** The steps of an IF branch not taken: not executed. */
        private void bypassAll(List<JobElement> elements) {
            for (JobElement element : elements) {
                if (stopped()) {
                    return;
                }
                if (element instanceof Step step) {
                    notExecuted(step, false);
                } else {
                    IfBlock block = (IfBlock) element;
                    bypassAll(block.thenElements());
                    bypassAll(block.elseElements());
                }
            }
        }

        private void step(Step step, boolean abendTested) {
            boolean bypass;
            if (job.anyAbend() && abendTested) {
                // The IF decided that this step runs after the abend; only its own return code tests remain.
                bypass = new CondParameter(step.cond().tests(), CondParameter.Mode.EVEN).bypass(job);
            } else {
                bypass = step.cond().bypass(job);
            }
            if (bypass) {
                notExecuted(step, !job.anyAbend() || step.cond().mode() != CondParameter.Mode.NONE);
                return;
            }
            run(step);
        }

        private void notExecuted(Step step, boolean conditionCodes) {
            Instant now = registry.clock().instant();
            String names = job.record.jobName() + " " + stepNames(step);
            if (conditionCodes) {
                job.log.system("IEF202I " + names + " - STEP WAS NOT RUN BECAUSE OF CONDITION CODES");
            }
            job.log.system("IEF272I " + names + " - STEP WAS NOT EXECUTED.");
            job.log.stepTableRow(now, step.stepName(), step.procStepName(), "FLUSH", 0, Duration.ZERO);
            job.results.add(new StepResult(step.stepName(), step.procStepName(), false, 0, null));
        }

        private void run(Step step) {
            Instant start = registry.clock().instant();
            queue.currentStep(job.record.jobId(), step.stepName());
            String names = job.record.jobName() + " " + stepNames(step);
            job.log.system("IEF236I ALLOC. FOR " + names);
            Map<String, AllocatedDd> dds;
            Abend abend = null;
            int rc = 0;
            try {
                dds = allocator.allocate(job, step);
            } catch (AllocationError e) {
                job.log.system(e.getMessage());
                job.log.system("IEF272I " + names + " - STEP WAS NOT EXECUTED.");
                job.results.add(new StepResult(step.stepName(), step.procStepName(), false, 0, null));
                jclError = true;
                stepEnd(step, start);
                return;
            } catch (Abend e) {
                dds = Map.of();
                abend = e;
            }
            if (abend == null) {
                try {
                    rc = program(step, dds);
                } catch (Abend e) {
                    abend = e;
                }
            }
            if (running.cancelled()) {
                cancelled = true;
                if (abend == null) {
                    abend = new Abend("S222", "00", "IEE301I", job.record.jobName() + " CANCEL COMMAND ACCEPTED");
                }
            }
            long excp = dds.size();
            for (AllocatedDd dd : dds.values()) {
                try {
                    dd.commit();
                } catch (Abend e) {
                    if (abend == null) {
                        abend = e;
                    }
                }
                if (dd.first() instanceof Allocated.Sysout sysout && !dd.written().isEmpty()) {
                    int id = job.nextSpoolFile++;
                    queue.addSpoolFile(job.record.jobId(), spool.writeRecords(job.record.jobId(), id, step.stepName(),
                            step.procStepName(), sysout.sysoutClass(), dd.ddName(), dd.written()));
                }
                excp += dd.written().size();
            }
            Instant now = registry.clock().instant();
            String code;
            if (abend != null) {
                job.log.both(now, abend.getMessage());
                String user = abend.code().startsWith("U") ? abend.code() : "U0000";
                String system = abend.code().startsWith("U") ? "S000" : abend.code();
                String reason = String.format("%8s", abend.reason().isEmpty() ? "0" : abend.reason()).replace(' ', '0');
                String text = "IEF450I " + names + " - ABEND=" + system + " " + user + " REASON=" + reason;
                job.log.message(now, text + "  TIME=" + job.log.clock(now));
                job.log.system(text);
                lastAbend = abend.code();
                code = abend.code();
                job.results.add(new StepResult(step.stepName(), step.procStepName(), true, 0, abend.code()));
            } else {
                job.log.system("IEF142I " + names + " - STEP WAS EXECUTED - COND CODE " + String.format("%04d", rc));
                highest = Math.max(highest, rc);
                code = String.format("%02d", rc);
                job.results.add(new StepResult(step.stepName(), step.procStepName(), true, rc, null));
            }
            dispositions.stepEnded(job, dds.values(), abend != null);
            stepEnd(step, start);
            job.log.stepTableRow(now, step.stepName(), step.procStepName(), code, excp,
                    Duration.between(start, now));
        }

        private void stepEnd(Step step, Instant start) {
            Instant now = registry.clock().instant();
            job.log.system("IEF373I STEP/" + String.format("%-8s", step.stepName()) + "/START " + job.log.julian(start));
            job.log.system("IEF374I STEP/" + String.format("%-8s", step.stepName()) + "/STOP  " + job.log.julian(now)
                    + " CPU    0MIN 00.00SEC SRB    0MIN 00.00SEC");
        }

        /** Runs the step's program; its code is kept within 0-4095 as z/OS keeps a completion code. */
        private int program(Step step, Map<String, AllocatedDd> dds) {
            Optional<Program> program = programs.find(step.program());
            if (program.isEmpty()) {
                throw new Abend("S806", "04", "CSV003I", "REQUESTED MODULE " + step.program() + " NOT FOUND");
            }
            JobStepContext context = new JobStepContext(job, step.stepName(), step.parm(), registry, catalog,
                    tsoExtensions.get(), dds, message -> job.log.message(registry.clock().instant(), message),
                    running);
            try {
                int rc = program.get().run(context);
                return Math.max(0, Math.min(4095, rc));
            } catch (Abend e) {
                throw e;
            } catch (ZosException e) {
                throw new Abend("S0C4", "04", e.messageId(), e.text());
            } catch (RuntimeException e) {
                // A fault in OpenCS: the job log says so in words (no Java names); the detail is for developers.
                org.slf4j.LoggerFactory.getLogger("JES2").debug("Program {} failed", step.program(), e);
                throw new Abend("S0C4", "04", "OCS3003E", "PROGRAM " + step.program()
                        + " ENDED WITH AN UNEXPECTED ERROR (A FAULT IN OPENCS, PLEASE REPORT IT WITH THIS JOB)");
            }
        }

        private static String stepNames(Step step) {
            return step.stepName() + (step.procStepName() == null ? "" : " " + step.procStepName());
        }
    }
}
