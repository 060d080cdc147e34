package org.opencs.jes.exec;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencs.datasets.Catalog;
import org.opencs.jes.Completion;
import org.opencs.jes.JesException;
import org.opencs.jes.JobStatus;
import org.opencs.jes.jcl.JclJob;
import org.opencs.jes.jcl.JclMessage;
import org.opencs.jes.jcl.JobCard;
import org.opencs.jes.queue.JobQueue;
import org.opencs.jes.queue.JobRecord;
import org.opencs.jes.queue.NewJob;
import org.opencs.jes.queue.Spool;
import org.opencs.jes.queue.SpoolRecord;
import org.opencs.saf.Registry;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.resources.Authorization;
import org.opencs.saf.users.Authenticator;
import org.opencs.saf.users.LogonResult;
import org.opencs.saf.users.User;

/**
 * JES2's input phase for one job: the JCL is converted (with the submitter's environment), USER=/PASSWORD= on the JOB
 * statement are verified, the job gets its number and goes on the queue with its JCL kept in the spool. A job that
 * cannot run goes straight to OUTPUT with its three JES files: a JCL error (IEFC messages in JESYSMSG, "IEFC452I
 * jobname - JOB NOT RUN - JCL ERROR" and "$HASP396 jobname TERMINATED" in JESMSGLG, completion "(JCL error)"), a
 * refused USER= (RACF's ICH408I LOGON/JOB INITIATION line instead; same completion), TYPRUN=SCAN (converted and
 * listed, completion RC=0000). TYPRUN=HOLD and JCLHOLD queue the job held until RELEASE. USER= naming another user
 * with no PASSWORD= needs SURROGAT READ to {@code userid.SUBMIT} (or SPECIAL), as RACF's surrogate job submission.
 */
public final class Submission {
    private final Registry registry;
    private final Catalog catalog;
    private final JobQueue queue;
    private final Spool spool;
    private final JclConverter converter;
    private final JesConfig config;

    public Submission(Registry registry, Catalog catalog, JobQueue queue, Spool spool, JclConverter converter,
                      JesConfig config) {
        this.registry = registry;
        this.catalog = catalog;
        this.queue = queue;
        this.spool = spool;
        this.converter = converter;
        this.config = config;
    }

    public JobRecord submit(User submitter, List<String> cards) {
        Instant now = registry.clock().instant();
        JclJob jcl = convert(submitter, now, cards);
        JobCard card = jcl.card();
        if (card == null || card.statement() == 0) {
            // The reader names a job without a JOB statement after its submitter (statement 0); no way in queues it.
            throw new JesException(JesException.Reason.INVALID_JCL, "OCS3002E",
                    "NO JOB STATEMENT: THE FIRST STATEMENT OF A JOB MUST BE A JOB STATEMENT (//name JOB ...).");
        }
        String owner = submitter.userid();
        String refusal = null;
        Optional<String> user = card.user().map(u -> u.trim().toUpperCase(Locale.ROOT));
        if (user.isPresent()) {
            owner = user.get();
            if (card.password().isPresent()) {
                LogonResult result = new Authenticator(registry, "JES2 job submitted by " + submitter.userid())
                        .logon(owner, card.password().get().toCharArray(), null);
                if (!result.ok()) {
                    refusal = result.message();
                }
            } else if (!owner.equals(submitter.userid()) && !submitter.special()
                    && !new Authorization(registry).allowed(submitter, "SURROGAT", owner + ".SUBMIT", AccessLevel.READ)) {
                refusal = "ICH408I USER(" + owner + ") LOGON/JOB INITIATION - SUBMITTER IS NOT AUTHORIZED BY USER";
            }
            if (refusal == null && registry.users().find(owner).isEmpty()) {
                refusal = "ICH408I USER(" + owner + ") LOGON/JOB INITIATION - USER AT TERMINAL NOT RACF-DEFINED";
            }
        }
        boolean scan = card.typrun().map(t -> t.equalsIgnoreCase("SCAN")).orElse(false);
        boolean held = card.typrun().map(t -> t.equalsIgnoreCase("HOLD") || t.equalsIgnoreCase("JCLHOLD"))
                .orElse(false);
        boolean output = jcl.hasErrors() || refusal != null || scan;
        Completion completion = !output ? null
                : jcl.hasErrors() || refusal != null ? new Completion.JclError() : new Completion.ReturnCode(0);
        NewJob job = new NewJob(card.jobName(), owner, submitter.userid(), card.jobClass().toUpperCase(Locale.ROOT),
                card.msgClass().toUpperCase(Locale.ROOT), programmer(card), card.notifyUser()
                .map(u -> u.toUpperCase(Locale.ROOT)).orElse(null), output ? JobStatus.OUTPUT : JobStatus.INPUT,
                held && !output, completion, cards.size());
        String failure = refusal;
        return queue.submit(job, now, jobId -> {
            spool.writeJcl(jobId, cards);
            if (!output) {
                return List.of();
            }
            return endAtConversion(jobId, job, jcl, failure, scan, now);
        });
    }

