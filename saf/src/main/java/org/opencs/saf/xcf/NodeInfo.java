package org.opencs.saf.xcf;

import java.time.Instant;

/**
 * One node instance as the {@code nodes} table records it: its SYSNAME, the instance ID of this start of its process,
 * where it runs, when it started and last heartbeat, and its state (ACTIVE, or FAILED while a survivor cleans up).
 */
public record NodeInfo(String instance, String sysname, String host, long processId, Instant started,
                       Instant heartbeat, String state) {
    /** The node as messages name it: SYSNAME (host, process id). */
    public String describe() {
        return sysname + " (host " + host + ", process " + processId + ")";
    }
}
