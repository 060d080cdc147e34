package org.opencs.tn3270.server;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opencs.core.SessionLimits;
import org.opencs.tn3270.config.AddressPattern;
import org.opencs.tn3270.config.VtamConfig;

/**
 * What BEGINVTAM defines, shared by every port of one server process: LU names for terminals and printers (the
 * default pools, or the LUGROUP/PRTGROUP a client's address maps to through LUMAP/PRTMAP), which printer is associated
 * with which terminal (the n-th LU of a group with the n-th printer of its paired group), and the printer sessions
 * connected now, so that a terminal's application can print on its printer; and the connections every port holds,
 * against system.conf's session limits. Once a server attaches it to its registry ({@link #attach}), an LU name in use
 * is also an ENQ every node on that registry sees ({@link LuEnqueues}), so no two nodes give one name at a time.
 */
public final class Vtam {
    /** A connected printer session: prints a job (lines of text) and says whether it could. */
    interface Printer {
        void print(String title, List<String> lines);
    }

    /**
     * A terminal's or printer's LU, or the TN3270E reject reason when none can be given (RFC 2355 section 4); when
     * the registry that records LU names across nodes cannot be reached, reason UNKNOWN-ERROR and {@code failure},
     * why in words (the session is then ended: no LU can be given until it is back).
     */
    record Assignment(String name, int rejectReason, String failure) {
        static final int DEVICE_IN_USE = 0x01;
        static final int INV_ASSOCIATE = 0x02;
        static final int INV_NAME = 0x03;
        static final int UNKNOWN_ERROR = 0x06;

        Assignment(String name, int rejectReason) {
            this(name, rejectReason, null);
        }

        /** No LU: the registry could not be reached ({@code reason}, e.g. OCS0022E's text). */
        static Assignment unavailable(String reason) {
            return new Assignment(null, UNKNOWN_ERROR, reason);
        }

        /** The reason in words, for log lines. */
        static String reasonText(int reason) {
            return switch (reason) {
                case DEVICE_IN_USE -> "DEVICE-IN-USE";
                case INV_ASSOCIATE -> "INV-ASSOCIATE";
                case INV_NAME -> "INV-NAME";
                case 0x04 -> "INV-DEVICE-TYPE";
                case UNKNOWN_ERROR -> "UNKNOWN-ERROR";
                case 0x07 -> "UNSUPPORTED-REQ";
                default -> String.format("%02X", reason);
            };
        }
    }

    private final VtamConfig config;
    private final LuPool defaultTerminals;
    private final LuPool defaultPrinters;
    private final Map<String, LuPool> luGroups = new LinkedHashMap<>();
    private final Map<String, LuPool> prtGroups = new LinkedHashMap<>();
    private final Map<String, List<AddressPattern>> ipGroups = new HashMap<>();
    /** Which pool each terminal LU in use came from. */
    private final Map<String, LuPool> terminalPools = new ConcurrentHashMap<>();
    private final Map<String, LuPool> printerPools = new ConcurrentHashMap<>();
    /** Where LU names in use are recorded for every node: the registry's ENQs once a server attached it. */
    private volatile LuLocks global = LuLocks.PROCESS;
    private final Map<String, Printer> printers = new ConcurrentHashMap<>();

    private final SessionCount sessions;

    /** BEGINVTAM's definitions, with the default session limits (tn3270.max.sessions and .per.client unset). */
    public Vtam(VtamConfig config) {
        this(config, SessionLimits.TN3270_DEFAULT);
    }

    /** {@code limits}: system.conf's tn3270.max.sessions and tn3270.max.sessions.per.client, over every port. */
    public Vtam(VtamConfig config, SessionLimits limits) {
        this.config = config;
        this.sessions = new SessionCount(limits);
        this.defaultTerminals = new LuPool(config.defaultLus(), "TCP");
        this.defaultPrinters = new LuPool(config.defaultPrts(), "PRT");
        config.luGroups().forEach((name, entries) -> luGroups.put(name, new LuPool(entries, "TCP")));
        config.prtGroups().forEach((name, entries) -> prtGroups.put(name, new LuPool(entries, "PRT")));
        config.ipGroups().forEach((name, entries) -> ipGroups.put(name, entries.stream().map(AddressPattern::parse).toList()));
    }

    public VtamConfig config() {
        return config;
    }

    /**
     * Records the LU names in use in {@code registry} (ENQs, {@link LuEnqueues}) from now on, so that every node on
     * that registry gives a name to one session at a time. Every server calls this with its registry; the ports of one
     * process share one VTAM and one registry. Throws IllegalStateException when already attached to another registry.
     */
    synchronized void attach(org.opencs.saf.Registry registry) {
        if (global instanceof LuEnqueues enqueues) {
            if (enqueues.registry() != registry) {
                throw new IllegalStateException("one VTAM serves the servers of one registry");
            }
            return;
        }
        global = new LuEnqueues(registry);
    }

    /** The connections every port holds, against the session limits. */
    SessionCount sessions() {
        return sessions;
    }

