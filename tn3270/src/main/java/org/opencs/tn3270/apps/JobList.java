package org.opencs.tn3270.apps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencs.core.ZosException;
import org.opencs.jes.Completion;
import org.opencs.jes.JobFilter;
import org.opencs.jes.JobStatus;
import org.opencs.jes.JobSummary;
import org.opencs.saf.users.User;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Screen;

/**
 * The job list of the primary menu, after SDSF's Status panel (ST): the jobs on the JES2 queues that the user may see
 * (JES decides: their own, or others' through JESSPOOL or SPECIAL), as SDSF's columns JOBNAME, JobID, Owner, Queue,
 * C (class), Max-RC and Status. An action character in the NP column acts on the job: S (or ?) lists its spool files
 * (SDSF's Job Data Set panel), P purges it, C cancels it, H holds it, A releases it. The command line takes SDSF's
 * PREFIX (job names, with * and %) and OWNER (user IDs) commands; without an operand each shows all again. PF7 and PF8
 * scroll a page, PF3 goes back. Refusals (no such job, not authorized) show on the message row at the bottom. The
 * list is read when the panel is built: the rows the user acts on are the rows they saw.
 * Source: z/OS SDSF User's Guide, "Status panel (ST)", and SDSF's online help for its action characters.
 */
public final class JobList implements Transaction {
    /** The panel's first list row: below the title, the command line, the filter line and the column headings. */
    private static final int FIRST = 4;

    private final HostServices services;
    private final User user;
    private final String prefix;
    private final String owner;
    private final List<JobSummary> jobs;
    private final int top;
    private final String message;
    private final Transaction back;
    private final Terminal terminal;

    private JobList(HostServices services, User user, String prefix, String owner, List<JobSummary> jobs, int top,
                    String message, Transaction back, Terminal terminal) {
        this.services = services;
        this.user = user;
        this.prefix = prefix;
        this.owner = owner;
        this.jobs = List.copyOf(jobs);
        this.top = Math.max(0, Math.min(top, Math.max(0, jobs.size() - 1)));
        this.message = message;
        this.back = back;
        this.terminal = terminal;
    }

    /**
     * The list as the menu opens it: every job name (PREFIX *), the user's own jobs (OWNER userid). {@code services}
     * must have JES2.
     */
    public static JobList open(HostServices services, User user, Transaction back, Terminal terminal) {
        return read(services, user, "*", user.userid(), 0, null, back, terminal);
    }

    /** The list read now with these filters, from entry {@code top}; a refused read shows its message. */
    static JobList read(HostServices services, User user, String prefix, String owner, int top, String message,
                        Transaction back, Terminal terminal) {
        List<JobSummary> jobs = List.of();
        String shown = message;
        try {
            jobs = services.jes().jobs(user, new JobFilter(prefix.replace('%', '?'), owner.replace('%', '?'), null, 0));
        } catch (ZosException e) {
            shown = e.getMessage();
        }
        return new JobList(services, user, prefix, owner, jobs, top, shown, back, terminal);
    }

    /** This list read again (after an action, or coming back from a job's spool files), with {@code message}. */
    JobList refreshed(String message) {
        return read(services, user, prefix, owner, top, message, back, terminal);
    }

    /** The jobs this panel shows (all pages). */
    List<JobSummary> jobs() {
        return jobs;
    }

    /** Entries per page: the rows below the headings, less the message's rows. */
    int page() {
        return SdsfPanel.page(FIRST, message, terminal);
    }

    @Override
    public Screen screen() {
        List<Field> fields = new ArrayList<>();
        int columns = terminal.size().columns();
        int end = Math.min(jobs.size(), top + page());
        String position = SdsfPanel.position(top, end, jobs.size());
        fields.add(Field.title(0, 1, "SDSF STATUS DISPLAY ALL CLASSES"));
        fields.add(Field.title(0, columns - position.length() - 1, position));
        fields.add(Field.text(1, 1, "COMMAND INPUT ===>"));
        fields.add(Field.input(1, 20, 40, "command", ""));
        fields.add(Field.text(2, 1, "PREFIX=" + prefix + "  OWNER=" + owner));
        fields.add(Field.text(3, 1, "NP  " + String.format("%-8s %-8s %-8s %-10s %-1s %-12s %s", "JOBNAME", "JobID",
                "Owner", "Queue", "C", "Max-RC", "Status")));
        SdsfPanel.addRows(fields, FIRST, top, end, jobs.stream().map(JobList::row).toList());
        if (jobs.isEmpty()) {
            fields.add(Field.text(FIRST, 5, "No jobs."));
        }
        SdsfPanel.addMessage(fields, message, terminal);
        return Screen.of(fields, jobs.isEmpty() ? 1 : FIRST, jobs.isEmpty() ? 20 : 1, terminal.size());
    }

    /** One job's columns after NP. */
    static String row(JobSummary job) {
        return String.format("%-8s %-8s %-8s %-10s %-1s %-12s %s", cut(job.jobName(), 8), cut(job.jobId(), 8),
                cut(job.owner(), 8), queue(job), cut(job.jobClass(), 1), maxRc(job.completion()), status(job));
    }

