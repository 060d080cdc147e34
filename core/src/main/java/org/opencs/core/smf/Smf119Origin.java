package org.opencs.core.smf;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencs.core.SystemConfig;

/**
 * Who writes a record: the values of the SMF header's system ID and of IBM's TCP/IP identification section
 * (SMF119TI_...). OpenCS has no sysplex, no TCP/IP stack address space and no ASIDs, so it writes the values a
 * single z/OS image would (docs/diagnostics.md, "SMF type 119 records"): sysplex LOCAL, stack TCPIP, release
 * {@link #RELEASE}, the JVM's process ID (modulo 65536) as the ASID, reason 8 (X'08', an event record). {@code zone} is
 * the time zone of the records' local dates and times.
 */
public record Smf119Origin(String smfid, String sysName, String asName, String userId, ZoneId zone) {
    /** What OpenCS writes in SMF119TI_ReleaseID. */
    public static final String RELEASE = "OCS 0.1";
    /** SMF119TI_Reason X'08': an event record. */
    public static final long EVENT = 8;

    /** The origin of records a server or client of this system writes under {@code asName} and {@code userId}. */
    public static Smf119Origin of(SystemConfig config, String asName, String userId, ZoneId zone) {
        return new Smf119Origin(config.smfid(), config.sysname(), asName, userId, zone);
    }

    /** The identification section's values for a record of {@code subtype}. */
    Map<String, Object> fields(Smf119Subtype subtype) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("SMF119SID", smfid);
        fields.put("SMF119TI_SYSName", sysName);
        fields.put("SMF119TI_SysplexName", "LOCAL");
        fields.put("SMF119TI_Stack", "TCPIP");
        fields.put("SMF119TI_ReleaseID", RELEASE);
        fields.put("SMF119TI_Comp", subtype.component());
        fields.put("SMF119TI_ASName", asName);
        fields.put("SMF119TI_UserID", userId);
        fields.put("SMF119TI_ASID", ProcessHandle.current().pid() % 65536);
        fields.put("SMF119TI_Reason", EVENT);
        return fields;
    }
}
