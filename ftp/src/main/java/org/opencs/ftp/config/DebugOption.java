package org.opencs.ftp.config;

/**
 * One operand of FTP.DATA {@code DEBUG} or {@code SITE DEBUG=(...)}, as {@link DebugOptionParser} read it: a trace
 * type (with its level for FSC and SOC), ALL, BAS, NONE, or {@code ?} (SITE only: show the active traces). IBM: IP
 * Configuration Reference, "DEBUG (FTP client and server) statement".
 */
public sealed interface DebugOption {
    /** One trace type; {@code level} is 1 - 8 for FSC and SOC, 1 for the others. */
    record Trace(TraceType type, int level) implements DebugOption {
        public Trace {
            if (level < 1 || level > TraceType.MAX_LEVEL || (!type.leveled() && level != 1)) {
                throw new IllegalArgumentException("level " + level + " for " + type);
            }
        }
    }

    /** ALL: every trace type, FSC and SOC at level 1. */
    record All() implements DebugOption {
    }

    /** BAS: the basic set, the same as CMD INT FSC SOC. */
    record Basic() implements DebugOption {
    }

    /** NONE: every trace off. */
    record None() implements DebugOption {
    }

    /** ?: shows the active traces and changes nothing (SITE DEBUG only). */
    record Query() implements DebugOption {
    }
}
