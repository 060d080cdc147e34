package org.opencs.saf;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.opencs.core.SystemHome;

/**
 * Systems for tests: a fresh home with the embedded H2 registry, or with a PostgreSQL registry in a schema of its own.
 * PostgreSQL comes from OPENCS_TEST_POSTGRES_URL (.ci/run starts a server and sets it); without it those tests are
 * reported as skipped, and with OPENCS_REQUIRE_POSTGRES=1 (CI) a missing server fails them instead.
 */
public final class TestRegistries {
    public enum Store { H2, POSTGRESQL }

    private TestRegistries() {
    }

    public static SystemInitializer.Result init(Path dir, Store store, Clock clock) throws Exception {
        String url = store == Store.H2 ? null : postgresSchemaUrl();
        return SystemInitializer.initialize(new SystemHome(dir.resolve("home")), url, clock, new SecureRandom());
    }

    public static Registry open(SystemInitializer.Result result, Clock clock) {
        return Registry.open(result.home(), clock, new SecureRandom());
    }

    static String postgresSchemaUrl() throws Exception {
        String base = System.getenv("OPENCS_TEST_POSTGRES_URL");
        if (base == null || base.isBlank()) {
            if ("1".equals(System.getenv("OPENCS_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException("OPENCS_REQUIRE_POSTGRES=1 but OPENCS_TEST_POSTGRES_URL is not set");
            }
            Assumptions.abort("PostgreSQL not configured (OPENCS_TEST_POSTGRES_URL)");
        }
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(base); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
