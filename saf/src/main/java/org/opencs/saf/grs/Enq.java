package org.opencs.saf.grs;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Granted ENQs (one request's resources, all-or-nothing): {@link #close()} dequeues them (DEQ). Closing twice, or
 * after the owner's ENQs were released as a whole, does nothing.
 */
public final class Enq implements AutoCloseable {
    private final Enqueues service;
    private final List<EnqHolder> held;
    private final AtomicBoolean closed = new AtomicBoolean();

    Enq(Enqueues service, List<EnqHolder> held) {
        this.service = service;
        this.held = List.copyOf(held);
    }

    /** What is held, in request order. */
    public List<EnqHolder> held() {
        return held;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            service.dequeue(held);
        }
    }
}
