package org.opencs.pki.tls.trace;

/**
 * The GSK_TRACE mask bits a trace record belongs to, as z/OS System SSL documents them ("Capturing trace data through
 * environment variables", z/OS Cryptographic Services System SSL Programming): 0x01 function entry, 0x02 function
 * exit, 0x04 errors, 0x08 informational messages. The data-dump bits (0x10 EBCDIC, 0x20 ASCII) are accepted in a
 * mask but OpenCS dumps no record data: a ClientHello can carry a session ticket, which is a secret.
 */
public enum TraceCategory {
    ENTRY(0x01),
    EXIT(0x02),
    ERROR(0x04),
    INFO(0x08);

    private final int bit;

    TraceCategory(int bit) {
        this.bit = bit;
    }

    /** The GSK_TRACE bit that enables records of this category. */
    public int bit() {
        return bit;
    }

    /** Whether {@code mask} (a GSK_TRACE value) enables this category. */
    public boolean enabledBy(int mask) {
        return (mask & bit) != 0;
    }
}
