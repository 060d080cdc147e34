package org.opencs.saf.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Path;
import org.flywaydb.core.api.FlywayException;
import org.opencs.core.ZosException;

/**
 * The registry's JDBC connection source: a HikariCP pool ({@link Pools}) from which each unit of work borrows a
 * connection for its transaction, and the schema migrated by Flyway ({@link Migrations}) when the registry is opened.
 * For embedded H2 one extra connection, outside the pool, stays open so the database is not closed and reopened while
 * the process runs. {@link #close()} closes the pool.
 */
public final class Database implements AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final Dialect dialect;
    private final HikariDataSource pool;
    private final Connection keepOpen;
    /** The connect and login timeout of the connection that checks whether an unreachable PostgreSQL is back. */
    static final int PROBE_TIMEOUT_SECONDS = 2;
    /** Whether the last PostgreSQL connection failed with a connection exception (SQLSTATE 08). */
    private volatile boolean outage;

    public Database(String url, String user, String password) {
        this(url, user, password, () -> "");
    }

    /**
     * {@code holder} describes who else has the embedded registry open (e.g. "opencs start, PID 1234, since ..."),
     * for the message when it cannot be opened because of that process; "" when nothing is known.
     */
    public Database(String url, String user, String password, java.util.function.Supplier<String> holder) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dialect = Dialect.of(url);
        Opened opened = open(holder);
        this.pool = opened.pool();
        this.keepOpen = opened.keepOpen();
    }

    /** The pool, and on H2 the connection that keeps the database open while the process runs. */
    private record Opened(HikariDataSource pool, Connection keepOpen) {
    }

    /**
     * Opens the store and applies migrations. A registry another process holds and does not let this one reach
     * ({@link #connect()} waits its turn; a holder that exits mid-way is tried again, up to 15 seconds) is OCS0023E
     * naming the holder.
     */
    private Opened open(java.util.function.Supplier<String> holder) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        for (int attempt = 1; ; attempt++) {
            Connection[] kept = new Connection[1];
            HikariDataSource[] made = new HikariDataSource[1];
            try {
                return takingTurns(unused -> {
                    kept[0] = dialect == Dialect.H2 ? DriverManager.getConnection(url, user, password) : null;
                    // Made only now: the pool starts connecting at once, and on H2 must do so after this process
                    // has its turn and the database is open.
                    made[0] = Pools.create(url, user, password, dialect);
                    Migrations.apply(made[0], dialect);
                    return new Opened(made[0], kept[0]);
                });
            } catch (SQLException | FlywayException e) {
                if (made[0] != null) {
                    made[0].close();
                }
                closeQuietly(kept[0]);
                if (dialect == Dialect.H2 && H2Lock.isContention(e)) {
                    // The process whose server this one reached exited meanwhile: open again, it may be ours now.
                    if (System.nanoTime() < deadline) {
                        pause(100L * Math.min(attempt, 5));
                        continue;
                    }
                    Path file = H2Lock.databasePath(url);
                    String who = holder.get();
                    throw new ZosException("OCS0023E", "The registry " + (file != null ? file : redacted(url))
                            + " is held by another process" + (who.isEmpty() ? "" : " (" + who + ")")
                            + " that cannot be reached" + H2Lock.holder(file) + ": " + H2Lock.reason(e)
                            + ". Stop that process or wait for it to finish, then try again.");
                }
                if (Migrations.isForeignSchema(e)) {
                    throw new ZosException("OCS0021E", "The registry at " + redacted(url) + " cannot be opened: its "
                            + "database schema holds tables but no registry (neither flyway_schema_history nor "
                            + "schema_version). Give the registry an empty schema of its own (currentSchema=...).");
                }
                throw new ZosException("OCS0021E", "The registry at " + redacted(url) + " cannot be opened: "
                        + redacted(reason(e)));
            } catch (RuntimeException e) {
                if (made[0] != null) {
                    made[0].close();
                }
                closeQuietly(kept[0]);
                throw e;
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZosException("OCS0021E", "Opening the registry was interrupted.");
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Already failing: the first error is the one to report.
            }
        }
    }

    /**
     * A connection from the pool, to be closed (given back) by the caller. On the embedded registry a lost race ("Lock
     * file recently modified", an owner whose server just exited) is tried again for up to 15 seconds, after the pool
     * has dropped the connections that went through the exited owner.
     */
    public Connection connect() throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        for (int attempt = 1; ; attempt++) {
            try {
                return borrow();
            } catch (SQLException e) {
                if (dialect != Dialect.H2 || !H2Lock.isContention(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                pool.getHikariPoolMXBean().softEvictConnections();
            }
            pause(100L * Math.min(attempt, 5) + java.util.concurrent.ThreadLocalRandom.current().nextLong(100));
        }
    }

    /**
     * A connection from the pool. While PostgreSQL is known to be unreachable (the last connection failed with a
     * connection exception, SQLSTATE class 08: the server refused, restarted or dropped it), a unit of work first
     * opens one connection of its own outside the pool (connect timeout {@value #PROBE_TIMEOUT_SECONDS} s): refused,
     * the unit fails at once with the driver's reason instead of waiting the pool's
     * {@value Pools#CONNECTION_TIMEOUT_SECONDS} seconds; accepted, the outage is over and the pool lends a connection
     * (HikariCP retries its own connections with a back-off of up to 5 seconds, so the first unit after a restart may
     * wait that long, but does not fail). The pool's timeout still covers every connection being busy.
     */
    private Connection borrow() throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return pool.getConnection();
        }
        try {
            if (outage) {
                probe();
                outage = false;
            }
            return pool.getConnection();
        } catch (SQLException e) {
            noteConnectionFailure(e);
            throw e;
        }
    }

    /** Opens and closes one connection outside the pool: the server's refusal, if it refuses, as an SQLException. */
    private void probe() throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("ApplicationName", "OpenCS");
        try (Connection probe = DriverManager.getConnection(url, properties)) {
            // reachable: the outage is over
        }
    }

    /**
     * Whether {@code e} (or a cause) is a connection exception, SQLSTATE class 08 (PostgreSQL unreachable, or the
     * connection broken); if so, the next unit of work checks that the server is back before it borrows.
     */
    private boolean noteConnectionFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                outage = true;
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the first connections of a process to the embedded registry while holding an exclusive lock on
     * {@code registry.open.lock} beside the database, so processes on one home take turns while H2 decides who owns
     * the file and who connects through the owner's server. Inside one JVM H2 shares the open database, so another
     * thread holding the lock ({@link java.nio.channels.OverlappingFileLockException}) or a home without a writable
     * lock file just goes ahead.
     */
    private <T> T takingTurns(Work<T> work) throws SQLException {
        Path file = dialect == Dialect.H2 ? H2Lock.databasePath(url) : null;
        if (file == null) {
            return work.run(null);
        }
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(
                file.resolveSibling(file.getFileName() + ".open.lock"), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock;
            try {
                lock = channel.lock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            try {
                return work.run(null);
            } finally {
                if (lock != null) {
                    lock.release();
                }
            }
        } catch (java.io.IOException e) {
            return work.run(null);
        }
    }

    /**
     * A unit of work in one transaction; SQL failures become registry errors. On the embedded registry a unit whose
     * connection went through another process's server, which exited meanwhile ("Database is already closed"), was
     * rolled back with that connection and is run again (up to three times) on a new one. On PostgreSQL a unit whose
     * pooled connection broke before its commit (SQLSTATE class 08: the server restarted since the connection was
     * made) is run again the same way, once the server answers; while it does not, the unit fails at once (OCS0022E).
     */
    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            boolean stale = false;
            try (Connection connection = connect()) {
                boolean committing = false;
                try {
                    connection.setAutoCommit(false);
                    T result = work.run(connection);
                    committing = true;
                    connection.commit();
                    return result;
                } catch (SQLException e) {
                    rollbackQuietly(connection);
                    // A pooled connection the restarted server no longer knows (HikariCP evicts it): the unit never
                    // reached a commit, so nothing of it was done and it may run again on a new connection.
                    stale = dialect == Dialect.POSTGRESQL && noteConnectionFailure(e) && !committing;
                    if (stale) {
                        // The server restarted: every connection the pool made before is as dead as this one, and
                        // a connection used in the last half second is lent without a check, so each retry could
                        // meet another. Evict them all; the next borrow gets a new one.
                        pool.evictConnection(connection);
                        pool.getHikariPoolMXBean().softEvictConnections();
                    }
                    if (dialect == Dialect.H2 && H2Lock.isContention(e)) {
                        // Every pooled connection went through the same exited owner: none is to be lent again.
                        pool.evictConnection(connection);
                        pool.getHikariPoolMXBean().softEvictConnections();
                    }
                    throw e;
                } catch (RuntimeException e) {
                    rollbackQuietly(connection);
                    throw e;
                }
            } catch (SQLException e) {
                if (dialect == Dialect.H2 && attempt < 3 && H2Lock.isContention(e)) {
                    pause(100L * attempt);
                    continue;
                }
                if (stale && attempt < 3) {
                    continue; // borrow() first checks that the server is back, failing at once if it is not
                }
                throw new ZosException("OCS0022E", "Registry error: " + redacted(reason(e)));
            }
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is gone: its transaction ends with it.
        }
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The schema version Flyway records (a registry taken over from {@code schema_version} counts its baseline). */
    public int schemaVersion() {
        try {
            return Migrations.currentVersion(pool, dialect);
        } catch (FlywayException e) {
            throw new ZosException("OCS0022E", "Registry error: " + redacted(reason(e)));
        }
    }

    public boolean isShared() {
        return dialect == Dialect.POSTGRESQL;
    }

    /** Closes the pool (its connections end) and, on H2, the connection that kept the database open. */
    @Override
    public void close() {
        pool.close();
        if (keepOpen != null) {
            try {
                keepOpen.close();
            } catch (SQLException e) {
                // Closing at exit: nothing left to protect.
            }
        }
    }

    /**
     * What went wrong in the driver's own words: the innermost SQL error's first line (the pool's "not available" and
     * Flyway's report wrap it), else the failure's first line.
     */
    static String reason(Throwable failure) {
        Throwable chosen = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException) {
                chosen = cause;
            }
        }
        String text = String.valueOf(chosen.getMessage()).strip();
        return text.lines().findFirst().orElse(text);
    }

    /**
     * {@code url} without its password parameter, as operator messages name a registry
     * ("jdbc:postgresql://db/opencs?user=u&password=x&currentSchema=s" is "...?user=u&currentSchema=s").
     */
    public static String withoutPassword(String url) {
        return url.replaceAll("(?i)([?&;])password=[^&;\\s]*[&;]?", "$1").replaceAll("[?&;]$", "");
    }

    /** {@code url} (or a driver's message quoting it) with any password=... value replaced by ***, for messages. */
    public static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;\\s\"']*", "$1***");
    }
}
