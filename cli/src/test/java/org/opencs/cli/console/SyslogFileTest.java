package org.opencs.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.SyslogSettings;
import org.opencs.core.ZosException;

/** logs/syslog: its layout (docs/diagnostics.md "System log"), what reaches it, and its rotation by size. */
class SyslogFileTest {
    /** A record as documented: type, system name (8), date, time UTC with hundredths, job name (8), text. */
    static final String RECORD = "[NMDEX] .{8} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d\\dZ .{8} .*";

    @TempDir
    Path home;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private LoggerContext context(boolean debug) {
        LoggerContext context = new LoggerContext();
        OpenCsLogging.configure(context, debug, console, ZoneOffset.UTC);
        return context;
    }

    /** An event of {@code logger} at {@code level} with {@code message}, at 2026-11-30 14:30:29.129 UTC. */
    private static LoggingEvent event(String logger, Level level, String message) {
        LoggingEvent event = new LoggingEvent();
        event.setLoggerName(logger);
        event.setLevel(level);
        event.setMessage(message);
        event.setInstant(Instant.parse("2026-11-30T14:30:29.129Z"));
        return event;
    }

    @Test
    void theLayoutKeepsTheHardcopyColumnsItDocuments() {
        SyslogLayout layout = new SyslogLayout("SYS1", false);
        assertThat(layout.doLayout(event("FTPD", Level.INFO,
                "EZY2702I Server-FTP: Initialization completed at 15:30:29 on port 2021"))).isEqualTo(
                "N SYS1     2026-11-30 14:30:29.12Z FTPD     EZY2702I Server-FTP: Initialization completed at 15:30:29 "
                + "on port 2021\n");
        assertThat(layout.doLayout(event("FTPD.TRACE", Level.INFO, "FR1799 ftpAuth: entered\nFR1800 ftpAuth: second")))
                .isEqualTo("X SYS1     2026-11-30 14:30:29.12Z FTPD     FR1799 ftpAuth: entered\n"
                + "X SYS1     2026-11-30 14:30:29.12Z FTPD     FR1800 ftpAuth: second\n");
        assertThat(layout.doLayout(event("io.netty.handler.ssl.SslHandler", Level.WARN, "handshake failed\nfor channel")))
                .isEqualTo(
                "M SYS1     2026-11-30 14:30:29.12Z OPENCS   OCS0090W SslHandler: handshake failed\n"
                + "E SYS1     2026-11-30 14:30:29.12Z OPENCS   for channel\n");
    }

    /** Whatever a message holds (line breaks, control characters), its records are one message of this job. */
    @net.jqwik.api.Property(tries = 300)
    void noMessageCanForgeARecord(@net.jqwik.api.ForAll String message,
                                  @net.jqwik.api.ForAll("loggers") String logger) {
        List<String> lines = new SyslogLayout("SYS1", false).doLayout(event(logger, Level.WARN, message)).lines().toList();
        String job = LogSource.jobName(logger);
        assertThat(lines).isNotEmpty().allMatch(l -> l.matches(RECORD))
                .allMatch(l -> l.startsWith(" SYS1     2026-11-30 14:30:29.12Z " + (job + "       ").substring(0, 8) + " ", 1));
        String types = lines.stream().map(l -> l.substring(0, 1)).reduce("", String::concat);
        assertThat(types).matches(LogSource.of(logger) == LogSource.RECORD ? "X+" : "N|MD*E");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> loggers() {
        return net.jqwik.api.Arbitraries.of("FTPD", "FTPD.TRACE", "TN3270E.TRACE", "JES2", "io.netty.channel.Foo");
    }

    @Test
    void withOpenCsDebugAStackTraceBecomesDataLinesOfItsMessage() {
        SyslogLayout layout = new SyslogLayout("A-VERY-LONG-NAME", true);
        LoggingEvent event = event("JES2", Level.DEBUG, "Program IEBGENER failed");
        event.setThrowableProxy(new ThrowableProxy(new IOException("SYSUT1 missing")));
        List<String> lines = layout.doLayout(event).lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "M A-VERY-L 2026-11-30 14:30:29.12Z JES2     OCS0090I JES2: Program IEBGENER failed (SYSUT1 missing)");
        assertThat(lines.subList(1, lines.size() - 1)).isNotEmpty().allMatch(l -> l.startsWith("D A-VERY-L "));
        assertThat(lines.get(lines.size() - 1)).startsWith("E A-VERY-L ");
        assertThat(lines).allMatch(l -> l.matches(RECORD));
    }

