package org.opencs.tso.racdcert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.ssl.ClientAuth;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.cert.Pem;
import org.opencs.pki.testing.EchoTlsServer;
import org.opencs.pki.tls.KeyRing;
import org.opencs.pki.tls.SystemSsl;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.certs.KeyRingResolver;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;

/** KEYRING SAF TCPRING: the seed's RACF ring as a TLS server's identity, reached by openssl s_client. */
class SafKeyRingTlsTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private Registry registry;

    @BeforeEach
    void init() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        // The seed's jobs with certificates valid today (the seed's expired in 2010, and TLS peers check that).
        run(("ADDUSER TCPSC NAME('TCP/IP SERVER')\nADDUSER USER1 PASSWORD(user1pw)\n" + RacdcertSeedTest.CA_AND_SERVER_JOB
                + "\n" + RacdcertSeedTest.USER1_JOB).replace("2010-12-31", "2036-12-31"));
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private void run(String stream) {
        List<String> listing = new ArrayList<>();
        int rc = new TsoProcessor().runStream(stream, new TsoSession(registry, registry.users().find("IBMUSER").orElseThrow()),
                listing::add);
        assertThat(rc).as(String.join("\n", listing)).isZero();
    }

    @Test
    void safRingServesTlsAndVerifiesClientCertificates() throws Exception {
        assertThatThrownBy(() -> new KeyRingResolver(registry).resolve("SAF TCPSC/TCPRING"))
                .hasMessageContaining("ICH408I USER(TCPIP) IRR.DIGTCERT.LISTRING");
        run("PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(TCPIP) ACCESS(UPDATE)");
        KeyRing ring = new KeyRingResolver(registry).resolve("SAF TCPSC/TCPRING");
        assertThat(ring.identityChain()).hasSize(2);
        assertThat(ring.trustAnchors()).hasSize(1);
        EchoTlsServer server = new EchoTlsServer(SystemSsl.server(ring, ClientAuth.REQUIRE));
        int port = server.port();

        Files.writeString(dir.resolve("ca.pem"), Pem.encode("CERTIFICATE",
                registry.certificates().find("CERTAUTH", "ABC CA").orElseThrow().der()));
        run("RACDCERT ID(USER1) EXPORT(LABEL('USER1 CERT')) DSN('USER1.P12') FORMAT(PKCS12DER) PASSWORD('pw12345')");
        Files.write(dir.resolve("user1.p12"), new org.opencs.datasets.Catalog(registry.home(), clock)
                .readBinary(new org.opencs.datasets.DatasetName("USER1.P12", null)));
        assertThat(ExternalCommand.run(dir, "openssl", "pkcs12", "-in", "user1.p12", "-passin", "pass:pw12345", "-nodes",
                "-out", "user1.pem").exitCode()).isZero();
        var result = ExternalCommand.run(dir, "hello\n".getBytes(StandardCharsets.US_ASCII), List.of("openssl", "s_client",
                "-connect", "127.0.0.1:" + port, "-CAfile", "ca.pem", "-verify_return_error",
                "-cert", "user1.pem", "-key", "user1.pem", "-brief", "-ign_eof"));
        server.close();
        assertThat(result.all()).contains("Verification: OK").contains("CN = ABC TCPSEV").contains("echo:hello");
    }

    @Test
    void hfsKeyDatabaseReferencesResolveInsideTheHome() {
        assertThatThrownBy(() -> new KeyRingResolver(registry).resolve("HFS /u/user1/SSLcase1/abckey.kdb"))
                .hasMessageContaining("does not exist");
        // ".." at the z/OS UNIX root stays there (POSIX): this names hfs/etc/passwd, never the host's /etc/passwd.
        assertThatThrownBy(() -> new KeyRingResolver(registry).resolve("/../../etc/passwd"))
                .hasMessageContaining("GSK01009E Key database /../../etc/passwd (" + registry.home().hfs().resolve("etc/passwd")
                        + ") does not exist.");
        assertThatThrownBy(() -> new KeyRingResolver(registry).resolve("NORING"))
                .hasMessageContaining("IRRD124I Ring NORING does not exist for user TCPIP");
    }
}
