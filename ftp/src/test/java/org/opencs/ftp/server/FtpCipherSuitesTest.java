package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.pki.tls.CipherSuiteProbe;

/**
 * Issue 10, "default cipher suites on every TLS port": the FTP server's explicit (AUTH TLS) and implicit (TLSPORT)
 * ports accept, of every suite openssl knows, only forward-secret AEAD ones: ECDHE with AES-GCM or ChaCha20-Poly1305
 * over TLS 1.2 and TLS 1.3's GCM and ChaCha20 suites. Static-RSA key exchange (AES128-SHA, which these ports took
 * before) and CBC are refused, with an RSA server key that could do them. FTP.DATA CIPHERSUITE still decides the TLS
 * 1.2 list: an obsolete name is refused (OCSF010W) unless OPENCS_INSECURE_CIPHERSUITES TRUE enables it (OCSF011W).
 */
class FtpCipherSuitesTest {
    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;

    @BeforeEach
    void system() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        CipherSuiteProbe.useRsaServerKey(system.keyDatabase);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        system.close();
    }

    private void start(String... statements) throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of("EXTENSIONS AUTH_TLS", "SECURE_FTP REQUIRED",
                "KEYRING /etc/ftp/server.kdb", "SECUREIMPLICITZOS FALSE"));
        lines.addAll(List.of(statements));
        server = new FtpServer(FtpDataParser.parse(String.join("\n", lines), "FTP.DATA").config(), system.registry,
                "127.0.0.1", 0, 0);
    }

    @Test
    void everyPortAcceptsOnlyForwardSecretAeadSuites() throws Exception {
        start();
        List<String> all = CipherSuiteProbe.opensslTls12Suites(dir);
        assertThat(all).contains("AES128-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-RSA-CHACHA20-POLY1305").hasSizeGreaterThan(40);
        for (int port : List.of(server.port(), server.tlsPort())) {
            String[] startTls = port == server.port() ? new String[] {"-starttls", "ftp"} : new String[0];
            assertThat(CipherSuiteProbe.acceptedTls12(dir, port, all, startTls)).as("TLS 1.2 on port %d", port)
                    .isEqualTo(CipherSuiteProbe.RSA_TLS12);
            assertThat(CipherSuiteProbe.acceptedTls13(dir, port, startTls)).as("TLS 1.3 on port %d", port)
                    .isEqualTo(CipherSuiteProbe.TLS13);
            assertThat(CipherSuiteProbe.handshake(dir, port, List.of("-tls1_2", "-cipher", "AES128-SHA"), startTls))
                    .doesNotContain("Ciphersuite:").containsIgnoringCase("handshake failure");
            assertThat(CipherSuiteProbe.handshake(dir, port, List.of("-tls1_1", "-cipher", "ALL:@SECLEVEL=0"), startTls))
                    .doesNotContain("Ciphersuite:");
        }
    }

    @Test
    void anObsoleteCipherSuiteIsEnabledOnlyWithTheInsecureSwitch() throws Exception {
        var refused = FtpDataParser.parse(String.join("\n", "CIPHERSUITE SSL_AES_128_SHA",
                "CIPHERSUITE TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), "FTP.DATA");
        assertThat(refused.warnings()).anyMatch(w -> w.startsWith("OCSF010W CIPHERSUITE SSL_AES_128_SHA"));
        start("CIPHERSUITE SSL_AES_128_SHA", "CIPHERSUITE TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        // Only the one acceptable name is enabled: CIPHERSUITE replaces the TLS 1.2 defaults, as on z/OS.
        assertThat(CipherSuiteProbe.acceptedTls12(dir, server.tlsPort(), CipherSuiteProbe.opensslTls12Suites(dir)))
                .containsExactly("ECDHE-RSA-AES256-GCM-SHA384");
        server.close();
        var insecure = FtpDataParser.parse(String.join("\n", "CIPHERSUITE SSL_AES_128_SHA", "OPENCS_INSECURE_CIPHERSUITES TRUE"),
                "FTP.DATA");
        assertThat(insecure.warnings()).anyMatch(w -> w.startsWith("OCSF011W CIPHERSUITE SSL_AES_128_SHA"));
        start("CIPHERSUITE SSL_AES_128_SHA", "OPENCS_INSECURE_CIPHERSUITES TRUE");
        assertThat(CipherSuiteProbe.handshake(dir, server.tlsPort(), List.of("-tls1_2", "-cipher", "AES128-SHA")))
                .contains("Ciphersuite: AES128-SHA");
        assertThat(CipherSuiteProbe.acceptedTls13(dir, server.tlsPort())).isEqualTo(CipherSuiteProbe.TLS13);
    }
}
