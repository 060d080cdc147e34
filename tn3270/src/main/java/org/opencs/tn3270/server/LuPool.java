package org.opencs.tn3270.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * LU names for sessions: the DEFAULTLUS pool when BEGINVTAM defines one (names and NAME1..NAME2 ranges, handed out in
 * order, a name in use never twice, none when all are in use), else TCP00001, TCP00002 ... without limit.
 */
final class LuPool {
    private final List<String> names;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<String> inUse = new LinkedHashSet<>();

    /** {@code entries}: DEFAULTLUS entries; empty for the unlimited TCPnnnnn names. */
    LuPool(List<String> entries) {
        this.names = expand(entries);
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
        if (requested != null && (names.isEmpty() ? requested.matches("TCP\\d{5}") : names.contains(requested))
                && inUse.add(requested)) {
            return requested;
        }
        if (names.isEmpty()) {
            while (true) {
                String name = String.format("TCP%05d", next.incrementAndGet() % 100_000);
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

    synchronized void release(String name) {
        if (name != null) {
            inUse.remove(name);
        }
    }
}
