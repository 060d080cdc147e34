package org.opencs.jes.tso;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetName;
import org.opencs.jes.Jes;
import org.opencs.jes.JobFilter;
import org.opencs.jes.JobStatus;
import org.opencs.jes.JobSummary;
import org.opencs.jes.SpoolFile;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.tso.TsoSession;
import org.opencs.tso.commands.TsoCommandHandler;
import org.opencs.tso.parse.Operand;
import org.opencs.tso.parse.Operands;
import org.opencs.tso.parse.TsoCommand;

/**
 * The TSO/E job commands JES2 supplies: SUBMIT, STATUS, CANCEL and OUTPUT, added to the TSO processor as
 * extensions. Source: z/OS TSO/E Command Reference (SUBMIT, STATUS, CANCEL, OUTPUT); the message texts are listed in
 * docs/jes.md with those OpenCS had to choose.
 */
public final class JesTsoCommands {
    private JesTsoCommands() {
    }

    /** The four commands, for {@code new TsoProcessor(JesTsoCommands.all(jes))}. */
    public static List<TsoCommandHandler> all(Jes jes) {
        return List.of(new Submit(jes), new Status(jes), new Cancel(jes), new Output(jes));
    }

    /** SUBMIT (SUB) data-set-list: each data set's (or member's) records are submitted as one job. */
    static final class Submit extends JobCommand {
        Submit(Jes jes) {
            super(jes);
        }

        @Override
        public Set<String> names() {
            return Set.of("SUBMIT", "SUB");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            // The data set list comes first; NAME(MEMBER) reads like a keyword with a value to the parser, so the
            // operands are taken one by one: SUBMIT's own keywords (NOTIFY, HOLD, ...) are known by name.
            List<Operand> datasets = new ArrayList<>();
            for (Operand operand : command.operands()) {
                if (!isSubmitKeyword(operand)) {
                    datasets.add(operand);
                }
            }
            if (datasets.isEmpty()) {
                throw new ZosException("IKJ56700A", "ENTER DATA SET NAME -");
            }
            Catalog catalog = new Catalog(session.registry().home(), session.registry().clock());
            for (Operand operand : datasets) {
                DatasetName name = datasetName(operand, session);
                new DatasetAccess(session.registry()).check(session.user(), name, AccessLevel.READ);
                if (!catalog.exists(name)) {
                    throw new ZosException("IKJ56228I", "DATA SET " + name + " NOT IN CATALOG OR CATALOG CAN NOT BE ACCESSED");
                }
                List<String> jcl = catalog.readText(name).lines().toList();
                JobSummary job = jes.submit(session.user(), jcl);
                session.print("IKJ56250I JOB " + job.jobName() + "(" + job.jobId() + ") SUBMITTED");
            }
        }

        /** NOTIFY, NONOTIFY, HOLD, NOHOLD, JOBCHAR(x), PAUSE, NOPAUSE: accepted, as they change nothing here. */
        private static boolean isSubmitKeyword(Operand operand) {
            Set<String> keywords = Set.of("NOTIFY", "NONOTIFY", "HOLD", "NOHOLD", "JOBCHAR", "PAUSE", "NOPAUSE");
            if (operand instanceof Operand.Word word) {
                return !word.quoted() && keywords.contains(word.text().toUpperCase(java.util.Locale.ROOT));
            }
            return operand instanceof Operand.Keyword keyword
                    && keywords.contains(keyword.name().toUpperCase(java.util.Locale.ROOT));
        }

        /** 'QUOTED.NAME(MEM)' as written; NAME(MEM) unquoted gets the user's prefix (the parser reads it as a keyword). */
        private static DatasetName datasetName(Operand operand, TsoSession session) {
            if (operand instanceof Operand.Keyword keyword && keyword.operands().size() == 1
                    && keyword.operands().get(0) instanceof Operand.Word member) {
                return DatasetName.resolve(keyword.name() + "(" + member.text() + ")", session.user().userid());
            }
            return org.opencs.tso.commands.DatasetCommands.name(operand, session);
        }
    }

    /**
     * STATUS [jobname[(jobid)] ...]: one line per job; without operands the jobs whose names begin with the user ID.
     */
    static final class Status extends JobCommand {
        Status(Jes jes) {
            super(jes);
        }

        @Override
        public Set<String> names() {
            return Set.of("STATUS", "ST");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            List<JobReference> references = references(command.operands());
            if (references.isEmpty()) {
                List<JobSummary> jobs = jes.jobs(session.user(),
                        new JobFilter(session.user().userid() + "*", "*", null, 0));
                if (jobs.isEmpty()) {
                    session.print("OCS0211I NO JOBS FOUND");
                }
                jobs.forEach(job -> session.print(line(job)));
                return;
            }
            for (JobReference reference : references) {
                List<JobSummary> jobs = find(jes, session, reference);
                if (jobs.isEmpty()) {
                    session.print("OCS0211I JOB " + reference.shown() + " NOT FOUND");
                }
                jobs.forEach(job -> session.print(line(job)));
            }
        }

