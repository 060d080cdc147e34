package org.opencs.ftp.jes;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.opencs.saf.users.User;

/**
 * What the FTP server needs from JES for SITE FILETYPE=JES (the "JES interface" of z/OS FTP): submit JCL, list jobs,
 * list and fetch spool files, cancel and purge. The server knows JES only through this interface (the {@code jes}
 * module implements it), so FTP works without JES: then FILETYPE=JES is refused as not configured. Every request
 * names the logged-on user; the implementation applies JESSPOOL rules. Implementations may block (they touch the
 * database and disk): the server calls them off its event loops. Source: z/OS Communications Server IP User's Guide,
 * "Interfacing with JES" (intfjes); reference zos-ftp.md §1.5, §2.6.
 */
public interface JobEntrySubsystem {
    /**
     * Submits the JCL records (as received, one record per line, columns beyond 80 already refused by the caller);
     * returns the job ID (JOBnnnnn). Throws {@link JesRequestException} when JES refuses the job.
     */
    String submit(User user, List<String> records);

    /**
     * Jobs matching the filters (patterns with * and ?; status ALL, INPUT, ACTIVE or OUTPUT), in job ID order, at
     * most {@code limit} + 1 entries so the caller can tell that the limit was reached.
     */
    List<JesJob> jobs(User user, String jobName, String owner, String status, int limit);

    /** One job the user may see, if it exists. */
    Optional<JesJob> job(User user, String jobId);

    /** The spool files of a job the user may see; {@link JesRequestException} NOT_FOUND when there is no such job. */
    List<JesSpoolFile> spoolFiles(User user, String jobId);

    /** The lines of one spool file; NOT_FOUND when the job or file does not exist. */
    List<String> spoolLines(User user, String jobId, int spoolFileId);

    /** Cancels the job if it has not ended and purges it (FTP DELE). */
    void cancelAndPurge(User user, String jobId);

    /** Waits up to {@code timeout} for the job to reach OUTPUT (JESGETBYDSN, RETR of a submitted job's output). */
    JesJob awaitOutput(User user, String jobId, Duration timeout) throws InterruptedException;
}
