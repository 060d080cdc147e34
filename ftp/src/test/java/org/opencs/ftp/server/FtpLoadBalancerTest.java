package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.pki.net.Haproxy;
import org.opencs.pki.net.TrustedBalancers;
import org.opencs.testkit.ExternalCommand;

/**
 * Two FTPS servers ("nodes", one registry) behind a real HAProxy in TCP mode sending the PROXY protocol v2
 * (docs/deployment.md "Behind a load balancer"): the control port balanced round robin, each node's PASSIVEDATAPORTS
 * range forwarded to it by a frontend of its own, HAProxy listening on 127.0.0.2 and connecting to the nodes from
 * 127.0.0.3. curl (on 127.0.0.1) uploads, lists and downloads through it with PASV and EPSV; the PASV reply names
 * 127.0.0.2 (the address the client connected to, as z/OS names the DVIPA behind Sysplex Distributor: IBM, "227:
 * Entering Passive Mode", https://www.ibm.com/docs/en/SSLTBW_2.2.0/com.ibm.zos.v2r2.cs3cod0/ftp227-02.htm), and the
 * logs and audit records name the client, never the balancer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The sessions first: the refusals after them leave their log lines behind (health checks must leave none).
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class FtpLoadBalancerTest {
    private static final int RANGE = 10;

    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    private Path dir;
    private FtpTestSystem system;
    private final List<FtpServer> nodes = new ArrayList<>();
    private Haproxy haproxy;
    private int front;
    private int passiveBase;

    @BeforeAll
    void start() throws Exception {
        Haproxy.executable(); // fails at once, saying how to install it, on a machine without HAProxy
        dir = Files.createTempDirectory("ftp-lb");
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        passiveBase = Haproxy.freeRange(2 * RANGE);
        FtpFrontEnd frontEnd = new FtpFrontEnd(TrustedBalancers.parse(Haproxy.SOURCE + "/32"), null);
        for (int node = 0; node < 2; node++) {
            int low = passiveBase + node * RANGE;
            String ftpData = String.join("\n",
                    "EXTENSIONS      AUTH_TLS",
                    "SECURE_FTP      REQUIRED",
                    "SECURE_LOGIN    NO_CLIENT_AUTH",
                    "SECURE_DATACONN PRIVATE",
                    "KEYRING /etc/ftp/server.kdb",
                    "INACTIVE 0",
                    "STARTDIRECTORY HFS",
                    "FTPLOGGING TRUE",
                    "PASSIVEDATAPORTS (" + low + "," + (low + RANGE - 1) + ")");
            nodes.add(log.serve(FtpDataParser.parse(ftpData, "FTP.DATA").config(), system.registry, 0, frontEnd));
        }
        front = Haproxy.freeRange(1);
        StringBuilder cfg = new StringBuilder(Haproxy.globalAndDefaults());
        cfg.append("frontend ftp\n    bind ").append(Haproxy.FRONT).append(':').append(front)
                .append("\n    default_backend ftp_nodes\n")
                .append("backend ftp_nodes\n    balance roundrobin\n");
        for (int node = 0; node < 2; node++) {
            cfg.append("    server node").append(node).append(" 127.0.0.1:").append(nodes.get(node).port())
                    .append(" check inter 1s send-proxy-v2 source ").append(Haproxy.SOURCE).append('\n');
        }
        for (int node = 0; node < 2; node++) {
            int low = passiveBase + node * RANGE;
            // No port on the server line: a connection to 127.0.0.2:p goes to node:p.
            cfg.append("frontend ftp_passive").append(node).append("\n    bind ").append(Haproxy.FRONT).append(':')
                    .append(low).append('-').append(low + RANGE - 1).append("\n    default_backend ftp_passive")
                    .append(node).append("\nbackend ftp_passive").append(node).append("\n    server node").append(node)
                    .append(" 127.0.0.1 send-proxy-v2 source ").append(Haproxy.SOURCE).append('\n');
        }
        haproxy = Haproxy.start(dir, cfg.toString(), front);
    }

    @AfterAll
    void stop() throws Exception {
        if (haproxy != null) {
            haproxy.close();
        }
        nodes.forEach(FtpServer::close);
        if (system != null) {
            system.close();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** curl through the balancer: the certificate names localhost, which --resolve points at 127.0.0.2. */
    private ExternalCommand.Result curl(String password, boolean pasv, String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-v", "--ssl-reqd", "--cacert", "ca.pem",
                "--resolve", "localhost:" + front + ":" + Haproxy.FRONT, "--user", "USER1:" + password));
        if (pasv) {
            // PASV rather than EPSV, and connect to the address in its reply rather than the control connection's.
            command.addAll(List.of("--disable-epsv", "--no-ftp-skip-pasv-ip"));
        }
        command.addAll(List.of(args));
        return ExternalCommand.run(dir, null, command);
    }

    private String url(String path) {
        return "ftp://localhost:" + front + "/" + path;
    }

    /** The node whose PASSIVEDATAPORTS range holds the data port of each 227 or 229 reply in curl's trace. */
    private List<Integer> nodesServing(String trace) {
        List<Integer> served = new ArrayList<>();
        Matcher pasv = Pattern.compile("< 227 Entering Passive Mode \\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)")
                .matcher(trace);
        while (pasv.find()) {
            served.add(node(Integer.parseInt(pasv.group(5)) * 256 + Integer.parseInt(pasv.group(6))));
        }
        Matcher epsv = Pattern.compile("< 229 Entering Extended Passive Mode \\(\\|\\|\\|(\\d+)\\|\\)").matcher(trace);
        while (epsv.find()) {
            served.add(node(Integer.parseInt(epsv.group(1))));
        }
        return served;
    }

    private int node(int port) {
        assertThat(port).as("data port").isBetween(passiveBase, passiveBase + 2 * RANGE - 1);
        return (port - passiveBase) / RANGE;
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void transfersThroughTheBalancerReachBothNodesAndNameTheClient() throws Exception {
        byte[] payload = new byte[200_000];
        new java.util.Random(12).nextBytes(payload);
        Files.write(dir.resolve("payload.bin"), payload);
        java.util.Set<Integer> served = new java.util.TreeSet<>();
        for (int round = 0; round < 6; round++) {
            boolean pasv = round % 2 == 0;
            String name = "lb" + round + ".bin";
            var upload = curl("user1pw", pasv, "-T", "payload.bin", url(name));
            assertThat(upload.exitCode()).as(upload.all()).isZero();
            assertThat(upload.stderr()).contains("< 250 Transfer completed successfully.");
            var list = curl("user1pw", pasv, url(""));
            assertThat(list.exitCode()).as(list.all()).isZero();
            assertThat(list.stdout()).contains(name);
            var download = curl("user1pw", pasv, "-o", "back" + round + ".bin", url(name));
            assertThat(download.exitCode()).as(download.all()).isZero();
            assertThat(Files.readAllBytes(dir.resolve("back" + round + ".bin"))).isEqualTo(payload);
            for (var result : List.of(upload, list, download)) {
                if (pasv) {
                    assertThat(result.stderr()).as(result.stderr())
                            .containsPattern("< 227 Entering Passive Mode \\(127,0,0,2,\\d+,\\d+\\)")
                            .doesNotContain("(127,0,0,1,");
                } else {
                    assertThat(result.stderr()).as(result.stderr()).contains("< 229 Entering Extended Passive Mode");
                }
                // The greeting names the host the client connected to.
                assertThat(result.stderr()).contains("< 220-FTPD1 IBM FTP CS OpenCS at 127.0.0.2");
                List<Integer> these = nodesServing(result.stderr());
                assertThat(these).as(result.stderr()).hasSize(1);
                served.addAll(these);
            }
        }
        assertThat(served).as("nodes that served a data connection").containsExactly(0, 1);
        assertThat(Files.readAllBytes(system.registry.home().hfsPath("/u/user1/lb5.bin"))).isEqualTo(payload);

        var refused = curl("wrongpw1", false, url(""));
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("< 530");

        String activity = Files.readString(system.registry.home().logs().resolve("ftp-activity.log"));
        assertThat(activity).containsPattern("EZYFS50I ID=FTPD1\\d{5} CONN starts Client IPaddr=127.0.0.1 ")
                .doesNotContain(Haproxy.SOURCE);
        String audit = Files.readString(system.registry.home().logs().resolve("audit.jsonl"));
        assertThat(audit).containsPattern("\"type\":\"LOGON_FAILURE\".*\"client\":\"127\\.0\\.0\\.1\"|"
                + "\"client\":\"127\\.0\\.0\\.1\".*\"type\":\"LOGON_FAILURE\"").contains("\"type\":\"FTP_TRANSFER\"")
                .doesNotContain(Haproxy.SOURCE);
        assertThat(log.lines()).noneMatch(line -> line.contains("OCSF030W"));
    }

    @Test
    void aBalancerWithoutAHeaderAndAClientWithOneAreBothTurnedAway() throws Exception {
        FtpServer node = nodes.get(0);
        // From the balancer's address without a header: the first bytes are not a PROXY header.
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(Haproxy.SOURCE), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", node.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("USER USER1 and some more\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(socket.getInputStream().readAllBytes()).as("nothing is served").isEmpty();
        }
        assertThat(log.await("OCSF030W FTP connection from " + Haproxy.SOURCE, Duration.ofSeconds(10)))
                .contains("ended: it sent no PROXY protocol header (send-proxy-v2 or send-proxy missing");
        // From anywhere else with a header: a client claiming another address.
        try (Socket socket = new Socket("127.0.0.1", node.port())) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            byte[] greeting = new byte[3];
            assertThat(in.readNBytes(greeting, 0, 3)).isEqualTo(3);
            assertThat(new String(greeting, StandardCharsets.US_ASCII)).isEqualTo("220");
            socket.getOutputStream().write("PROXY TCP4 192.0.2.9 127.0.0.2 40000 21\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String rest = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(rest).doesNotContain("230").doesNotContain("331");
        }
        assertThat(log.await("OCSF030W FTP connection from 127.0.0.1", Duration.ofSeconds(10)))
                .contains("ended: it sent a PROXY protocol header but is not a trusted load balancer"
                        + " (proxy.protocol.from)");
    }

    @Test
    void aVersion1HeaderNamesTheClientAndTheAddressItConnectedTo() throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(Haproxy.SOURCE), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", nodes.get(1).port()), 5000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("PROXY TCP4 192.0.2.9 127.0.0.2 40000 21\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("220-FTPD1 IBM FTP CS OpenCS at 127.0.0.2");
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.startsWith("220 "));
            socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertThat(in.readLine()).startsWith("221");
        }
        Path activity = system.registry.home().logs().resolve("ftp-activity.log");
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(activity).contains("CONN starts Client IPaddr=192.0.2.9 ") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readString(activity)).contains("CONN starts Client IPaddr=192.0.2.9 hostname=192.0.2.9");
    }

    @Test
    void ftpPassiveAddressNamesTheNatAddressWithoutTheProxyProtocol() throws Exception {
        String ftpData = String.join("\n", "EXTENSIONS AUTH_TLS", "SECURE_FTP REQUIRED", "SECURE_LOGIN NO_CLIENT_AUTH",
                "SECURE_DATACONN PRIVATE", "KEYRING /etc/ftp/server.kdb", "INACTIVE 0", "STARTDIRECTORY HFS");
        FtpServer nat = log.serve(FtpDataParser.parse(ftpData, "FTP.DATA").config(), system.registry, 0,
                new FtpFrontEnd(TrustedBalancers.none(), FtpFrontEnd.passiveAddress("192.0.2.7")));
        try {
            // curl's default (--ftp-skip-pasv-ip) connects to the control connection's address, as NAT needs.
            var list = ExternalCommand.run(dir, "curl", "-sS", "-v", "--ssl-reqd", "--cacert", "ca.pem", "--disable-epsv",
                    "--user", "USER1:user1pw", "ftp://127.0.0.1:" + nat.port() + "/");
            assertThat(list.exitCode()).as(list.all()).isZero();
            assertThat(list.stderr()).containsPattern("< 227 Entering Passive Mode \\(192,0,2,7,\\d+,\\d+\\)");
        } finally {
            nat.close();
        }
        assertThat(FtpFrontEnd.passiveAddress(null)).isNull();
        for (String bad : new String[] {"nat.example.com", "2001:db8::1", "192.0.2"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> FtpFrontEnd.passiveAddress(bad)).as(bad)
                    .hasMessageContaining("OCS0006E system.conf: ftp.passive.address '")
                    .hasMessageContaining("is not an IPv4 address");
        }
    }
}
