package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.tn3270.client.TelnetConnection;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * A negotiation failure at IBM's initial setting (no DEBUG statement: EXCEPTION CONSOLE): one EZZ6035I EXCEPTION with
 * the return code and the reason, and the CONN DROP ERR that IBM issues for errors whatever the level; nothing else.
 * Under DEBUG OFF not even that (IBM: DEBUG OFF suppresses the exceptional CONN DROP messages too). A raw socket plays
 * a client that refuses both TN3270E and TERMINAL-TYPE (no real client sends that).
 */
class Tn3270DebugExceptionTest {
    @RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    java.nio.file.Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;

    @BeforeEach
    void start() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private void refuseEverything(String debug) throws Exception {
        Tn3270Server server = log.serve(ProfileParser.parse("TELNETPARMS\n PORT 0\n CONNTYPE BASIC\n" + debug
                + "ENDTELNETPARMS\n", "P").config().ports().get(0), registry);
        try (TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", server.port()))) {
            for (TelnetMessage m = c.next(10_000); m != null; m = c.next(10_000)) {
                if (m instanceof TelnetMessage.Negotiation n && n.verb() == Telnet.DO) {
                    c.send(new TelnetMessage.Negotiation(Telnet.WONT, n.option()));
                }
            }
        } finally {
            assertThat(log.await("OCST007E", Duration.ofSeconds(10))).isNotNull();
            server.close();
        }
    }

    @Test
    void aNegotiationFailureIsAnExceptionAndAConnectionDropAtTheInitialSetting() throws Exception {
        refuseEverything("");
        List<String> lines = log.debug.messages();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("EZZ6035I TN3270E DEBUG CONN EXCEPTION IP\\.\\.PORT: 127\\.0\\.0\\.1\\.\\.\\d+ "
                + "CONN: [0-9A-F]{8} LU: \\*\\*N/A\\*\\* MOD: OCSTNEGO RCODE: OCST007E No 3270 session can be "
                + "negotiated\\. PARM1: it refuses both TN3270E and TERMINAL-TYPE, so no 3270 terminal type can be agreed");
        assertThat(lines.get(1)).matches("EZZ6034I TN3270E CONN [0-9A-F]{8} LU \\*\\*N/A\\*\\* CONN DROP ERR OCST007E "
                + "IP\\.\\.PORT: 127\\.0\\.0\\.1\\.\\.\\d+ OCSTNEGO");
        assertThat(log.debug.consoleLines()).containsExactlyElementsOf(lines);
    }

    @Test
    void debugOffReportsNotEvenAFailure() throws Exception {
        refuseEverything(" DEBUG OFF\n");
        assertThat(log.debug.lines()).isEmpty();
        assertThat(log.lines()).anyMatch(l -> l.contains("OCST007E")); // the operator message stays
    }
}
