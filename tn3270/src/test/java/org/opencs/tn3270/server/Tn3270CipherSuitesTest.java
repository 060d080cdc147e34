package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.TestPki;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.tls.CipherSuiteProbe;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.tn3270.config.ProfileParser;

/**
 * Issue 10, "default cipher suites on every TLS port": a TN3270E secure port accepts, of every suite openssl knows,
 * only ECDHE with AES-GCM or ChaCha20-Poly1305 over TLS 1.2 and TLS 1.3's GCM and ChaCha20 suites; static-RSA key
 * exchange (AES128-SHA, accepted before), CBC and TLS 1.1 are refused, with an RSA server key that could do them.
 */
class Tn3270CipherSuitesTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;
    private Tn3270Server server;

    @BeforeEach
    void start() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        KeyDatabase kdb = TestPki.caAndServer(registry.home().hfsPath("/etc/tn3270/server.kdb"));
        CipherSuiteProbe.useRsaServerKey(kdb);
        kdb.stash(StashFile.Format.V8);
        String profile = String.join("\n", "TelnetParms", "  SecurePort 0", "  Conntype secure",
                "  Keyring HFS /etc/tn3270/server.kdb", "EndTelnetParms");
        server = log.serve(ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0), registry);
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    /**
     * Issue 14: the port runs on BoringSSL's engine when netty-tcnative's native library loads (as FTP's ports do),
     * and says which engine at start; the suites above are the same on either engine.
     */
    @Test
    void theServerSaysWhichTlsEngineItUses() {
        String engine = io.netty.handler.ssl.OpenSsl.isAvailable() ? "BoringSSL" : "JDK";
        assertThat(log.lines()).anySatisfy(line -> assertThat(line).contains("OCST024I").contains("TLSv1.3 TLSv1.2")
                .contains("TLS_AES_128_GCM_SHA256").doesNotContain("_CBC_").endsWith("on the " + engine + " engine"));
    }

    @Test
    void theSecurePortAcceptsOnlyForwardSecretAeadSuites() {
        List<String> all = CipherSuiteProbe.opensslTls12Suites(dir);
        assertThat(all).contains("AES128-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-CHACHA20-POLY1305").hasSizeGreaterThan(40);
        assertThat(CipherSuiteProbe.acceptedTls12(dir, server.port(), all)).isEqualTo(CipherSuiteProbe.RSA_TLS12);
        assertThat(CipherSuiteProbe.acceptedTls13(dir, server.port())).isEqualTo(CipherSuiteProbe.TLS13);
        assertThat(CipherSuiteProbe.handshake(dir, server.port(), List.of("-tls1_2", "-cipher", "AES128-SHA")))
                .doesNotContain("Ciphersuite:").containsIgnoringCase("handshake failure");
        assertThat(CipherSuiteProbe.handshake(dir, server.port(), List.of("-tls1_1", "-cipher", "ALL:@SECLEVEL=0")))
                .doesNotContain("Ciphersuite:");
    }
}
