package org.opencs.tn3270.config;

/**
 * What a port's connections report (IBM's DEBUG CONN statement, with FULLDATATRACE): the level, where its lines go,
 * and whether TRACE shows whole records. Levels include the ones before them: EXCEPTION reports failures (the
 * connection drops for errors and inactivity), SUMMARY adds each connection's milestones (EZZ6034I ACCEPTED,
 * NEGOTIATED, IN SESSION, SESS DROP, CONN DROP), DETAIL adds each negotiation step, TLS and client certificate
 * checks and Express Logon steps, TRACE adds the 3270 data. OFF reports nothing, not even drops. A port without a
 * DEBUG statement has IBM's initial setting, EXCEPTION CONSOLE.
 *
 * <p>IBM: z/OS Communications Server IP Configuration Reference, "DEBUG statement" (TN3270E Telnet server), and IP
 * Configuration Guide, "DEBUG messages" (https://www.ibm.com/docs/SSLTBW_2.4.0/com.ibm.zos.v2r4.halz001/telnetdebugstatement.htm).
 */
public record TelnetDebug(Level level, Destination destination, boolean fullDataTrace) {
    /** IBM's initial setting: DEBUG CONN EXCEPTION CONSOLE, the first 64 bytes of a record traced. */
    public static final TelnetDebug DEFAULT = new TelnetDebug(Level.EXCEPTION, Destination.CONSOLE, false);

    /** In increasing order: each level reports what the ones before it do, and more. */
    public enum Level { OFF, EXCEPTION, SUMMARY, DETAIL, TRACE }

    /**
     * CONSOLE: the system log and the operator console; JOBLOG: the system log only (on z/OS the Telnet job log);
     * CTRACE: z/OS's component trace, which OpenCS does not have: its lines go to the system log, as JOBLOG's.
     */
    public enum Destination { CONSOLE, JOBLOG, CTRACE }

    public TelnetDebug {
        java.util.Objects.requireNonNull(level, "level");
        java.util.Objects.requireNonNull(destination, "destination");
    }

    /** IBM's default destination: CONSOLE for EXCEPTION, SUMMARY and DETAIL, CTRACE for TRACE. */
    public static Destination defaultDestination(Level level) {
        return level == Level.TRACE ? Destination.CTRACE : Destination.CONSOLE;
    }

    /** Whether lines of {@code wanted} are reported. */
    public boolean reports(Level wanted) {
        return level != Level.OFF && wanted != Level.OFF && level.compareTo(wanted) >= 0;
    }

    /** Whether the lines go to the operator console as well as the system log. */
    public boolean console() {
        return destination == Destination.CONSOLE;
    }

    public TelnetDebug withFullDataTrace(boolean full) {
        return new TelnetDebug(level, destination, full);
    }
}
