package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.SessionLimits;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.config.VtamConfig;

/**
 * tn3270.max.sessions and tn3270.max.sessions.per.client, counted over every port of one VTAM from a connection's
 * first byte: connections up to the limit are served, one more is refused at once (a line of text, OCST008W naming the
 * client and the limit, a TN3270_SESSION_LIMIT audit record), and a closed connection gives its place back.
 */
class Tn3270SessionLimitsTest {
    @RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    java.nio.file.Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<AutoCloseable> open = new ArrayList<>();
    private Registry registry;

    @AfterEach
    void stop() throws Exception {
        java.util.Collections.reverse(open); // clients first, then their servers
        for (AutoCloseable c : open) {
            c.close();
        }
        registry.close();
    }

    private Registry registry(String systemConf) throws Exception {
        var init = TestRegistries.init(dir, TestRegistries.Store.H2, clock);
        Files.writeString(init.home().systemConf(), systemConf, StandardOpenOption.APPEND);
        registry = TestRegistries.open(init, clock);
        return registry;
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    /** A connection that is admitted: the server starts negotiating (IAC DO ...) or waits, and does not close it. */
    private Socket admitted(int port, String from) throws IOException {
        Socket s = keep(new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0));
        s.setSoTimeout(300);
        try {
            int first = s.getInputStream().read();
            assertThat(first).as("the server's first byte to an admitted client").isEqualTo(0xFF);
        } catch (java.net.SocketTimeoutException silent) {
            // a CONNTYPE SECURE port waits for the client's ClientHello first
        }
        return s;
    }

    /** What a refused connection gets: one line of text, then the end of the connection. */
    private static String refusal(int port, String from) throws IOException {
        try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0)) {
            s.setSoTimeout(5_000);
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void thePerClientLimitFromSystemConfRefusesOneMoreConnectionFromThatAddress() throws Exception {
        registry("tn3270.max.sessions.per.client=2\n");
        Tn3270Server server = keep(log.serve(ProfileParser.parse("TELNETPARMS\n PORT 0\nENDTELNETPARMS\n", "P").config()
                .ports().get(0), registry));
        Socket first = admitted(server.port(), "127.0.0.1");
        admitted(server.port(), "127.0.0.1");

        assertThat(refusal(server.port(), "127.0.0.1"))
                .isEqualTo("OCST008W Too many sessions (tn3270.max.sessions.per.client 2); connection refused\r\n");
        assertThat(log.await("OCST008W", Duration.ofSeconds(5))).containsPattern("Connection from client "
                + "127\\.0\\.0\\.1:\\d+ to port " + server.port() + " refused: sessions from 127\\.0\\.0\\.1 are at their "
                + "limit of 2 \\(tn3270\\.max\\.sessions\\.per\\.client\\)");
        // The audit record is written on a session thread: wait for it (at most 5 s).
        java.util.regex.Pattern record = java.util.regex.Pattern.compile(
                "\"type\":\"TN3270_SESSION_LIMIT\".*\"limit\":\"tn3270.max.sessions.per.client\"");
        java.nio.file.Path audit = registry.home().logs().resolve("audit.jsonl");
        for (long end = System.nanoTime() + 5_000_000_000L; System.nanoTime() < end
                && !(Files.exists(audit) && record.matcher(Files.readString(audit)).find()); ) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(audit)).containsPattern(record);
        // Another address is not held back by 127.0.0.1's connections.
        admitted(server.port(), "127.0.0.2");

        first.close();
        awaitServed(server);
    }

    @Test
    void theTotalLimitCountsEveryPortOfOneVtamAndHalfOpenTlsConnections() throws Exception {
        registry("");
        var kdb = org.opencs.pki.TestPki.caAndServer(registry.home().hfsPath("/etc/tn/s.kdb"));
        kdb.stash(org.opencs.pki.kdb.StashFile.Format.V8);
        var config = ProfileParser.parse("TELNETPARMS\n PORT 0\nENDTELNETPARMS\nTELNETPARMS\n SECUREPORT 0\n KEYRING HFS "
                + "/etc/tn/s.kdb\nENDTELNETPARMS\n", "P").config();
        Vtam vtam = new Vtam(VtamConfig.defaultAppl("TSO"), new SessionLimits(3, 0));
        Tn3270Server plain = keep(log.serve(config.ports().get(0), registry, vtam));
        Tn3270Server secure = keep(log.serve(config.ports().get(1), registry, vtam));
        Socket first = admitted(plain.port(), "127.0.0.1");
        admitted(secure.port(), "127.0.0.2"); // connected, not a byte of TLS sent: it holds a place all the same
        admitted(secure.port(), "127.0.0.3");

        assertThat(refusal(plain.port(), "127.0.0.4")).startsWith("OCST008W Too many sessions (tn3270.max.sessions 3)");
        assertThat(log.await("OCST008W", Duration.ofSeconds(5))).contains("refused: the server's sessions are at their "
                + "limit of 3 (tn3270.max.sessions)");

        first.close();
        awaitServed(plain);
    }

    /** A place given back is taken by the next client (the count drops when the server sees the close). */
    private static void awaitServed(Tn3270Server server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                RawTerminal.assertServed(server.port());
                return;
            } catch (AssertionError | IOException | NullPointerException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }
}
