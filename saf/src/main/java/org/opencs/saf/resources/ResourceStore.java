package org.opencs.saf.resources;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencs.saf.store.Database;
import org.opencs.saf.store.Sql;

/** General resource profiles and their access lists. */
public final class ResourceStore {
    private final Database database;

    public ResourceStore(Database database) {
        this.database = database;
    }

    public Optional<ResourceProfile> find(String className, String profile) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT * FROM resource_profiles WHERE class_name = ? AND profile = ?")) {
                select.setString(1, className);
                select.setString(2, profile);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    public List<ResourceProfile> list(String className) {
        return database.inTransaction(c -> {
            List<ResourceProfile> result = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT * FROM resource_profiles WHERE class_name = ? ORDER BY profile")) {
                select.setString(1, className);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        result.add(read(rs));
                    }
                }
            }
            return result;
        });
    }

    /** Inserts a new profile; false when it exists already. */
    public boolean add(ResourceProfile profile, Instant now) {
        return database.inTransaction(c -> {
            if (exists(c, profile.className(), profile.profile())) {
                return false;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO resource_profiles (class_name, profile, "
                    + "owner, uacc, appldata, ssignon, ptkt_enhanced, ptkt_type, ptkt_timeout, ptkt_replay, created) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, profile.className());
                insert.setString(2, profile.profile());
                insert.setString(3, profile.owner());
                bindAttributes(insert, 4, profile);
                insert.setTimestamp(11, Timestamp.from(now));
                insert.executeUpdate();
            }
            return true;
        });
    }

    public void update(ResourceProfile profile) {
        database.inTransaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE resource_profiles SET uacc = ?, appldata = ?, "
                    + "ssignon = ?, ptkt_enhanced = ?, ptkt_type = ?, ptkt_timeout = ?, ptkt_replay = ? "
                    + "WHERE class_name = ? AND profile = ?")) {
                bindAttributes(update, 1, profile);
                update.setString(8, profile.className());
                update.setString(9, profile.profile());
                update.executeUpdate();
            }
            return null;
        });
    }

    public boolean delete(String className, String profile) {
        return database.inTransaction(c -> {
            Sql.update(c, "DELETE FROM access_list WHERE class_name = ? AND profile = ?", className, profile);
            return Sql.update(c, "DELETE FROM resource_profiles WHERE class_name = ? AND profile = ?", className, profile) == 1;
        });
    }

    /** PERMIT: sets (or with {@code null}, removes) a user's access to a profile. */
    public void permit(String className, String profile, String userid, AccessLevel access) {
        database.inTransaction(c -> {
            Sql.update(c, "DELETE FROM access_list WHERE class_name = ? AND profile = ? AND userid = ?",
                    className, profile, userid);
            if (access != null) {
                Sql.update(c, "INSERT INTO access_list (class_name, profile, userid, access_level) VALUES (?, ?, ?, ?)",
                        className, profile, userid, access.name());
            }
            return null;
        });
    }

    public Map<String, AccessLevel> accessList(String className, String profile) {
        return database.inTransaction(c -> {
            Map<String, AccessLevel> result = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT userid, access_level FROM access_list "
                    + "WHERE class_name = ? AND profile = ? ORDER BY userid")) {
                select.setString(1, className);
                select.setString(2, profile);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getString(1), AccessLevel.valueOf(rs.getString(2)));
                    }
                }
            }
            return result;
        });
    }

    private static boolean exists(Connection c, String className, String profile) throws SQLException {
        return Sql.exists(c, "SELECT 1 FROM resource_profiles WHERE class_name = ? AND profile = ?", className, profile);
    }

    private static void bindAttributes(PreparedStatement statement, int first, ResourceProfile p) throws SQLException {
        statement.setString(first, p.uacc().name());
        statement.setString(first + 1, p.appldata());
        statement.setBytes(first + 2, p.sealedKey());
        statement.setBoolean(first + 3, p.enhanced());
        statement.setString(first + 4, p.ticketType());
        if (p.timeoutSeconds() == null) {
            statement.setNull(first + 5, Types.INTEGER);
        } else {
            statement.setInt(first + 5, p.timeoutSeconds());
        }
        if (p.replayAllowed() == null) {
            statement.setNull(first + 6, Types.BOOLEAN);
        } else {
            statement.setBoolean(first + 6, p.replayAllowed());
        }
    }

    private static ResourceProfile read(ResultSet rs) throws SQLException {
        int timeout = rs.getInt("ptkt_timeout");
        Integer timeoutSeconds = rs.wasNull() ? null : timeout;
        boolean replay = rs.getBoolean("ptkt_replay");
        Boolean replayAllowed = rs.wasNull() ? null : replay;
        return new ResourceProfile(rs.getString("class_name"), rs.getString("profile"), rs.getString("owner"),
                AccessLevel.valueOf(rs.getString("uacc")), rs.getString("appldata"), rs.getBytes("ssignon"),
                rs.getBoolean("ptkt_enhanced"), rs.getString("ptkt_type"), timeoutSeconds, replayAllowed);
    }
}
