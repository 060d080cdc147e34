package org.opencs.cli;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.opencs.jes.Jes;
import org.opencs.jes.SpoolFile;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code opencs output}: a job's spool files (JESMSGLG, JESJCL, JESYSMSG, SYSOUT) on standard output. */
@Command(name = "output", mixinStandardHelpOptions = true,
        description = {"Print a job's spool: every spool file, or file N only (numbers as 'opencs output JOBID "
                + "--list' and FTP's LIST JOBnnnnn show them).",
                "Files are separated by the line ' !! END OF JES SPOOL FILE !!', as z/OS FTP joins them."},
        footer = {"", "Examples:", "  opencs output --home ~/zos JOB00001", "  opencs output --home ~/zos JOB00001 4"})
public final class OutputCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @ArgGroup(exclusive = false)
    JobUserOptions who = new JobUserOptions();

    @picocli.CommandLine.Option(names = "--list", description = "List the spool files instead of printing them")
    boolean list;

    @Parameters(index = "0", paramLabel = "JOBID", description = "The job ID (JOBnnnnn)")
    String jobId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "N", description = "One spool file's number")
    Integer file;

    @Override
    public Integer call() {
        try (Registry registry = Registry.open(home.home(), Clock.systemUTC(), new SecureRandom());
             Jes jes = Jes.start(registry, 0)) {
            User user = who.resolve(registry);
            String id = jobId.toUpperCase(Locale.ROOT);
            List<SpoolFile> files = jes.spoolFiles(user, id);
            if (list) {
                System.out.println("ID  STEPNAME PROCSTEP C DDNAME   BYTE-COUNT");
                for (SpoolFile f : files) {
                    System.out.println(String.format("%03d %-8s %-8s %s %-8s %10d", f.id(), f.stepName(),
                            f.procStepName() == null ? "" : f.procStepName(), f.sysoutClass(), f.ddName(), f.byteCount()));
                }
                return 0;
            }
            boolean first = true;
            for (SpoolFile f : files) {
                if (file != null && f.id() != file) {
                    continue;
                }
                if (!first) {
                    System.out.println(" !! END OF JES SPOOL FILE !!");
                }
                first = false;
                jes.spoolLines(user, id, f.id()).forEach(System.out::println);
            }
            if (first && file != null) {
                throw new org.opencs.core.ZosException("OCS0217E", "Job " + id + " has no spool file " + file + ".");
            }
            return 0;
        }
    }
}
