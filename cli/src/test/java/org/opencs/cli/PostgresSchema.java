package org.opencs.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/** A fresh schema on the PostgreSQL server of OPENCS_TEST_POSTGRES_URL (.ci/run starts it and sets the variable). */
final class PostgresSchema {
    private PostgresSchema() {
    }

    /** The base URL (OPENCS_TEST_POSTGRES_URL); an IllegalStateException saying how to set it when it is missing. */
    static String baseUrl(String test) {
        String base = System.getenv("OPENCS_TEST_POSTGRES_URL");
        if (base == null || base.isBlank()) {
            throw new IllegalStateException(test + " needs PostgreSQL: set OPENCS_TEST_POSTGRES_URL, e.g. "
                    + "OPENCS_TEST_POSTGRES_URL='jdbc:postgresql://localhost:5432/opencs_test?user=opencs&password=opencs-test'"
                    + " (.ci/run starts PostgreSQL and sets it)");
        }
        return base;
    }

    /** A new schema of its own for {@code test}: the base URL with {@code currentSchema} set to it. */
    static String create(String test) throws Exception {
        String base = baseUrl(test);
        String schema = "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(base); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
