package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tn3270.config.ProfileParser;

/**
 * TELNETPARMS DEBUG with Debian's s3270 logging on to TSO through a plain port: each level shows what IBM's "DEBUG
 * messages" (IP Configuration Guide) says it shows, and not more: EXCEPTION nothing for a session that works,
 * SUMMARY the EZZ6034I milestones, DETAIL each negotiation step, TRACE the 3270 records, the password typed into the
 * logon panel's non-display field masked. CONSOLE marks the lines for the console; JOBLOG and CTRACE do not.
 */
class Tn3270DebugLevelsTest {
    @RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    Path dir;

    private static final Charset CP1047 = Charset.forName("IBM1047");
    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;

    @BeforeEach
    void start() throws Exception {
        registry = TestHost.open(dir, clock);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    /** One s3270 session (logon as USER1 with its password, then quit) on a port with {@code debug}; the DEBUG lines. */
    private List<String> session(String debug) throws Exception {
        String profile = String.join("\n", "TelnetParms", "  Port 0", "  Conntype basic", "  " + debug,
                "EndTelnetParms");
        Tn3270Server server = log.serve(ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0), registry);
        try {
            var result = ExternalCommand.run(dir, (String.join("\n", "Connect(localhost:" + server.port() + ")",
                    "Wait(20,InputField)", "String(\"user1\")", "Tab()", "String(\"user1pw\")", "Enter()",
                    "Wait(20,InputField)", "Ascii()", "Quit()") + "\n").getBytes(StandardCharsets.US_ASCII),
                    List.of("timeout", "60", "s3270", "-model", "3278-2"));
            assertThat(result.all()).contains("READY");
            if (!debug.toUpperCase().contains("OFF") && !debug.toUpperCase().contains("EXCEPTION")) {
                assertThat(log.debug.await("CONN DROP", java.time.Duration.ofSeconds(10))).isNotNull();
            }
        } finally {
            server.close(); // waits for the sessions' last lines
        }
        return log.debug.messages();
    }

    private static List<String> at(List<String> lines, String level) {
        return lines.stream().filter(l -> l.contains(" DEBUG CONN " + level + " ")).toList();
    }

    @Test
    void offAndExceptionShowNothingForASessionThatWorks() throws Exception {
        assertThat(session("Debug off")).isEmpty();
        assertThat(session("Debug exception console")).isEmpty();
        assertThat(log.debug.consoleLines()).isEmpty();
    }

    @Test
    void summaryShowsTheConnectionsMilestonesOnly() throws Exception {
        List<String> lines = session("Debug summary joblog");
        assertThat(lines).allMatch(l -> l.startsWith("EZZ6034I TN3270E CONN "));
        assertThat(lines).anyMatch(l -> l.matches("EZZ6034I TN3270E CONN [0-9A-F]{8} LU \\*\\*N/A\\*\\* ACCEPTED \\d+ "
                + "IP\\.\\.PORT: 127\\.0\\.0\\.1\\.\\.\\d+"));
        assertThat(lines).anyMatch(l -> l.contains(" LU TCP00001 NEGOTIATED TN3270E IP..PORT: 127.0.0.1.."))
                .anyMatch(l -> l.contains(" LU TCP00001 IN SESSION TSO "))
                .anyMatch(l -> l.contains(" LU TCP00001 SESS DROP CLNTDISC "))
                .anyMatch(l -> l.contains(" LU TCP00001 CONN DROP CLNTDISC "));
        // Every line of one connection carries the same connection ID.
        assertThat(lines.stream().map(l -> l.split(" ")[3]).distinct()).hasSize(1);
        assertThat(log.debug.consoleLines()).as("JOBLOG: the system log only").isEmpty();
    }

    @Test
    void detailAddsEachNegotiationStepButNoData() throws Exception {
        List<String> lines = session("Debug detail console");
        List<String> detail = at(lines, "DETAIL");
        assertThat(detail).anyMatch(l -> l.contains("MOD: OCSTNEGO OUT DO TN3270E"))
                .anyMatch(l -> l.contains("MOD: OCSTNEGO IN WILL TN3270E"))
                .anyMatch(l -> l.contains("MOD: OCSTNEGO OUT SB TN3270E SEND DEVICE-TYPE"))
                .anyMatch(l -> l.contains("MOD: OCSTNEGO IN SB TN3270E DEVICE-TYPE REQUEST IBM-3278-2-E"))
                .anyMatch(l -> l.contains("LU: TCP00001 MOD: OCSTNEGO OUT SB TN3270E DEVICE-TYPE IS IBM-3278-2-E "
                        + "CONNECT TCP00001"))
                .anyMatch(l -> l.contains("MOD: OCSTNEGO IN SB TN3270E FUNCTIONS"))
                .anyMatch(l -> l.contains("MOD: OCSTNEGO DEVICE IBM-3278-2-E LU TCP00001 AGREED (TN3270E, FUNCTIONS"));
        assertThat(detail).allMatch(l -> l.matches("EZZ6035I TN3270E DEBUG CONN DETAIL IP\\.\\.PORT: 127\\.0\\.0\\.1\\.\\.\\d+ "
                + "CONN: [0-9A-F]{8} LU: (\\*\\*N/A\\*\\*|TCP00001) MOD: OCST[A-Z]+ .*"));
        assertThat(lines).anyMatch(l -> l.contains("NEGOTIATED TN3270E"));
        assertThat(at(lines, "TRACE")).isEmpty();
        assertThat(at(lines, "EXCEPTION")).isEmpty();
        // CONSOLE: every line is marked for the console.
        assertThat(log.debug.consoleLines()).hasSameSizeAs(lines).containsExactlyElementsOf(lines);
    }

    @Test
    void traceShowsTheRecordsWithThePasswordMasked() throws Exception {
        List<String> lines = session("Debug trace");
        assertThat(at(lines, "DETAIL")).isNotEmpty();
        List<String> in = log.debug.records("IN");
        List<String> out = log.debug.records("OUT");
        assertThat(out).anyMatch(r -> r.contains("TSO/E LOGON"));
        // The logon: the user ID typed is shown, the password only as eight asterisks.
        String upper = HexFormat.of().withUpperCase().formatHex("USER1".getBytes(CP1047));
        String lower = HexFormat.of().withUpperCase().formatHex("user1".getBytes(CP1047));
        assertThat(in).anyMatch(r -> (r.contains(upper) || r.contains(lower)) && r.contains("5C5C5C5C5C5C5C5C")
                && r.contains("********"));
        for (String password : List.of("user1pw", "USER1PW")) {
            String hex = HexFormat.of().withUpperCase().formatHex(password.getBytes(CP1047));
            assertThat(in).noneMatch(r -> r.contains(hex) || r.toLowerCase().contains("user1pw"));
            assertThat(lines).noneMatch(l -> l.contains(hex) || l.toLowerCase().contains("user1pw"));
            assertThat(log.lines()).noneMatch(l -> l.toLowerCase().contains("user1pw"));
        }
        // Without FULLDATATRACE a record shows its first 64 bytes only; TRACE goes to CTRACE: not the console.
        assertThat(lines).anyMatch(l -> l.endsWith("(first 64 bytes; FULLDATATRACE shows all)"));
        assertThat(log.debug.consoleLines()).isEmpty();
    }
}
