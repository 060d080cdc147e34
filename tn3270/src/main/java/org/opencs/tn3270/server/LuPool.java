package org.opencs.tn3270.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pool of LU names (DEFAULTLUS, DEFAULTPRT, an LUGROUP or PRTGROUP): names and NAME1..NAME2 ranges, handed out in
 * order, a name in use never twice (not in this process, and not while a session of another node holds it: see
 * {@link LuLocks}), none when all are in use; an empty list is the unlimited default pool {@code prefix}00001,
 * {@code prefix}00002 ... {@code prefix}99999 (TCP00001 for terminals, PRT00001 for printers).
 */
final class LuPool {
    private final String prefix;
    private final List<String> names;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<String> inUse = new LinkedHashSet<>();

    /** {@code entries}: the pool's entries; empty for the unlimited {@code prefix}nnnnn names. */
    LuPool(List<String> entries, String prefix) {
        this.prefix = prefix;
        this.names = expand(entries);
    }

    /** Whether {@code name} belongs to this pool. */
    boolean contains(String name) {
        return names.isEmpty() ? name.matches(prefix + "\\d{5}") : names.contains(name);
    }

    /** The position of {@code name} in the pool (1-based), which pairs a terminal with a printer; 0 when not in it. */
    int position(String name) {
        if (names.isEmpty()) {
            return contains(name) ? Integer.parseInt(name.substring(prefix.length())) : 0;
        }
        return names.indexOf(name) + 1;
    }

    /** The name at {@code position} (1-based), or null when the pool is shorter. */
    String nameAt(int position) {
        if (names.isEmpty()) {
            return position > 0 && position < 100_000 ? prefix + String.format("%05d", position) : null;
        }
        return position > 0 && position <= names.size() ? names.get(position - 1) : null;
    }

    synchronized boolean inUse(String name) {
        return inUse.contains(name);
    }

    private static List<String> expand(List<String> entries) {
        List<String> all = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.contains("..")) {
                all.add(entry);
                continue;
            }
            String[] ends = entry.split("\\.\\.");
            String prefix = ends[0].replaceAll("\\d+$", "");
            int width = ends[0].length() - prefix.length();
            int first = Integer.parseInt(ends[0].substring(prefix.length()));
            int last = Integer.parseInt(ends[1].substring(prefix.length()));
            for (int n = first; n <= last; n++) {
                all.add(prefix + String.format("%0" + width + "d", n));
            }
        }
        return List.copyOf(all);
    }

    /**
     * The next name free here and in {@code global}, taken for client {@code session}; null when the pool is used up.
     * Names are tried in pool order (the unlimited pool from where the last search ended): one in use in this process
     * is passed over at once, one {@code global} refuses (another node's session holds it) is passed over after the
     * question. A name is reserved here while {@code global} is asked, so no two sessions of this process ask for the
     * same name, and no lock is held while it is asked (the registry may take a while). Throws what {@code global}
     * throws (the registry cannot be reached), with nothing taken.
     */
    String assign(LuLocks global, String session) {
        java.util.Set<String> heldElsewhere = new java.util.HashSet<>();
        while (true) {
            String name = reserveNext(heldElsewhere);
            if (name == null) {
                return null;
            }
            if (takeGlobally(name, global, session)) {
                return name;
            }
            heldElsewhere.add(name);
        }
    }

    /** Takes {@code name}, which must belong to this pool; false when a session here or on another node holds it. */
    boolean claim(String name, LuLocks global, String session) {
        synchronized (this) {
            if (!contains(name) || !inUse.add(name)) {
                return false;
            }
        }
        return takeGlobally(name, global, session);
    }

    /** Asks {@code global} for a name reserved here; gives the reservation back when refused or failed. */
    private boolean takeGlobally(String name, LuLocks global, String session) {
        boolean taken = false;
        try {
            taken = global.take(name, session);
            return taken;
        } finally {
            if (!taken) {
                release(name);
            }
        }
    }

    /** Reserves the next name free in this process and not in {@code skip}; null when there is none. */
    private synchronized String reserveNext(java.util.Set<String> skip) {
        if (names.isEmpty()) {
            for (int tries = 0; tries < 99_999; tries++) {
                int n = next.updateAndGet(i -> i % 99_999 + 1);
                String name = prefix + String.format("%05d", n);
                if (!skip.contains(name) && inUse.add(name)) {
                    return name;
                }
            }
            return null;
        }
        for (String name : names) {
            if (!skip.contains(name) && inUse.add(name)) {
                return name;
            }
        }
        return null;
    }

    synchronized void release(String name) {
        if (name != null) {
            inUse.remove(name);
        }
    }
}
