package org.opencs.cli;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.opencs.jes.Jes;
import org.opencs.jes.JobFilter;
import org.opencs.jes.JobStatus;
import org.opencs.jes.JobSummary;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code opencs jobs}: the JES2 job list in the layout of the FTP JES interface level 2. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = {"List JES2 jobs: JOBNAME JOBID OWNER STATUS CLASS and how each ended (RC=0000, ABEND=806, "
                + "(JCL error)) or -HELD-, as z/OS FTP lists them at JESINTERFACELEVEL 2.",
                "The console (no --user) sees every job; a user sees the jobs JESSPOOL rules let them see."},
        footer = {"", "Examples:", "  opencs jobs --home ~/zos", "  opencs jobs --home ~/zos --owner USER1 --status OUTPUT"})
public final class JobsCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @ArgGroup(exclusive = false)
    JobUserOptions who = new JobUserOptions();

    @Option(names = "--name", paramLabel = "PATTERN", defaultValue = "*", description = "Job names (* and ? match)")
    String name;

    @Option(names = "--owner", paramLabel = "PATTERN", defaultValue = "*", description = "Owners (* and ? match)")
    String owner;

    @Option(names = "--status", paramLabel = "STATUS", description = "INPUT, ACTIVE or OUTPUT (default: all)")
    String status;

    @Override
    public Integer call() {
        try (Registry registry = Registry.open(home.home(), Clock.systemUTC(), new SecureRandom());
             Jes jes = Jes.start(registry, 0)) {
            User user = who.resolve(registry);
            JobStatus wanted = status == null ? null : parseStatus(status);
            List<JobSummary> jobs = jes.jobs(user, new JobFilter(name.toUpperCase(Locale.ROOT),
                    owner.toUpperCase(Locale.ROOT), wanted, 0));
            System.out.println("JOBNAME  JOBID    OWNER    STATUS CLASS");
            for (JobSummary job : jobs) {
                System.out.println(line(job));
            }
            return 0;
        }
    }

    private static JobStatus parseStatus(String text) {
        try {
            return JobStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.opencs.core.ZosException("OCS0216E", "--status " + org.opencs.core.Values.quoteForMessage(text)
                    + " is not INPUT, ACTIVE or OUTPUT.");
        }
    }

    /** One job in the JES interface level 2 layout (zos-ftp.md §2.6). */
    static String line(JobSummary job) {
        String detail = job.held() ? "-HELD-" : job.completion() == null ? "" : job.completion().text();
        String files = job.status() == JobStatus.OUTPUT ? " " + job.spoolFileCount() + " spool files" : "";
        return String.format("%-8s %-8s %-8s %-6s %-8s %s%s", job.jobName(), job.jobId(), job.owner(),
                job.status(), job.jobClass(), detail, files).stripTrailing();
    }
}
