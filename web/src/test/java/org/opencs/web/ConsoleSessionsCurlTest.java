package org.opencs.web;

import org.opencs.web.Curl.Browser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencs.web.Curl.cookie;
import static org.opencs.web.Curl.csrf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.sessions.LiveSessions;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tn3270.server.S3270;

/**
 * The console's sessions view and End with every kind of session (docs/web.md "Actions and sessions"): curl on the web
 * server, a real FTP server (Apache Commons Net's FTPSClient, AUTH TLS and PROT P, a download) and a real TN3270E server
 * (Debian's s3270 over direct TLS, logged on to TSO) sharing one {@link LiveSessions}, as opencs start builds them.
 * USER1 and USER2 each have an FTP and a TN3270 session: USER1 sees only its own (with TLS protocol, cipher and bytes),
 * ADMIN1 (SPECIAL) all; USER1 cannot end USER2's (403 OCSW058E, still alive); ADMIN1 ends USER2's FTP session (the
 * client reads 421 OCSF040I) and TN3270 session (s3270 is disconnected), audited as WEB_SESSION_END with the kind.
 */
class ConsoleSessionsCurlTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private WebTestSystem system;
    private WebServer server;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        system = new WebTestSystem(dir);
        system.user("USER1");
        system.user("USER2");
        system.specialUser("ADMIN1");
        for (String home : List.of("/u/user1", "/u/user2")) {
            Files.createDirectories(system.registry.home().hfsPath(home));
        }
        Files.writeString(system.registry.home().hfsPath("/u/user1/hello.txt"), "hello\n".repeat(100));
        server = system.serveWithLiveSessions(WebSettings.from(new java.util.Properties()).withPort(0),
                new LiveSessions(system.clock));
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        system.close();
    }

    private ExternalCommand.Result curl(String... args) {
        return Curl.run(dir, args);
    }

    private String url(String path) {
        return Curl.url(server.port(), path);
    }

    private Browser logon(String userid) {
        return Curl.logon(dir, server.port(), userid);
    }

    private JsonNode post(Browser browser, String path, int status) throws Exception {
        var r = curl("-X", "POST", "-H", "Cookie: OCSSESSION=" + browser.session(), "-H", "X-CSRF-Token: "
                + browser.csrf(), url(path));
        assertThat(r.stdout()).as(r.all()).startsWith("HTTP/1.1 " + status);
        return Curl.body(r);
    }

    private JsonNode sessions(Browser browser) throws Exception {
        var r = curl("-H", "Cookie: OCSSESSION=" + browser.session(), url("/api/sessions"));
        assertThat(r.stdout()).as(r.all()).startsWith("HTTP/1.1 200");
        return Curl.body(r);
    }

    /** The session of {@code kind} and {@code userid} in a sessions answer. */
    private static JsonNode find(JsonNode answer, String kind, String userid) {
        for (JsonNode s : answer.get("sessions")) {
            if (s.get("kind").asText().equals(kind) && s.get("userid").asText().equals(userid)) {
                return s;
            }
        }
        throw new AssertionError("no " + kind + " session of " + userid + " in " + answer);
    }

    /** Waits until the session {@code handle} has left {@code browser}'s sessions view (its connection closed). */
    private void awaitGone(Browser browser, String handle) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (sessions(browser).toString().contains(handle) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(sessions(browser).toString()).doesNotContain(handle);
    }

    private static List<String> kindsAndUsers(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("sessions").forEach(s -> out.add(s.get("kind").asText() + " " + s.get("userid").asText()));
        return out;
    }

    /** An FTPS session of {@code userid} (AUTH TLS, PROT P), kept open; USER1's downloads a file. */
    private FTPSClient ftp(String userid) throws Exception {
        FTPSClient client = new FTPSClient("TLS", false);
        client.setTrustManager(org.apache.commons.net.util.TrustManagerUtils.getAcceptAllTrustManager());
        client.connect("127.0.0.1", system.ftpPort());
        clients.add(() -> {
            if (client.isConnected()) {
                client.disconnect();
            }
        });
        client.execPBSZ(0);
        client.execPROT("P");
        assertThat(client.login(userid, userid.toLowerCase() + "pw")).as(client.getReplyString()).isTrue();
        client.enterLocalPassiveMode();
        if (userid.equals("USER1")) {
            var out = new java.io.ByteArrayOutputStream();
            assertThat(client.retrieveFile("/u/user1/hello.txt", out)).as(client.getReplyString()).isTrue();
        }
        return client;
    }

    /** s3270 over TLS, logged on to TSO as {@code userid} (READY or the menu shown). */
    private S3270 terminal(String userid) {
        S3270 terminal = new S3270(dir, system.caFile, "-model", "3278-2");
        clients.add(terminal);
        terminal.run("Connect(L:localhost:" + system.tn3270Port() + ")", "Wait(20,InputField)");
        terminal.type(userid.toLowerCase());
        terminal.run("Tab()");
        terminal.type(userid.toLowerCase() + "pw");
        terminal.run("Enter()", "Wait(20,InputField)");
        return terminal;
    }

    @Test
    void everyKindIsListedOwnOrAllAndSpecialEndsAnothersFtpAndTn3270Sessions() throws Exception {
        FTPSClient ftp1 = ftp("USER1");
        FTPSClient ftp2 = ftp("USER2");
        S3270 tn1 = terminal("USER1");
        S3270 tn2 = terminal("USER2");
        Browser user1 = logon("USER1");
        Browser admin = logon("ADMIN1");

        JsonNode mine = sessions(user1);
        assertThat(mine.get("scope").asText()).isEqualTo("OWN");
        assertThat(kindsAndUsers(mine)).containsExactlyInAnyOrder("WEB USER1", "FTP USER1", "TN3270 USER1");
        JsonNode ftpOwn = find(mine, "FTP", "USER1");
        JsonNode tnOwn = find(mine, "TN3270", "USER1");
        for (JsonNode s : List.of(ftpOwn, tnOwn)) {
            assertThat(s.get("tlsProtocol").asText()).startsWith("TLSv1.");
            assertThat(s.get("cipher").asText()).startsWith("TLS_");
            assertThat(s.get("bytesIn").asLong()).isPositive();
            assertThat(s.get("bytesOut").asLong()).isPositive();
            assertThat(s.get("client").asText()).isEqualTo("127.0.0.1");
            assertThat(s.get("handle").asText()).matches("[0-9a-f]{16}");
            assertThat(s.get("loggedOn").asText()).isNotEmpty();
        }
        assertThat(ftpOwn.get("bytesOut").asLong()).isGreaterThan(600); // the 600-byte download in TLS records
        assertThat(ftpOwn.get("lu").asText()).isEmpty();
        assertThat(tnOwn.get("lu").asText()).startsWith("TCP");
        JsonNode webOwn = find(mine, "WEB", "USER1");
        assertThat(webOwn.get("bytesIn").isNull()).isTrue();
        assertThat(webOwn.get("tlsProtocol").asText()).isEmpty();

        JsonNode all = sessions(admin);
        assertThat(all.get("scope").asText()).isEqualTo("ALL");
        assertThat(kindsAndUsers(all)).containsExactlyInAnyOrder("WEB USER1", "WEB ADMIN1", "FTP USER1", "FTP USER2",
                "TN3270 USER1", "TN3270 USER2");
        String ftp2Handle = find(all, "FTP", "USER2").get("handle").asText();
        String tn2Handle = find(all, "TN3270", "USER2").get("handle").asText();
        String tn2Lu = find(all, "TN3270", "USER2").get("lu").asText();

        // USER1 may not end USER2's sessions: both still listed and answering
        assertThat(post(user1, "/api/sessions/" + ftp2Handle + "/end", 403).get("message").asText())
                .startsWith("OCSW058E");
        assertThat(post(user1, "/api/sessions/" + tn2Handle + "/end", 403).get("message").asText())
                .startsWith("OCSW058E");
        assertThat(ftp2.sendNoOp()).as(ftp2.getReplyString()).isTrue();
        assertThat(tn2.run("Query(ConnectionState)")).singleElement().asString().startsWith("connected");
        assertThat(kindsAndUsers(sessions(admin))).contains("FTP USER2", "TN3270 USER2");

        // ADMIN1 ends USER2's FTP session: the client hears 421 and the connection closes
        assertThat(post(admin, "/api/sessions/" + ftp2Handle + "/end", 200).get("message").asText())
                .isEqualTo("OCSW060I The FTP session of USER2 from 127.0.0.1 was ended.");
        awaitGone(admin, ftp2Handle);
        // the client reads the unasked 421 as the answer to its next command, and sees the connection closed
        assertThatThrownBy(ftp2::sendNoOp).isInstanceOf(org.apache.commons.net.ftp.FTPConnectionClosedException.class);
        assertThat(ftp2.getReplyString()).contains("421 OCSF040I Session ended by ADMIN1 from the console.");

        // ... and USER2's TN3270 session: s3270 sees the disconnect
        assertThat(post(admin, "/api/sessions/" + tn2Handle + "/end", 200).get("message").asText())
                .isEqualTo("OCSW060I The TN3270 session of USER2 from 127.0.0.1 on LU " + tn2Lu + " was ended.");
        tn2.run("Wait(20,Disconnect)");
        assertThat(tn2.run("Query(ConnectionState)")).containsExactly("not-connected");

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (kindsAndUsers(sessions(admin)).size() > 4 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(kindsAndUsers(sessions(admin))).containsExactlyInAnyOrder("WEB USER1", "WEB ADMIN1", "FTP USER1",
                "TN3270 USER1");
        assertThat(post(admin, "/api/sessions/" + ftp2Handle + "/end", 404).get("message").asText())
                .startsWith("OCSW059E");
        // USER1's own sessions live on
        assertThat(ftp1.sendNoOp()).as(ftp1.getReplyString()).isTrue();
        assertThat(tn1.run("Query(ConnectionState)")).singleElement().asString().startsWith("connected");

        List<JsonNode> ends = new ArrayList<>();
        for (String line : Files.readAllLines(system.registry.home().logs().resolve(org.opencs.core.AuditLog.FILE_NAME))) {
            JsonNode record = JSON.readTree(line);
            if (record.get("type").asText().equals("WEB_SESSION_END")) {
                ends.add(record);
            }
        }
        assertThat(ends).hasSize(2);
        assertThat(ends).extracting(r -> r.get("kind").asText()).containsExactly("FTP", "TN3270");
        assertThat(ends).allSatisfy(r -> {
            assertThat(r.get("user").asText()).isEqualTo("ADMIN1");
            assertThat(r.get("target").asText()).isEqualTo("USER2");
            assertThat(r.get("targetClient").asText()).isEqualTo("127.0.0.1");
        });
        assertThat(ends.get(1).get("lu").asText()).isEqualTo(tn2Lu);
    }

    @Test
    void anOwnFtpSessionMayBeEndedByItsUser() throws Exception {
        FTPSClient ftp1 = ftp("USER1");
        Browser user1 = logon("USER1");
        String handle = find(sessions(user1), "FTP", "USER1").get("handle").asText();
        assertThat(post(user1, "/api/sessions/" + handle + "/end", 200).get("message").asText())
                .startsWith("OCSW060I The FTP session of USER1");
        awaitGone(user1, handle);
        assertThatThrownBy(ftp1::sendNoOp).isInstanceOf(org.apache.commons.net.ftp.FTPConnectionClosedException.class);
        assertThat(ftp1.getReplyString()).contains("421 OCSF040I Session ended by USER1 from the console.");
    }
}
