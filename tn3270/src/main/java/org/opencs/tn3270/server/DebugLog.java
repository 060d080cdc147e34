package org.opencs.tn3270.server;

import io.netty.channel.Channel;
import org.opencs.tn3270.config.TelnetDebug;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * A port's DEBUG CONN setting at work: where its connections' debug lines go. Every line is written at INFO to the
 * logger {@value #LOGGER} (the system log, as docs/diagnostics.md "System log" has it for trace loggers); under CONSOLE it also carries the SLF4J marker {@value #CONSOLE_MARKER}, which
 * asks the system log to show it on the operator console as well; under JOBLOG and CTRACE (OpenCS has no component
 * trace) it goes to the system log only. The level checks are plain fields, so a level that is off costs a comparison
 * and nothing is formatted; the server adds the telnet trace handler to a connection's pipeline only at DETAIL and
 * above.
 */
final class DebugLog {
    /** The logger debug lines are written to. */
    static final String LOGGER = "TN3270E.TRACE";
    /** The marker of lines the operator console must show (DEBUG ... CONSOLE). */
    static final String CONSOLE_MARKER = "CONSOLE";
    /**
     * The job name IBM's EZZ6034I and EZZ6035I carry (on z/OS the Telnet procedure's name: "If you start the TN3270
     * server, the jobname value is TN3270"): OpenCS's TN3270E server's started-task name, the job name the system log
     * shows for its lines (docs/diagnostics.md, "System log").
     */
    static final String JOBNAME = "TN3270E";

    private static final Marker CONSOLE = MarkerFactory.getMarker(CONSOLE_MARKER);

    private final TelnetDebug config;
    private final Logger log;
    private final boolean exception;
    private final boolean summary;
    private final boolean detail;
    private final boolean trace;

    DebugLog(TelnetDebug config, Logger log) {
        this.config = config;
        this.log = log;
        this.exception = config.reports(TelnetDebug.Level.EXCEPTION);
        this.summary = config.reports(TelnetDebug.Level.SUMMARY);
        this.detail = config.reports(TelnetDebug.Level.DETAIL);
        this.trace = config.reports(TelnetDebug.Level.TRACE);
    }

    boolean exception() {
        return exception;
    }

    boolean summary() {
        return summary;
    }

    boolean detail() {
        return detail;
    }

    boolean trace() {
        return trace;
    }

    /** Whether TRACE shows whole records (FULLDATATRACE). */
    boolean fullData() {
        return config.fullDataTrace();
    }

    /** One connection's debug lines. */
    ConnectionDebug connection(Channel channel, int serverPort) {
        return new ConnectionDebug(this, channel, serverPort);
    }

    void write(String line) {
        if (config.console()) {
            log.info(CONSOLE, line);
        } else {
            log.info(line);
        }
    }
}
