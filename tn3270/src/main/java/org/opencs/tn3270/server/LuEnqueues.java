package org.opencs.tn3270.server;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;
import org.opencs.saf.grs.EnqMode;
import org.opencs.saf.grs.EnqOwner;
import org.opencs.saf.grs.EnqResult;

/**
 * LU names in use as ENQs of the registry's ENQ service, which every node on one registry database shares: an LU in
 * use is held EXCLUSIVE under major name {@value #QNAME} with the LU name as minor name, owned by this node instance
 * ({@link Registry#instance()}) and the session (unit {@code TN3270/n/client}: a number unique in this process, then
 * the client's address and port). z/OS VTAM serializes LU names inside one VTAM and has no GRS name for it;
 * {@value #QNAME} is OpenCS's own (docs/tn3270.md "LU names across nodes"). A node that dies leaves its ENQs to the
 * survivors' membership clean-up, which releases them within the lease. A release that cannot reach the registry
 * (PostgreSQL down) is kept and tried again after the next take or release that reaches it, so the name does not
 * stay held. Every call may wait for the registry (a database transaction, or the pool's connection timeout when it
 * is down): callers run on session threads, never on the I/O threads.
 */
final class LuEnqueues implements LuLocks {
    /** The ENQ major name of LU names in use (OpenCS's own; 8 characters at most as every QNAME). */
    static final String QNAME = "OCSLU";

    private final Registry registry;
    private final AtomicLong sessions = new AtomicLong();
    /** The owner of each LU this process holds. */
    private final Map<String, EnqOwner> held = new ConcurrentHashMap<>();
    /** Releases the registry refused (it could not be reached): tried again before the next take or release. */
    private final Queue<EnqOwner> pending = new ConcurrentLinkedQueue<>();

    LuEnqueues(Registry registry) {
        this.registry = registry;
    }

    /** The registry whose ENQs these are. */
    Registry registry() {
        return registry;
    }

    @Override
    public boolean take(String lu, String session) {
        EnqOwner owner = new EnqOwner(registry.instance(), "TN3270/" + sessions.incrementAndGet() + "/" + session);
        boolean granted = registry.enqueues().enq(QNAME, lu, EnqMode.EXCLUSIVE, owner) instanceof EnqResult.Granted;
        retryPending(); // the registry answered: releases kept from an outage can go now
        if (granted) {
            EnqOwner previous = held.put(lu, owner);
            if (previous != null) {
                releaseAll(previous);
            }
        }
        return granted;
    }

    @Override
    public void release(String lu) {
        EnqOwner owner = held.remove(lu);
        if (owner == null) {
            return;
        }
        if (tryRelease(owner)) {
            retryPending();
        } else {
            pending.add(owner);
        }
    }

    /** Whether releases wait for the registry to be reachable again. */
    boolean releasesPending() {
        return !pending.isEmpty();
    }

    private void releaseAll(EnqOwner owner) {
        if (!tryRelease(owner)) {
            pending.add(owner);
        }
    }

    private boolean tryRelease(EnqOwner owner) {
        try {
            registry.enqueues().releaseAll(owner);
            return true;
        } catch (ZosException e) {
            return false;
        }
    }

    /** The releases kept, oldest first, until one fails again (the registry is still down: no point going on). */
    private void retryPending() {
        for (EnqOwner owner = pending.peek(); owner != null; owner = pending.peek()) {
            if (!tryRelease(owner)) {
                return;
            }
            pending.remove(owner);
        }
    }
}
