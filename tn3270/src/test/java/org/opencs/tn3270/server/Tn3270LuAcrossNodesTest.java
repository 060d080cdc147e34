package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.SystemHome;
import org.opencs.saf.Registry;
import org.opencs.saf.SystemInitializer;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.grs.EnqHolder;
import org.opencs.saf.xcf.Membership;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tn3270.client.TelnetConnection;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.config.TelnetConfig;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;
import org.slf4j.LoggerFactory;

/**
 * Issue 12, "an LU name is in use on one node at a time": two nodes (two registries, SYSNAMEs OPENCS and SYSB, on one
 * PostgreSQL schema), each with its TN3270E server. Clients connecting to both alternately get distinct LU names;
 * an LU asked for by name on one node while a session of the other holds it is DEVICE-TYPE REJECT DEVICE-IN-USE (RFC
 * 2355 section 7.1, as for a session of the same node) and given once that session ends or its node fails; the
 * names in use are ENQs OCSLU luname every node sees; a node whose registry cannot be reached ends the connection
 * with OCST072E instead of giving a name another node may hold. docs/tn3270.md "LU names across nodes (issue 12)".
 */
class Tn3270LuAcrossNodesTest {
    @RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    Path dir;

    private static final String PROFILE = String.join("\n", "TelnetParms", "  Port 0", "EndTelnetParms", "BeginVTAM",
            "  IPGROUP BRANCH1 127.0.0.2/32 ENDIPGROUP",
            "  LUGROUP BR1LUS BR1LU001..BR1LU003 ENDLUGROUP",
            "  LUMAP BR1LUS BRANCH1",
            "  DEFAULTAPPL TSO", "EndVTAM");

    private final Clock clock = Clock.systemUTC();
    private Registry registryA;
    private Registry registryB;
    private Tn3270Server serverA;
    private Tn3270Server serverB;

    @BeforeEach
    void start() throws Exception {
        SystemInitializer.Result system = TestRegistries.init(dir, TestRegistries.Store.POSTGRESQL, clock);
        Path homeB = dir.resolve("homeB");
        copy(system.home().root(), homeB);
        Path conf = homeB.resolve("system.conf");
        Files.writeString(conf, Files.readString(conf).replace("sysname=OPENCS", "sysname=SYSB"));
        registryA = TestRegistries.open(system, clock);
        registryB = Registry.open(new SystemHome(homeB), clock, new SecureRandom());
        TelnetConfig config = ProfileParser.parse(PROFILE, "PROFILE.TCPIP").config();
        serverA = log.serve(config.ports().get(0), registryA, new Vtam(config.vtam()));
        serverB = log.serve(config.ports().get(0), registryB, new Vtam(config.vtam()));
    }

