package org.opencs.jes.ftp;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencs.ftp.jes.JesJob;
import org.opencs.ftp.jes.JesRequestException;
import org.opencs.ftp.jes.JesSpoolFile;
import org.opencs.ftp.jes.JobEntrySubsystem;
import org.opencs.jes.Jes;
import org.opencs.jes.JesException;
import org.opencs.jes.JobFilter;
import org.opencs.jes.JobStatus;
import org.opencs.jes.JobSummary;
import org.opencs.jes.SpoolFile;
import org.opencs.saf.users.User;

/**
 * JES2 as the FTP server's JES interface sees it (SITE FILETYPE=JES): each request goes to {@link Jes} as the
 * logged-on user, so JESSPOOL rules decide what the FTP user sees; JES's refusals become
 * {@link JesRequestException}s whose kind picks the FTP reply.
 */
public final class JesForFtp implements JobEntrySubsystem {
    private final Jes jes;

    public JesForFtp(Jes jes) {
        this.jes = jes;
    }

    @Override
    public String submit(User user, List<String> records) {
        return call(() -> jes.submit(user, records).jobId());
    }

    @Override
    public List<JesJob> jobs(User user, String jobName, String owner, String status, int limit) {
        JobStatus wanted = status == null || status.equalsIgnoreCase("ALL") ? null
                : JobStatus.valueOf(status.toUpperCase(Locale.ROOT));
        int asked = limit <= 0 ? 0 : limit + 1;
        return call(() -> jes.jobs(user, new JobFilter(jobName, owner, wanted, asked)).stream()
                .map(JesForFtp::shown).toList());
    }

    @Override
    public Optional<JesJob> job(User user, String jobId) {
        return call(() -> jes.job(user, jobId).map(JesForFtp::shown));
    }

    @Override
    public List<JesSpoolFile> spoolFiles(User user, String jobId) {
        return call(() -> jes.spoolFiles(user, jobId).stream().map(JesForFtp::shown).toList());
    }

    @Override
    public List<String> spoolLines(User user, String jobId, int spoolFileId) {
        return call(() -> jes.spoolLines(user, jobId, spoolFileId));
    }

    @Override
    public void cancelAndPurge(User user, String jobId) {
        call(() -> {
            jes.cancel(user, jobId, true);
            return null;
        });
    }

    @Override
    public JesJob awaitOutput(User user, String jobId, Duration timeout) throws InterruptedException {
        try {
            return shown(jes.await(user, jobId, timeout));
        } catch (JesException e) {
            throw translated(e);
        }
    }

    private static JesJob shown(JobSummary job) {
        return new JesJob(job.jobName(), job.jobId(), job.owner(), job.status().name(), job.jobClass(), job.held(),
                job.completion() == null ? null : job.completion().text(), job.spoolFileCount(),
                job.currentStep(), null);
    }

    private static JesSpoolFile shown(SpoolFile file) {
        return new JesSpoolFile(file.id(), file.stepName(), file.procStepName(), file.sysoutClass(), file.ddName(),
                file.byteCount());
    }

    private interface Request<T> {
        T run();
    }

    private static <T> T call(Request<T> request) {
        try {
            return request.run();
        } catch (JesException e) {
            throw translated(e);
        }
    }

    private static JesRequestException translated(JesException e) {
        JesRequestException.Kind kind = switch (e.reason()) {
            case NOT_FOUND -> JesRequestException.Kind.NOT_FOUND;
            case NOT_AUTHORIZED -> JesRequestException.Kind.NOT_AUTHORIZED;
            case INVALID_STATE, INVALID_JCL -> JesRequestException.Kind.REFUSED;
        };
        return new JesRequestException(kind, e.getMessage());
    }
}
