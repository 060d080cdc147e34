package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.testkit.ExternalCommand;

/** lftp, which starts the data connection's TLS handshake only after the 1xx reply, lists, uploads and downloads. */
class FtpServerLftpTest {
    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        String ftpData = String.join("\n", "EXTENSIONS AUTH_TLS", "SECURE_FTP REQUIRED", "SECURE_DATACONN PRIVATE",
                "KEYRING /etc/ftp/server.kdb", "STARTDIRECTORY HFS");
        server = new FtpServer(FtpDataParser.parse(ftpData, "FTP.DATA").config(), system.registry, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        system.close();
    }

    @Test
    void lftpSessionOverTls() throws Exception {
        Files.writeString(dir.resolve("local.txt"), "hello lftp\n");
        String script = String.join("; ", "set ssl:ca-file " + dir.resolve("ca.pem"), "set ftp:ssl-force true",
                "set ftp:ssl-protect-data true", "set net:max-retries 1", "set net:timeout 20",
                "open -u USER1,user1pw -p " + server.port() + " localhost", "put " + dir.resolve("local.txt") + " -o up.txt",
                "ls", "get up.txt -o " + dir.resolve("back.txt"));
        var result = ExternalCommand.run(dir, null, List.of("lftp", "-d", "-c", script));
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.all()).contains("<--- 234 Security environment established - ready for negotiation")
                .contains("<--- 200 Data connection protection set to private")
                .contains("<--- 125 Storing data set /u/user1/up.txt").contains("<--- 125 List started OK")
                .contains("up.txt");
        assertThat(Files.readString(dir.resolve("back.txt"))).isEqualTo("hello lftp\n");
        // The 1xx reply comes before the data connection's TLS handshake (lftp loads its CAs for it): otherwise lftp
        // waits seconds for a reply the server holds back until the handshake.
        assertThat(result.all().lines().map(String::strip).toList())
                .containsSubsequence("---> LIST", "<--- 125 List started OK", "Loaded 1 CAs");
    }
}
