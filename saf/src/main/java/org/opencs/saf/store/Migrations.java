package org.opencs.saf.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * The registry's schema, migrated by Flyway from the {@code migrations/V<n>__<what>.sql} resources; history in
 * Flyway's {@code flyway_schema_history}. {@code ${bytes}} in a script is the dialect's binary type (a Flyway
 * placeholder). A registry migrated by OpenCS before Flyway (its own {@code schema_version} table, no Flyway history)
 * is baselined at the version that table records, so no script runs twice. Two processes migrating one new database
 * take turns on Flyway's lock (PostgreSQL: an advisory lock; H2: a row lock on the history table, and
 * {@code registry.open.lock} between processes on one home).
 */
final class Migrations {
    /** Where the scripts are, as Flyway names a location. */
    static final String LOCATION = "classpath:org/opencs/saf/migrations";

    private Migrations() {
    }

    /**
     * Brings the schema behind {@code dataSource} to the newest version.
     *
     * @throws SQLException when the legacy version cannot be read for a reason other than a missing table
     * @throws org.flywaydb.core.api.FlywayException when a migration fails or the schema is not a registry's
     */
    static void apply(DataSource dataSource, Dialect dialect) throws SQLException {
        OptionalInt legacy = legacyVersion(dataSource);
        var configuration = configure(dataSource, dialect);
        if (legacy.isPresent()) {
            // Only used while flyway_schema_history does not exist yet: the first open by the new code.
            configuration.baselineOnMigrate(true).baselineVersion(Integer.toString(legacy.getAsInt()))
                    .baselineDescription("OpenCS schema_version " + legacy.getAsInt());
        }
        configuration.load().migrate();
    }

    /** True when Flyway refused a schema that has tables but is not a registry (no history, no schema_version). */
    static boolean isForeignSchema(Throwable failure) {
        return failure instanceof org.flywaydb.core.api.FlywayException
                && String.valueOf(failure.getMessage()).contains("but no schema history table");
    }

    /** The schema's current version (a baseline counts as its version); 0 for an empty schema. */
    static int currentVersion(DataSource dataSource, Dialect dialect) {
        MigrationInfo current = configure(dataSource, dialect).load().info().current();
        return current == null || current.getVersion() == null ? 0
                : Integer.parseInt(current.getVersion().getVersion());
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration configure(DataSource dataSource,
                                                                                     Dialect dialect) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .placeholders(Map.of("bytes", dialect.bytesType()))
                .validateMigrationNaming(true)
                // The registry's own words go to the user; Flyway's progress is for the log.
                .loggers("slf4j");
    }

    /**
     * The version the pre-Flyway code recorded in {@code schema_version}, or empty when there is no such table (a new
     * database, or one Flyway already manages without it).
     */
    static OptionalInt legacyVersion(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!hasTable(connection, "schema_version")) {
                return OptionalInt.empty();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rs.next();
                return OptionalInt.of(rs.getInt(1));
            }
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        var meta = connection.getMetaData();
        String schema = connection.getSchema();
        if (schema == null) {
            // No current schema (PostgreSQL's currentSchema names one that does not exist): a null pattern would match
            // a table of the same name in any other schema of the database, another system's registry included.
            return false;
        }
        for (String candidate : new String[] {name, name.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(connection.getCatalog(), schema, candidate, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
