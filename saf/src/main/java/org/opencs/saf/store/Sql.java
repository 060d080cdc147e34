package org.opencs.saf.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The statements the stores run again and again: an update with parameters, and a does-a-row-exist query. */
public final class Sql {
    private Sql() {
    }

    /** Runs an INSERT, UPDATE or DELETE with its parameters in order; returns the row count. */
    public static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** True when the query (typically SELECT 1 ... WHERE ...) returns a row. */
    public static boolean exists(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, parameters); ResultSet rs = statement.executeQuery()) {
            return rs.next();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
