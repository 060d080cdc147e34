package org.opencs.saf.grs;

import java.util.List;

/**
 * The answer to an ENQ request, given at once (no caller waits inside the service): {@link Granted} with the handle
 * that releases it, or {@link InUse} with the holders that stand in the way (for z/OS's "in use" messages, which name
 * them).
 */
public sealed interface EnqResult {
    /** Every resource asked for is held now; close {@code enq} to release them. */
    record Granted(Enq enq) implements EnqResult {
    }

    /** Nothing was granted: {@code request} is held by {@code holders} in a mode that excludes the requester. */
    record InUse(EnqRequest request, List<EnqHolder> holders) implements EnqResult {
        public InUse {
            holders = List.copyOf(holders);
        }
    }
}
