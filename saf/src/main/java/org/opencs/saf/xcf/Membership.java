package org.opencs.saf.xcf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.grs.Enqueues;
import org.opencs.saf.store.Database;
import org.opencs.saf.store.Sql;
import org.slf4j.Logger;

/**
 * This node's membership of the system, as XCF keeps a sysplex's members in its couple data set: a row of the
 * {@code nodes} table per node instance (SYSNAME, instance ID, host, process, started, heartbeat), heartbeaten every
 * {@link Settings#interval()} by a thread of its own. A node whose heartbeat is older than {@link Settings#lease()}
 * has failed: the first survivor whose conditional UPDATE turns the row FAILED (with itself as cleaner) is the only
 * one that cleans up: it releases the failed node's ENQs, tells the {@link NodeListener}s (JES ends the node's
 * ACTIVE jobs) and deletes the row. A clean-up whose cleaner died is taken over by the next survivor to look.
 * Heartbeat leases rather than PostgreSQL advisory locks, so that H2 and PostgreSQL run the same code and every
 * node's ENQs can be listed (docs/registry.md "Membership and ENQs (issue 12)").
 * <p>
 * Joining with the SYSNAME of an instance still in the table: an instance on this host whose process is gone, or
 * one whose heartbeat expired, failed and is cleaned up at once (a restart after a crash serves without waiting for
 * the lease); one that heartbeats within the lease is another live node with the same name, and the join is refused
 * with OCS0804E. Console messages: OCS0801I joined, OCS0802I left, OCS0803E failed and cleaned up by this node,
 * OCS0805E this node found itself declared failed (it joins again).
 */
public final class Membership implements AutoCloseable {
    /** How often this node heartbeats and looks for failed nodes, and how old a heartbeat may be before failure. */
    public record Settings(Duration interval, Duration lease) {
        /** Every 5 seconds; failed after 20: a dead node's ENQs are released within 25 seconds. */
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(5), Duration.ofSeconds(20));

