package org.opencs.saf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencs.saf.store.Database;

/**
 * Upgrading a several-node system one node at a time (docs/deployment.md): the first upgraded node migrates the shared
 * registry to a newer schema, and the nodes not yet upgraded must go on opening it (a restart of an old node during
 * the upgrade must not fail). Flyway ignores applied migrations it does not know ("future" ones) when it validates, so
 * an old node opens a registry whose history holds a newer version. Simulated here by recording a migration this build
 * does not have, as a newer OpenCS would have recorded it.
 */
class RollingUpgradeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aNodeOpensARegistryThatANewerNodeAlreadyMigrated(TestRegistries.Store store) throws Exception {
        String url = store == TestRegistries.Store.H2 ? "jdbc:h2:file:" + dir.resolve("registry") + ";AUTO_SERVER=TRUE"
                : TestRegistries.postgresSchemaUrl();
        int known;
        try (Database database = new Database(url, "", "")) {
            known = database.schemaVersion();
            database.<Void>inTransaction(connection -> {
                try (Statement statement = connection.createStatement()) {
                    // What a newer node's Flyway leaves behind: a new table and its successful history row.
                    statement.execute("CREATE TABLE newer_node_table (id INTEGER PRIMARY KEY)");
                    statement.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", "
                            + "\"description\", \"type\", \"script\", \"checksum\", \"installed_by\", \"installed_on\", "
                            + "\"execution_time\", \"success\") SELECT MAX(\"installed_rank\") + 1, '999', 'newer node', "
                            + "'SQL', 'V999__newer_node.sql', 1, 'opencs', CURRENT_TIMESTAMP, 1, TRUE "
                            + "FROM \"flyway_schema_history\"");
                }
                return null;
            });
        }
        try (Database older = new Database(url, "", "")) {
            // It opens, works, and neither undoes nor repeats the newer node's change.
            assertThat(older.<Integer>inTransaction(connection -> {
                try (Statement statement = connection.createStatement();
                     var rs = statement.executeQuery("SELECT COUNT(*) FROM newer_node_table")) {
                    rs.next();
                    return rs.getInt(1);
                }
            })).isZero();
            assertThat(older.schemaVersion()).isGreaterThan(known);
        }
    }
}
