package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.tn3270.client.TelnetConnection;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetDecoder;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * Hostile clients on a plain port: unsolicited and malformed subnegotiations, a record that never ends, a client that
 * answers every option request with its opposite forever. Each session ends or goes on cleanly, and the server keeps
 * serving the next client.
 */
class Tn3270HostileInputTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    java.nio.file.Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;
    private Tn3270Server server;

    @BeforeEach
    void start() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        server = log.serve(ProfileParser.parse("TELNETPARMS\n PORT 0\nENDTELNETPARMS\n", "P").config().ports().get(0),
                registry);
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    /** A plain (BASIC) port with these extra TELNETPARMS statements. */
    private Tn3270Server plainPort(String... statements) throws InterruptedException {
        String profile = "TELNETPARMS\n PORT 0\n " + String.join("\n ", statements) + "\nENDTELNETPARMS\n";
        return log.serve(ProfileParser.parse(profile, "P").config().ports().get(0), registry);
    }

    /** A well-behaved TN3270E client still gets its logon screen. */
    private void aNormalClientIsServed() throws IOException {
        RawTerminal.assertServed(server.port());
    }

    @Test
    void unsolicitedAndMalformedSubnegotiationsAreIgnored() throws Exception {
        try (TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", server.port()))) {
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TN3270E));
            c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x03, 0x04, 0x00, 0x02}));
            c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x02}));
            c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[0]));
            c.send(new TelnetMessage.Subnegotiation(0x99, new byte[] {1, 2, 3}));
            c.send(new TelnetMessage.Record(new byte[] {0x7D, 0x40, 0x40}));
            c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                    ("\u0002\u0007IBM-9999").getBytes(StandardCharsets.ISO_8859_1)));
            // The unknown device type is rejected with INV-DEVICE-TYPE; the session stays open.
            TelnetMessage reject = c.next(10_000);
            assertThat(reject).isEqualTo(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x02, 0x06, 0x05, 0x04}));
        }
        aNormalClientIsServed();
    }

    @Test
    void aRecordThatNeverEndsEndsTheSession() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) 0x40);
            try {
                for (int i = 0; i <= TelnetDecoder.MAX_RECORD / chunk.length + 1; i++) {
                    out.write(chunk);
                }
            } catch (IOException closedWhileWriting) {
                // the server may close before the last chunk
            }
            int read;
            do {
                read = in.read(chunk);
            } while (read > 0);
            assertThat(read).as("the server closed the connection").isEqualTo(-1);
        }
        aNormalClientIsServed();
        assertThat(log.lines()).filteredOn(l -> l.contains("OCST003I")).singleElement().asString()
                .containsPattern("Session client 127\\.0\\.0\\.1:\\d+ ended: telnet record longer than 65536 bytes");
    }

    @Test
    void aClientContradictingEveryOptionCannotMakeTheServerLoop() throws Exception {
        int fromServer = 0;
        boolean ended = false;
        try (TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", server.port()))) {
            // Refuse TN3270E, then flip every answer: the server must stop answering rather than loop.
            for (int round = 0; round < 200; round++) {
                TelnetMessage m;
                try {
                    m = c.next(1_000);
                } catch (IOException quiet) {
                    break; // the server has nothing more to say
                }
                if (m == null) {
                    ended = true;
                    break;
                }
                fromServer++;
                if (m instanceof TelnetMessage.Negotiation n) {
                    int flipped = switch (n.verb()) {
                        case Telnet.DO -> Telnet.WONT;
                        case Telnet.DONT -> Telnet.WILL;
                        case Telnet.WILL -> Telnet.DONT;
                        default -> Telnet.DO;
                    };
                    try {
                        c.send(new TelnetMessage.Negotiation(flipped, n.option()));
                        c.send(new TelnetMessage.Negotiation(flipped == Telnet.WONT ? Telnet.WILL : Telnet.WONT, n.option()));
                    } catch (IOException closedByServer) {
                        ended = true;
                        break;
                    }
                }
            }
        }
        assertThat(ended).as("the server ended the session").isTrue();
        assertThat(fromServer).as("messages the server sent before ending the session")
                .isLessThanOrEqualTo(2 * Tn3270Negotiation.MAX_NEGOTIATIONS);
        aNormalClientIsServed();
        assertThat(log.lines()).as("one line for the session, however much the client sent after")
                .filteredOn(l -> l.contains("OCST004I")).singleElement().asString()
                .contains("Negotiation with client 127.0.0.1:");
    }

    /** TIMEMARK 1: a silent client is asked DO TIMING-MARK; one that never answers is dropped after SCANINTERVAL. */
    @Test
    void aSilentClientIsProbedAndThenDropped() throws Exception {
        try (Tn3270Server probing = plainPort("TIMEMARK 1", "SCANINTERVAL 1");
             TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", probing.port()))) {
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TN3270E));
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TIMING_MARK));
            assertThat(c.next(10_000)).as("dropped after the unanswered probe").isNull();
        }
    }

    /** A client that answers the probe stays. */
    @Test
    void aClientAnsweringTheProbeStays() throws Exception {
        try (Tn3270Server probing = plainPort("TIMEMARK 1", "SCANINTERVAL 2");
             TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", probing.port()))) {
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TN3270E));
            for (int probe = 0; probe < 3; probe++) {
                assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TIMING_MARK));
                c.send(new TelnetMessage.Negotiation(Telnet.WONT, Telnet.TIMING_MARK));
            }
        }
    }

    /** INACTIVE 1 (TIMEMARK off): a session without input is dropped. */
    @Test
    void anIdleSessionIsDroppedAfterInactive() throws Exception {
        try (Tn3270Server idle = plainPort("INACTIVE 1", "TIMEMARK 0");
             TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", idle.port()))) {
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TN3270E));
            assertThat(c.next(10_000)).as("dropped").isNull();
        }
    }

    /** FUNCTIONS as s3270 asks (BIND-IMAGE, RESPONSES, SYSREQ): the server counters with RESPONSES, then answers requests. */
    @Test
    void responsesAreNegotiatedAndAnswered() throws Exception {
        try (TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", server.port()))) {
            TelnetMessage countered = null;
            TelnetMessage m = c.next(10_000);
            for (; !(m instanceof TelnetMessage.Record); m = c.next(10_000)) {
                assertThat(m).isNotNull();
                if (m instanceof TelnetMessage.Negotiation n && n.verb() == Telnet.DO) {
                    c.send(new TelnetMessage.Negotiation(Telnet.WILL, n.option()));
                } else if (m instanceof TelnetMessage.Subnegotiation s && s.data()[0] == 0x08) {
                    c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                            ("\u0002\u0007IBM-3278-2-E").getBytes(StandardCharsets.ISO_8859_1)));
                } else if (m instanceof TelnetMessage.Subnegotiation s && s.data()[0] == 0x02) {
                    // BIND-IMAGE, DATA-STREAM-CTL, RESPONSES, SYSREQ: all but DATA-STREAM-CTL are offered.
                    c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x03, 0x07, 0x00, 0x01, 0x02, 0x04}));
                } else if (m instanceof TelnetMessage.Subnegotiation s && s.data()[0] == 0x03) {
                    countered = m;
                    c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x03, 0x04, 0x00, 0x02, 0x04}));
                }
            }
            assertThat(countered).isEqualTo(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                    new byte[] {0x03, 0x07, 0x00, 0x02, 0x04}));
            // BIND-IMAGE agreed: the application session starts with a BIND naming TSO, then the logon panel.
            byte[] bind = ((TelnetMessage.Record) m).data();
            assertThat(bind[0]).isEqualTo((byte) 0x03);
            assertThat(bind[5]).isEqualTo((byte) 0x31);
            assertThat(new String(bind, 5 + 28, 3, java.nio.charset.Charset.forName("IBM1047"))).isEqualTo("TSO");
            assertThat(((TelnetMessage.Record) c.next(10_000)).data()[0]).isEqualTo((byte) 0x00);
            // Enter on the logon panel, asking for a response (ALWAYS-RESPONSE, sequence 7).
            c.send(new TelnetMessage.Record(new byte[] {0x00, 0x00, 0x02, 0x00, 0x07, 0x7D, 0x40, 0x40}));
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Record(new byte[] {0x02, 0x00, 0x00, 0x00, 0x07, 0x00}));
            assertThat(c.next(10_000)).isInstanceOf(TelnetMessage.Record.class);
            // Data that cannot be read, sent with ERROR-RESPONSE (sequence 8): a negative response, OPERATION-CHECK.
            c.send(new TelnetMessage.Record(new byte[] {0x00, 0x00, 0x01, 0x00, 0x08, 0x7D, 0x40, 0x40, 0x00, 0x00}));
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Record(new byte[] {0x02, 0x00, 0x01, 0x00, 0x08, 0x02}));
        }
    }

    /** A port with these TELNETPARMS statements and a fresh server key database as its KEYRING. */
    private Tn3270Server tlsPort(String statements) throws Exception {
        org.opencs.pki.keydb.KeyDatabase kdb = org.opencs.pki.TestPki.caAndServer(registry.home().hfsPath("/etc/tn/s.kdb"));
        kdb.stash(org.opencs.pki.kdb.StashFile.Format.V8);
        return log.serve(ProfileParser.parse("TELNETPARMS\n" + statements + " KEYRING HFS /etc/tn/s.kdb\n"
                + "ENDTELNETPARMS\n", "P").config().ports().get(0), registry);
    }

    /** On a port that requires TLS, a client that skips START_TLS and negotiates TN3270E in the clear gets nowhere. */
    @Test
    void noPlaintextSessionOnAPortThatRequiresTls() throws Exception {
        try (Tn3270Server strict = tlsPort(" PORT 0\n CONNTYPE NEGTSECURE\n");
             TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", strict.port()))) {
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.START_TLS));
            c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TN3270E));
            c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                    ("\u0002\u0007IBM-3278-2-E").getBytes(StandardCharsets.ISO_8859_1)));
            c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x03, 0x07}));
            c.send(new TelnetMessage.Subnegotiation(Telnet.START_TLS, new byte[] {0x02}));
            IOException silence = org.assertj.core.api.Assertions.catchThrowableOfType(() -> c.next(2_000), IOException.class);
            assertThat(silence).as("the server says nothing more in the clear").isNotNull();
        }
    }

    /** DEFAULTLUS LU00001..LU00002: two sessions get those names, a third is refused, a freed name is reused. */
    @Test
    void theDefaultLusPoolLimitsSessions() throws Exception {
        var config = ProfileParser.parse("TELNETPARMS\n PORT 0\nENDTELNETPARMS\nBEGINVTAM\n DEFAULTLUS\n  LU00001..LU00002\n"
                + " ENDDEFAULTLUS\n DEFAULTAPPL TSO\nENDVTAM\n", "P").config();
        try (Tn3270Server pooled = log.serve(config.ports().get(0), registry, new Vtam(config.vtam()));
             TelnetConnection first = new TelnetConnection(new Socket("127.0.0.1", pooled.port()))) {
            assertThat(new String(RawTerminal.deviceType(first).data(), StandardCharsets.ISO_8859_1)).endsWith("LU00001");
            try (TelnetConnection second = new TelnetConnection(new Socket("127.0.0.1", pooled.port()))) {
                assertThat(new String(RawTerminal.deviceType(second).data(), StandardCharsets.ISO_8859_1)).endsWith("LU00002");
                try (TelnetConnection third = new TelnetConnection(new Socket("127.0.0.1", pooled.port()))) {
                    assertThat(RawTerminal.deviceType(third)).isEqualTo(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                            new byte[] {0x02, 0x06, 0x05, 0x01}));
                    assertThat(third.next(10_000)).as("closed").isNull();
                }
            }
            // The second session ended: its LU is free again.
            for (int i = 0; i < 50; i++) {
                try (TelnetConnection again = new TelnetConnection(new Socket("127.0.0.1", pooled.port()))) {
                    var reply = RawTerminal.deviceType(again);
                    if (reply != null && new String(reply.data(), StandardCharsets.ISO_8859_1).endsWith("LU00002")) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
            org.assertj.core.api.Assertions.fail("LU00002 was not given out again after its session ended");
        }
    }
}