    @Test
    void everyServerLineAndRecordIsWrittenNothingElse() throws Exception {
        LoggerContext context = context(false);
        try (SystemLog syslog = SystemLog.open(context, home.resolve("logs"), "SYS1", SyslogSettings.DEFAULT)) {
            context.getLogger("FTPD").info("EZY2702I Server-FTP: Initialization completed");
            context.getLogger("TN3270E").info("EZZ6003I TELNET LISTENING ON PORT 2023");
            context.getLogger("JES2").info("$HASP492 JES2 ALL-MEMBER WARM START ON MEMBER SYS1 - 2 INITIATOR(S)");
            context.getLogger("FTPD.ACTIVITY").info("EZYFS50I ID=FTPD100001 CONN starts Client IPaddr=127.0.0.1");
            context.getLogger("FTPD.TRACE").info("FR1932 ftpAuth: connect as a server requesting client certificate");
            context.getLogger("io.netty.bootstrap.ServerBootstrap").info("library chatter");
            context.getLogger("FTPD").debug("developer detail");
        }
        context.getLogger("FTPD").info("OCSF003I after close: console only");
        context.stop();
        List<String> lines = Files.readAllLines(home.resolve("logs/syslog"));
        assertThat(lines).allMatch(l -> l.matches(RECORD)).extracting(l -> l.substring(0, 2) + l.substring(35))
                .containsExactly("N FTPD     EZY2702I Server-FTP: Initialization completed",
                        "N TN3270E  EZZ6003I TELNET LISTENING ON PORT 2023",
                        "N JES2     $HASP492 JES2 ALL-MEMBER WARM START ON MEMBER SYS1 - 2 INITIATOR(S)",
                        "X FTPD     EZYFS50I ID=FTPD100001 CONN starts Client IPaddr=127.0.0.1",
                        "X FTPD     FR1932 ftpAuth: connect as a server requesting client certificate");
        assertThat(lines).allMatch(l -> l.startsWith("N SYS1     ") || l.startsWith("X SYS1     "));
        // The console showed the operator messages, not the records.
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("EZY2702I").contains("OCSF003I")
                .doesNotContain("EZYFS50I").doesNotContain("FR1932");
    }

    @Test
    void theFileRollsOverAtItsConfiguredSize() throws Exception {
        LoggerContext context = context(false);
        try (SystemLog syslog = SystemLog.open(context, home.resolve("logs"), "SYS1", new SyslogSettings(1024, 7, 0))) {
            for (int i = 0; i < 60; i++) {
                context.getLogger("FTPD").info("OCSF001W FTP connection {} from 127.0.0.1 port 40000 refused: too many "
                        + "sessions", i);
            }
        }
        context.stop();
        List<Path> rolled;
        try (Stream<Path> files = Files.list(home.resolve("logs"))) {
            rolled = files.filter(f -> f.getFileName().toString().matches("syslog\\.\\d{4}-\\d\\d-\\d\\d\\.\\d+")).toList();
        }
        assertThat(rolled).hasSizeGreaterThanOrEqualTo(3);
        // Every line is kept once, in one of the files, each no larger than the size and a line.
        long kept = 0;
        for (Path file : Stream.concat(rolled.stream(), Stream.of(home.resolve("logs/syslog"))).toList()) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(1024 + 200);
            kept += Files.readAllLines(file).stream().filter(l -> l.matches(RECORD) && l.contains("OCSF001W")).count();
        }
        assertThat(kept).isEqualTo(60);
    }

    @Test
    void aLogDirectoryThatCannotBeWrittenIsAMessage() throws Exception {
        Files.writeString(home.resolve("logs"), "a file where the directory should be");
        LoggerContext context = context(false);
        assertThatThrownBy(() -> SystemLog.open(context, home.resolve("logs"), "SYS1", SyslogSettings.DEFAULT))
                .isInstanceOf(ZosException.class)
                .hasMessageStartingWith("OCS0091E The system log " + home.resolve("logs/syslog") + " cannot be written: ")
                .hasMessageNotContaining("Exception").hasMessageNotContaining("null");
    }
}
