package org.opencs.saf.store;

/** The two registry stores: embedded H2 (one system) and PostgreSQL (shared by several nodes). */
enum Dialect {
    H2("VARBINARY"),
    POSTGRESQL("BYTEA");

    private final String bytesType;

    Dialect(String bytesType) {
        this.bytesType = bytesType;
    }

    String bytesType() {
        return bytesType;
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new org.opencs.core.ZosException("OCS0020E", "registry.url '" + jdbcUrl
                + "' is neither jdbc:h2: nor jdbc:postgresql:.");
    }
}
