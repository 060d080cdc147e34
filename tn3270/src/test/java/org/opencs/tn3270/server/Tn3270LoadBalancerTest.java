package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencs.pki.net.Haproxy;
import org.opencs.pki.net.TrustedBalancers;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.config.TelnetPort;
import org.opencs.tn3270.config.VtamConfig;

/**
 * Two TN3270E servers ("nodes") behind a real HAProxy in TCP mode (docs/deployment.md "Behind a load balancer"): the
 * SECURE port balanced round robin with health checks and the PROXY protocol v2, HAProxy listening on 127.0.0.2 and
 * connecting from 127.0.0.3. Debian's s3270 terminals (on 127.0.0.1) reach the first screen through it over TLS on
 * both nodes, and the nodes' DEBUG lines and audit records name the terminal's address, never the balancer's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The sessions first: the refusals after them leave their log lines behind (health checks must leave none).
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class Tn3270LoadBalancerTest {
    private static final int SESSIONS = 6;

    @org.junit.jupiter.api.extension.RegisterExtension
    final ServerLog nodeA = new ServerLog();
    @org.junit.jupiter.api.extension.RegisterExtension
    final ServerLog nodeB = new ServerLog();

    private final MutableClock clock = new MutableClock(Instant.now());
    private Path dir;
    private Registry registry;
    private final List<Tn3270Server> nodes = new ArrayList<>();
    private Haproxy haproxy;
    private int front;

    @BeforeAll
    void start() throws Exception {
        Haproxy.executable(); // fails at once, saying how to install it, on a machine without HAProxy
        dir = Files.createTempDirectory("tn3270-lb");
        registry = TestHost.open(dir, clock);
        String profile = String.join("\n", "TelnetParms", "  SecurePort 0", "  Conntype secure", "  Clientauth none",
                "  Keyring HFS /etc/tn3270/server.kdb", "  Inactive 0", "  Debug summary joblog", "EndTelnetParms");
        TelnetPort port = ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0);
        TrustedBalancers balancers = TrustedBalancers.parse(Haproxy.SOURCE);
        for (ServerLog log : List.of(nodeA, nodeB)) {
            // Each node its own VTAM, as each node process has.
            nodes.add(new Tn3270Server(port, org.opencs.tn3270.apps.HostServices.of(registry), "127.0.0.1", 0,
                    new Vtam(VtamConfig.defaultAppl("TSO"), registry.config().tn3270Limits()), log,
                    Tn3270Server.NEGOTIATION_TIMEOUT, log.debug, org.opencs.pki.tls.trace.TlsTrace.off(), balancers));
        }
        front = Haproxy.freeRange(1);
        String cfg = Haproxy.globalAndDefaults()
                + "frontend tn3270\n    bind " + Haproxy.FRONT + ":" + front + "\n    default_backend tn3270_nodes\n"
                + "backend tn3270_nodes\n    balance roundrobin\n"
                + "    server nodeA 127.0.0.1:" + nodes.get(0).port() + " check inter 1s send-proxy-v2 source "
                + Haproxy.SOURCE + "\n"
                + "    server nodeB 127.0.0.1:" + nodes.get(1).port() + " check inter 1s send-proxy-v2 source "
                + Haproxy.SOURCE + "\n";
        haproxy = Haproxy.start(dir, cfg, front);
    }

    @AfterAll
    void stop() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        nodes.forEach(Tn3270Server::close);
        if (registry != null) {
            registry.close();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** One s3270 over TLS through the balancer (the certificate names localhost): the first screen, then quit. */
    private ExternalCommand.Result firstScreen() {
        String script = String.join("\n", "Connect(L:" + Haproxy.FRONT + ":" + front + ")", "Wait(20,InputField)",
                "Ascii()", "Quit()") + "\n";
        return ExternalCommand.run(dir, script.getBytes(StandardCharsets.US_ASCII), List.of("timeout", "60", "s3270",
                "-cafile", dir.resolve("ca.pem").toString(), "-accepthostname", "localhost", "-model", "3278-2"));
    }

    /** The node's DEBUG SUMMARY lines of sessions that reached negotiation's end. */
    private static List<String> negotiated(ServerLog node) {
        return node.debug.lines().stream().filter(l -> l.contains(" NEGOTIATED TN3270E ")).toList();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void terminalsSpreadOverBothNodesAndAreNamedByTheirOwnAddress() throws Exception {
        for (int i = 0; i < SESSIONS; i++) {
            var result = firstScreen();
            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(result.all()).as(result.all()).contains("TSO/E LOGON");
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (negotiated(nodeA).size() + negotiated(nodeB).size() < SESSIONS && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(negotiated(nodeA)).as("node A's sessions").isNotEmpty();
        assertThat(negotiated(nodeB)).as("node B's sessions").isNotEmpty();
        assertThat(negotiated(nodeA).size() + negotiated(nodeB).size()).isEqualTo(SESSIONS);
        for (ServerLog node : List.of(nodeA, nodeB)) {
            assertThat(negotiated(node)).allMatch(l -> l.contains("IP..PORT: 127.0.0.1.."));
            assertThat(node.debug.lines()).noneMatch(l -> l.contains(Haproxy.SOURCE));
            assertThat(node.lines()).noneMatch(l -> l.contains("OCST090W"));
        }
        String audit = Files.readString(registry.home().logs().resolve("audit.jsonl"));
        assertThat(audit).contains("\"type\":\"TN3270_SESSION_START\"").contains("\"client\":\"127.0.0.1\"")
                .doesNotContain(Haproxy.SOURCE);
    }

    @Test
    void aConnectionFromTheBalancerWithoutAHeaderIsEnded() throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(Haproxy.SOURCE), 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", nodes.get(0).port()), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x10, 1, 0, 0, 12, 3, 3, 0, 0, 0, 0, 0});
            socket.getOutputStream().flush();
            assertThat(socket.getInputStream().readAllBytes()).as("nothing is served").isEmpty();
        }
        assertThat(nodeA.await("OCST090W Connection from " + Haproxy.SOURCE, java.time.Duration.ofSeconds(10)))
                .contains("ended: it sent no PROXY protocol header (send-proxy-v2 or send-proxy missing");
    }
}
