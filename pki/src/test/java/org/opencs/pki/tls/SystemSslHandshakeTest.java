package org.opencs.pki.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.TestPki;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.testing.EchoTlsServer;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.testkit.ExternalCommand;
import org.opencs.testkit.ExternalCommand.Result;

/** A TLS server built from a stashed key database, reached by openssl s_client on loopback. */
class SystemSslHandshakeTest {
    @TempDir
    Path dir;

    private final java.util.List<EchoTlsServer> servers = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(EchoTlsServer::close);
    }

    private int startEchoServer(SslContext context) throws InterruptedException {
        EchoTlsServer server = new EchoTlsServer(context);
        servers.add(server);
        return server.port();
    }

    private Path keyRing() throws Exception {
        Path kdb = dir.resolve("abckey.kdb");
        KeyDatabase db = TestPki.caAndServer(kdb);
        db.stash(StashFile.Format.V8);
        Files.write(dir.resolve("ca.pem"), TestPki.operations().exportCertificate(db, "ABC CA", ExportFormat.BASE64_DER));
        return kdb;
    }

    private Result sClient(int port, String... extra) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-CAfile", "ca.pem", "-verify_return_error", "-verify_hostname", "localhost", "-brief", "-ign_eof"));
        command.addAll(List.of(extra));
        return ExternalCommand.run(dir, "hello\n".getBytes(StandardCharsets.US_ASCII), command);
    }

    @Test
    void serverPresentsTheDefaultKeyAndChainOverTls13() throws Exception {
        SslContext context = SystemSsl.server(SystemSsl.openKeyRing(keyRing()), null, ClientAuth.NONE);
        int port = startEchoServer(context);
        Result result = sClient(port);
        assertThat(result.all()).contains("Protocol version: TLSv1.3").contains("Verification: OK")
                .contains("echo:hello");
    }

    @Test
    void tls12IsAcceptedAndOlderProtocolsAreRefused() throws Exception {
        int port = startEchoServer(SystemSsl.server(SystemSsl.openKeyRing(keyRing()), null, ClientAuth.NONE));
        assertThat(sClient(port, "-tls1_2").all()).contains("Protocol version: TLSv1.2").contains("echo:hello");
        Result old = sClient(port, "-tls1_1");
        assertThat(old.exitCode()).isNotZero();
        assertThat(old.all()).doesNotContain("echo:hello");
    }

    @Test
    void requiredClientCertificateMustChainToATrustedCa() throws Exception {
        Path kdb = keyRing();
        KeyDatabase db = KeyDatabase.open(kdb, TestPki.PASSWORD, TestPki.RANDOM);
        TestPki.operations().createSigned(db, "ABC CA", "user1", KeyType.RSA_2048, CertificateProfile.CLIENT,
                new SubjectName("USER1", null, "ABC", null, null, "US").toX500Name(), 30, List.of());
        db.save();
        Files.write(dir.resolve("user1.p12"), TestPki.operations().exportWithKey(db, "user1", ExportFormat.BINARY_PKCS12,
                "pw".toCharArray()));
        assertThat(ExternalCommand.run(dir, "openssl", "pkcs12", "-in", "user1.p12", "-passin", "pass:pw", "-nodes",
                "-out", "user1.pem").exitCode()).isZero();
        int port = startEchoServer(SystemSsl.server(SystemSsl.openKeyRing(kdb), null, ClientAuth.REQUIRE));
        assertThat(sClient(port, "-cert", "user1.pem", "-key", "user1.pem").all()).contains("echo:hello");
        Result anonymous = sClient(port);
        assertThat(anonymous.all()).doesNotContain("echo:hello");
    }
}
