package org.opencs.ftp.jes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencs.saf.users.User;

/**
 * A test double of the JES the ftp module does not own: jobs and spool files held in lists, so the FTP server's JES
 * interface can be driven by real clients without the jes module. A user sees their own jobs, and every job when
 * listed in {@code special} (JESSPOOL's rules stand in as simply as that). Tests move jobs through INPUT, ACTIVE and
 * OUTPUT themselves ({@link #run}, {@link #end}), or have every job end at once ({@link #endOnSubmit}).
 */
public final class InMemoryJes implements JobEntrySubsystem {
    private static final Pattern JOB_CARD = Pattern.compile("^//(\\S+)\\s+JOB\\b.*$");
    private static final Pattern CLASS = Pattern.compile("CLASS=(\\w)");

    /** One job and its spool: each spool file's DD name and lines. */
    private static final class Entry {
        JesJob job;
        final List<String> records;
        final LinkedHashMap<String, List<String>> spool = new LinkedHashMap<>();

        Entry(JesJob job, List<String> records) {
            this.job = job;
            this.records = records;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> special;
    private int next = 76;
    private volatile String endOnSubmit;

    public InMemoryJes(Set<String> special) {
        this.special = Set.copyOf(special);
    }

    /** From now on every submitted job ends at once with this completion ("RC=0000") and the usual spool files. */
    public void endOnSubmit(String completion) {
        this.endOnSubmit = completion;
    }

    /** The records of a submitted job, as the FTP server passed them. */
    public synchronized List<String> records(String jobId) {
        return List.copyOf(entry(jobId).records);
    }

    /** Adds a job directly (another user's, a held one ...): INPUT, no spool. Returns its ID. */
    public synchronized String add(String jobName, String owner, String jobClass, boolean held) {
        String id = String.format("JOB%05d", next++);
        entries.add(new Entry(new JesJob(jobName, id, owner, "INPUT", jobClass, held, null, 0, null, null), List.of()));
        return id;
    }

    /** The job starts running its step. */
    public synchronized void run(String jobId, String stepName, String procStepName) {
        Entry e = entry(jobId);
        JesJob j = e.job;
        e.spool.put("JESMSGLG", List.of(" $HASP373 " + j.jobName() + " STARTED"));
        e.job = new JesJob(j.jobName(), j.jobId(), j.owner(), "ACTIVE", j.jobClass(), false, null, 1, stepName,
                procStepName);
    }

    /** The job ends with {@code completion} and JESMSGLG, JESJCL, JESYSMSG and the given SYSOUT files. */
    public synchronized void end(String jobId, String completion, Map<String, List<String>> sysout) {
        Entry e = entry(jobId);
        JesJob j = e.job;
        e.spool.clear();
        e.spool.put("JESMSGLG", List.of("1                    J E S 2  J O B  L O G",
                " $HASP373 " + j.jobName() + " STARTED", " $HASP395 " + j.jobName() + " ENDED - " + completion));
        List<String> jcl = new ArrayList<>();
        for (int i = 0; i < e.records.size(); i++) {
            jcl.add(String.format("%9d %s", i + 1, e.records.get(i)));
        }
        e.spool.put("JESJCL", jcl);
        e.spool.put("JESYSMSG", List.of(" IEF142I " + j.jobName() + " STEP1 - STEP WAS EXECUTED - COND CODE 0000"));
        e.spool.putAll(sysout);
        e.job = new JesJob(j.jobName(), j.jobId(), j.owner(), "OUTPUT", j.jobClass(), false, completion, e.spool.size(),
                null, null);
        notifyAll();
    }

    private Entry entry(String jobId) {
        return entries.stream().filter(e -> e.job.jobId().equals(jobId)).findFirst()
                .orElseThrow(() -> new JesRequestException(JesRequestException.Kind.NOT_FOUND, "Job " + jobId + " not found"));
    }

    private boolean visible(User user, JesJob job) {
        return special.contains(user.userid()) || job.owner().equals(user.userid());
    }

    private static boolean matches(String pattern, String value) {
        return value.matches(pattern.replace("*", ".*").replace("?", "."));
    }

    @Override
    public synchronized String submit(User user, List<String> records) {
        Matcher card = records.isEmpty() ? null : JOB_CARD.matcher(records.get(0));
        if (card == null || !card.matches()) {
            throw new JesRequestException(JesRequestException.Kind.REFUSED, "Job has no JOB statement; not submitted");
        }
        String id = String.format("JOB%05d", next++);
        Matcher classMatch = CLASS.matcher(records.get(0));
        String jobClass = classMatch.find() ? classMatch.group(1) : "A";
        entries.add(new Entry(new JesJob(card.group(1), id, user.userid(), "INPUT", jobClass, false, null, 0, null, null),
                List.copyOf(records)));
        String completion = endOnSubmit;
        if (completion != null) {
            end(id, completion, Map.of("SYSPRINT", List.of(" OUTPUT OF " + card.group(1))));
        }
        return id;
    }

    @Override
    public synchronized List<JesJob> jobs(User user, String jobName, String owner, String status, int limit) {
        return entries.stream().map(e -> e.job).filter(j -> visible(user, j))
                .filter(j -> matches(jobName, j.jobName()) && matches(owner, j.owner()))
                .filter(j -> status.equals("ALL") || status.equals(j.status())).limit(limit + 1L).toList();
    }

    @Override
    public synchronized Optional<JesJob> job(User user, String jobId) {
        return entries.stream().map(e -> e.job).filter(j -> j.jobId().equals(jobId) && visible(user, j)).findFirst();
    }

    @Override
    public synchronized List<JesSpoolFile> spoolFiles(User user, String jobId) {
        Entry e = visibleEntry(user, jobId);
        List<JesSpoolFile> files = new ArrayList<>();
        int id = 1;
        for (var file : e.spool.entrySet()) {
            boolean jes2 = file.getKey().startsWith("JES");
            long bytes = file.getValue().stream().mapToLong(l -> l.length() + 1L).sum();
            files.add(new JesSpoolFile(id++, jes2 ? "JES2" : "STEP1", "", jes2 ? "H" : "A", file.getKey(), bytes));
        }
        return files;
    }

    @Override
    public synchronized List<String> spoolLines(User user, String jobId, int spoolFileId) {
        Entry e = visibleEntry(user, jobId);
        if (spoolFileId < 1 || spoolFileId > e.spool.size()) {
            throw new JesRequestException(JesRequestException.Kind.NOT_FOUND, "Spool file " + spoolFileId + " of "
                    + jobId + " not found");
        }
        return List.copyOf(new ArrayList<>(e.spool.values()).get(spoolFileId - 1));
    }

    private Entry visibleEntry(User user, String jobId) {
        Entry e = entry(jobId);
        if (!visible(user, e.job)) {
            throw new JesRequestException(JesRequestException.Kind.NOT_FOUND, "Job " + jobId + " not found");
        }
        return e;
    }

    @Override
    public synchronized void cancelAndPurge(User user, String jobId) {
        entries.remove(visibleEntry(user, jobId));
    }

    @Override
    public synchronized JesJob awaitOutput(User user, String jobId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!entry(jobId).job.status().equals("OUTPUT")) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return entry(jobId).job;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return entry(jobId).job;
    }
}
