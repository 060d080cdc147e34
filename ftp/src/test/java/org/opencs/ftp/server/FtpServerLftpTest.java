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
import org.opencs.pki.TestPki;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.testkit.ExternalCommand;

/** lftp, which starts the data connection's TLS handshake only after the 1xx reply, lists, uploads and downloads. */
class FtpServerLftpTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;

    @BeforeEach
    void system() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
    }

    private void start(String secureLogin) throws Exception {
        String ftpData = String.join("\n", "EXTENSIONS AUTH_TLS", "SECURE_FTP REQUIRED", "SECURE_DATACONN PRIVATE",
                "SECURE_LOGIN " + secureLogin, "KEYRING /etc/ftp/server.kdb", "STARTDIRECTORY HFS");
        server = log.serve(FtpDataParser.parse(ftpData, "FTP.DATA").config(), system.registry);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        system.close();
    }

    @Test
    void lftpSessionOverTls() throws Exception {
        start("NO_CLIENT_AUTH");
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

    /** lftp with a client certificate (ssl:cert-file), active data connections and mirror both ways. */
    @Test
    void lftpMirrorsWithAClientCertificateInActiveMode() throws Exception {
        start("REQUIRED");
        var kdb = system.keyDatabase;
        TestPki.operations().createSigned(kdb, "ABC CA", "USER1 CERT", KeyType.RSA_2048, CertificateProfile.CLIENT,
                new SubjectName("USER1 CERT", null, "ABC", null, null, "US").toX500Name(), 30, List.of());
        kdb.save();
        Files.write(dir.resolve("user1.p12"), TestPki.operations().exportWithKey(kdb, "USER1 CERT", ExportFormat.BINARY_PKCS12,
                "pw".toCharArray()));
        assertThat(ExternalCommand.run(dir, "openssl", "pkcs12", "-in", "user1.p12", "-passin", "pass:pw", "-nodes",
                "-out", "user1.pem").exitCode()).isZero();
        Path tree = Files.createDirectories(dir.resolve("tree/sub"));
        Files.writeString(dir.resolve("tree/a.txt"), "alpha\n");
        Files.writeString(tree.resolve("b.txt"), "beta\n");
        String script = String.join("; ", "set ssl:ca-file " + dir.resolve("ca.pem"), "set ftp:ssl-force true",
                "set ftp:ssl-protect-data true", "set ftp:passive-mode off", "set ssl:cert-file " + dir.resolve("user1.pem"),
                "set ssl:key-file " + dir.resolve("user1.pem"), "set net:max-retries 1", "set net:timeout 20",
                "open -u USER1,user1pw -p " + server.port() + " localhost", "mirror -R " + dir.resolve("tree") + " tree",
                "mirror tree " + dir.resolve("back"));
        var result = ExternalCommand.run(dir, null, List.of("lftp", "-d", "-c", script));
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.all()).contains("<--- 200 Port request OK.").contains("<--- 230 USER1 is logged on.");
        assertThat(system.registry.home().hfsPath("/u/user1/tree/sub/b.txt")).hasContent("beta\n");
        assertThat(dir.resolve("back/a.txt")).hasContent("alpha\n");
        assertThat(dir.resolve("back/sub/b.txt")).hasContent("beta\n");
    }
}
