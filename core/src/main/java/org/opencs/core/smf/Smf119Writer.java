package org.opencs.core.smf;

import org.opencs.core.AuditLog;

/**
 * Writes SMF 119 records to the system's audit log ({@code logs/audit.jsonl}) as JSON lines ({@link Smf119Json}),
 * where {@code opencs smf} reads them. Whether a record is written at all is the configuration's decision (FTP.DATA's
 * SMF statements, TELNETPARMS' SMFINIT and SMFTERM), made by the caller.
 */
public final class Smf119Writer {
    private final AuditLog audit;
    private final Smf119Json json = new Smf119Json();

    public Smf119Writer(AuditLog audit) {
        this.audit = audit;
    }

    /** @throws org.opencs.core.ZosException OCS0030E when the audit log cannot be written */
    public void write(Smf119Record record) {
        audit.append(json.encode(record));
    }
}
