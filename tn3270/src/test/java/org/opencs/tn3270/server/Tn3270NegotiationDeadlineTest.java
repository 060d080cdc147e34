package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.tn3270.client.TelnetConnection;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.config.TelnetPort;
import org.opencs.tn3270.config.VtamConfig;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * Every state of negotiation in which the server waits for the client ends, when the client never sends what is
 * awaited, in a close with a log line naming what was missing (OCST071E) and a TN3270_NEGOTIATION_FAILED audit
 * record, within the negotiation timeout (1 second here; 10 by default). IBM: "If any problems occur during
 * negotiation nothing can be done to keep the connection" (z/OS Communications Server IP Configuration Guide, MSG07
 * and LUSESSIONPEND). Raw sockets: these are clients that stop half-way, which no real client does on purpose.
 */
class Tn3270NegotiationDeadlineTest {
    @RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;
    private Tn3270Server basic;

    @BeforeEach
    void start() throws Exception {
        registry = TestHost.open(dir, clock);
        basic = serve("TELNETPARMS\n PORT 0\n CONNTYPE BASIC\nENDTELNETPARMS\n");
    }

    @AfterEach
    void stop() {
        basic.close();
        registry.close();
    }

    private Tn3270Server serve(String profile) throws Exception {
        TelnetPort port = ProfileParser.parse(profile, "P").config().ports().get(0);
        return log.serve(port, registry, new Vtam(VtamConfig.defaultAppl("TSO"), registry.config().tn3270Limits()),
                Duration.ofSeconds(1));
    }

    private TelnetConnection connect(Tn3270Server server) throws IOException {
        return new TelnetConnection(new Socket("127.0.0.1", server.port()));
    }

    /** The server closes the connection (reads until it does, at most 10 s a message) and says what it waited for. */
    private void assertEndedWaitingFor(TelnetConnection c, String awaited) throws Exception {
        TelnetMessage m;
        do {
            m = c.next(10_000);
            assertThat(m instanceof TelnetMessage.Record).as("no screen for a session that did not negotiate").isFalse();
        } while (m != null);
        assertEndedWaitingFor(awaited);
    }

    private void assertEndedWaitingFor(String awaited) throws Exception {
        String line = log.await("OCST071E", Duration.ofSeconds(10));
        assertThat(line).contains("negotiation did not complete within 1 seconds (the server was waiting for "
                + awaited);
        assertThat(registry.home().logs().resolve("audit.jsonl")).content()
                .contains("\"type\":\"TN3270_NEGOTIATION_FAILED\"");
    }

    private static TelnetMessage tn3270e(String data) {
        return new TelnetMessage.Subnegotiation(Telnet.TN3270E, data.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void silenceAfterDoTn3270e() throws Exception {
        try (TelnetConnection c = connect(basic)) {
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TN3270E));
            assertEndedWaitingFor(c, "an answer to DO TN3270E");
        }
        assertThat(log.await("OCST071E", Duration.ZERO)).containsPattern("No 3270 session can be had with client "
                + "127\\.0\\.0\\.1:\\d+: ");
    }

