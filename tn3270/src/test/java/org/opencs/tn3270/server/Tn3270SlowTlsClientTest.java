package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLSocket;
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
import org.opencs.tn3270.config.TelnetPort;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * Slow and late clients on a SECUREPORT (CONNTYPE SECURE; issue 12, docs/tn3270.md "Slow and late TLS clients"): the
 * server waits a short time for a ClientHello, then offers START_TLS (IBM: "If the client does not start the handshake
 * within the specified handshake timeout time, an attempt is made to negotiate TLS as defined by the expired
 * TLS-based Telnet security draft", z/OS IP Configuration Guide, Transport Layer Security). Here the wait is 100 ms so
 * that a client can be late on purpose; nothing asserts how long anything took.
 */
class Tn3270SlowTlsClientTest {
    private static final Duration WAIT = Duration.ofMillis(100);

    @RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    java.nio.file.Path dir;

    private Registry registry;
    private Tn3270Server server;

    @BeforeEach
    void start() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        registry.close();
    }

    /** A SECUREPORT with a fresh server key database, the ClientHello wait of 100 ms and this negotiation deadline. */
    private Tn3270Server securePort(Duration negotiationTimeout) throws Exception {
        org.opencs.pki.keydb.KeyDatabase kdb = org.opencs.pki.TestPki.caAndServer(registry.home().hfsPath("/etc/tn/s.kdb"));
        kdb.stash(org.opencs.pki.kdb.StashFile.Format.V8);
        TelnetPort port = ProfileParser.parse("TELNETPARMS\n SECUREPORT 0\n KEYRING HFS /etc/tn/s.kdb\nENDTELNETPARMS\n",
                "P").config().ports().get(0);
        server = log.serve(port, registry, negotiationTimeout, WAIT);
        return server;
    }

    /**
     * A direct-TLS client that begins its handshake 300 ms after connecting, three times the wait: the server has
     * offered START_TLS meanwhile, and still serves the ClientHello when it comes (before issue 12 it ended the
     * connection, OCST023W). The client reads the offer's three bytes first, as one whose ClientHello crossed them
     * would have them before the ServerHello.
     */
    @Test
    void aClientHelloAfterTheWaitIsStillServed() throws Exception {
        securePort(Tn3270Server.NEGOTIATION_TIMEOUT);
        try (Socket plain = new Socket("127.0.0.1", server.port())) {
            plain.setSoTimeout(20_000);
            Thread.sleep(300);
            byte[] offer = plain.getInputStream().readNBytes(3);
            assertThat(offer).as("IAC DO START_TLS, offered after the wait").containsExactly(0xFF, 0xFD, 0x2E);
            SSLSocket tls = (SSLSocket) TrustingTls.context().getSocketFactory().createSocket(plain, "localhost",
                    server.port(), true);
            tls.startHandshake();
            assertThat(tls.getSession().getProtocol()).startsWith("TLSv1.");
            try (TelnetConnection c = new TelnetConnection(tls)) {
                TelnetMessage.Record screen = RawTerminal.firstScreen(c);
                assertThat(screen).as("the logon screen over TLS").isNotNull();
            }
        }
        assertThat(log.lines()).anyMatch(l -> l.contains("OCST023I") && l.contains("the handshake goes on"))
                .noneMatch(l -> l.contains("OCST023W"));
    }

    /** A ClientHello at once is served as before: no START_TLS offer, no OCST023I. */
    @Test
    void aClientHelloAtOnceIsServed() throws Exception {
        securePort(Tn3270Server.NEGOTIATION_TIMEOUT);
        try (SSLSocket tls = TrustingTls.connect("127.0.0.1", server.port());
             TelnetConnection c = new TelnetConnection(tls)) {
            assertThat(RawTerminal.firstScreen(c)).as("the logon screen over TLS").isNotNull();
        }
        assertThat(log.lines()).noneMatch(l -> l.contains("OCST023"));
    }

    /**
     * Telnet first on a SECUREPORT (a client that negotiates TLS, draft-altman-telnet-starttls): its IAC is seen on
     * arrival and START_TLS is offered at once, as before issue 12; WILL, FOLLOWS both ways, TLS, then the screen.
     */
    @Test
    void telnetFirstIsOfferedStartTls() throws Exception {
        securePort(Tn3270Server.NEGOTIATION_TIMEOUT);
        try (Socket plain = new Socket("127.0.0.1", server.port())) {
            plain.setSoTimeout(20_000);
            OutputStream out = plain.getOutputStream();
            InputStream in = plain.getInputStream();
            out.write(new byte[] {(byte) 0xFF, (byte) 0xFB, 0x2E}); // IAC WILL START_TLS before the server says anything
            out.flush();
            assertThat(in.readNBytes(3)).as("IAC DO START_TLS").containsExactly(0xFF, 0xFD, 0x2E);
            out.write(new byte[] {(byte) 0xFF, (byte) 0xFA, 0x2E, 0x01, (byte) 0xFF, (byte) 0xF0}); // SB START_TLS FOLLOWS SE
            out.flush();
            assertThat(in.readNBytes(6)).as("the server's FOLLOWS").containsExactly(0xFF, 0xFA, 0x2E, 0x01, 0xFF, 0xF0);
            SSLSocket tls = (SSLSocket) TrustingTls.context().getSocketFactory().createSocket(plain, "localhost",
                    server.port(), true);
            tls.startHandshake();
            try (TelnetConnection c = new TelnetConnection(tls)) {
                assertThat(RawTerminal.firstScreen(c)).as("the logon screen over TLS").isNotNull();
            }
        }
        assertThat(log.lines()).noneMatch(l -> l.contains("OCST023"));
    }

    /**
     * A client that sends nothing at all: START_TLS is offered after the wait, and the connection is closed when the
     * negotiation deadline (the documented upper bound; 2 s here) runs out, with OCST071E naming what was missing.
     */
    @Test
    void aSilentClientIsClosedAtTheDeadline() throws Exception {
        securePort(Duration.ofSeconds(2));
        try (Socket plain = new Socket("127.0.0.1", server.port())) {
            plain.setSoTimeout(30_000);
            InputStream in = plain.getInputStream();
            assertThat(in.readNBytes(3)).as("IAC DO START_TLS").containsExactly(0xFF, 0xFD, 0x2E);
            assertThat(in.read()).as("closed by the server").isEqualTo(-1);
        }
        assertThat(log.lines()).anyMatch(l -> l.contains("OCST071E") && l.contains("a TLS ClientHello or telnet"));
    }
}
