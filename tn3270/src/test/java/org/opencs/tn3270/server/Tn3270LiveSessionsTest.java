package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.sessions.LiveSessionView;
import org.opencs.core.sessions.SessionKind;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.config.TelnetPort;

/**
 * The TN3270E server's connections in the node's live sessions (docs/tn3270.md "Sessions ended from the console"),
 * with Debian's s3270 over direct TLS: registered at connect with the client address, the LU name once in session,
 * TLS protocol and cipher, USER1 once logged on to TSO, bytes on the wire; ended from the registry, s3270 sees the
 * disconnect, OCST095I names who ended it, CONN DROP says CONNDROP and the TN3270_SESSION_END record has the reason.
 */
class Tn3270LiveSessionsTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;
    private Tn3270Server server;

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    @Test
    void aTerminalIsListedWithItsUserLuTlsAndBytesAndEndedFromTheRegistry() throws Exception {
        registry = TestHost.open(dir, clock);
        String profile = String.join("\n", "TelnetParms", "  SecurePort 0", "  Conntype secure", "  Clientauth none",
                "  Keyring HFS /etc/tn3270/server.kdb", "  Inactive 0", "EndTelnetParms");
        TelnetPort port = ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0);
        server = log.serve(port, registry);
        try (S3270 terminal = new S3270(dir, "-model", "3278-2")) {
            terminal.run("Connect(L:localhost:" + server.port() + ")", "Wait(20,InputField)");
            LiveSessionView before = only();
            assertThat(before.kind()).isEqualTo(SessionKind.TN3270);
            assertThat(before.userid()).isEmpty(); // the logon panel: nobody yet
            assertThat(before.lu()).startsWith("TCP");
            assertThat(before.client()).isEqualTo("127.0.0.1");
            assertThat(before.localPort()).isEqualTo(server.port());
            assertThat(before.tlsProtocol()).startsWith("TLSv1.");
            assertThat(before.cipher()).startsWith("TLS_");

            terminal.type("user1");
            terminal.run("Tab()");
            terminal.type("user1pw");
            terminal.run("Enter()", "Wait(20,InputField)");
            LiveSessionView seen = only();
            assertThat(seen.handle()).isEqualTo(before.handle());
            assertThat(seen.userid()).isEqualTo("USER1");
            assertThat(seen.lu()).isEqualTo(before.lu());
            assertThat(seen.bytesIn()).isGreaterThan(before.bytesIn());
            assertThat(seen.bytesOut()).isGreaterThan(before.bytesOut());

            assertThat(server.liveSessions().end(seen.handle(), "by ADMIN1 from the console")).isPresent();
            terminal.run("Wait(20,Disconnect)");
            assertThat(String.join("\n", terminal.run("Query(ConnectionState)"))).isEqualTo("not-connected");
            log.await("OCST095I", Duration.ofSeconds(10));
            assertThat(String.join("\n", log.lines())).contains("of user USER1 ended by ADMIN1 from the console; "
                    + "connection closed");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.liveSessions().size() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.liveSessions().list()).isEmpty();
            Path audit = registry.home().logs().resolve("audit.jsonl");
            deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!(Files.exists(audit) && Files.readString(audit).contains("TN3270_SESSION_END"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(Files.readString(audit)).contains("CONNDROP by ADMIN1 from the console");
        }
    }

    private LiveSessionView only() {
        assertThat(server.liveSessions().list()).hasSize(1);
        return server.liveSessions().list().get(0);
    }
}