        public Settings {
            if (interval.isNegative() || interval.isZero() || lease.compareTo(interval) <= 0) {
                throw new IllegalArgumentException("the lease must be longer than the heartbeat interval");
            }
        }
    }

    private static final String ACTIVE = "ACTIVE";
    private static final String FAILED = "FAILED";

    private final Database database;
    private final Enqueues enqueues;
    private final Clock clock;
    private final Settings settings;
    private final Logger log;
    private final String sysname;
    private final String instance;
    private final String host;
    private final long processId;
    private final List<NodeListener> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;
    private volatile boolean joined;
    /**
     * Since when this node has reached the registry at every heartbeat (null after a heartbeat failed). Only a node
     * that has had the registry for a whole lease may declare another failed: after an outage of the registry (a
     * PostgreSQL restart) every heartbeat is old, and the first node back must not take the others, which could not
     * heartbeat either, for dead. A gap of more than a lease since this node's last heartbeat (failed beats, or the
     * process paused) counts as an outage too.
     */
    private volatile Instant reachableSince;
    /** When this node last recorded its heartbeat (or joined). */
    private volatile Instant lastBeat;

    /** This process's membership on {@code registry} (not joined yet: add listeners, then {@link #join()}). */
    public static Membership of(Registry registry, Settings settings, Logger log) {
        return new Membership(registry.database(), registry.enqueues(), registry.clock(), settings, log,
                registry.config().sysname(), registry.instance(), hostName(), ProcessHandle.current().pid());
    }

    Membership(Database database, Enqueues enqueues, Clock clock, Settings settings, Logger log, String sysname,
               String instance, String host, long processId) {
        this.database = database;
        this.enqueues = enqueues;
        this.clock = clock;
        this.settings = settings;
        this.log = log;
        this.sysname = sysname;
        this.instance = instance;
        this.host = host;
        this.processId = processId;
    }

    /** This machine's name as the nodes table records it. */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    public String sysname() {
        return sysname;
    }

    public String instance() {
        return instance;
    }

    public Settings settings() {
        return settings;
    }

    /** Told of every failed node this node cleans up (add before {@link #join()} to hear of those found at join). */
    public void addListener(NodeListener listener) {
        listeners.add(listener);
    }

    /**
     * Joins: cleans up an earlier instance of this SYSNAME that is dead (see the class comment), records this one,
     * and starts heartbeating. Throws ZosException OCS0804E when another instance of this SYSNAME is alive.
     */
    public synchronized void join() {
        if (joined) {
            return;
        }
        Instant now = clock.instant();
        List<NodeInfo> previous = database.inTransaction(c -> select(c, "WHERE sysname = ? AND instance <> ?",
                sysname, instance));
        List<NodeInfo> dead = new ArrayList<>();
        for (NodeInfo node : previous) {
            boolean expired = node.heartbeat().isBefore(now.minus(settings.lease()));
            boolean gone = node.host().equals(host) && node.processId() != processId
                    && !ProcessHandle.of(node.processId()).map(ProcessHandle::isAlive).orElse(false);
            if (FAILED.equals(node.state()) || expired || gone) {
                dead.add(node);
            } else {
                throw new ZosException("OCS0804E", "SYSTEM " + sysname + " IS ALREADY ACTIVE ON HOST " + node.host()
                        + " (PROCESS " + node.processId() + ", LAST HEARTBEAT " + node.heartbeat() + "): EVERY NODE "
                        + "NEEDS A SYSNAME OF ITS OWN. STOP THAT NODE, OR GIVE THIS ONE ANOTHER SYSNAME IN system.conf.");
            }
        }
        database.inTransaction(c -> Sql.update(c, "INSERT INTO nodes (instance, sysname, host, process_id, started, "
                        + "heartbeat, state) VALUES (?, ?, ?, ?, ?, ?, ?)", instance, sysname, host, processId,
                Timestamp.from(now), Timestamp.from(now), ACTIVE));
        joined = true;
        reachableSince = now;
        lastBeat = now;
        log.info("OCS0801I SYSTEM " + sysname + " JOINED (HOST " + host + ", PROCESS " + processId + ", INSTANCE "
                + instance + ")");
        for (NodeInfo node : dead) {
            // The earlier instance of this very SYSNAME: whoever else may be cleaning it up, this node restarts it.
            if (claim(node, true)) {
                cleanUp(node, "RESTARTED WITH THE SAME SYSNAME");
            }
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "XCF " + sysname);
            thread.setDaemon(true);
            return thread;
        });
        long period = settings.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::beatQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            heartbeatFailed(e);
        }
    }

    /**
     * A scheduled heartbeat failed: the registry is unreachable from here (PostgreSQL restarting, say), so it may be
     * from every node. Tried again next time; once one succeeds, this node waits a lease before it declares any other
     * node failed, since the others' heartbeats stopped for the same outage and they need an interval to resume
     * ({@link #reachableSince}).
     */
    void heartbeatFailed(RuntimeException e) {
        reachableSince = null;
        log.warn("OCS0806W SYSTEM " + sysname + " CANNOT HEARTBEAT: " + e.getMessage());
    }

    /**
     * One heartbeat and one look for failed nodes (what the heartbeat thread does every interval). Returns the nodes
     * this call cleaned up.
     */
    public List<NodeInfo> beat() {
        Instant now = clock.instant();
        int updated;
        try {
            updated = database.inTransaction(c -> Sql.update(c, "UPDATE nodes SET heartbeat = ? WHERE instance = ? "
                    + "AND state = ?", Timestamp.from(now), instance, ACTIVE));
        } catch (RuntimeException e) {
            reachableSince = null;
            throw e;
        }
        if (reachableSince == null || lastBeat == null || lastBeat.plus(settings.lease()).isBefore(now)) {
            reachableSince = now;
        }
        lastBeat = now;
        if (updated == 0 && joined) {
            // Survivors saw no heartbeat for a lease (a long pause, a lost registry) and cleaned this node up.
            log.error("OCS0805E SYSTEM " + sysname + " WAS DECLARED FAILED BY ANOTHER NODE: ITS ENQS WERE RELEASED "
                    + "AND ITS ACTIVE JOBS ENDED; IT JOINS AGAIN");
            database.inTransaction(c -> {
                Sql.update(c, "DELETE FROM nodes WHERE instance = ?", instance);
                return Sql.update(c, "INSERT INTO nodes (instance, sysname, host, process_id, started, heartbeat, "
                                + "state) VALUES (?, ?, ?, ?, ?, ?, ?)", instance, sysname, host, processId,
                        Timestamp.from(now), Timestamp.from(now), ACTIVE);
            });
        }
        Timestamp cutoff = Timestamp.from(now.minus(settings.lease()));
        // Others' heartbeats are judged only once this node has reached the registry for a whole lease (see
        // reachableSince); unfinished clean-ups are taken over at once.
        boolean judge = !now.isBefore(reachableSince.plus(settings.lease()));
        List<NodeInfo> candidates = database.inTransaction(c -> {
            List<NodeInfo> found = new ArrayList<>(!judge ? List.of()
                    : select(c, "WHERE state = ? AND heartbeat < ? AND instance <> ?", ACTIVE, cutoff, instance));
            // Clean-ups left unfinished: by this node (a listener failed) or by a cleaner that is gone itself.
            found.addAll(select(c, "WHERE state = ? AND (cleaner = ? OR cleaner IS NULL OR cleaner NOT IN "
                    + "(SELECT n.instance FROM nodes n WHERE n.state = ?))", FAILED, instance, ACTIVE));
            return found;
        });
        List<NodeInfo> cleaned = new ArrayList<>();
        for (NodeInfo node : candidates) {
            if (claim(node, false)) {
                cleanUp(node, "NO HEARTBEAT SINCE " + node.heartbeat());
                cleaned.add(node);
            }
        }
        return cleaned;
    }

    /**
     * Makes this node the one cleaning {@code node} up: one conditional UPDATE, so of several survivors exactly one
     * counts the row. {@code restart}: this node restarts that SYSNAME and takes it whatever its state.
     */
    private boolean claim(NodeInfo node, boolean restart) {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(settings.lease()));
        return database.inTransaction(c -> {
            if (restart) {
                return Sql.update(c, "UPDATE nodes SET state = ?, cleaner = ? WHERE instance = ?", FAILED, instance,
                        node.instance());
            }
            if (ACTIVE.equals(node.state())) {
                return Sql.update(c, "UPDATE nodes SET state = ?, cleaner = ? WHERE instance = ? AND state = ? "
                        + "AND heartbeat < ?", FAILED, instance, node.instance(), ACTIVE, cutoff);
            }
            return Sql.update(c, "UPDATE nodes SET cleaner = ? WHERE instance = ? AND state = ? AND (cleaner = ? "
                    + "OR cleaner IS NULL OR cleaner NOT IN (SELECT n.instance FROM nodes n WHERE n.state = ?))",
                    instance, node.instance(), FAILED, instance, ACTIVE);
        }) == 1;
    }

    /** Releases the failed node's ENQs, tells the listeners, and removes its row (kept when a listener failed). */
    private void cleanUp(NodeInfo node, String reason) {
        int released = enqueues.releaseInstance(node.instance());
        boolean complete = true;
        for (NodeListener listener : listeners) {
            try {
                listener.nodeFailed(node);
            } catch (RuntimeException e) {
                complete = false;
                log.warn("OCS0806W CLEAN-UP OF SYSTEM " + node.sysname() + " IS NOT COMPLETE (TRIED AGAIN NEXT "
                        + "HEARTBEAT): " + e.getMessage());
            }
        }
        if (complete) {
            database.inTransaction(c -> Sql.update(c, "DELETE FROM nodes WHERE instance = ? AND cleaner = ?",
                    node.instance(), instance));
            log.warn("OCS0803E SYSTEM " + node.describe() + " FAILED (" + reason + "): CLEANED UP BY " + sysname
                    + ", " + released + " ENQ(S) RELEASED");
        }
    }

    /** The members of the system (ACTIVE and being cleaned up), by SYSNAME. */
    public List<NodeInfo> nodes() {
        return database.inTransaction(c -> select(c, ""));
    }

    /** This node's own row, if it has joined and is still a member. */
    public Optional<NodeInfo> self() {
        return database.inTransaction(c -> select(c, "WHERE instance = ?", instance)).stream().findFirst();
    }

    /**
     * Stops heartbeating without leaving, as a node that dies would (its row, ENQs and jobs stay until a survivor's
     * clean-up): for fault drills and tests; {@link #close()} is the clean way out.
     */
    public synchronized void halt() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        joined = false;
    }

    /** Leaves cleanly: heartbeating stops, this node's remaining ENQs are released and its row deleted. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!joined) {
            return;
        }
        joined = false;
        try {
            enqueues.releaseInstance(instance);
            database.inTransaction(c -> Sql.update(c, "DELETE FROM nodes WHERE instance = ?", instance));
            log.info("OCS0802I SYSTEM " + sysname + " LEFT (INSTANCE " + instance + ")");
        } catch (RuntimeException e) {
            log.warn("OCS0806W SYSTEM " + sysname + " COULD NOT LEAVE CLEANLY (A SURVIVOR OR ITS NEXT START CLEANS "
                    + "UP): " + e.getMessage());
        }
    }

    private static List<NodeInfo> select(Connection c, String where, Object... parameters) throws SQLException {
        List<NodeInfo> nodes = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM nodes " + where
                + " ORDER BY sysname, started")) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    nodes.add(new NodeInfo(rs.getString("instance"), rs.getString("sysname"), rs.getString("host"),
                            rs.getLong("process_id"), rs.getTimestamp("started").toInstant(),
                            rs.getTimestamp("heartbeat").toInstant(), rs.getString("state")));
                }
            }
        }
        return nodes;
    }
}
