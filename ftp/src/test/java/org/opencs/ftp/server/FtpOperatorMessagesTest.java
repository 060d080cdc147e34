package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.SessionLimits;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.testkit.ExternalCommand;

/**
 * Issue 10, "Operator messages": what the FTP server writes for people. A failed logon's audit record names the
 * client's address; failed TLS handshakes and refused connections are logged with the session or client and a
 * reason in words; and {@link FtpServerLog} itself catches the lines the issue quotes (null, Java names).
 */
class FtpOperatorMessagesTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        String ftpData = String.join("\n", "EXTENSIONS AUTH_TLS", "SECURE_FTP REQUIRED", "SECURE_DATACONN PRIVATE",
                "KEYRING /etc/ftp/server.kdb", "INACTIVE 0", "STARTDIRECTORY HFS", "FTPLOGGING TRUE");
        server = log.serve(FtpDataParser.parse(ftpData, "FTP.DATA").config(), system.registry, -1, 30,
                new SessionLimits(0, 1));
    }

    @AfterEach
    void stop() {
        server.close();
        system.close();
    }

    private String url() {
        return "ftp://127.0.0.1:" + server.port() + "/";
    }

    @Test
    void aFailedLogonIsAuditedWithTheClientAddress() throws Exception {
        var refused = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--ssl-reqd", "--cacert", "ca.pem",
                "--user", "USER1:wrongpw", url()));
        assertThat(refused.exitCode()).as(refused.all()).isNotZero();
        var unknown = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--ssl-reqd", "--cacert", "ca.pem",
                "--user", "NOBODY:x", url()));
        assertThat(unknown.exitCode()).as(unknown.all()).isNotZero();
        List<String> audit = Files.readAllLines(system.registry.home().logs().resolve("audit.jsonl"));
        assertThat(audit).filteredOn(l -> l.contains("\"type\":\"LOGON_FAILURE\"")).hasSize(2)
                .allMatch(l -> l.contains("\"client\":\"127.0.0.1\""))
                .anyMatch(l -> l.contains("\"user\":\"USER1\"") && l.contains("\"reason\":\"INVALID PASSWORD\""))
                .anyMatch(l -> l.contains("\"user\":\"NOBODY\"") && l.contains("NOT RACF-DEFINED"));
        assertThat(activity()).anyMatch(l -> l.contains("EZYFS56I") && l.contains("ACCESS FAILED USERID=USER1"));
    }

    @Test
    void aFailedHandshakeIsLoggedInWords() throws Exception {
        // curl does not trust the server's CA: the client ends the handshake with an alert.
        var untrusted = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--ssl-reqd", "--user", "USER1:user1pw",
                url()));
        assertThat(untrusted.exitCode()).as(untrusted.all()).isNotZero();
        String failed = awaitActivity("SECURE FAILED");
        assertThat(failed).as("activity log").isNotNull().matches(".*EZYFS54I ID=FTPD1\\d{5} SECURE FAILED Reason=\\w.*");
        // (the extension then checks that no line names a Java class or says null)
    }

    @Test
    void aConnectionOverTheLimitIsLoggedWithItsClient() throws Exception {
        try (RawFtp first = new RawFtp(server.port());
             java.net.Socket second = new java.net.Socket("127.0.0.1", server.port())) {
            second.setSoTimeout(10_000);
            String reply = new java.io.BufferedReader(new java.io.InputStreamReader(second.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(reply).startsWith("421");
        }
        String line = log.await("OCSF001W", java.time.Duration.ofSeconds(10));
        assertThat(line).matches("WARN OCSF001W FTP connection from client 127\\.0\\.0\\.1:\\d+ refused: .+\\.");
    }

    @Test
    void theCheckCatchesWhatTheIssueQuotes() {
        assertThat(FtpServerLog.violations(List.of(
                "INFO OCST003I Session null ended: javax.net.ssl.SSLHandshakeException: Empty client certificate chain",
                "WARN OCST022I TLS handshake with client 192.0.2.1:5000 failed: null",
                "ERROR OCSF002E FTP session FTPD100001 (client 192.0.2.1:5000): LIST ended: NullPointerException",
                "ERROR OCSF002E FTP session FTPD100001 (client 192.0.2.1:5000): LIST ended: no detail [stack trace]",
                "INFO EZYFS56I ID=FTPD100001 ACCESS FAILED USERID=USER1 Reason=INVALID_PASSWORD",
                "INFO OCSF001W FTP connection from client 192.0.2.1:5000 refused: the null device is full."))).hasSize(4);
    }

    private List<String> activity() throws java.io.IOException {
        Path file = system.registry.home().logs().resolve("ftp-activity.log");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private String awaitActivity(String text) throws Exception {
        for (int i = 0; i < 250; i++) {
            for (String line : activity()) {
                if (line.contains(text)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        return null;
    }
}
