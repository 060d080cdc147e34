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
 * against system.conf's session limits.
 */
public final class Vtam {
    /** A connected printer session: prints a job (lines of text) and says whether it could. */
    interface Printer {
        void print(String title, List<String> lines);
    }

    /** A terminal's or printer's LU, or the TN3270E reject reason when none can be given (RFC 2355 section 4). */
    record Assignment(String name, int rejectReason) {
        static final int DEVICE_IN_USE = 0x01;
        static final int INV_ASSOCIATE = 0x02;
        static final int INV_NAME = 0x03;

        /** The reason in words, for log lines. */
        static String reasonText(int reason) {
            return switch (reason) {
                case DEVICE_IN_USE -> "DEVICE-IN-USE";
                case INV_ASSOCIATE -> "INV-ASSOCIATE";
                case INV_NAME -> "INV-NAME";
                case 0x04 -> "INV-DEVICE-TYPE";
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
    private final Map<String, LuPool> terminalPools = new HashMap<>();
    private final Map<String, LuPool> printerPools = new HashMap<>();
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
     * none (DEVICE-IN-USE) when the pool is used up.
     */
    synchronized Assignment assignTerminal(InetAddress client, String requested) {
        LuPool pool = config.luMaps().stream().filter(m -> matches(m.client(), client)).findFirst()
                .map(m -> luGroups.get(m.luGroup())).orElse(defaultTerminals);
        if (requested != null && !pool.contains(requested)) {
            return new Assignment(null, Assignment.INV_NAME);
        }
        String lu = requested != null ? (pool.claim(requested) ? requested : null) : pool.assign(null);
        if (lu == null) {
            return new Assignment(null, Assignment.DEVICE_IN_USE);
        }
        terminalPools.put(lu, pool);
        return new Assignment(lu, 0);
    }

    /**
     * A printer's LU: the one associated with terminal {@code associate}, or {@code connect} by name, or the next free
     * one of the client's printer pool.
     */
    synchronized Assignment assignPrinter(InetAddress client, String connect, String associate) {
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
                    if (!pool.claim(wanted)) {
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
        String name = pool.assign(null);
        if (name == null) {
            return new Assignment(null, Assignment.DEVICE_IN_USE);
        }
        printerPools.put(name, pool);
        return new Assignment(name, 0);
    }

    /** The printer paired with terminal LU {@code terminal} (same position in the paired group), or null. */
    synchronized String associatedPrinter(String terminal) {
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

    synchronized void release(String lu) {
        if (lu == null) {
            return;
        }
        LuPool pool = terminalPools.remove(lu);
        if (pool == null) {
            pool = printerPools.remove(lu);
            printers.remove(lu);
        }
        if (pool != null) {
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