    @AfterEach
    void stop() {
        for (AutoCloseable open : new AutoCloseable[] {serverA, serverB, registryA, registryB}) {
            if (open != null) {
                try {
                    open.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static TelnetConnection connect(Tn3270Server server) throws IOException {
        return new TelnetConnection(new Socket("127.0.0.1", server.port()));
    }

    /** DEVICE-TYPE REQUEST IBM-3278-2-E (CONNECT {@code lu} unless null); the reply as words. */
    private static String request(TelnetConnection c, String lu) throws IOException {
        assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TN3270E));
        c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TN3270E));
        assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x08, 0x02}));
        c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, ("\u0002\u0007IBM-3278-2-E"
                + (lu == null ? "" : "\u0001" + lu)).getBytes(StandardCharsets.ISO_8859_1)));
        TelnetMessage reply = c.next(10_000);
        if (!(reply instanceof TelnetMessage.Subnegotiation s)) {
            return "no reply: " + reply;
        }
        byte[] d = s.data();
        if (d[1] == 0x06) {
            return "REJECT REASON " + d[3];
        }
        return "IS " + new String(d, 2, d.length - 2, StandardCharsets.ISO_8859_1).replace('\u0001', ' ');
    }

    /** The LU a DEVICE-TYPE IS gave. */
    private static String lu(String reply) {
        assertThat(reply).startsWith("IS IBM-3278-2-E ");
        return reply.substring("IS IBM-3278-2-E ".length());
    }

    private ExternalCommand.Result s3270(String... actions) {
        return ExternalCommand.run(dir, (String.join("\n", actions) + "\n").getBytes(StandardCharsets.US_ASCII),
                List.of("timeout", "60", "s3270", "-model", "3278-2"));
    }

    /** The holders of LU {@code lu}'s ENQ, as any node lists them. */
    private List<EnqHolder> holders(String lu) {
        return registryA.enqueues().holders(LuEnqueues.QNAME, lu);
    }

    @Test
    void clientsOfBothNodesGetDistinctLuNames() throws Exception {
        List<TelnetConnection> open = new ArrayList<>();
        Set<String> given = new HashSet<>();
        try {
            for (int i = 0; i < 6; i++) {
                Tn3270Server node = i % 2 == 0 ? serverA : serverB;
                TelnetConnection c = connect(node);
                open.add(c);
                String lu = lu(request(c, null));
                assertThat(given.add(lu)).as("%s given once over both nodes (so far %s)", lu, given).isTrue();
                assertThat(holders(lu)).as("ENQ OCSLU %s", lu).singleElement().satisfies(h -> {
                    assertThat(h.sysname()).isEqualTo(node == serverA ? "OPENCS" : "SYSB");
                    assertThat(h.owner().unit()).matches("TN3270/\\d+/127\\.0\\.0\\.1:\\d+");
                });
            }
            assertThat(given).allMatch(lu -> lu.matches("TCP0000[1-9]"));
            // A real terminal on node B meanwhile: its LU is none of those in use on either node.
            var result = s3270("Connect(127.0.0.1:" + serverB.port() + ")", "Wait(20,InputField)", "Query(LuName)",
                    "Ascii()", "Quit()");
            assertThat(result.stdout()).as(result.all()).contains("TSO/E LOGON");
            String s3270Lu = result.stdout().lines().filter(l -> l.matches("data: TCP\\d{5}")).findFirst()
                    .orElseThrow().substring("data: ".length());
            assertThat(given).doesNotContain(s3270Lu);
        } finally {
            for (TelnetConnection c : open) {
                c.close();
            }
        }
        // Every session ended: every name is free on every node again.
        for (String lu : given) {
            awaitFree(lu);
        }
    }

    @Test
    void anLuInUseOnOneNodeIsRefusedOnTheOtherUntilItsSessionEnds() throws Exception {
        try (TelnetConnection holder = connect(serverA)) {
            assertThat(request(holder, "TCP00007")).isEqualTo("IS IBM-3278-2-E TCP00007");
            try (TelnetConnection second = connect(serverB)) {
                assertThat(request(second, "TCP00007")).isEqualTo("REJECT REASON 1");
                // RFC 2355: after a REJECT the client may ask again, here for a name free on both nodes.
                second.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                        "\u0002\u0007IBM-3278-2-E\u0001TCP00008".getBytes(StandardCharsets.ISO_8859_1)));
                assertThat(second.next(10_000)).isEqualTo(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                        "\u0002\u0004IBM-3278-2-E\u0001TCP00008".getBytes(StandardCharsets.ISO_8859_1)));
            }
            assertThat(log.await("OCST070W", Duration.ofSeconds(5))).contains("DEVICE-TYPE REJECT DEVICE-IN-USE: "
                    + "CONNECT TCP00007: LU TCP00007 is in use by another session");
            // s3270 asking node B for it by name (x3270's LU@host) gets no session, and no other LU.
            var result = s3270("Connect(TCP00007@127.0.0.1:" + serverB.port() + ")", "Wait(10,InputField)",
                    "Query(LuName)", "Ascii()", "Quit()");
            assertThat(result.all()).doesNotContain("TSO/E LOGON");
            assertThat(result.stdout()).as(result.all()).contains("Connection failed").contains("Wait(): Not connected");
            assertThat(holders("TCP00007")).singleElement().satisfies(h -> assertThat(h.sysname()).isEqualTo("OPENCS"));
        }
        awaitFree("TCP00007");
        try (TelnetConnection again = connect(serverB)) {
            assertThat(request(again, "TCP00007")).isEqualTo("IS IBM-3278-2-E TCP00007");
            assertThat(holders("TCP00007")).singleElement().satisfies(h -> assertThat(h.sysname()).isEqualTo("SYSB"));
        }
    }

    /**
     * A LUGROUP of three names: node A's clients take BR1LU001 and BR1LU002, node B's client skips them for BR1LU003,
     * and the next client of either node finds the group used up (OCST006W), as a single node's would.
     */
    @Test
    void anLuGroupIsSharedByBothNodes() throws Exception {
        List<TelnetConnection> open = new ArrayList<>();
        try {
            for (String expected : List.of("BR1LU001", "BR1LU002")) {
                TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", serverA.port(),
                        java.net.InetAddress.getByName("127.0.0.2"), 0));
                open.add(c);
                assertThat(lu(request(c, null))).isEqualTo(expected);
            }
            TelnetConnection b = new TelnetConnection(new Socket("127.0.0.1", serverB.port(),
                    java.net.InetAddress.getByName("127.0.0.2"), 0));
            open.add(b);
            assertThat(lu(request(b, null))).isEqualTo("BR1LU003");
            try (TelnetConnection none = new TelnetConnection(new Socket("127.0.0.1", serverA.port(),
                    java.net.InetAddress.getByName("127.0.0.2"), 0))) {
                assertThat(request(none, null)).isEqualTo("REJECT REASON 1");
            }
            assertThat(log.await("OCST006W", Duration.ofSeconds(5))).contains("No LU of the client's pool is free");
        } finally {
            for (TelnetConnection c : open) {
                c.close();
            }
        }
    }

    /** A server that closes (shutdown) while its sessions hold LUs releases them: the other node can give them. */
    @Test
    void aServerThatClosesReleasesItsLus() throws Exception {
        try (TelnetConnection holder = connect(serverA)) {
            assertThat(request(holder, "TCP00009")).isEqualTo("IS IBM-3278-2-E TCP00009");
            assertThat(holders("TCP00009")).hasSize(1);
            serverA.close();
            serverA = null; // closed once (stop() closes what is still open)
            assertThat(holders("TCP00009")).as("released by the server's close").isEmpty();
        }
        try (TelnetConnection again = connect(serverB)) {
            assertThat(request(again, "TCP00009")).isEqualTo("IS IBM-3278-2-E TCP00009");
        }
    }

    /** A node that fails (its heartbeat stops) leaves its LU names to the survivor's clean-up, within the lease. */
    @Test
    void theLusOfAFailedNodeAreFreedByTheSurvivor() throws Exception {
        Membership.Settings fast = new Membership.Settings(Duration.ofMillis(200), Duration.ofSeconds(2));
        Membership nodeA = Membership.of(registryA, fast, LoggerFactory.getLogger("XCF"));
        try (Membership nodeB = Membership.of(registryB, fast, LoggerFactory.getLogger("XCF"))) {
            nodeA.join();
            nodeB.join();
            try (TelnetConnection holder = connect(serverA)) {
                assertThat(request(holder, "TCP00042")).isEqualTo("IS IBM-3278-2-E TCP00042");
                nodeA.halt(); // node A "dies": no more heartbeats, it does not leave
                String reply;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                do {
                    try (TelnetConnection again = connect(serverB)) {
                        reply = request(again, "TCP00042");
                    }
                    Thread.sleep(200);
                } while (!reply.startsWith("IS") && System.nanoTime() < deadline);
                assertThat(reply).as("given by node B once node A's ENQs are released").isEqualTo(
                        "IS IBM-3278-2-E TCP00042");
            }
        }
    }

    /**
     * Node B's registry cannot be reached (its connection pool is closed: no connection, as when PostgreSQL is down):
     * a client of node B gets DEVICE-TYPE REJECT UNKNOWN-ERROR and the connection closes with OCST072E, rather than
     * an LU another node may hold or a hang; node A goes on serving.
     */
    @Test
    void aNodeThatCannotReachTheRegistryEndsTheConnectionWithAMessage() throws Exception {
        registryB.close();
        try (Socket socket = new Socket("127.0.0.1", serverB.port())) {
            socket.setSoTimeout(10_000);
            var in = socket.getInputStream();
            var out = socket.getOutputStream();
            out.write(new byte[] {(byte) Telnet.IAC, (byte) Telnet.WILL, (byte) Telnet.TN3270E});
            String sendDeviceType = "\u00ff\u00fa\u0028\u0008\u0002\u00ff\u00f0";
            StringBuilder seen = new StringBuilder();
            while (!seen.toString().contains(sendDeviceType)) {
                int b = in.read();
                assertThat(b).as("DEVICE-TYPE SEND before the connection closes (so far %s)", seen).isNotNegative();
                seen.append((char) b);
            }
            out.write("\u00ff\u00fa\u0028\u0002\u0007IBM-3278-2-E\u00ff\u00f0".getBytes(StandardCharsets.ISO_8859_1));
            String received = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(received).as("DEVICE-TYPE REJECT REASON UNKNOWN-ERROR")
                    .startsWith("\u00ff\u00fa\u0028\u0002\u0006\u0005\u0006\u00ff\u00f0")
                    .contains("OCST072E No LU can be assigned now: the system's registry is unavailable");
        }
        assertThat(log.await("OCST072E", Duration.ofSeconds(5))).containsPattern("No LU can be assigned to client "
                + "127\\.0\\.0\\.1:\\d+: the registry that records LU names is unavailable \\(OCS0022E Registry error: .+\\); "
                + "connection closed");
        assertThat(registryB.home().logs().resolve("audit.jsonl")).content()
                .contains("\"type\":\"TN3270_NEGOTIATION_FAILED\"").contains("no LU can be assigned");
        try (TelnetConnection a = connect(serverA)) {
            assertThat(request(a, null)).startsWith("IS IBM-3278-2-E TCP");
        }
    }

    /** Waits (bounded) for {@code lu}'s ENQ to go: a session's end reaches its server a moment after the client's. */
    private void awaitFree(String lu) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!holders(lu).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(holders(lu)).as("ENQ OCSLU %s released", lu).isEmpty();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
