package org.opencs.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.BasicMarkerFactory;

/**
 * The console as {@code opencs} sets Logback up ({@link OpenCsLogging}): the format {@code HH:mm:ss MSGID text},
 * the servers' INFO lines, a library's WARN and above only, DEBUG and stack traces only with OPENCS_DEBUG=1, trace
 * records only with the CONSOLE marker (docs/diagnostics.md "System log").
 */
class ConsoleLoggingTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private LoggerContext context(boolean debug) {
        LoggerContext context = new LoggerContext();
        OpenCsLogging.configure(context, debug, console, ZoneOffset.UTC);
        return context;
    }

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void serversWriteTheirMessagesLibrariesOnlyTheirWarnings() {
        LoggerContext context = context(false);
        context.getLogger("FTPD").info("EZY2702I Server-FTP: Initialization completed at {} on port {}", "14:30:29", 21);
        context.getLogger("JES2").warn("$HASP050 JES2 RESOURCE SHORTAGE");
        context.getLogger("io.netty.channel.DefaultChannelPipeline").info("chatter the operator never needs");
        context.getLogger("io.netty.channel.DefaultChannelPipeline").debug("more chatter");
        context.getLogger("io.netty.util.ResourceLeakDetector").warn("LEAK: java.nio.DirectByteBuffer.release() was not called");
        context.getLogger("org.h2.engine.Database").error("opening failed", new IOException("Disk full"));
        context.getLogger("FTPD").debug("OCSF900I developer detail");
        context.stop();
        assertThat(console().lines().toList()).hasSize(4).allMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d \\S+ .*"));
        assertThat(console()).contains(" EZY2702I Server-FTP: Initialization completed at 14:30:29 on port 21\n")
                .contains(" $HASP050 JES2 RESOURCE SHORTAGE\n")
                .contains(" OCS0090W ResourceLeakDetector: LEAK: release() was not called\n")
                .contains(" OCS0090E Database: opening failed (Disk full)\n")
                .doesNotContain("chatter").doesNotContain("OCSF900I").doesNotContainPattern("\\n\\s+at ");
    }

    @Test
    void openCsDebugAddsDebugLinesAndStackTraces() {
        LoggerContext context = context(true);
        context.getLogger("JES2").debug("Program {} failed", "IEBGENER", new IllegalStateException("SYSUT1 missing"));
        context.getLogger("io.netty.channel.DefaultChannelPipeline").debug("library chatter stays out");
        context.stop();
        assertThat(console()).contains(" OCS0090I JES2: Program IEBGENER failed (SYSUT1 missing)\n")
                .contains("java.lang.IllegalStateException: SYSUT1 missing").containsPattern("\\n\\s+at ")
                .doesNotContain("library chatter");
    }

    @Test
    void traceRecordsReachTheConsoleOnlyWithTheConsoleMarker() {
        LoggerContext context = context(false);
        context.getLogger("TN3270E.TRACE").info("joblog only: not on the console");
        context.getLogger("FTPD.ACTIVITY").info("EZYFS50I ID=FTPD100001 CONN starts");
        context.getLogger("TN3270E.TRACE").info(new BasicMarkerFactory().getMarker(LogSource.CONSOLE_MARKER),
                "EZZ6034I TELNET CONN 00000012 LU TCPM1001 DEVICE-TYPE IBM-3278-2-E");
        context.stop();
        assertThat(console().lines().toList()).containsExactly(
                console().substring(0, 8) + " EZZ6034I TELNET CONN 00000012 LU TCPM1001 DEVICE-TYPE IBM-3278-2-E");
    }

    @Test
    void theLayoutStampsEveryLineOfAMessageInTheConsoleZone() {
        ConsoleLayout layout = new ConsoleLayout(ZoneOffset.ofHours(1), false);
        LoggingEvent event = new LoggingEvent();
        event.setLoggerName("TN3270E");
        event.setLevel(Level.INFO);
        event.setMessage("OCST001I first line\nsecond line");
        event.setInstant(Instant.parse("2026-11-30T14:30:29.125Z"));
        assertThat(layout.doLayout(event)).isEqualTo("15:30:29 OCST001I first line\n15:30:29 second line\n");
        event.setThrowableProxy(new ThrowableProxy(new IOException("Connection reset by peer")));
        assertThat(layout.doLayout(event)).isEqualTo(
                "15:30:29 OCST001I first line\n15:30:29 second line (Connection reset by peer)\n");
    }
}
