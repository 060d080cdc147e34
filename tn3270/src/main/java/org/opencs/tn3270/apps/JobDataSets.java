package org.opencs.tn3270.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencs.core.ZosException;
import org.opencs.jes.JobSummary;
import org.opencs.jes.SpoolFile;
import org.opencs.saf.users.User;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Screen;

/**
 * One job's spool files, after SDSF's Job Data Set panel: DDNAME, StepName, ProcStep, DSID, C (SYSOUT class),
 * Rec-Cnt and Byte-Cnt; S in the NP column browses one (SDSF's output display, in {@link TextView}: PF7/PF8 page,
 * PF3 back here). PF7/PF8 scroll the list, PF3 goes back to the job list, read again. The files are read when the
 * panel is built. Source: z/OS SDSF User's Guide, "Job Data Set panel (JDS)".
 */
final class JobDataSets implements Transaction {
    /** The first list row: below the title and the column headings. */
    private static final int FIRST = 3;

    private final HostServices services;
    private final User user;
    private final JobSummary job;
    private final List<SpoolFile> files;
    private final int top;
    private final String message;
    private final JobList back;
    private final Terminal terminal;

    private JobDataSets(HostServices services, User user, JobSummary job, List<SpoolFile> files, int top,
                        String message, JobList back, Terminal terminal) {
        this.services = services;
        this.user = user;
        this.job = job;
        this.files = List.copyOf(files);
        this.top = Math.max(0, Math.min(top, Math.max(0, files.size() - 1)));
        this.message = message;
        this.back = back;
        this.terminal = terminal;
    }

    /** The panel for {@code job}, or the job list with JES's refusal (the job was purged meanwhile ...). */
    static Transaction open(HostServices services, User user, JobSummary job, JobList back, Terminal terminal) {
        try {
            return new JobDataSets(services, user, job, services.jes().spoolFiles(user, job.jobId()), 0, null, back,
                    terminal);
        } catch (ZosException e) {
            return back.refreshed(e.getMessage());
        }
    }

    /** Entries per page: the rows below the headings, less the message's rows. */
    int page() {
        return SdsfPanel.page(FIRST, message, terminal);
    }

    @Override
    public Screen screen() {
        List<Field> fields = new ArrayList<>();
        int columns = terminal.size().columns();
        int end = Math.min(files.size(), top + page());
        String position = SdsfPanel.position(top, end, files.size());
        String title = "SDSF JOB DATA SET DISPLAY - JOB " + job.jobName() + " (" + job.jobId() + ")";
        fields.add(Field.title(0, 1, title));
        if (1 + title.length() + 2 + position.length() + 1 <= columns) {
            fields.add(Field.title(0, columns - position.length() - 1, position));
        } else {
            fields.add(Field.title(1, columns - position.length() - 1, position));
        }
        fields.add(Field.text(2, 1, "NP  " + String.format("%-8s %-8s %-8s %4s %-1s %9s %10s", "DDNAME", "StepName",
                "ProcStep", "DSID", "C", "Rec-Cnt", "Byte-Cnt")));
        SdsfPanel.addRows(fields, FIRST, top, end, files.stream().map(JobDataSets::row).toList());
        if (files.isEmpty()) {
            fields.add(Field.text(FIRST, 5, "No spool files."));
        }
        SdsfPanel.addMessage(fields, message, terminal);
        return Screen.of(fields, FIRST, 1, terminal.size());
    }

    /** One spool file's columns after NP. */
    static String row(SpoolFile file) {
        return String.format("%-8s %-8s %-8s %4d %-1s %,9d %,10d", cut(file.ddName()), cut(file.stepName()),
                cut(file.procStepName()), file.id(), file.sysoutClass() == null ? "" : cut(file.sysoutClass()),
                file.recordCount(), file.byteCount());
    }

    private static String cut(String text) {
        String value = text == null ? "" : text;
        return value.length() > 8 ? value.substring(0, 8) : value;
    }

    @Override
    public Transaction next(Aid aid, Map<String, String> values) {
        return switch (aid) {
            case PF3, PF15 -> back.refreshed(null);
            case PF8, PF20 -> new JobDataSets(services, user, job, files, top + page() < files.size() ? top + page() : top,
                    null, back, terminal);
            case PF7, PF19 -> new JobDataSets(services, user, job, files, top - page(), null, back, terminal);
            case ENTER -> enter(values);
            default -> this;
        };
    }

    private Transaction enter(Map<String, String> values) {
        int end = Math.min(files.size(), top + page());
        for (int i = top; i < end; i++) {
            String action = values.getOrDefault("np" + (i - top), "").trim().toUpperCase(Locale.ROOT);
            if (action.isEmpty()) {
                continue;
            }
            SpoolFile file = files.get(i);
            if (!action.equals("S")) {
                return new JobDataSets(services, user, job, files, top, "OCST081I ACTION "
                        + (action.length() > 8 ? action.substring(0, 8) : action) + " NOT VALID FOR " + file.ddName()
                        + ": USE S TO BROWSE", back, terminal);
            }
            try {
                List<String> lines = services.jes().spoolLines(user, job.jobId(), file.id());
                String title = "SDSF OUTPUT DISPLAY " + job.jobName() + " " + job.jobId() + " DSID " + file.id();
                return new TextView(title, lines, 0, this, terminal);
            } catch (ZosException e) {
                return new JobDataSets(services, user, job, files, top, e.getMessage(), back, terminal);
            }
        }
        return this;
    }

    @Override
    public String userid() {
        return user.userid();
    }
}
