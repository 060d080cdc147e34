package org.opencs.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetName;
import org.opencs.jes.Completion;
import org.opencs.jes.Jes;
import org.opencs.jes.JobStatus;
import org.opencs.jes.JobSummary;
import org.opencs.saf.Registry;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.users.User;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code opencs submit}: puts a job on the JES2 input queue from a local file or a data set (member), prints its job
 * ID, and with {@code --wait} waits for it to end and exits with its code.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submit a JCL job to JES2 and print its job ID (JOBnnnnn) on standard output.",
                "JCL comes from a local FILE or a data set: 'USER1.JCL.CNTL(MYJOB)' (quote it for the shell too). "
                + "The job runs as the submitting user (the console: IBMUSER) unless its JOB statement names "
                + "USER= and PASSWORD=. The servers' initiators (opencs start) run it; with --wait and no server "
                + "running, this command runs it itself.",
                "Exit code without --wait: 0 when submitted. With --wait: the job's return code (RC=0000 -> 0, up "
                + "to 250 for RC 250 and above), 252 CANCELED, 253 (JCL error), 254 ABEND, 255 still not ended "
                + "after --timeout."},
        footer = {"", "Examples:",
                "  opencs submit --home ~/zos hello.jcl",
                "  opencs submit --home ~/zos --wait --user USER1 \"'USER1.ALFRED.CNTL(RACFJOB)'\"",
                "  opencs output --home ~/zos JOB00001"})
public final class SubmitCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @ArgGroup(exclusive = false)
    JobUserOptions who = new JobUserOptions();

    @Option(names = "--wait", description = "Wait for the job to end; exit with its code (see above)")
    boolean await;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long --wait waits (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Parameters(paramLabel = "FILE|'DSN(MEMBER)'", description = "A local JCL file, or a quoted data set name")
    String source;

    @Override
    public Integer call() throws Exception {
        try (Registry registry = Registry.open(home.home(), Clock.systemUTC(), new SecureRandom())) {
            registry.config().warnings().forEach(System.err::println);
            User user = who.resolve(registry);
            List<String> jcl = read(registry, user);
            boolean serverRuns = !org.opencs.core.StartRecord.describe(registry.home()).isEmpty();
            // Without a running system nothing would ever run the job: --wait then runs it here, with one initiator.
            try (Jes jes = Jes.start(registry, await && !serverRuns ? 1 : 0)) {
                JobSummary job = jes.submit(user, jcl);
                System.err.println("IKJ56250I JOB " + job.jobName() + "(" + job.jobId() + ") SUBMITTED");
                System.out.println(job.jobId());
                if (!await) {
                    return 0;
                }
                JobSummary ended = jes.await(user, job.jobId(), Duration.ofSeconds(timeoutSeconds));
                if (ended.status() != JobStatus.OUTPUT) {
                    System.err.println("OCS0214W JOB " + job.jobName() + "(" + job.jobId() + ") HAS NOT ENDED AFTER "
                            + timeoutSeconds + " SECONDS; IT IS " + ended.status());
                    return 255;
                }
                System.err.println(String.format("$HASP395 %-8s ENDED - %s", ended.jobName(),
                        org.opencs.jes.exec.Completions.hasp395(ended.completion())));
                return exitCode(ended.completion());
            }
        }
    }

    /** The exit code for a completion: see the command's description. */
    static int exitCode(Completion completion) {
        if (completion instanceof Completion.ReturnCode rc) {
            return Math.min(rc.code(), 250);
        }
        if (completion instanceof Completion.Canceled) {
            return 252;
        }
        return completion instanceof Completion.JclError ? 253 : 254;
    }

    private List<String> read(Registry registry, User user) throws java.io.IOException {
        if (source.startsWith("'")) {
            DatasetName name = DatasetName.resolve(source, user.userid());
            new DatasetAccess(registry).check(user, name, AccessLevel.READ);
            Catalog catalog = new Catalog(registry.home(), registry.clock());
            if (!catalog.exists(name)) {
                throw new ZosException("IKJ56228I", "DATA SET " + name + " NOT IN CATALOG OR CATALOG CAN NOT BE ACCESSED");
            }
            return catalog.readText(name).lines().toList();
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new ZosException("OCS0215E", "The JCL file " + file + " does not exist or is not a file.");
        }
        return Files.readString(file, StandardCharsets.UTF_8).lines().toList();
    }
}