    private JclJob convert(User submitter, Instant submitted, List<String> cards) {
        return converter.read(cards, environment(submitter, submitted));
    }

    JobEnvironment environment(User submitter, Instant submitted) {
        return new JobEnvironment(registry, catalog, submitter, submitted, config.procLibraries());
    }

    /** The three JES files of a job that ends at conversion. */
    private List<SpoolRecord> endAtConversion(String jobId, NewJob job, JclJob jcl, String refusal, boolean scan,
                                              Instant now) {
        JobLog log = new JobLog(jobId, job.jobName(), ZoneId.systemDefault());
        log.title(config.sysname(), config.node(), now);
        if (refusal != null) {
            log.message(now, refusal);
            log.system(refusal);
        } else {
            log.message(now, "IRR010I  USERID " + String.format("%-8s", job.owner()) + " IS ASSIGNED TO THIS JOB.");
            if (jcl.hasErrors()) {
                log.system("STMT NO. MESSAGE");
                for (JclMessage message : jcl.messages()) {
                    log.system(message.line());
                }
                log.message(now, "IEFC452I " + job.jobName() + " - JOB NOT RUN - JCL ERROR");
            } else {
                for (JclMessage message : jcl.messages()) {
                    log.system(message.line());
                }
            }
        }
        log.message(now, "$HASP396 " + String.format("%-8s", job.jobName()) + " TERMINATED");
        List<String> jesjcl = jesjcl(jcl, jobId);
        long records = jesjcl.size() + log.sysmsg().size() + log.msglgSize();
        log.statistics(null, job.cardsRead(), records, records * 80, java.time.Duration.ZERO);
        List<SpoolRecord> files = new ArrayList<>();
        files.add(spool.writeLines(jobId, 1, null, null, job.msgClass(), "JESMSGLG", log.msglg()));
        files.add(spool.writeLines(jobId, 2, null, null, job.msgClass(), "JESJCL", jesjcl));
        files.add(spool.writeLines(jobId, 3, null, null, job.msgClass(), "JESYSMSG", log.sysmsg()));
        return files;
    }

    /**
     * JESJCL: the converter's listing with the job ID in columns 83-90 of the JOB statement's line (after the
     * carriage control, the 9-column statement number field and the 72 columns of the statement), as JES2 prints it.
     */
    public static List<String> jesjcl(JclJob jcl, String jobId) {
        List<String> lines = new ArrayList<>(jcl.jesjcl());
        if (!lines.isEmpty()) {
            String first = lines.get(0);
            lines.set(0, (first.length() < 82 ? first + " ".repeat(82 - first.length()) : first + " ") + jobId);
        }
        return lines;
    }

    /** The programmer name as written, without its quotes. */
    static String programmer(JobCard card) {
        String name = card.programmer() == null ? "" : card.programmer().trim();
        if (name.length() >= 2 && name.startsWith("'") && name.endsWith("'")) {
            name = name.substring(1, name.length() - 1).replace("''", "'");
        }
        return name.length() > 20 ? name.substring(0, 20) : name;
    }
}
