package org.opencs.saf.grs;

import java.time.Instant;

/**
 * One granted ENQ as the registry records it (a line of a D GRS display): its resource, mode, owner, the SYSNAME of
 * the owner's node and when it was obtained.
 */
public record EnqHolder(String id, String qname, String rname, EnqMode mode, EnqOwner owner, String sysname,
                        Instant obtained) {
    /** The resource as z/OS messages show it: qname rname. */
    public String resource() {
        return qname + " " + rname.strip();
    }
}
