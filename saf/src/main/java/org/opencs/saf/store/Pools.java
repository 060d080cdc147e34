package org.opencs.saf.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.TimeUnit;

/**
 * The registry's HikariCP connection pool. Small (at most {@value #MAX_SIZE} connections per process: units of work are
 * short, and several nodes share one PostgreSQL server whose connection limit is counted across all of them), at
 * least {@value #MIN_IDLE} kept ready. Nothing is connected when the pool is made: {@link Database} opens the registry
 * itself so that its messages, not the pool's, tell what is wrong.
 *
 * <p>PostgreSQL: a unit of work that waits more than {@value #CONNECTION_TIMEOUT_SECONDS} seconds for a connection
 * (every connection is busy, or the server went down unnoticed) fails with the driver's reason; once a connection
 * failure has been seen, {@link Database} fails units at once until the server answers again; connections are replaced after 30
 * minutes and checked with the JDBC4 {@code isValid} when they were idle. Embedded H2: connections never expire (the
 * data is in this process or reached through the owner's AUTO_SERVER), and those that went through an owner that
 * exited are evicted by {@link Database}.
 */
final class Pools {
    static final int MAX_SIZE = 8;
    static final int MIN_IDLE = 1;
    static final int CONNECTION_TIMEOUT_SECONDS = 5;

    private Pools() {
    }

    /** A pool for {@code url}; no connection is made until one is asked for. */
    static HikariDataSource create(String url, String user, String password, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("OpenCS-registry");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(MAX_SIZE);
        config.setMinimumIdle(MIN_IDLE);
        config.setConnectionTimeout(TimeUnit.SECONDS.toMillis(CONNECTION_TIMEOUT_SECONDS));
        // Fail at the first use, with Database's message, rather than in the constructor with the pool's.
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        if (dialect == Dialect.H2) {
            config.setDriverClassName("org.h2.Driver");
            config.setMaxLifetime(0);
            config.setIdleTimeout(TimeUnit.MINUTES.toMillis(10));
        } else {
            config.setDriverClassName("org.postgresql.Driver");
            config.setMaxLifetime(TimeUnit.MINUTES.toMillis(30));
            config.setIdleTimeout(TimeUnit.MINUTES.toMillis(10));
            config.addDataSourceProperty("ApplicationName", "OpenCS");
        }
        return new HikariDataSource(config);
    }
}
