package org.opencs.ftp.server;

import java.util.List;
import java.util.Locale;
import org.opencs.ftp.jes.JesJob;
import org.opencs.ftp.jes.JesSpoolFile;

/**
 * The JES listing layouts of z/OS FTP (shared/reference/zos-ftp.md section 2.6), byte for byte, as clients parse
 * them (Apache Commons Net's MVSFTPEntryParser, zos-node-accessor, lars-sh/jes-client): each method returns lines
 * without line ends. Sources: z/OS Communications Server IP User's Guide and Commands, "Displaying the status of a job"
 * (dispstatusdirlevel2) and "JESINTERFACELEVEL differences" (jesintdiff); lftp issue 500 for level 1.
 */
final class JesListings {
    /** The level 2 job list header. */
    static final String HEADER = "JOBNAME  JOBID    OWNER    STATUS CLASS";
    /** The spool file table header of LIST JOBnnnnn. */
    /**
     * The spool table's header. It and every row end with a blank, as z/OS writes them: IBM's zos-node-accessor
     * takes its last column to end one character before the end of the header line (lars-sh allows the blank too).
     */
    static final String SPOOL_HEADER = "         ID  STEPNAME PROCSTEP C DDNAME   BYTE-COUNT ";
    /** The line between a job and its details in LIST JOBnnnnn. */
    static final String SEPARATOR = "--------";
    /** What ends each spool file when all of a job's files are sent (RETR JOBnnnnn.x). */
    static final String END_OF_SPOOL_FILE = " !! END OF JES SPOOL FILE !!";

    private JesListings() {
    }

    /**
     * JESINTERFACELEVEL 1: no header; job name, job ID and status in 8 columns each, two blanks apart, then the
     * spool file count: {@code US15030A  JOB22169  OUTPUT    3 Spool Files}.
     */
    static String level1(JesJob job) {
        return String.format(Locale.ROOT, "%-8s  %-8s  %-8s  %d Spool Files", job.jobName(), job.jobId(), job.status(),
                job.spoolFileCount());
    }

    /**
     * JESINTERFACELEVEL 2: name, ID, owner (8 columns each), status (6), class (8), then the free text: for an ended
     * job its completion ({@code RC=0000}, {@code ABEND=806}, {@code (JCL error)}, {@code RC unknown} when JES gave
     * none) and {@code <n> spool files}; {@code -HELD-} for a held job not yet run. Trailing blanks are dropped.
     */
    static String level2(JesJob job) {
        return strip(String.format(Locale.ROOT, "%-8s %-8s %-8s %-6s %-8s %s", job.jobName(), job.jobId(), job.owner(),
                job.status(), job.jobClass(), freeText(job, true)));
    }

    private static String freeText(JesJob job, boolean withCount) {
        if (job.status().equals("OUTPUT")) {
            String completion = job.completion() == null ? "RC unknown" : job.completion();
            return withCount ? completion + " " + job.spoolFileCount() + " spool files" : completion;
        }
        return job.held() && job.status().equals("INPUT") ? "-HELD-" : "";
    }

    /**
     * LIST JOBnnnnn at level 2: the header and the job's line (completion, no count), then after {@code --------}
     * for an ended job its spool files ({@code ID STEPNAME PROCSTEP C DDNAME BYTE-COUNT}) and {@code <n> spool files};
     * for a running job the step it runs ({@code STEPNAME step PROCNAME proc}). A job waiting to run has no details.
     */
    static List<String> detail(JesJob job, List<JesSpoolFile> files) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(HEADER);
        lines.add(strip(String.format(Locale.ROOT, "%-8s %-8s %-8s %-6s %-8s %s", job.jobName(), job.jobId(),
                job.owner(), job.status(), job.jobClass(), freeText(job, false))));
        if (job.status().equals("OUTPUT")) {
            lines.add(SEPARATOR);
            lines.add(SPOOL_HEADER);
            for (JesSpoolFile f : files) {
                lines.add(spoolRow(f));
            }
            lines.add(files.size() + " spool files");
        } else if (job.status().equals("ACTIVE")) {
            lines.add(SEPARATOR);
            lines.add(strip(String.format(Locale.ROOT, "STEPNAME %-8s PROCNAME %s", blank(job.stepName()),
                    blank(job.procStepName()))));
        }
        return lines;
    }

    /** One spool file: {@code          001 JES2              H JESMSGLG      1582 } (9 blanks, fixed columns, a blank). */
    static String spoolRow(JesSpoolFile f) {
        return String.format(Locale.ROOT, "         %03d %-8s %-8s %1s %-8s %9d ", f.id(), blank(f.stepName()),
                blank(f.procStepName()), blank(f.sysoutClass()), blank(f.ddName()), f.byteCount());
    }

    /**
     * The JES data set name of a spool file, as RETR JOBnnnnn.n announces it:
     * {@code <owner>.<jobname>.<jobid>.D<dsid>.<ddname>}, dsid 2, 3 and 4 for JESMSGLG, JESJCL and JESYSMSG and
     * 101 on for the job's own SYSOUT data sets, as JES2 numbers them.
     */
    static String dataSetName(JesJob job, JesSpoolFile f, List<JesSpoolFile> all) {
        int dsid = switch (blank(f.ddName()).trim()) {
            case "JESMSGLG" -> 2;
            case "JESJCL" -> 3;
            case "JESYSMSG" -> 4;
            default -> 100 + (int) all.stream().filter(o -> o.id() <= f.id())
                    .filter(o -> !List.of("JESMSGLG", "JESJCL", "JESYSMSG").contains(blank(o.ddName()).trim())).count();
        };
        return job.owner() + "." + job.jobName() + "." + job.jobId() + String.format(Locale.ROOT, ".D%07d.", dsid)
                + blank(f.ddName()).trim();
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private static String strip(String line) {
        return line.stripTrailing();
    }
}