    private boolean matches(String clientId, InetAddress client) {
        List<AddressPattern> group = ipGroups.get(clientId);
        return group != null ? group.stream().anyMatch(p -> p.matches(client)) : AddressPattern.parse(clientId).matches(client);
    }

    /**
     * A terminal's LU from the client's pool (its LUMAP group, else DEFAULTLUS): the requested one when it belongs to
     * that pool and is free, else none (RFC 2355: INV-NAME for a name not in the pool, DEVICE-IN-USE for one another
     * session holds: a request for a name is never answered with another); without a request the next free one, or
     * none (DEVICE-IN-USE) when the pool is used up. A name another node's session holds counts as in use.
     * {@code session} names the client (address and port) as the holder. May wait for the registry: called on session
     * threads only.
     */
    Assignment assignTerminal(InetAddress client, String requested, String session) {
        LuPool pool = config.luMaps().stream().filter(m -> matches(m.client(), client)).findFirst()
                .map(m -> luGroups.get(m.luGroup())).orElse(defaultTerminals);
        if (requested != null && !pool.contains(requested)) {
            return new Assignment(null, Assignment.INV_NAME);
        }
        String lu;
        try {
            lu = requested != null ? (pool.claim(requested, global, session) ? requested : null)
                    : pool.assign(global, session);
        } catch (org.opencs.core.ZosException e) {
            return Assignment.unavailable(e.getMessage());
        }
        if (lu == null) {
            return new Assignment(null, Assignment.DEVICE_IN_USE);
        }
        terminalPools.put(lu, pool);
        return new Assignment(lu, 0);
    }

    /**
     * A printer's LU: the one associated with terminal {@code associate}, or {@code connect} by name, or the next free
     * one of the client's printer pool. A printer associates only with a terminal in session on this node (its print
     * jobs come from that terminal's applications, which run here). May wait for the registry: session threads only.
     */
    Assignment assignPrinter(InetAddress client, String connect, String associate, String session) {
        try {
            return printer(client, connect, associate, session);
        } catch (org.opencs.core.ZosException e) {
            return Assignment.unavailable(e.getMessage());
        }
    }

    private Assignment printer(InetAddress client, String connect, String associate, String session) {
        String wanted = connect;
        if (associate != null) {
            wanted = terminalPools.containsKey(associate) ? associatedPrinter(associate) : null;
            if (wanted == null) {
                return new Assignment(null, Assignment.INV_ASSOCIATE);
            }
        }
        if (wanted != null) {
            List<LuPool> pools = new ArrayList<>(prtGroups.values());
            pools.add(defaultPrinters);
            for (LuPool pool : pools) {
                if (pool.contains(wanted)) {
                    if (!pool.claim(wanted, global, session)) {
                        return new Assignment(null, Assignment.DEVICE_IN_USE);
                    }
                    printerPools.put(wanted, pool);
                    return new Assignment(wanted, 0);
                }
            }
            return new Assignment(null, Assignment.INV_NAME);
        }
        LuPool pool = config.prtMaps().stream().filter(m -> matches(m.client(), client)).findFirst()
                .map(m -> prtGroups.get(m.prtGroup())).orElse(defaultPrinters);
        String name = pool.assign(global, session);
        if (name == null) {
            return new Assignment(null, Assignment.DEVICE_IN_USE);
        }
        printerPools.put(name, pool);
        return new Assignment(name, 0);
    }

    /** The printer paired with terminal LU {@code terminal} (same position in the paired group), or null. */
    String associatedPrinter(String terminal) {
        LuPool pool = terminalPools.get(terminal);
        if (pool == null) {
            return null;
        }
        if (pool == defaultTerminals) {
            return defaultPrinters.nameAt(pool.position(terminal));
        }
        String group = luGroups.entrySet().stream().filter(e -> e.getValue() == pool).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        return config.luMaps().stream().filter(m -> m.luGroup().equals(group) && m.prtGroup() != null).findFirst()
                .map(m -> prtGroups.get(m.prtGroup()).nameAt(pool.position(terminal))).orElse(null);
    }

    /**
     * Gives back {@code lu} (its session ended, or asked for another device): to every node first, then to this
     * process's pool. Never throws; a release the registry cannot take now is tried again later ({@link LuEnqueues}).
     */
    void release(String lu) {
        if (lu == null) {
            return;
        }
        LuPool pool = terminalPools.remove(lu);
        if (pool == null) {
            pool = printerPools.remove(lu);
            printers.remove(lu);
        }
        if (pool != null) {
            global.release(lu);
            pool.release(lu);
        }
    }

    void printerReady(String name, Printer printer) {
        printers.put(name, printer);
    }

    /** The printer session connected for terminal LU {@code terminal}'s associated printer, or null. */
    Printer printerFor(String terminal) {
        String name = associatedPrinter(terminal);
        return name == null ? null : printers.get(name);
    }

    /** Whether printer {@code name} has a session now. */
    public boolean printerConnected(String name) {
        return printers.containsKey(name);
    }
}