    private static String cut(String text, int width) {
        String value = text == null ? "" : text;
        return value.length() > width ? value.substring(0, width) : value;
    }

    /** SDSF's Queue column: INPUT waiting for an initiator, EXECUTION running, PRINT ended with its output kept. */
    static String queue(JobSummary job) {
        return switch (job.status()) {
            case INPUT -> "INPUT";
            case ACTIVE -> "EXECUTION";
            case OUTPUT -> "PRINT";
        };
    }

    /**
     * SDSF's Max-RC column: CC 0000 (the highest step code), ABEND S806 (system) or ABEND U0016 (user), JCL ERROR,
     * CANCELED; blank until the job has ended.
     */
    static String maxRc(Completion completion) {
        if (completion == null) {
            return "";
        }
        if (completion instanceof Completion.ReturnCode rc) {
            return String.format("CC %04d", rc.code());
        }
        if (completion instanceof Completion.Abended abend) {
            String code = abend.code();
            return "ABEND " + (code.startsWith("U") || code.startsWith("S") ? code : "S" + code);
        }
        return completion instanceof Completion.JclError ? "JCL ERROR" : "CANCELED";
    }

    /** The Status column: a held job; the step a running job is in. */
    static String status(JobSummary job) {
        if (job.held()) {
            return "HELD";
        }
        if (job.status() == JobStatus.ACTIVE && job.currentStep() != null) {
            return "STEP " + cut(job.currentStep(), 8);
        }
        return "";
    }

    @Override
    public Transaction next(Aid aid, Map<String, String> values) {
        return switch (aid) {
            case PF3, PF15 -> back;
            case PF8, PF20 -> read(services, user, prefix, owner, top + page() < jobs.size() ? top + page() : top, null,
                    back, terminal);
            case PF7, PF19 -> read(services, user, prefix, owner, top - page(), null, back, terminal);
            case ENTER -> enter(values);
            default -> this;
        };
    }

    private Transaction enter(Map<String, String> values) {
        String command = values.getOrDefault("command", "").trim().toUpperCase(Locale.ROOT);
        if (!command.isEmpty()) {
            return command(command);
        }
        List<String> messages = new ArrayList<>();
        JobSummary selected = null;
        int end = Math.min(jobs.size(), top + page());
        for (int i = top; i < end; i++) {
            String action = values.getOrDefault("np" + (i - top), "").trim().toUpperCase(Locale.ROOT);
            if (action.isEmpty()) {
                continue;
            }
            JobSummary job = jobs.get(i);
            if ((action.equals("S") || action.equals("?")) && selected == null) {
                selected = job;
                continue;
            }
            messages.add(act(job, action));
        }
        String message = messages.isEmpty() ? null : String.join("  ", messages);
        if (selected != null) {
            return JobDataSets.open(services, user, selected, refreshed(message), terminal);
        }
        return refreshed(message);
    }

    /** One action character on one job: what the message row says about it. */
    private String act(JobSummary job, String action) {
        String shown = job.jobName() + "(" + job.jobId() + ")";
        try {
            switch (action) {
                case "P" -> {
                    services.jes().cancel(user, job.jobId(), true);
                    return "OCST080I JOB " + shown + " PURGED";
                }
                case "C" -> {
                    services.jes().cancel(user, job.jobId(), false);
                    return "OCST080I JOB " + shown + " CANCELED";
                }
                case "H" -> {
                    services.jes().hold(user, job.jobId());
                    return "OCST080I JOB " + shown + " HELD";
                }
                case "A" -> {
                    services.jes().release(user, job.jobId());
                    return "OCST080I JOB " + shown + " RELEASED";
                }
                default -> {
                    return "OCST081I ACTION " + cut(action, 8) + " NOT VALID FOR " + job.jobName()
                            + ": USE S, ?, P, C, H OR A";
                }
            }
        } catch (ZosException e) {
            return e.getMessage();
        }
    }

    /** SDSF's PREFIX and OWNER commands (PRE, OWNER); without an operand, all job names or all owners. */
    private Transaction command(String command) {
        String[] words = command.split("\\s+");
        String operand = words.length > 1 ? words[1] : "*";
        if (words.length > 2 || !operand.matches("[A-Z0-9#$@*%]{1,8}")) {
            return new JobList(services, user, prefix, owner, jobs, top,
                    "OCST082I COMMAND " + cut(command, 30) + " NOT VALID: PREFIX NAME AND OWNER USERID TAKE ONE NAME"
                            + " OF UP TO 8 CHARACTERS (* AND % AS WILDCARDS)", back, terminal);
        }
        return switch (words[0]) {
            case "PREFIX", "PRE" -> read(services, user, operand, owner, 0, null, back, terminal);
            case "OWNER" -> read(services, user, prefix, operand, 0, null, back, terminal);
            default -> new JobList(services, user, prefix, owner, jobs, top, "OCST082I COMMAND " + cut(words[0], 8)
                    + " NOT VALID HERE: USE PREFIX OR OWNER", back, terminal);
        };
    }

    @Override
    public String userid() {
        return user.userid();
    }
}
