package org.opencs.saf.grs;

import java.util.Collection;
import java.util.List;

/**
 * Whether an ENQ can be granted now, as GRS decides: SHARED requests share a resource with every other SHARED
 * holder; an EXCLUSIVE request or holder excludes every other owner. An owner's own holds never block it (a job
 * naming one data set in several steps, or upgrading SHR to OLD, holds it once). Source: z/OS MVS Planning: Global
 * Resource Serialization, "Requesting resources" (shared and exclusive control). Pure: no database.
 */
public final class Compatibility {
    private Compatibility() {
    }

    /** The holders of {@code request}'s resource that stop {@code owner} from getting it; empty when it may. */
    public static List<EnqHolder> conflicts(EnqRequest request, EnqOwner owner, Collection<EnqHolder> holders) {
        return holders.stream()
                .filter(h -> h.qname().equals(request.qname()) && h.rname().equals(request.rname()))
                .filter(h -> !h.owner().equals(owner))
                .filter(h -> request.mode() == EnqMode.EXCLUSIVE || h.mode() == EnqMode.EXCLUSIVE)
                .toList();
    }
}
