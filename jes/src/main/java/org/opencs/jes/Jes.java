package org.opencs.jes;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;

/**
 * JES2 for one OpenCS system: the job queue and spool index in the registry database, spool data under
 * {@code spool/}, and the initiators that run jobs. Every request names the user making it; JESSPOOL rules decide
 * what they see (their own jobs; SPECIAL users, and users with READ/ALTER to JESSPOOL profiles
 * {@code nodeid.userid.jobname.jobid...}, others'). Thread-safe; callers on a Netty event loop must not call it.
 */
public final class Jes implements AutoCloseable {
    private Jes() {
    }

    /**
     * Opens JES on {@code registry} and starts {@code initiators} initiators (0: submit and list only, as `opencs
     * submit` without --wait does); jobs ACTIVE when the previous process died are ended (ABEND=S0?? no: "JOB ENDED
     * BY SYSTEM FAILURE", completion ABEND=SFFF? see implementation note) at this start.
     */
    public static Jes start(Registry registry, int initiators) {
        throw new UnsupportedOperationException("JES is being written");
    }

    /**
     * Submits a job: the JCL card images (each at most 80 columns are read; JES reads columns 1-72 of statements).
     * Returns its summary (status INPUT, or OUTPUT at once for a JCL error found at conversion). {@code submitter} is
     * the user submitting (the job runs as them unless USER=/PASSWORD= on the JOB statement name another user and
     * the password is right).
     */
    public JobSummary submit(User submitter, List<String> jcl) {
        throw new UnsupportedOperationException();
    }

    public List<JobSummary> jobs(User requester, JobFilter filter) {
        throw new UnsupportedOperationException();
    }

    public Optional<JobSummary> job(User requester, String jobId) {
        throw new UnsupportedOperationException();
    }

    public List<SpoolFile> spoolFiles(User requester, String jobId) {
        throw new UnsupportedOperationException();
    }

    /** The lines of one spool file (no line ends). */
    public List<String> spoolLines(User requester, String jobId, int spoolFileId) {
        throw new UnsupportedOperationException();
    }

    /** CANCEL: a waiting job goes to OUTPUT as CANCELED, a running one is stopped (S222); {@code purge} also removes it. */
    public void cancel(User requester, String jobId, boolean purge) {
        throw new UnsupportedOperationException();
    }

    public void hold(User requester, String jobId) {
        throw new UnsupportedOperationException();
    }

    public void release(User requester, String jobId) {
        throw new UnsupportedOperationException();
    }

    /** Waits until the job is on the OUTPUT queue (or {@code timeout} passes) and returns its summary. */
    public JobSummary await(User requester, String jobId, Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException();
    }

    /**
     * Registers a receiver of NOTIFY messages: (userid, message) such as
     * {@code "$HASP165 ALFREDCI ENDED AT N1  MAXCC=0000 CN(INTERNAL)"}. Returns a handle that removes it.
     */
    public AutoCloseable onNotify(java.util.function.BiConsumer<String, String> receiver) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
