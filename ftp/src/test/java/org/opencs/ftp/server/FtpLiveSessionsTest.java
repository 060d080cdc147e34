package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.sessions.LiveSessionView;
import org.opencs.core.sessions.SessionKind;
import org.opencs.ftp.config.FtpDataParser;

/**
 * The FTP server's sessions in the node's live sessions (docs/ftp.md "Sessions ended from the console"), with Apache
 * Commons Net's FTPSClient on loopback: registered at connect, the user ID at logon, the TLS protocol and cipher of the
 * control connection, bytes on the wire (control and data connections) growing; ended from the registry, the client
 * hears 421 OCSF040I, the connection closes and the session leaves the registry.
 */
class FtpLiveSessionsTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        system.close();
    }

    /** Starts the FTP server with these FTP.DATA statements for a test system holding {@code users}. */
    private void serve(List<String> users, String... statements) throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        for (String user : users) {
            system.user(user);
        }
        var config = FtpDataParser.parse(String.join("\n", List.of(statements)), "FTP.DATA").config();
        server = log.serve(config, system.registry);
    }

    /** The client reads the unasked 421 as the answer to its next command, and sees the connection closed. */
    private static void assertEndedWith421(org.apache.commons.net.ftp.FTPClient client, String by) {
        assertThatThrownBy(client::sendNoOp)
                .isInstanceOf(org.apache.commons.net.ftp.FTPConnectionClosedException.class);
        assertThat(client.getReplyString()).contains("421 OCSF040I Session ended by " + by + " from the console.");
    }

    @Test
    void aSessionIsListedWithItsUserTlsAndBytesAndEndedWith421() throws Exception {
        serve(List.of("USER1"), "EXTENSIONS AUTH_TLS", "SECURE_DATACONN PRIVATE", "SECURE_SESSION_REUSE NONE",
                "KEYRING /etc/ftp/server.kdb", "INACTIVE 0", "STARTDIRECTORY HFS");
        java.nio.file.Files.writeString(system.registry.home().hfsPath("/u/user1/hello.txt"), "hello\n".repeat(500));

        FTPSClient client = new FTPSClient("TLS", false);
        client.setTrustManager(org.apache.commons.net.util.TrustManagerUtils.getAcceptAllTrustManager());
        client.connect("127.0.0.1", server.port());
        try {
            LiveSessionView before = only(server);
            assertThat(before.kind()).isEqualTo(SessionKind.FTP);
            assertThat(before.userid()).isEmpty();
            assertThat(before.client()).isEqualTo("127.0.0.1");
            assertThat(before.localPort()).isEqualTo(server.port());
            assertThat(before.handle()).matches("[0-9a-f]{16}");

            client.execPBSZ(0);
            client.execPROT("P");
            assertThat(client.login("USER1", "user1pw")).as(client.getReplyString()).isTrue();
            client.enterLocalPassiveMode();
            var out = new java.io.ByteArrayOutputStream();
            assertThat(client.retrieveFile("/u/user1/hello.txt", out)).as(client.getReplyString()).isTrue();
            assertThat(out.size()).isEqualTo(3000);

            LiveSessionView seen = only(server);
            assertThat(seen.handle()).isEqualTo(before.handle());
            assertThat(seen.userid()).isEqualTo("USER1");
            assertThat(seen.tlsProtocol()).startsWith("TLSv1.");
            assertThat(seen.cipher()).startsWith("TLS_");
            assertThat(seen.certificateSubject()).isEmpty(); // no client certificate
            // the download's 3000 bytes went out in TLS records on the data connection, counted with the control's
            assertThat(seen.bytesOut()).isGreaterThan(3000);
            assertThat(seen.bytesIn()).isGreaterThan(before.bytesIn());

            assertThat(server.liveSessions().end(seen.handle(), "by ADMIN1 from the console")).isPresent();
            log.await("OCSF040I", Duration.ofSeconds(10));
            assertThat(String.join("\n", log.lines())).containsPattern("OCSF040I FTP session FTPD\\d+ of user USER1 "
                    + "from client 127\\.0\\.0\\.1:\\d+ ended by ADMIN1 from the console\\.");
            // the connection closes and the session leaves the registry
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.liveSessions().size() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.liveSessions().list()).isEmpty();
            assertEndedWith421(client, "ADMIN1");
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
        }
    }

    /**
     * The session checks the requester against the user it is logged on as when the end event runs, not when the
     * console looked: a connection that logged on as USER1 and then as USER2 (USER/PASS again, as a queued pair would
     * before the event) is not USER1's to end - refused (OCSF041I, the outcome false, the client goes on); USER2's own
     * request ends it.
     */
    @Test
    void anEndIsCheckedAgainstTheUserLoggedOnWhenItRuns() throws Exception {
        serve(List.of("USER1", "USER2"), "KEYRING /etc/ftp/server.kdb", "INACTIVE 0", "STARTDIRECTORY HFS");
        var client = new org.apache.commons.net.ftp.FTPClient();
        client.connect("127.0.0.1", server.port());
        try {
            assertThat(client.login("USER1", "user1pw")).as(client.getReplyString()).isTrue();
            String handle = only(server).handle();
            assertThat(only(server).userid()).isEqualTo("USER1");
            // the console looked now (USER1's own session); then the connection logs on as USER2
            assertThat(client.login("USER2", "user2pw")).as(client.getReplyString()).isTrue();
            assertThat(only(server).userid()).isEqualTo("USER2");

            var byUser1 = org.opencs.core.sessions.EndRequest.by("USER1", false, "by USER1 from the console");
            assertThat(server.liveSessions().end(handle, byUser1)).isPresent();
            assertThat(byUser1.outcome().get(10, java.util.concurrent.TimeUnit.SECONDS)).isFalse();
            assertThat(String.join("\n", log.lines())).containsPattern("OCSF041I FTP session FTPD\\d+ of user USER2 "
                    + "from client 127\\.0\\.0\\.1:\\d+ not ended: asked by USER1 from the console");
            assertThat(client.sendNoOp()).as(client.getReplyString()).isTrue();
            assertThat(only(server).handle()).isEqualTo(handle);

            var byUser2 = org.opencs.core.sessions.EndRequest.by("USER2", false, "by USER2 from the console");
            assertThat(server.liveSessions().end(handle, byUser2)).isPresent();
            assertThat(byUser2.outcome().get(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertEndedWith421(client, "USER2");
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
        }
    }

    /**
     * CCC (clear command channel) is refused (534, SecurityCommands), so the control connection stays protected and
     * its TLS facts in the live sessions stay true: after Commons Net's execCCC the session still shows its TLS
     * protocol and cipher and goes on over TLS (docs/web.md "Actions and sessions").
     */
    @Test
    void cccIsRefusedAndTheSessionStillShowsItsTls() throws Exception {
        serve(List.of("USER1"), "EXTENSIONS AUTH_TLS", "SECURE_DATACONN PRIVATE", "SECURE_SESSION_REUSE NONE",
                "KEYRING /etc/ftp/server.kdb", "INACTIVE 0", "STARTDIRECTORY HFS");
        FTPSClient client = new FTPSClient("TLS", false);
        client.setTrustManager(org.apache.commons.net.util.TrustManagerUtils.getAcceptAllTrustManager());
        client.connect("127.0.0.1", server.port());
        try {
            assertThat(client.login("USER1", "user1pw")).as(client.getReplyString()).isTrue();
            String protocol = only(server).tlsProtocol();
            assertThat(protocol).startsWith("TLSv1.");
            // Commons Net throws on any reply but 200 to CCC, with the reply as the message
            assertThatThrownBy(client::execCCC).isInstanceOf(javax.net.ssl.SSLException.class)
                    .hasMessageContaining("534 CCC not supported");
            LiveSessionView after = only(server);
            assertThat(after.tlsProtocol()).isEqualTo(protocol);
            assertThat(after.cipher()).startsWith("TLS_");
            assertThat(client.sendNoOp()).as(client.getReplyString()).isTrue(); // still over TLS
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
        }
    }

    private static LiveSessionView only(FtpServer server) {
        assertThat(server.liveSessions().list()).hasSize(1);
        return server.liveSessions().list().get(0);
    }
}
