package org.opencs.saf.users;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencs.saf.store.Database;
import org.opencs.saf.store.Sql;

/** User profiles in the registry's {@code users} table. */
public final class UserStore {
    private static final String COLUMNS = "userid, name, owner, password_hash, phrase_hash, password_expired, special, "
            + "revoked, failed_logons, omvs_uid, omvs_home, created, last_logon";

    private final Database database;

    public UserStore(Database database) {
        this.database = database;
    }

    public Optional<User> find(String userid) {
        return database.inTransaction(c -> find(c, userid));
    }

    static Optional<User> find(Connection c, String userid) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE userid = ?")) {
            select.setString(1, userid);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public List<User> list() {
        return database.inTransaction(c -> {
            List<User> users = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM users ORDER BY userid");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    users.add(read(rs));
                }
            }
            return users;
        });
    }

    /** Inserts a new user; false when the user ID already exists. */
    public boolean add(User user) {
        return database.inTransaction(c -> {
            if (find(c, user.userid()).isPresent()) {
                return false;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO users (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(insert, user);
                insert.executeUpdate();
            }
            return true;
        });
    }

    public void update(User user) {
        database.inTransaction(c -> {
            update(c, user);
            return null;
        });
    }

    static void update(Connection c, User user) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE users SET userid = ?, name = ?, owner = ?, "
                + "password_hash = ?, phrase_hash = ?, password_expired = ?, special = ?, revoked = ?, failed_logons = ?, "
                + "omvs_uid = ?, omvs_home = ?, created = ?, last_logon = ? WHERE userid = ?")) {
            bind(update, user);
            update.setString(14, user.userid());
            update.executeUpdate();
        }
    }

    /**
     * A successful logon: sets the last logon time and clears the failure count, one targeted UPDATE that touches
     * nothing else, so a REVOKE or a password change made while the password was being checked is kept.
     */
    public void recordLogon(String userid, java.time.Instant when) {
        database.inTransaction(c -> Sql.update(c, "UPDATE users SET last_logon = ?, failed_logons = 0 WHERE userid = ?",
                Timestamp.from(when), userid));
    }

    /**
     * The expired-password dialogue's new password: sets the hash (not expired), the last logon and a failure count
     * of 0 in one targeted UPDATE, leaving the rest of the row (a REVOKE made meanwhile) as it is.
     */
    public void setPassword(String userid, String hash, java.time.Instant when) {
        database.inTransaction(c -> Sql.update(c, "UPDATE users SET password_hash = ?, password_expired = FALSE, "
                + "last_logon = ?, failed_logons = 0 WHERE userid = ?", hash, Timestamp.from(when), userid));
    }

    /** A user's failure count and revoked flag right after {@link #recordFailure} counted one more failure. */
    public record Failures(int count, boolean revoked) {
    }

    /**
     * A failed logon: adds one to the failure count and, when the new count reaches {@code revokeAfter} (SETROPTS
     * PASSWORD(REVOKE(n)); 0 for never), revokes the user, in one UPDATE, so parallel failures each count (the
     * database locks the row) and none overwrites anything else of the row. The row is read back in the same
     * transaction, while this transaction still holds the row lock.
     *
     * @return the count and revoked flag after this failure; empty when the user no longer exists
     */
    public Optional<Failures> recordFailure(String userid, int revokeAfter) {
        return database.inTransaction(c -> {
            int updated = Sql.update(c, "UPDATE users SET failed_logons = failed_logons + 1, revoked = CASE WHEN ? > 0 "
                    + "AND failed_logons + 1 >= ? THEN TRUE ELSE revoked END WHERE userid = ?", revokeAfter, revokeAfter, userid);
            if (updated != 1) {
                return Optional.<Failures>empty();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT failed_logons, revoked FROM users WHERE userid = ?")) {
                select.setString(1, userid);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Failures(rs.getInt(1), rs.getBoolean(2))) : Optional.<Failures>empty();
                }
            }
        });
    }

    /** Which of a user's two secrets a hash is. */
    public enum Secret { PASSWORD, PHRASE }

    /**
     * Replaces a user's password or phrase hash with {@code replacement} only while it is still {@code expected}: one
     * conditional UPDATE, so a password changed meanwhile (ALTUSER, another node's logon upgrade) is never overwritten.
     *
     * @return true when this call replaced it
     */
    public boolean replaceHash(String userid, Secret secret, String expected, String replacement) {
        String column = secret == Secret.PASSWORD ? "password_hash" : "phrase_hash";
        return database.inTransaction(c -> Sql.update(c, "UPDATE users SET " + column + " = ? WHERE userid = ? AND "
                + column + " = ?", replacement, userid, expected) == 1);
    }

    public boolean delete(String userid) {
        return database.inTransaction(c -> {
            Sql.update(c, "DELETE FROM access_list WHERE userid = ?", userid);
            return Sql.update(c, "DELETE FROM users WHERE userid = ?", userid) == 1;
        });
    }

    /** What a change guarded by {@link #updateKeepingSpecial} or {@link #deleteKeepingSpecial} did. */
    public enum Guarded {
        DONE,
        /** No such user. */
        NOT_DEFINED,
        /** Refused: the user is the last active SPECIAL user (SPECIAL and not revoked), and the change would end that. */
        LAST_SPECIAL
    }

    /** How many users are SPECIAL and not revoked: who can still administer the registry. */
    public int activeSpecialCount() {
        return database.inTransaction(c -> activeSpecial(c, false).size());
    }

    /**
     * Updates a user unless the update would leave the registry with no active SPECIAL user (RACF itself allows
     * that, and only its failsoft mode at the console gets out of it; OpenCS refuses). The active SPECIAL rows are
     * read with SELECT ... FOR UPDATE in the update's own transaction, so two processes (two nodes of one PostgreSQL
     * registry) removing the last two SPECIAL users at once are serialized: the second waits for the first and then
     * sees one SPECIAL user left, its own.
     */
    public Guarded updateKeepingSpecial(User user) {
        return database.inTransaction(c -> {
            List<String> special = activeSpecial(c, true);
            Optional<User> before = find(c, user.userid());
            if (before.isEmpty()) {
                return Guarded.NOT_DEFINED;
            }
            boolean stays = user.special() && !user.revoked();
            if (!stays && special.contains(user.userid()) && special.size() <= 1) {
                return Guarded.LAST_SPECIAL;
            }
            update(c, user);
            return Guarded.DONE;
        });
    }

    /** Deletes a user unless it is the last active SPECIAL user; serialized as {@link #updateKeepingSpecial}. */
    public Guarded deleteKeepingSpecial(String userid) {
        return database.inTransaction(c -> {
            List<String> special = activeSpecial(c, true);
            if (special.contains(userid) && special.size() <= 1) {
                return Guarded.LAST_SPECIAL;
            }
            Sql.update(c, "DELETE FROM access_list WHERE userid = ?", userid);
            return Sql.update(c, "DELETE FROM users WHERE userid = ?", userid) == 1 ? Guarded.DONE : Guarded.NOT_DEFINED;
        });
    }

    private static List<String> activeSpecial(Connection c, boolean lock) throws SQLException {
        List<String> userids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT userid FROM users WHERE special = TRUE AND revoked = FALSE"
                + " ORDER BY userid" + (lock ? " FOR UPDATE" : ""));
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                userids.add(rs.getString(1));
            }
        }
        return userids;
    }

    /** Binds the 13 columns in COLUMNS order. */
    private static void bind(PreparedStatement statement, User user) throws SQLException {
        statement.setString(1, user.userid());
        statement.setString(2, user.name());
        statement.setString(3, user.owner());
        statement.setString(4, user.passwordHash());
        statement.setString(5, user.phraseHash());
        statement.setBoolean(6, user.passwordExpired());
        statement.setBoolean(7, user.special());
        statement.setBoolean(8, user.revoked());
        statement.setInt(9, user.failedLogons());
        setLong(statement, 10, user.omvsUid());
        statement.setString(11, user.omvsHome());
        statement.setTimestamp(12, Timestamp.from(user.created()));
        statement.setTimestamp(13, user.lastLogon() == null ? null : Timestamp.from(user.lastLogon()));
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static User read(ResultSet rs) throws SQLException {
        long uid = rs.getLong("omvs_uid");
        Long omvsUid = rs.wasNull() ? null : uid;
        Timestamp lastLogon = rs.getTimestamp("last_logon");
        return new User(rs.getString("userid"), rs.getString("name"), rs.getString("owner"),
                rs.getString("password_hash"), rs.getString("phrase_hash"), rs.getBoolean("password_expired"),
                rs.getBoolean("special"),
                rs.getBoolean("revoked"), rs.getInt("failed_logons"), omvsUid, rs.getString("omvs_home"),
                rs.getTimestamp("created").toInstant(), lastLogon == null ? null : lastLogon.toInstant());
    }
}
