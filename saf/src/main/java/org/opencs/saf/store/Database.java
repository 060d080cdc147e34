package org.opencs.saf.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Path;
import org.opencs.core.ZosException;

/**
 * The registry's JDBC connection source. Each unit of work takes its own connection (PostgreSQL connections are not
 * shared between threads); for embedded H2 one extra connection stays open so the database is not closed and
 * reopened between units of work.
 */
public final class Database implements AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final Dialect dialect;
    private final Connection keepOpen;

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
        this.keepOpen = open(holder);
    }

    /**
     * Opens the store and applies migrations. A registry another process holds and does not let this one reach
     * ({@link #connect()} waits its turn; a holder that exits mid-way is tried again, up to 15 seconds) is OCS0023E
     * naming the holder.
     */
    private Connection open(java.util.function.Supplier<String> holder) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        for (int attempt = 1; ; attempt++) {
            Connection[] kept = new Connection[1];
            try {
                return takingTurns(unused -> {
                    kept[0] = dialect == Dialect.H2 ? connect() : null;
                    try (Connection connection = connect()) {
                        Migrations.apply(connection, dialect);
                    }
                    return kept[0];
                });
            } catch (SQLException e) {
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
                throw new ZosException("OCS0021E", "The registry at " + redacted(url) + " cannot be opened: "
                        + redacted(String.valueOf(e.getMessage())));
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
     * A connection. On the embedded registry a lost race ("Lock file recently modified", an owner whose server just
     * exited) is tried again for up to 15 seconds.
     */
    public Connection connect() throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(15);
        for (int attempt = 1; ; attempt++) {
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException e) {
                if (dialect != Dialect.H2 || !H2Lock.isContention(e) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            pause(100L * Math.min(attempt, 5) + java.util.concurrent.ThreadLocalRandom.current().nextLong(100));
        }
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
     * rolled back with that connection and is run again (up to three times) on a new one.
     */
    public <T> T inTransaction(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = connect()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection);
                    throw e;
                }
            } catch (SQLException e) {
                if (dialect == Dialect.H2 && attempt < 3 && H2Lock.isContention(e)) {
                    pause(100L * attempt);
                    continue;
                }
                throw new ZosException("OCS0022E", "Registry error: " + redacted(String.valueOf(e.getMessage())));
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

    public int schemaVersion() {
        return inTransaction(Migrations::currentVersion);
    }

    public boolean isShared() {
        return dialect == Dialect.POSTGRESQL;
    }

    @Override
    public void close() {
        if (keepOpen != null) {
            try {
                keepOpen.close();
            } catch (SQLException e) {
                // Closing at exit: nothing left to protect.
            }
        }
    }

    /** The URL (or a driver's message quoting it) without any password parameter, for messages. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;\\s\"']*", "$1***");
    }
}
