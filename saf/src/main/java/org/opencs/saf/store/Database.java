package org.opencs.saf.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
        this.url = url;
        this.user = user;
        this.password = password;
        this.dialect = Dialect.of(url);
        try {
            this.keepOpen = dialect == Dialect.H2 ? connect() : null;
            try (Connection connection = connect()) {
                Migrations.apply(connection, dialect);
            }
        } catch (SQLException e) {
            throw new ZosException("OCS0021E", "The registry at " + redacted(url) + " cannot be opened: " + e.getMessage());
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** A unit of work in one transaction; SQL failures become registry errors. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ZosException("OCS0022E", "Registry error: " + e.getMessage());
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

    /** The URL without any password parameter, for messages. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
