package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.saf.Registry;
import org.opencs.testkit.ExternalCommand;

/** The FTP server over explicit TLS with curl: the seed's security statements, listing, upload and download. */
class FtpServerCurlTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private Registry registry;
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        system = new FtpTestSystem(dir, "/u/user1/SSLcase1/abckey.kdb");
        registry = system.registry;
        system.user("USER1");
        // A z/OS UNIX text file: IBM-1047, NL x'15' ending each line; TYPE A downloads convert it to ASCII.
        Files.write(registry.home().hfsPath("/u/user1/hello.txt"), org.opencs.core.CodePage.IBM_1047.encodeText("line one\nline two\n"));
        String ftpData = String.join("\n",
                "EXTENSIONS      AUTH_TLS      ; Enable TLS authentication",
                "SECURE_FTP      REQUIRED",
                "SECURE_LOGIN    NO_CLIENT_AUTH",
                "SECURE_DATACONN PRIVATE",
                "KEYRING /u/user1/SSLcase1/abckey.kdb",
                "INACTIVE 0",
                "STARTDIRECTORY HFS",
                "FTPLOGGING TRUE");
        server = log.serve(FtpDataParser.parse(ftpData, "FTP.DATA").config(), registry);
    }

    @AfterEach
    void stop() {
        server.close();
        system.close();
    }

    private ExternalCommand.Result curl(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-v", "--ssl-reqd", "--cacert", "ca.pem",
                "--user", "USER1:user1pw"));
        command.addAll(List.of(args));
        return ExternalCommand.run(dir, null, command);
    }

    private String url(String path) {
        return "ftp://127.0.0.1:" + server.port() + "/" + path;
    }

    @Test
    void listsUploadsAndDownloadsOverTls() throws Exception {
        var list = curl(url(""));
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.stderr()).contains("< 220-FTPD1 IBM FTP CS OpenCS at 127.0.0.1")
                .contains("< 220 Connection will not timeout.")
                .contains("< 234 Security environment established - ready for negotiation")
                .contains("< 230 USER1 is logged on.  Working directory is \"/u/user1\".")
                .contains("< 200 Data connection protection set to private")
                .contains("< 125 List started OK").contains("< 250 List completed successfully.");
        assertThat(list.stdout()).containsPattern("-rw-r--r--   1 USER1    SYS1          18 \\w{3} \\d\\d \\d\\d:\\d\\d hello.txt");

        byte[] payload = new byte[300_000];
        new java.util.Random(7).nextBytes(payload);
        Files.write(dir.resolve("payload.bin"), payload);
        var upload = curl("-T", "payload.bin", url("payload.bin"));
        assertThat(upload.exitCode()).as(upload.all()).isZero();
        assertThat(upload.stderr()).contains("< 125 Storing data set /u/user1/payload.bin")
                .contains("< 250 Transfer completed successfully.");
        assertThat(Files.readAllBytes(registry.home().hfsPath("/u/user1/payload.bin"))).isEqualTo(payload);
        try (var files = Files.list(registry.home().hfsPath("/u/user1"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }

        var download = curl("-o", "back.bin", url("payload.bin"));
        assertThat(download.exitCode()).as(download.all()).isZero();
        assertThat(download.stderr()).contains("< 125 Sending data set /u/user1/payload.bin");
        assertThat(Files.readAllBytes(dir.resolve("back.bin"))).isEqualTo(payload);

        String activity = Files.readString(registry.home().logs().resolve("ftp-activity.log"));
        assertThat(activity).containsPattern("EZYFS50I ID=FTPD1\\d{5} CONN starts Client IPaddr=127.0.0.1")
                .containsPattern("EZYFS54I ID=FTPD1\\d{5} SECURE OK Mechanism=TLS-P")
                .containsPattern("EZYFS56I ID=FTPD1\\d{5} ACCESS OK USERID=USER1")
                .contains("ALLOC OK Use HFS filename=/u/user1/payload.bin")
                .contains("DEALL OK Release HFS filename=/u/user1/payload.bin")
                .contains("TRANS Stru=F Mode=S Type=I Input=300000 bytes")
                .contains("TRANS Stru=F Mode=S Type=I Output=300000 bytes")
                .contains("TRANS Reply=250 Transfer completed successfully.")
                .containsPattern("EZYFS52I ID=FTPD1\\d{5} CONN ends Input=300000 bytes Output=0 bytes");
        assertThat(Files.readString(registry.home().logs().resolve("audit.jsonl")))
                .contains("\"type\":\"FTP_TRANSFER\"").contains("\"file\":\"/u/user1/payload.bin\"")
                .contains("\"bytes\":300000").containsPattern("\"tls\":\"TLSv1\\.[23] TLS_");

        var ascii = curl("--use-ascii", "-o", "hello.txt", url("hello.txt"));
        assertThat(ascii.stderr()).contains("TYPE A").contains("< 200 Representation type is Ascii NonPrint");
        assertThat(Files.readString(dir.resolve("hello.txt"))).isEqualTo("line one\nline two\n");
    }

    @Test
    void securityRulesAreEnforced() {
        var clear = ExternalCommand.run(dir, "curl", "-sS", "-v", "--user", "USER1:user1pw", url(""));
        assertThat(clear.exitCode()).isNotZero();
        assertThat(clear.stderr()).contains("< 530 USER command rejected");
        var wrong = ExternalCommand.run(dir, "curl", "-sS", "-v", "--ssl-reqd", "--cacert", "ca.pem", "--user",
                "USER1:wrongpw1", url(""));
        assertThat(wrong.exitCode()).isEqualTo(67);
        assertThat(wrong.stderr()).contains("< 530 PASS command failed");
        var outside = curl(url("%2Fetc/"));
        assertThat(outside.exitCode()).isNotZero();
    }
}
