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

    /** A printer's LU, or the TN3270E reject reason when none can be given (RFC 2355: 01 DEVICE-IN-USE ...). */
    record Assignment(String name, int rejectReason) {
        static final int DEVICE_IN_USE = 0x01;
        static final int INV_ASSOCIATE = 0x02;
        static final int INV_NAME = 0x03;
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

    /** A terminal's LU: the requested one when free in the client's pool, else the next free one; null when none. */
    synchronized String assignTerminal(InetAddress client, String requested) {
        LuPool pool = config.luMaps().stream().filter(m -> matches(m.client(), client)).findFirst()
                .map(m -> luGroups.get(m.luGroup())).orElse(defaultTerminals);
        String lu = pool.assign(requested);
        if (lu != null) {
            terminalPools.put(lu, pool);
        }
        return lu;
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
                    String name = pool.assign(wanted);
                    if (!wanted.equals(name)) {
                        pool.release(name);
                        return new Assignment(null, Assignment.DEVICE_IN_USE);
                    }
                    printerPools.put(name, pool);
                    return new Assignment(name, 0);
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
