package org.opencs.jes.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencs.core.ZosException;
import org.opencs.jes.Completion;
import org.opencs.jes.JobStatus;
import org.opencs.saf.store.Database;
import org.opencs.saf.store.Sql;

/**
 * The JES2 job queue and spool index in the registry database (H2 or PostgreSQL: the same SQL runs on both). Every
 * change of state is one conditional UPDATE, so several processes and nodes sharing the database never both take a
 * job: an initiator claims a job with {@code UPDATE ... WHERE status='INPUT' AND held=FALSE}, and only the one whose
 * update counted a row runs it. Job numbers come from a counter row locked for the transaction that inserts the job.
 */
public final class JobQueue {
    /** JES2 job numbers run from 1 to 99999 and wrap (JOBDEF RANGE's default upper bound for JOBnnnnn IDs). */
    public static final int HIGHEST_NUMBER = 99999;

    private static final String COLUMNS = "j.*, (SELECT COUNT(*) FROM jes_spool_files s WHERE s.job_id = j.job_id) "
            + "AS spool_count";

    private final Database database;

    public JobQueue(Database database) {
        this.database = database;
    }

    /** Writes a new job's spool files once its ID is known, inside the transaction that queues the job. */
    @FunctionalInterface
    public interface SpoolWork {
        List<SpoolRecord> write(String jobId);
    }

