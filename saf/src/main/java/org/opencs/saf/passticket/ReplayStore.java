package org.opencs.saf.passticket;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.opencs.saf.store.Database;

/**
 * Used PassTickets, so that a ticket is accepted once. The primary key (user, application, ticket, generation time)
 * makes the check atomic across every node sharing the registry: the second insert fails.
 */
public final class ReplayStore {
    private final Database database;

    public ReplayStore(Database database) {
        this.database = database;
    }

    /** Records a use; false when the same ticket was already used (a replay). */
    public boolean recordUse(String userid, String application, String ticket, long generated, Instant now) {
        try (var connection = database.connect()) {
            try (PreparedStatement purge = connection.prepareStatement("DELETE FROM ptkt_used WHERE generated < ?")) {
                purge.setLong(1, now.getEpochSecond() - 2L * PassTicketKey.LEGACY_WINDOW_SECONDS);
                purge.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ptkt_used (userid, appl, ticket, generated, used_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, userid);
                insert.setString(2, application);
                insert.setString(3, ticket);
                insert.setLong(4, generated);
                insert.setTimestamp(5, Timestamp.from(now));
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new org.opencs.core.ZosException("OCS0022E", "Registry error: " + e.getMessage());
        }
    }
}
