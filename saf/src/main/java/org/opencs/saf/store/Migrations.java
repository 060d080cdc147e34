package org.opencs.saf.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Versioned schema migrations: {@code migrations/V<n>__<what>.sql} resources applied in order, each in its own
 * transaction, recorded in {@code schema_version}. Re-running is a no-op; two processes racing on a new database both
 * succeed because the version row is the commit's last step and its primary key refuses a duplicate.
 */
final class Migrations {
    static final List<String> SCRIPTS = List.of("V1__users_profiles_options.sql", "V2__certificates_rings.sql",
            "V3__certificate_maps.sql", "V4__jes_queue.sql");

    private Migrations() {
    }

    static void apply(Connection connection, Dialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)");
        }
        int current = currentVersion(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int version = current + 1; version <= SCRIPTS.size(); version++) {
                // Comments go first: a ';' inside one must not split a statement.
                String sql = stripComments(load(SCRIPTS.get(version - 1))).replace("${bytes}", dialect.bytesType());
                try (Statement statement = connection.createStatement()) {
                    for (String command : sql.split(";")) {
                        String trimmed = command.trim();
                        if (!trimmed.isEmpty()) {
                            statement.execute(trimmed);
                        }
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
                    insert.setInt(1, version);
                    insert.setTimestamp(2, Timestamp.from(Instant.now()));
                    insert.executeUpdate();
                }
                connection.commit();
            }
        } catch (SQLException e) {
            connection.rollback();
            if (currentVersion(connection) < SCRIPTS.size()) {
                throw e;
            }
            // Another process migrated the same database at the same moment: its result stands.
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String stripComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String load(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/org/opencs/saf/migrations/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration " + script + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
