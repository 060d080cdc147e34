package org.opencs.tn3270.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One pool of LU names (DEFAULTLUS, DEFAULTPRT, an LUGROUP or PRTGROUP): names and NAME1..NAME2 ranges, handed out in
 * order, a name in use never twice, none when all are in use; an empty list is the unlimited default pool
 * {@code prefix}00001, {@code prefix}00002 ... (TCP00001 for terminals, PRT00001 for printers).
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

    /** The requested LU when it is in the pool and free, else the next free one; null when the pool is used up. */
    synchronized String assign(String requested) {
        if (requested != null && contains(requested) && inUse.add(requested)) {
            return requested;
        }
        if (names.isEmpty()) {
            while (true) {
                String name = prefix + String.format("%05d", next.incrementAndGet() % 100_000);
                if (inUse.add(name)) {
                    return name;
                }
            }
        }
        for (String name : names) {
            if (inUse.add(name)) {
                return name;
            }
        }
        return null;
    }

    /** Takes {@code name}, which must belong to this pool; false when another session holds it. */
    synchronized boolean claim(String name) {
        return contains(name) && inUse.add(name);
    }

    synchronized void release(String name) {
        if (name != null) {
            inUse.remove(name);
        }
    }
}
