package org.opencs.ftp.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.pki.TestPki;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.tls.KeyDatabaseRing;
import org.opencs.testkit.ExternalCommand;

/**
 * Our batch client against Debian's vsftpd with require_ssl_reuse=YES: vsftpd refuses every data connection that
 * does not resume the control connection's TLS session, so transfers only work if the client reuses it.
 */
class BatchFtpClientVsftpdTest {
    @TempDir
    Path dir;

    private Process vsftpd;

    @AfterEach
    void stop() throws Exception {
        if (vsftpd != null) {
            vsftpd.destroy();
            vsftpd.waitFor();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private int startVsftpd(Path root) throws Exception {
        KeyDatabase kdb = TestPki.caAndServer(dir.resolve("client.kdb"));
        Files.write(dir.resolve("server.p12"), TestPki.operations().exportWithKey(kdb, "server", ExportFormat.BINARY_PKCS12,
                "pw".toCharArray()));
        assertThat(ExternalCommand.run(dir, "openssl", "pkcs12", "-in", "server.p12", "-passin", "pass:pw", "-nodes",
                "-out", "server.pem").exitCode()).isZero();
        int port = freePort();
        int pasv = freePort();
        Files.createDirectories(dir.resolve("empty"));
        Files.writeString(dir.resolve("vsftpd.conf"), String.join("\n",
                "listen=YES", "listen_address=127.0.0.1", "listen_port=" + port, "background=NO",
                "run_as_launching_user=YES", "anonymous_enable=YES", "anon_root=" + root, "no_anon_password=YES",
                "anon_upload_enable=YES", "write_enable=YES", "anon_umask=022", "local_enable=NO", "ssl_enable=YES",
                "allow_anon_ssl=YES", "force_anon_logins_ssl=YES", "force_anon_data_ssl=YES", "require_ssl_reuse=YES",
                "rsa_cert_file=" + dir.resolve("server.pem"), "rsa_private_key_file=" + dir.resolve("server.pem"),
                "pasv_enable=YES", "pasv_min_port=" + pasv, "pasv_max_port=" + pasv, "seccomp_sandbox=NO",
                "isolate=NO", "isolate_network=NO", "secure_chroot_dir=" + dir.resolve("empty"), ""));
        vsftpd = new ProcessBuilder("/usr/sbin/vsftpd", dir.resolve("vsftpd.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("vsftpd.out").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return port;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("vsftpd did not start: " + Files.readString(dir.resolve("vsftpd.out")));
    }

    @Test
    void transfersWorkAgainstAServerThatRequiresSessionReuse() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Path incoming = Files.createDirectories(root.resolve("incoming"));
        incoming.toFile().setWritable(true, false);
        byte[] content = new byte[200_000];
        new SecureRandom().nextBytes(content);
        Files.write(root.resolve("data.bin"), content);
        Files.write(dir.resolve("up.bin"), content);
        int port = startVsftpd(root);
        KeyDatabaseRing ring = new KeyDatabaseRing(KeyDatabase.openStashed(stash(dir.resolve("client.kdb")), new SecureRandom()),
                null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BatchFtpClient client = new BatchFtpClient(ClientSettings.of(FtpDataParser.parseClient(
                "SECURE_MECHANISM TLS\nSECURE_FTP REQUIRED\nSECURE_DATACONN PRIVATE\n", "FTP.DATA").config(), null, null, true),
                ring, "USER1", new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);
        int rc = client.run("FTP", "127.0.0.1", port, new BufferedReader(new StringReader(
                "anonymous guest\nbinary\nget data.bin down.bin\ncd incoming\nput up.bin\ndir\nquit\n")));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(output).isZero();
        assertThat(Files.readAllBytes(dir.resolve("down.bin"))).isEqualTo(content);
        assertThat(Files.readAllBytes(incoming.resolve("up.bin"))).isEqualTo(content);
        assertThat(output).contains("EZA2895I Authentication negotiation succeeded")
                .contains("EZA2906I Data connection protection is private").contains("EZA2284I ")
                .doesNotContain("522");
    }

    private static Path stash(Path kdb) {
        KeyDatabase.open(kdb, TestPki.PASSWORD, new SecureRandom()).stash(org.opencs.pki.kdb.StashFile.Format.V8);
        return kdb;
    }
}
