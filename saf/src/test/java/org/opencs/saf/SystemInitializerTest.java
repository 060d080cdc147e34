package org.opencs.saf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.SystemHome;

/** A failed `opencs init` leaves no half-made system: it can be run again once the cause is fixed. */
class SystemInitializerTest {
    @TempDir
    Path dir;

    @Test
    void aRegistryThatCannotBeOpenedLeavesNoSystemBehind() throws Exception {
        SystemHome home = new SystemHome(dir.resolve("home"));
        assertThatThrownBy(() -> SystemInitializer.initialize(home,
                "jdbc:postgresql://127.0.0.1:1/opencs?user=opencs&password=secret", Clock.systemUTC(), new SecureRandom()))
                .hasMessageStartingWith("OCS0021E").hasMessageNotContaining("secret");
        assertThat(home.systemConf()).doesNotExist();
        assertThat(home.saf().resolve("master.key")).doesNotExist();
        // Fixed (here: the embedded registry), the same home initializes.
        SystemInitializer.Result result = SystemInitializer.initialize(home, null, Clock.systemUTC(), new SecureRandom());
        assertThat(result.ibmuserPassword()).hasSize(8);
        assertThat(Files.exists(home.systemConf())).isTrue();
    }

    @Test
    void anotherSchemasOldRegistryIsNotMistakenForThisOne() throws Exception {
        // Another system's registry, migrated by OpenCS before Flyway (its schema_version table), in its own schema.
        String other = TestRegistries.postgresSchemaUrl();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(other);
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)");
            st.execute("INSERT INTO schema_version VALUES (3, CURRENT_TIMESTAMP)");
        }
        // This system names a schema that does not exist yet: it is made and migrated from V1, not baselined at 3.
        String base = System.getenv("OPENCS_TEST_POSTGRES_URL");
        String fresh = base + (base.contains("?") ? "&" : "?") + "currentSchema=n" + System.nanoTime();
        SystemHome home = new SystemHome(dir.resolve("fresh"));
        SystemInitializer.initialize(home, fresh, Clock.systemUTC(), new SecureRandom());
        try (Registry registry = Registry.open(home, Clock.systemUTC(), new SecureRandom())) {
            assertThat(registry.users().find("IBMUSER")).isPresent();
            assertThat(registry.database().schemaVersion()).isEqualTo(5);
        }
    }
}
