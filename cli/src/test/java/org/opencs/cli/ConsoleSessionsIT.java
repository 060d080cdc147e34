package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tn3270.server.S3270;

/**
 * Issue 13, the console's sessions on a node started with {@code opencs start}: its FTP, TN3270E and web servers
 * share the node's live sessions, so IBMUSER's console (curl) lists IBMUSER's FTPS session (Commons Net) and TN3270
 * session (s3270 over TLS) with TLS protocol, cipher and bytes, and ends both: the FTP client hears 421 OCSF040I, s3270
 * is disconnected.
 */
class ConsoleSessionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theConsoleOfAStartedNodeListsAndEndsItsFtpAndTn3270Sessions() throws Exception {
        var quickstart = OpenCsProcess.run(dir, Map.of(), "quickstart");
        Matcher password = Pattern.compile("IBMUSER's initial password: (\\S{8})").matcher(quickstart.stdout());
        assertThat(password.find()).as(quickstart.all()).isTrue();
        Files.deleteIfExists(dir.resolve("opencs-home/logs/ports"));
        Process server = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                OpenCsProcess.jar().toString(), "start", "--ftp-port", "0", "--tn3270-port", "0", "--web-port", "0")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("start.log").toFile())
                .start();
        List<AutoCloseable> clients = new ArrayList<>();
        try {
            Map<String, String> ports = ports();
            String ca = dir.resolve("opencs-home/hfs/etc/opencs/opencs-quickstart-ca.pem").toString();
            // the first logon sets IBMUSER's password
            var first = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--ssl-reqd", "--cacert", ca, "--user",
                    "IBMUSER:" + password.group(1) + "/Fresh123/Fresh123", "ftp://localhost:" + ports.get("ftp") + "/"));
            assertThat(first.exitCode()).as(first.all()).isZero();

            FTPSClient ftp = new FTPSClient("TLS", false);
            ftp.setTrustManager(org.apache.commons.net.util.TrustManagerUtils.getAcceptAllTrustManager());
            ftp.connect("localhost", Integer.parseInt(ports.get("ftp")));
            clients.add(() -> {
                if (ftp.isConnected()) {
                    ftp.disconnect();
                }
            });
            assertThat(ftp.login("IBMUSER", "Fresh123")).as(ftp.getReplyString()).isTrue();

            S3270 terminal = new S3270(dir, Path.of(ca), "-model", "3278-2");
            clients.add(terminal);
            terminal.run("Connect(L:localhost:" + ports.get("tn3270") + ")", "Wait(20,InputField)");
            terminal.type("ibmuser");
            terminal.run("Tab()");
            terminal.type("Fresh123");
            terminal.run("Enter()", "Wait(20,InputField)");

            String web = "https://localhost:" + ports.get("web");
            var form = curl(ca, web + "/login");
            var logon = curl(ca, "-H", "Cookie: OCSLOGIN=" + header(form.stdout(), "(?im)^set-cookie: OCSLOGIN=([^;\\r\\n]*)"),
                    "--data-urlencode", "csrf=" + header(form.stdout(), "name=\"csrf\" value=\"([A-Za-z0-9_-]+)\""),
                    "--data-urlencode", "userid=IBMUSER", "--data-urlencode", "password=Fresh123", web + "/login");
            assertThat(logon.stdout()).as(logon.all()).startsWith("HTTP/1.1 303");
            String cookie = "Cookie: OCSSESSION=" + header(logon.stdout(), "(?im)^set-cookie: OCSSESSION=([^;\\r\\n]*)");
            String token = header(curl(ca, "-H", cookie, web + "/").stdout(), "name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"");

            JsonNode sessions = body(curl(ca, "-H", cookie, web + "/api/sessions"));
            Map<String, JsonNode> byKind = new java.util.HashMap<>();
            sessions.get("sessions").forEach(s -> byKind.put(s.get("kind").asText(), s));
            assertThat(byKind.keySet()).as(sessions.toString()).containsExactlyInAnyOrder("WEB", "FTP", "TN3270");
            for (String kind : List.of("FTP", "TN3270")) {
                JsonNode s = byKind.get(kind);
                assertThat(s.get("userid").asText()).as(kind).isEqualTo("IBMUSER");
                assertThat(s.get("tlsProtocol").asText()).as(kind).startsWith("TLSv1.");
                assertThat(s.get("cipher").asText()).as(kind).startsWith("TLS_");
                assertThat(s.get("bytesIn").asLong()).as(kind).isPositive();
                assertThat(s.get("bytesOut").asLong()).as(kind).isPositive();
            }
            assertThat(byKind.get("TN3270").get("lu").asText()).isNotEmpty();

            var endFtp = curl(ca, "-X", "POST", "-H", cookie, "-H", "X-CSRF-Token: " + token,
                    web + "/api/sessions/" + byKind.get("FTP").get("handle").asText() + "/end");
            assertThat(body(endFtp).get("message").asText()).startsWith("OCSW060I The FTP session of IBMUSER");
            String ftpHandle = byKind.get("FTP").get("handle").asText();
            for (int i = 0; i < 100 && curl(ca, "-H", cookie, web + "/api/sessions").stdout().contains(ftpHandle); i++) {
                Thread.sleep(100); // until its connection has closed
            }
            // the client reads the unasked 421 as the answer to its next command, and sees the connection closed
            org.assertj.core.api.Assertions.assertThatThrownBy(ftp::sendNoOp)
                    .isInstanceOf(org.apache.commons.net.ftp.FTPConnectionClosedException.class);
            assertThat(ftp.getReplyString()).contains("421 OCSF040I Session ended by IBMUSER from the console.");

            var endTn = curl(ca, "-X", "POST", "-H", cookie, "-H", "X-CSRF-Token: " + token,
                    web + "/api/sessions/" + byKind.get("TN3270").get("handle").asText() + "/end");
            assertThat(body(endTn).get("message").asText()).startsWith("OCSW060I The TN3270 session of IBMUSER");
            terminal.run("Wait(20,Disconnect)");
            assertThat(terminal.run("Query(ConnectionState)")).containsExactly("not-connected");
        } finally {
            for (AutoCloseable client : clients) {
                client.close();
            }
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String console = Files.readString(dir.resolve("start.log"));
        assertThat(console).contains("OCSF040I FTP session").contains("OCST095I Session LU");
    }

    private ExternalCommand.Result curl(String ca, String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-D", "-", "--cacert", ca));
        command.addAll(List.of(args));
        return ExternalCommand.run(dir, null, command);
    }

    private static String header(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex + " in\n" + text).isTrue();
        return m.group(1);
    }

    private static JsonNode body(ExternalCommand.Result r) throws Exception {
        assertThat(r.stdout()).as(r.all()).startsWith("HTTP/1.1 200");
        return JSON.readTree(r.stdout().substring(r.stdout().indexOf("\r\n\r\n") + 4));
    }

    /** The ports the running server wrote to logs/ports, by name (ftp, tn3270, web). */
    private Map<String, String> ports() throws Exception {
        Path ports = dir.resolve("opencs-home/logs/ports");
        for (int i = 0; i < 150 && !Files.exists(ports); i++) {
            Thread.sleep(200);
        }
        assertThat(ports).as("the server wrote logs/ports").exists();
        Map<String, String> listening = new java.util.HashMap<>();
        Files.readAllLines(ports).forEach(l -> listening.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        assertThat(listening).containsKeys("ftp", "tn3270", "web");
        return listening;
    }
}