    @Test
    void noDeviceTypeRequestAfterSend() throws Exception {
        try (TelnetConnection c = connect(basic)) {
            c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TN3270E));
            assertEndedWaitingFor(c, "a DEVICE-TYPE REQUEST");
        }
    }

    @Test
    void noFunctionsAfterDeviceTypeIs() throws Exception {
        try (TelnetConnection c = connect(basic)) {
            c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TN3270E));
            c.send(tn3270e("\u0002\u0007IBM-3278-2-E"));
            assertEndedWaitingFor(c, "FUNCTIONS (REQUEST or IS) after DEVICE-TYPE IS");
        }
        // The LU it held is free again: a client asking for TCP00001 by name gets it. The release follows the close on
        // the session's executor, so a client that asks at once may still meet DEVICE-TYPE REJECT DEVICE-IN-USE
        // (x'02 06 05 01', RFC 2355 section 7.1) for a moment; it asks again, as a terminal emulator's reconnect would.
        TelnetMessage answer = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try (TelnetConnection next = connect(basic)) {
                next.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TN3270E));
                next.send(tn3270e("\u0002\u0007IBM-3278-2-E\u0001TCP00001"));
                TelnetMessage m;
                do {
                    m = next.next(10_000);
                } while (!(m instanceof TelnetMessage.Subnegotiation s && s.data()[0] == 0x02));
                answer = m;
            }
            if (!(answer instanceof TelnetMessage.Subnegotiation s && s.data().length == 4 && s.data()[1] == 0x06
                    && s.data()[3] == Tn3270Negotiation.DEVICE_IN_USE)) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(answer).isEqualTo(tn3270e("\u0002\u0004IBM-3278-2-E\u0001TCP00001"));
    }

    @Test
    void nothingAfterDeviceTypeReject() throws Exception {
        try (TelnetConnection c = connect(basic)) {
            c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TN3270E));
            c.send(tn3270e("\u0002\u0007IBM-3278-2-E\u0001NOSUCHLU"));
            assertEndedWaitingFor(c, "another DEVICE-TYPE REQUEST or WONT TN3270E after DEVICE-TYPE REJECT INV-NAME");
        }
    }

    @Test
    void noAnswerToDoTerminalType() throws Exception {
        try (TelnetConnection c = connect(basic)) {
            c.send(new TelnetMessage.Negotiation(Telnet.WONT, Telnet.TN3270E));
            assertEndedWaitingFor(c, "an answer to DO TERMINAL-TYPE");
        }
    }

    @Test
    void noTerminalTypeIs() throws Exception {
        try (TelnetConnection c = connect(basic)) {
            c.send(new TelnetMessage.Negotiation(Telnet.WONT, Telnet.TN3270E));
            c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TERMINAL_TYPE));
            assertEndedWaitingFor(c, "TERMINAL-TYPE IS");
        }
    }

    @Test
    void noBinaryOrEndOfRecordAnswers() throws Exception {
        try (TelnetConnection c = connect(basic)) {
            c.send(new TelnetMessage.Negotiation(Telnet.WONT, Telnet.TN3270E));
            c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TERMINAL_TYPE));
            c.send(new TelnetMessage.Subnegotiation(Telnet.TERMINAL_TYPE,
                    "\u0000IBM-3278-2".getBytes(StandardCharsets.ISO_8859_1)));
            assertEndedWaitingFor(c, "BINARY and END-OF-RECORD in both directions");
        }
    }

    /** An IBM-DYNAMIC terminal that never answers Read Partition Query gets no screen and is not kept waiting. */
    @Test
    void noQueryReplyFromAnIbmDynamicTerminal() throws Exception {
        try (TelnetConnection c = connect(basic)) {
            c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TN3270E));
            c.send(tn3270e("\u0002\u0007IBM-DYNAMIC"));
            c.send(tn3270e("\u0003\u0007"));
            TelnetMessage m;
            boolean queried = false;
            while ((m = c.next(10_000)) != null) {
                // the one record is the Read Partition Query (a Write Structured Field), never a screen
                if (m instanceof TelnetMessage.Record r) {
                    assertThat(r.data()[5]).as("Write Structured Field").isEqualTo((byte) 0xF3);
                    queried = true;
                }
            }
            assertThat(queried).isTrue();
            assertEndedWaitingFor("the IBM-DYNAMIC terminal's answer to Read Partition Query");
        }
    }

    @Test
    void noAnswerToDoStartTlsOnANegtsecurePort() throws Exception {
        try (Tn3270Server port = serve("TELNETPARMS\n PORT 0\n CONNTYPE NEGTSECURE\n KEYRING HFS /etc/tn3270/server.kdb\n"
                + "ENDTELNETPARMS\n"); TelnetConnection c = connect(port)) {
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.START_TLS));
            assertEndedWaitingFor(c, "START_TLS (WILL and FOLLOWS) or WONT START_TLS");
        }
    }

    @Test
    void aTlsHandshakeThatStopsHalfWay() throws Exception {
        try (Tn3270Server port = serve("TELNETPARMS\n SECUREPORT 0\n KEYRING HFS /etc/tn3270/server.kdb\n"
                + "ENDTELNETPARMS\n"); Socket socket = new Socket("127.0.0.1", port.port())) {
            socket.setSoTimeout(10_000);
            // A TLS record header announcing a ClientHello that never comes.
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x40, 0x01});
            assertThat(socket.getInputStream().read(new byte[100])).as("closed").isLessThan(1);
            assertEndedWaitingFor("the TLS handshake to complete");
        }
    }

    /** A session that got its screen is not touched by the negotiation deadline. */
    @Test
    void aSessionAtItsLogonScreenStays() throws Exception {
        try (TelnetConnection c = connect(basic)) {
            assertThat(RawTerminal.firstScreen(c)).isNotNull();
            Thread.sleep(1500);
            c.send(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TIMING_MARK));
            assertThat(c.next(10_000)).as("still served").isEqualTo(new TelnetMessage.Negotiation(Telnet.WILL,
                    Telnet.TIMING_MARK));
        }
        assertThat(log.lines()).noneMatch(l -> l.contains("OCST071E"));
    }
}
