package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * close() with connections in every state (silent, mid-TLS-handshake, mid-negotiation, at the logon screen): the port
 * stops accepting at once, every connection is ended, and close() returns within a few seconds.
 */
class Tn3270ShutdownTest {
    @RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    java.nio.file.Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<Socket> clients = new ArrayList<>();
    private Registry registry;

    @BeforeEach
    void start() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        var kdb = org.opencs.pki.TestPki.caAndServer(registry.home().hfsPath("/etc/tn/s.kdb"));
        kdb.stash(org.opencs.pki.kdb.StashFile.Format.V8);
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket s : clients) {
            s.close();
        }
        registry.close();
    }

    private Socket client(Socket s) {
        clients.add(s);
        return s;
    }

    @Test
    void closeStopsAcceptingAtOnceAndEndsEverySessionWithinSeconds() throws Exception {
        Tn3270Server server = log.serve(ProfileParser.parse("TELNETPARMS\n SECUREPORT 0\n KEYRING HFS /etc/tn/s.kdb\n"
                + "ENDTELNETPARMS\n", "P").config().ports().get(0), registry);
        int port = server.port();
        // Silent: connected, not a byte sent (the server waits for a ClientHello).
        client(new Socket("127.0.0.1", port));
        // Mid-handshake: the first bytes of a ClientHello record, the rest never comes.
        Socket halfHello = client(new Socket("127.0.0.1", port));
        OutputStream out = halfHello.getOutputStream();
        out.write(new byte[] {0x16, 0x03, 0x01, 0x01, 0x00, 0x01, 0x00, 0x00, (byte) 0xFC, 0x03, 0x03});
        out.flush();
        // Mid-negotiation over TLS: DO TN3270E received, never answered.
        Socket negotiating = client(TrustingTls.connect("127.0.0.1", port));
        TelnetConnection midway = new TelnetConnection(negotiating);
        assertThat(midway.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TN3270E));
        // At the logon screen over TLS.
        Socket loggedOn = client(TrustingTls.connect("127.0.0.1", port));
        assertThat(RawTerminal.firstScreen(new TelnetConnection(loggedOn))).isNotNull();

        long start = System.nanoTime();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        Thread.sleep(200);
        boolean refused;
        try (Socket late = new Socket("127.0.0.1", port)) {
            late.setSoTimeout(2_000);
            refused = late.getInputStream().read() == -1; // accepted in the last instant, then closed unserved
        } catch (ConnectException e) {
            refused = true;
        }
        assertThat(refused).as("a connection attempt 200 ms into close()").isTrue();
        closing.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("close()").isLessThan(Duration.ofSeconds(5));

        for (Socket s : clients) {
            s.setSoTimeout(2_000);
            int read;
            try {
                do {
                    read = s.getInputStream().read();
                } while (read != -1);
            } catch (java.net.SocketException reset) {
                read = -1; // ended with a reset: ended all the same
            }
            assertThat(read).as("the connection ended").isEqualTo(-1);
        }
        assertThat(log.lines()).anyMatch(l -> l.contains("OCST009I TN3270E port " + port + " closed; connections ended: 4"));
    }
}
