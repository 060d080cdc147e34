package org.opencs.web;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Optional;
import org.opencs.jes.Jes;
import org.opencs.jes.JesException;
import org.opencs.jes.JobSummary;
import org.opencs.jes.SpoolFile;
import org.opencs.saf.users.User;

/**
 * A job's spool in the console (docs/web.md "Console", "Spool"): {@code GET /api/jobs/{jobId}/spool} lists the job's
 * spool files as the FTP JES listing (LIST JOBnnnnn) and SDSF's JDS panel show them (number, DD name, step, proc
 * step, SYSOUT class, records, bytes), {@code GET /api/jobs/{jobId}/spool/{n}} gives one file's lines (JESMSGLG,
 * JESJCL, JESYSMSG, SYSTSPRT, ...). The access check is JES's own, the one FTP's JES mode (RETR JOBnnnnn.n) and TSO
 * OUTPUT go through: the job's owner or submitter, a SPECIAL user, or READ to its JESSPOOL profile
 * ({@code node.owner.jobname.jobid}); a refusal is JES's ICH408I with its ACCESS_DENIED audit record. JES does not
 * audit spool reads that pass, so neither does the console. Blocking (JES's queue).
 */
public final class ConsoleSpool {
    /** One spool file as listed: {@code id} is the number to ask for ({@code /spool/{id}}). */
    public record File(int id, String ddName, String stepName, String procStep, String sysoutClass, long recordCount,
                       long byteCount) {
    }

    /** {@code GET /api/jobs/{jobId}/spool}: the job and its spool files in order. */
    public record Files(String jobId, String jobName, String owner, String status, String completion,
                        List<File> files) {
    }

    /**
     * {@code GET /api/jobs/{jobId}/spool/{n}}: one spool file's lines, as text (no line ends): the first
     * {@link #MAX_LINES} at most; {@code truncated} says some were left out, {@code totalLines} how many the file has.
     */
    public record Text(String jobId, String jobName, File file, List<String> lines, boolean truncated,
                       int totalLines) {
    }

    /** The most lines of one spool file a response carries (the rest: FTP's RETR JOBnnnnn.n or TSO OUTPUT). */
    public static final int MAX_LINES = 10_000;

    /** A spool request's path: the job ID and, for one file's text, its number. */
    public record Ref(String jobId, Optional<Integer> file) {
    }

    /** An answer: the HTTP status and the JSON body (a view, or {@code message} with an OCSW text). */
    public record Answer(HttpResponseStatus status, Object body) {
        static Answer refused(HttpResponseStatus status, String message) {
            return new Answer(status, java.util.Map.of("message", message));
        }
    }

    private static final String PREFIX = "/api/jobs/";

    private final Jes jes;
    private final int maxLines;

    /** The spool of {@code jes}'s jobs; null: this server has no JES (every request is OCSW041I). */
    public ConsoleSpool(Jes jes) {
        this(jes, MAX_LINES);
    }

    /** As {@link #ConsoleSpool(Jes)}, with at most {@code maxLines} (positive) lines of a file per response. */
    ConsoleSpool(Jes jes, int maxLines) {
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be positive: " + maxLines);
        }
        this.jes = jes;
        this.maxLines = maxLines;
    }

    /**
     * The spool reference of {@code path}: {@code /api/jobs/{jobId}/spool} or {@code /api/jobs/{jobId}/spool/{n}}
     * with {@code jobId} one non-empty segment and {@code n} 1 to 9 decimal digits; empty for any other path.
     */
    static Optional<Ref> parse(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || !parts[1].equals("spool")) {
            return Optional.empty();
        }
        if (parts.length == 2) {
            return Optional.of(new Ref(parts[0], Optional.empty()));
        }
        if (!parts[2].matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(new Ref(parts[0], Optional.of(Integer.parseInt(parts[2]))));
    }

    /** Answers {@code ref} for {@code user}: the file list or one file's text, else a refusal with its OCSW text. */
    public Answer answer(User user, Ref ref) {
        if (jes == null) {
            return Answer.refused(HttpResponseStatus.NOT_FOUND,
                    "OCSW041I JES is not running in this server: no jobs to show.");
        }
        if (!ref.jobId().matches("[A-Za-z0-9]{1,8}")) {
            return Answer.refused(HttpResponseStatus.NOT_FOUND,
                    "OCSW081E That is not a job ID: give one as JOB00042.");
        }
        try {
            JobSummary job = jes.job(user, ref.jobId()).orElse(null);
            if (job == null) {
                return Answer.refused(HttpResponseStatus.NOT_FOUND,
                        "OCSW081E Job " + ref.jobId() + " was not found.");
            }
            List<File> files = jes.spoolFiles(user, job.jobId()).stream().map(ConsoleSpool::view).toList();
            String completion = job.completion() == null ? "" : job.completion().text();
            if (ref.file().isEmpty()) {
                return ok(new Files(job.jobId(), job.jobName(), job.owner(), job.status().name(), completion, files));
            }
            int n = ref.file().get();
            Optional<File> file = files.stream().filter(f -> f.id() == n).findFirst();
            if (file.isEmpty()) {
                return Answer.refused(HttpResponseStatus.NOT_FOUND, "OCSW082E Spool file " + n + " of "
                        + job.jobName() + "(" + job.jobId() + ") was not found: the job has " + files.size()
                        + " spool files.");
            }
            List<String> lines = jes.spoolLines(user, job.jobId(), n);
            boolean truncated = lines.size() > maxLines;
            return ok(new Text(job.jobId(), job.jobName(), file.get(),
                    truncated ? List.copyOf(lines.subList(0, maxLines)) : lines, truncated, lines.size()));
        } catch (JesException e) {
            if (e.reason() == JesException.Reason.NOT_AUTHORIZED) {
                return Answer.refused(HttpResponseStatus.FORBIDDEN, "OCSW080E You may not read the spool "
                        + "of job " + ref.jobId() + ": it is not yours and you have no READ access to its JESSPOOL "
                        + "profile (" + e.getMessage() + ").");
            }
            return Answer.refused(HttpResponseStatus.NOT_FOUND,
                    "OCSW081E Job " + ref.jobId() + " was not found.");
        }
    }

    private static Answer ok(Object view) {
        return new Answer(HttpResponseStatus.OK, view);
    }

    private static File view(SpoolFile f) {
        return new File(f.id(), f.ddName(), f.stepName() == null ? "" : f.stepName(),
                f.procStepName() == null ? "" : f.procStepName(), f.sysoutClass(), f.recordCount(), f.byteCount());
    }
}
