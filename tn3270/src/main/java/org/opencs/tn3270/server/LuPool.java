package org.opencs.tn3270.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** LU names for sessions (DEFAULTLUS style): TCP00001, TCP00002 ...; a name in use is not given twice. */
final class LuPool {
    private final String prefix;
    private final AtomicInteger next = new AtomicInteger();
    private final Set<String> inUse = ConcurrentHashMap.newKeySet();

    LuPool(String prefix) {
        this.prefix = prefix;
    }

    /** The requested LU when it is one of ours and free, else the next free one. */
    String assign(String requested) {
        if (requested != null && requested.startsWith(prefix) && inUse.add(requested)) {
            return requested;
        }
        while (true) {
            String name = String.format("%s%05d", prefix, next.incrementAndGet() % 100_000);
            if (inUse.add(name)) {
                return name;
            }
        }
    }

    void release(String name) {
        if (name != null) {
            inUse.remove(name);
        }
    }
}
