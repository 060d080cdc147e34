package org.opencs.saf.grs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.opencs.saf.store.Database;
import org.opencs.saf.store.Sql;

/**
 * The ENQ service, global to every node on one registry database as GRS is to a sysplex: ENQs are rows of the
 * {@code enqueues} table, so any node sees (and {@link #holders lists}) every node's. A request is decided in one
 * transaction that first locks the {@code enq_locks} rows its resources hash to (in bucket order, so two requests
 * never wait on each other in a circle), reads the holders and inserts the grants: two nodes asking for one resource
 * take turns, and the second sees the first's grant. A request that cannot be granted now is answered
 * {@link EnqResult.InUse} at once: callers on server threads never wait (z/OS's RET=USE). Errors reaching the
 * database are ZosException OCS0022E, as every registry store's.
 */
public final class Enqueues {
    /** How many lock rows resources hash to (the rows V5 inserts into enq_locks). */
    static final int BUCKETS = 64;

    private final Database database;
    private final String sysname;
    private final Clock clock;

    /** {@code sysname}: the SYSNAME recorded with this process's grants (for displays and messages). */
    public Enqueues(Database database, String sysname, Clock clock) {
        this.database = database;
        this.sysname = sysname;
        this.clock = clock;
    }

    /** One resource: ENQ qname,rname,mode for {@code owner}. */
    public EnqResult enq(String qname, String rname, EnqMode mode, EnqOwner owner) {
        return enq(List.of(new EnqRequest(qname, rname, mode)), owner);
    }

    /**
     * Every resource of {@code requests} or none (a job's data sets, a member write's SYSDSN and SPFEDIT): granted
     * when {@link Compatibility#conflicts} finds no other owner in the way of any; else InUse naming the first
     * request refused and its holders.
     */
    public EnqResult enq(List<EnqRequest> requests, EnqOwner owner) {
        if (requests.isEmpty()) {
            return new EnqResult.Granted(new Enq(this, List.of()));
        }
        return database.inTransaction(c -> {
            TreeSet<Integer> buckets = new TreeSet<>();
            requests.forEach(r -> buckets.add(bucket(r)));
            for (int bucket : buckets) {
                try (PreparedStatement lock = c.prepareStatement(
                        "SELECT bucket FROM enq_locks WHERE bucket = ? FOR UPDATE")) {
                    lock.setInt(1, bucket);
                    lock.executeQuery().close();
                }
            }
            for (EnqRequest request : requests) {
                List<EnqHolder> conflicts = Compatibility.conflicts(request, owner,
                        select(c, "WHERE qname = ? AND rname = ?", request.qname(), request.rname()));
                if (!conflicts.isEmpty()) {
                    return new EnqResult.InUse(request, conflicts);
                }
            }
            List<EnqHolder> granted = new ArrayList<>();
            Timestamp now = Timestamp.from(clock.instant());
            for (EnqRequest request : requests) {
                String id = UUID.randomUUID().toString();
                Sql.update(c, "INSERT INTO enqueues (enq_id, qname, rname, exclusive_use, owner_instance, owner_unit, "
                                + "sysname, obtained) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, request.qname(),
                        request.rname(), request.mode() == EnqMode.EXCLUSIVE, owner.instance(), owner.unit(), sysname,
                        now);
                granted.add(new EnqHolder(id, request.qname(), request.rname(), request.mode(), owner, sysname,
                        now.toInstant()));
            }
            return new EnqResult.Granted(new Enq(this, granted));
        });
    }

    /** DEQ: the grants given by one request. */
    void dequeue(List<EnqHolder> held) {
        if (held.isEmpty()) {
            return;
        }
        database.inTransaction(c -> {
            for (EnqHolder holder : held) {
                Sql.update(c, "DELETE FROM enqueues WHERE enq_id = ?", holder.id());
            }
            return null;
        });
    }

    /** Every ENQ of {@code owner} (its job or session ended); returns how many were released. */
    public int releaseAll(EnqOwner owner) {
        return database.inTransaction(c -> Sql.update(c, "DELETE FROM enqueues WHERE owner_instance = ? "
                + "AND owner_unit = ?", owner.instance(), owner.unit()));
    }

    /** Every ENQ of a node instance (the node failed or left); returns how many were released. */
    public int releaseInstance(String instance) {
        return database.inTransaction(c -> Sql.update(c, "DELETE FROM enqueues WHERE owner_instance = ?", instance));
    }

    /** The holders of one resource, oldest first. */
    public List<EnqHolder> holders(String qname, String rname) {
        return database.inTransaction(c -> select(c, "WHERE qname = ? AND rname = ?", qname, rname));
    }

    /** Every ENQ of the system, by resource then age (as D GRS,RES=(*,*) lists them). */
    public List<EnqHolder> all() {
        return database.inTransaction(c -> select(c, ""));
    }

    private static List<EnqHolder> select(Connection c, String where, Object... parameters) throws SQLException {
        List<EnqHolder> holders = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM enqueues " + where
                + " ORDER BY qname, rname, obtained, enq_id")) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    holders.add(new EnqHolder(rs.getString("enq_id"), rs.getString("qname"), rs.getString("rname"),
                            rs.getBoolean("exclusive_use") ? EnqMode.EXCLUSIVE : EnqMode.SHARED,
                            new EnqOwner(rs.getString("owner_instance"), rs.getString("owner_unit")),
                            rs.getString("sysname"), rs.getTimestamp("obtained").toInstant()));
                }
            }
        }
        return holders;
    }

    static int bucket(EnqRequest request) {
        return Math.floorMod((request.qname() + " " + request.rname()).hashCode(), BUCKETS);
    }
}