    /**
     * Gives the job the next free number after the last one handed out (wrapping after 99999, skipping numbers still
     * on the queue), lets {@code work} write its spool files, and inserts the job and their index rows, all in one
     * transaction. Throws $HASP050 when all 99999 numbers are in use.
     */
    public JobRecord submit(NewJob job, Instant submitted, SpoolWork work) {
        String jobId = database.inTransaction(c -> {
            int last;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT last_number FROM jes_job_numbers WHERE id = 1 FOR UPDATE");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                last = rs.getInt(1);
            }
            int number = last;
            for (int tries = 0; ; tries++) {
                if (tries == HIGHEST_NUMBER) {
                    throw new ZosException("$HASP050", "JES2 RESOURCE SHORTAGE OF JOBNUMBERS - 100% UTILIZATION");
                }
                number = number % HIGHEST_NUMBER + 1;
                if (!Sql.exists(c, "SELECT 1 FROM jes_jobs WHERE job_number = ?", number)) {
                    break;
                }
            }
            Sql.update(c, "UPDATE jes_job_numbers SET last_number = ? WHERE id = 1", number);
            String id = JobRecord.jobId(number);
            List<SpoolRecord> files = work.write(id);
            String[] completion = encode(job.completion());
            Sql.update(c, "INSERT INTO jes_jobs (job_id, job_number, job_name, owner, submitter, job_class, msg_class, "
                            + "programmer, notify_user, status, held, cancel_requested, purge_requested, completion_type, "
                            + "completion_code, submitted, ended, cards_read) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, ?, ?, ?, ?, ?)",
                    id, number, job.jobName(), job.owner(), job.submitter(), job.jobClass(), job.msgClass(),
                    job.programmer(), job.notifyUser(), job.status().name(), job.held(), completion[0], completion[1],
                    Timestamp.from(submitted), job.status() == JobStatus.OUTPUT ? Timestamp.from(submitted) : null,
                    job.cardsRead());
            for (SpoolRecord file : files) {
                insertSpool(c, id, file);
            }
            return id;
        });
        return find(jobId).orElseThrow();
    }

    public Optional<JobRecord> find(String jobId) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM jes_jobs j WHERE j.job_id = ?")) {
                select.setString(1, jobId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Jobs whose name and owner match the patterns (* any characters, ? one) and, unless {@code status} is null,
     * on that queue; in job ID order; at most {@code limit} (0: all).
     */
    public List<JobRecord> list(String namePattern, String ownerPattern, JobStatus status, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM jes_jobs j WHERE j.job_name LIKE ? "
                + "AND j.owner LIKE ?");
        List<Object> parameters = new ArrayList<>(List.of(like(namePattern), like(ownerPattern)));
        if (status != null) {
            sql.append(" AND j.status = ?");
            parameters.add(status.name());
        }
        sql.append(" ORDER BY j.job_id");
        if (limit > 0) {
            sql.append(" LIMIT ").append(limit);
        }
        return query(sql.toString(), parameters.toArray());
    }

    /** ACTIVE jobs recorded as run by {@code node}. */
    public List<JobRecord> active(String node) {
        return query("SELECT " + COLUMNS + " FROM jes_jobs j WHERE j.status = 'ACTIVE' AND j.node = ? "
                + "ORDER BY j.job_id", node);
    }

    /** ACTIVE jobs run by the node instance {@code instance} (a node that failed), in job ID order. */
    public List<JobRecord> activeOnInstance(String instance) {
        return query("SELECT " + COLUMNS + " FROM jes_jobs j WHERE j.status = 'ACTIVE' AND j.node_instance = ? "
                + "ORDER BY j.job_id", instance);
    }

    /**
     * Takes an ACTIVE job of the failed node instance {@code from} over for the survivor {@code to} ending it: one
     * conditional UPDATE, so of two survivors (or two rounds of clean-up) only one ends the job; false for the other.
     */
    public boolean takeOver(String jobId, String from, String to) {
        return database.inTransaction(c -> Sql.update(c, "UPDATE jes_jobs SET node_instance = ? WHERE job_id = ? "
                + "AND status = 'ACTIVE' AND node_instance = ?", to, jobId, from)) == 1;
    }

    /**
     * Who claims a job: the system (SYSNAME), host, process and node instance ({@code Registry.instance()}, recorded
     * as instance and node_instance), and the initiator's number.
     */
    public record Claimant(String node, String host, long processId, String instance, int initiator) {
    }

    /**
     * Takes the oldest waiting job (INPUT, not held) for {@code claimant}: ACTIVE, started now. Empty when none is
     * waiting (or another initiator took each candidate first).
     */
    public Optional<JobRecord> claim(Claimant claimant, Instant now) {
        return claim(claimant, now, "");
    }

    /**
     * As {@link #claim(Claimant, Instant)}, taking only jobs of the classes in {@code classes} (one character each;
     * "" for every class), as a JES2 initiator selects by its CLASS= list.
     */
    public Optional<JobRecord> claim(Claimant claimant, Instant now, String classes) {
        List<String> candidates = database.inTransaction(c -> {
            List<String> ids = new ArrayList<>();
            String byClass = classes.isEmpty() ? "" : " AND job_class IN ("
                    + String.join(", ", java.util.Collections.nCopies(classes.length(), "?")) + ")";
            try (PreparedStatement select = c.prepareStatement("SELECT job_id FROM jes_jobs WHERE status = 'INPUT' "
                    + "AND held = FALSE" + byClass + " ORDER BY submitted, job_number LIMIT 8")) {
                for (int i = 0; i < classes.length(); i++) {
                    select.setString(i + 1, String.valueOf(classes.charAt(i)));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
        for (String id : candidates) {
            int updated = database.inTransaction(c -> Sql.update(c, "UPDATE jes_jobs SET status = 'ACTIVE', "
                            + "started = ?, node = ?, host = ?, process_id = ?, instance = ?, node_instance = ?, "
                            + "initiator = ? WHERE job_id = ? AND status = 'INPUT' AND held = FALSE",
                    Timestamp.from(now), claimant.node(), claimant.host(), claimant.processId(), claimant.instance(),
                    claimant.instance(), claimant.initiator(), id));
            if (updated == 1) {
                return find(id);
            }
        }
        return Optional.empty();
    }

    public void currentStep(String jobId, String stepName) {
        database.inTransaction(c -> Sql.update(c, "UPDATE jes_jobs SET current_step = ? WHERE job_id = ?", stepName,
                jobId));
    }

    /** ACTIVE to OUTPUT with its completion; false when the job was not ACTIVE (purged meanwhile). */
    public boolean finish(String jobId, Completion completion, Instant ended) {
        String[] encoded = encode(completion);
        return database.inTransaction(c -> Sql.update(c, "UPDATE jes_jobs SET status = 'OUTPUT', completion_type = ?, "
                        + "completion_code = ?, ended = ?, current_step = NULL WHERE job_id = ? AND status = 'ACTIVE'",
                encoded[0], encoded[1], Timestamp.from(ended), jobId)) == 1;
    }

    /** A waiting job (INPUT) goes to OUTPUT as CANCELED; false when it was not waiting any more. */
    public boolean cancelWaiting(String jobId, Instant now) {
        return database.inTransaction(c -> Sql.update(c, "UPDATE jes_jobs SET status = 'OUTPUT', completion_type = "
                + "'CANCELED', completion_code = NULL, ended = ? WHERE job_id = ? AND status = 'INPUT'",
                Timestamp.from(now), jobId)) == 1;
    }

    /** Asks whoever runs an ACTIVE job to stop it (and purge it when it has ended); false when it is not ACTIVE. */
    public boolean requestCancel(String jobId, boolean purge) {
        return database.inTransaction(c -> Sql.update(c, "UPDATE jes_jobs SET cancel_requested = TRUE, "
                + "purge_requested = (purge_requested OR ?) WHERE job_id = ? AND status = 'ACTIVE'", purge, jobId)) == 1;
    }

    /** Whether CANCEL was asked for the job (from any process or node). */
    public boolean cancelRequested(String jobId) {
        return database.inTransaction(c -> Sql.exists(c, "SELECT 1 FROM jes_jobs WHERE job_id = ? "
                + "AND cancel_requested = TRUE", jobId));
    }

    /** HOLD/RELEASE a waiting job; false when the job is not on the INPUT queue. */
    public boolean setHeld(String jobId, boolean held) {
        return database.inTransaction(c -> Sql.update(c, "UPDATE jes_jobs SET held = ? WHERE job_id = ? "
                + "AND status = 'INPUT'", held, jobId)) == 1;
    }

    /** Removes the job and its spool index (the caller removes the spool data). */
    public void purge(String jobId) {
        database.inTransaction(c -> {
            Sql.update(c, "DELETE FROM jes_spool_files WHERE job_id = ?", jobId);
            return Sql.update(c, "DELETE FROM jes_jobs WHERE job_id = ?", jobId);
        });
    }

    public void addSpoolFile(String jobId, SpoolRecord file) {
        database.inTransaction(c -> {
            insertSpool(c, jobId, file);
            return null;
        });
    }

    /** The job's spool files in number order. */
    public List<SpoolRecord> spoolFiles(String jobId) {
        return database.inTransaction(c -> {
            List<SpoolRecord> files = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT * FROM jes_spool_files WHERE job_id = ? ORDER BY file_id")) {
                select.setString(1, jobId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        files.add(new SpoolRecord(rs.getInt("file_id"), rs.getString("step_name"),
                                rs.getString("proc_step"), rs.getString("sysout_class"), rs.getString("dd_name"),
                                rs.getLong("byte_count"), rs.getLong("record_count"), rs.getString("file_name")));
                    }
                }
            }
            return files;
        });
    }

    private static void insertSpool(Connection c, String jobId, SpoolRecord file) throws SQLException {
        Sql.update(c, "INSERT INTO jes_spool_files (job_id, file_id, step_name, proc_step, sysout_class, dd_name, "
                        + "byte_count, record_count, file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", jobId,
                file.fileId(), file.stepName(), file.procStep(), file.sysoutClass(), file.ddName(), file.byteCount(),
                file.recordCount(), file.fileName());
    }

    private List<JobRecord> query(String sql, Object... parameters) {
        return database.inTransaction(c -> {
            List<JobRecord> jobs = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(read(rs));
                    }
                }
            }
            return jobs;
        });
    }

    /** A JES pattern as SQL LIKE: * any characters, ? one; names hold no % or _ of their own. */
    static String like(String pattern) {
        String p = pattern == null || pattern.isBlank() ? "*" : pattern.trim().toUpperCase(java.util.Locale.ROOT);
        return p.replace("%", "\\%").replace("_", "\\_").replace('*', '%').replace('?', '_');
    }

    private static JobRecord read(ResultSet rs) throws SQLException {
        long pid = rs.getLong("process_id");
        Long processId = rs.wasNull() ? null : pid;
        int init = rs.getInt("initiator");
        Integer initiator = rs.wasNull() ? null : init;
        return new JobRecord(rs.getString("job_id"), rs.getInt("job_number"), rs.getString("job_name"),
                rs.getString("owner"), rs.getString("submitter"), rs.getString("job_class"), rs.getString("msg_class"),
                rs.getString("programmer"), rs.getString("notify_user"), JobStatus.valueOf(rs.getString("status")),
                rs.getBoolean("held"), rs.getBoolean("cancel_requested"), rs.getBoolean("purge_requested"),
                decode(rs.getString("completion_type"), rs.getString("completion_code")),
                instant(rs.getTimestamp("submitted")), instant(rs.getTimestamp("started")),
                instant(rs.getTimestamp("ended")), rs.getString("node"), rs.getString("host"), processId,
                rs.getString("instance"), initiator, rs.getString("current_step"), rs.getInt("cards_read"),
                rs.getInt("spool_count"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A completion as (type, code) columns: RC/0004, ABEND/806 or ABEND/U0016, JCL, CANCELED. */
    static String[] encode(Completion completion) {
        if (completion == null) {
            return new String[] {null, null};
        }
        if (completion instanceof Completion.ReturnCode rc) {
            return new String[] {"RC", String.format("%04d", rc.code())};
        }
        if (completion instanceof Completion.Abended abend) {
            return new String[] {"ABEND", abend.code()};
        }
        if (completion instanceof Completion.JclError) {
            return new String[] {"JCL", null};
        }
        return new String[] {"CANCELED", null};
    }

    static Completion decode(String type, String code) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "RC" -> new Completion.ReturnCode(Integer.parseInt(code));
            case "ABEND" -> new Completion.Abended(code);
            case "JCL" -> new Completion.JclError();
            default -> new Completion.Canceled();
        };
    }
}