        static String line(JobSummary job) {
            String shown = job.jobName() + "(" + job.jobId() + ")";
            if (job.status() == JobStatus.OUTPUT) {
                return "IKJ56192I JOB " + shown + " ON OUTPUT QUEUE";
            }
            if (job.status() == JobStatus.ACTIVE) {
                return "IKJ56211I JOB " + shown + " EXECUTING";
            }
            return "IKJ56197I JOB " + shown + " WAITING FOR EXECUTION" + (job.held() ? " (HELD)" : "");
        }
    }

    /** CANCEL jobname(jobid) [PURGE|NOPURGE]: the job ID is required, as TSO/E requires it when names repeat. */
    static final class Cancel extends JobCommand {
        Cancel(Jes jes) {
            super(jes);
        }

        @Override
        public Set<String> names() {
            return Set.of("CANCEL");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            boolean purge = false;
            List<Operand> named = new ArrayList<>();
            for (Operand operand : command.operands()) {
                if (operand instanceof Operand.Word word && !word.quoted()
                        && (word.text().equalsIgnoreCase("PURGE") || word.text().equalsIgnoreCase("NOPURGE"))) {
                    purge = word.text().equalsIgnoreCase("PURGE");
                } else {
                    named.add(operand);
                }
            }
            List<JobReference> references = references(named);
            if (references.isEmpty()) {
                throw new ZosException("IKJ56700A", "ENTER JOBNAME -");
            }
            for (JobReference reference : references) {
                List<JobSummary> jobs = find(jes, session, reference);
                if (jobs.isEmpty()) {
                    session.print("OCS0211I JOB " + reference.shown() + " NOT FOUND");
                    continue;
                }
                if (jobs.size() > 1) {
                    session.print("OCS0212I JOB " + reference.jobName() + " NOT UNIQUE, SPECIFY JOBNAME(JOBID)");
                    continue;
                }
                JobSummary job = jobs.get(0);
                jes.cancel(session.user(), job.jobId(), purge);
                session.print("OCS0210I JOB " + job.jobName() + "(" + job.jobId() + ") "
                        + (purge ? "CANCELED AND PURGED" : "CANCELED"));
            }
        }
    }

    /**
     * OUTPUT jobname[(jobid)] [PRINT(*)] [DELETE]: the job's spool files at the terminal (PRINT(*), the only
     * destination here), each headed by its DD name; DELETE purges the job afterwards.
     */
    static final class Output extends JobCommand {
        Output(Jes jes) {
            super(jes);
        }

        @Override
        public Set<String> names() {
            return Set.of("OUTPUT", "OUT");
        }

        @Override
        public void execute(TsoCommand command, TsoSession session) {
            if (command.operands().isEmpty()) {
                throw new ZosException("IKJ56700A", "ENTER JOBNAME -");
            }
            JobReference reference = JobReference.of(command.operands().get(0));
            Operands rest = Operands.of(command.operands().subList(1, command.operands().size()),
                    Set.of("PRINT", "DELETE", "KEEP", "HOLD", "NOHOLD", "CLASS"));
            rest.value("PRINT").filter(p -> !p.equals("*")).ifPresent(p -> {
                throw new ZosException("IKJ56702I", "INVALID PRINT, ONLY PRINT(*) (THE TERMINAL) IS SUPPORTED");
            });
            List<JobSummary> jobs = find(jes, session, reference);
            if (jobs.isEmpty()) {
                throw new ZosException("OCS0211I", "JOB " + reference.shown() + " NOT FOUND");
            }
            JobSummary job = jobs.get(jobs.size() - 1);
            if (job.status() != JobStatus.OUTPUT) {
                throw new ZosException("OCS0213I", "JOB " + job.jobName() + "(" + job.jobId() + ") NOT ON OUTPUT QUEUE");
            }
            for (SpoolFile file : jes.spoolFiles(session.user(), job.jobId())) {
                session.print(" " + file.ddName() + (file.stepName() == null || file.stepName().equals("JES2") ? ""
                        : " " + file.stepName()));
                jes.spoolLines(session.user(), job.jobId(), file.id()).forEach(session::print);
            }
            if (rest.has("DELETE")) {
                jes.cancel(session.user(), job.jobId(), true);
            }
        }
    }

    /** What the four commands share: the JES they work on, and reading a list of jobs. */
    abstract static class JobCommand implements TsoCommandHandler {
        final Jes jes;

        JobCommand(Jes jes) {
            this.jes = jes;
        }

        /** {@code NAME}, {@code NAME(JOBnnnnn)} or a parenthesised list of them, in order. */
        static List<JobReference> references(List<Operand> operands) {
            List<JobReference> references = new ArrayList<>();
            for (Operand operand : operands) {
                if (operand instanceof Operand.Group group) {
                    group.operands().forEach(o -> references.add(JobReference.of(o)));
                } else {
                    references.add(JobReference.of(operand));
                }
            }
            return references;
        }
    }

    /** The jobs a reference names that the user may see: by ID, or every job of that name. */
    static List<JobSummary> find(Jes jes, TsoSession session, JobReference reference) {
        if (reference.jobId() != null) {
            return jes.job(session.user(), reference.jobId())
                    .filter(job -> job.jobName().equals(reference.jobName())).stream().toList();
        }
        return jes.jobs(session.user(), new JobFilter(reference.jobName(), "*", null, 0));
    }
}
