package org.opencs.saf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencs.core.ZosException;
import org.opencs.saf.store.Database;

/**
 * The registry's schema through Flyway and its connections through the pool, on both stores: a new database is
 * migrated to V4; a database migrated by the hand-written code that came before (its {@code schema_version} table,
 * built here by running the scripts as that code did) is taken over at its version without running a script twice;
 * two openers racing on a new database both succeed; closing closes the pool.
 */
class RegistryMigrationTest {
    private static final List<String> SCRIPTS = List.of("V1__users_profiles_options.sql", "V2__certificates_rings.sql",
            "V3__certificate_maps.sql", "V4__jes_queue.sql");

    @TempDir
    Path dir;

    private String url(TestRegistries.Store store) throws Exception {
        return store == TestRegistries.Store.H2 ? "jdbc:h2:file:" + dir.resolve("registry") + ";AUTO_SERVER=TRUE"
                : TestRegistries.postgresSchemaUrl();
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aNewDatabaseIsMigratedByFlywayToTheLatestVersion(TestRegistries.Store store) throws Exception {
        String url = url(store);
        try (Database database = new Database(url, "", "")) {
            assertThat(database.schemaVersion()).isEqualTo(5);
            assertThat(history(database)).containsExactly("1 SQL true", "2 SQL true", "3 SQL true", "4 SQL true", "5 SQL true");
            // V4's seed row, and ${bytes} became the dialect's binary type.
            assertThat(database.<String>inTransaction(c -> query(c, "SELECT last_number FROM jes_job_numbers"))).isEqualTo("0");
        }
        try (Database again = new Database(url, "", "")) {
            assertThat(history(again)).hasSize(5);
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aRegistryMigratedByTheOldCodeIsBaselinedAtItsVersion(TestRegistries.Store store) throws Exception {
        String url = url(store);
        migrateTheOldWay(url, store, 4);
        try (Connection connection = DriverManager.getConnection(url, "", "");
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO system_options (name, option_value) VALUES ('PASSWORD.REVOKE', '3')");
        }
        try (Database database = new Database(url, "", "")) {
            assertThat(database.schemaVersion()).isEqualTo(5);
            assertThat(history(database)).containsExactly("4 BASELINE true", "5 SQL true");
            assertThat(database.<String>inTransaction(c -> query(c, "SELECT option_value FROM system_options")))
                    .isEqualTo("3");
            assertThat(database.<String>inTransaction(c -> query(c, "SELECT COUNT(*) FROM jes_job_numbers"))).isEqualTo("1");
        }
        try (Database again = new Database(url, "", "")) {
            assertThat(history(again)).containsExactly("4 BASELINE true", "5 SQL true");
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void anOldRegistryBehindTheNewestVersionGetsOnlyTheMissingScripts(TestRegistries.Store store) throws Exception {
        String url = url(store);
        migrateTheOldWay(url, store, 2);
        try (Database database = new Database(url, "", "")) {
            assertThat(database.schemaVersion()).isEqualTo(5);
            assertThat(history(database)).containsExactly("2 BASELINE true", "3 SQL true", "4 SQL true", "5 SQL true");
            assertThat(database.<String>inTransaction(c -> query(c, "SELECT COUNT(*) FROM certificate_maps"))).isEqualTo("0");
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void twoOpenersRacingOnANewDatabaseBothSucceed(TestRegistries.Store store) throws Exception {
        String url = url(store);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Database>> opened = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                opened.add(threads.submit(() -> {
                    start.await();
                    return new Database(url, "", "");
                }));
            }
            start.countDown();
            for (Future<Database> future : opened) {
                try (Database database = future.get()) {
                    assertThat(database.schemaVersion()).isEqualTo(5);
                    assertThat(history(database)).containsExactly("1 SQL true", "2 SQL true", "3 SQL true", "4 SQL true", "5 SQL true");
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void thePoolLendsEightConnectionsAndClosesWithTheDatabase(TestRegistries.Store store) throws Exception {
        Database database = new Database(url(store), "", "");
        List<Connection> lent = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                lent.add(database.connect());
            }
            assertThat(lent).allSatisfy(c -> assertThat(c.isValid(1)).isTrue());
        } finally {
            for (Connection connection : lent) {
                connection.close();
            }
        }
        database.close();
        assertThatThrownBy(database::connect).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> database.inTransaction(c -> 1)).isInstanceOf(ZosException.class)
                .hasMessageStartingWith("OCS0022E Registry error: ");
    }

    @Test
    void aSchemaHoldingOtherTablesIsRefusedWithoutItsPassword() throws Exception {
        String url = url(TestRegistries.Store.POSTGRESQL);
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
        }
        assertThatThrownBy(() -> new Database(url, "", "")).isInstanceOf(ZosException.class)
                .hasMessageStartingWith("OCS0021E The registry at ")
                .hasMessageEndingWith("cannot be opened: its database schema holds tables but no registry (neither "
                        + "flyway_schema_history nor schema_version). Give the registry an empty schema of its own "
                        + "(currentSchema=...).")
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("opencs-test");
    }

    @Test
    void anUnreachableServerIsOcs0021eWithTheDriversReasonAndNoPassword() {
        assertThatThrownBy(() -> new Database("jdbc:postgresql://127.0.0.1:1/x?user=u&password=s3cret", "", ""))
                .isInstanceOf(ZosException.class)
                .hasMessageStartingWith("OCS0021E The registry at jdbc:postgresql://127.0.0.1:1/x?user=u&password=*** "
                        + "cannot be opened: Connection to 127.0.0.1:1 refused.")
                .hasMessageNotContaining("s3cret").hasMessageNotContaining("Exception").hasMessageNotContaining("\n");
    }

    /** What the hand-written migrations did: schema_version, then each script in order with its version row. */
    private static void migrateTheOldWay(String url, TestRegistries.Store store, int upTo) throws Exception {
        String bytes = store == TestRegistries.Store.H2 ? "VARBINARY" : "BYTEA";
        try (Connection connection = DriverManager.getConnection(url, "", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)");
            for (int version = 1; version <= upTo; version++) {
                StringBuilder sql = new StringBuilder();
                for (String line : script(SCRIPTS.get(version - 1)).split("\n")) {
                    if (!line.trim().startsWith("--")) {
                        sql.append(line).append('\n');
                    }
                }
                for (String command : sql.toString().replace("${bytes}", bytes).split(";")) {
                    if (!command.isBlank()) {
                        statement.execute(command.trim());
                    }
                }
                statement.execute("INSERT INTO schema_version (version, applied_at) VALUES (" + version
                        + ", CURRENT_TIMESTAMP)");
            }
        }
    }

    private static String script(String name) throws Exception {
        try (InputStream in = RegistryMigrationTest.class.getResourceAsStream("/org/opencs/saf/migrations/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> history(Database database) {
        return database.inTransaction(connection -> {
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT \"version\", \"type\", \"success\" FROM "
                         + "\"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3));
                }
            }
            return rows;
        });
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
