package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.TestPki;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.certs.DigitalCertificate;
import org.opencs.saf.users.User;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tn3270.config.ProfileParser;

/**
 * The seed's third block's settings (Clientauth SAFCert, Debug detail console) with s3270 presenting client
 * certificates: DETAIL shows the certificate and its user ID; a certificate that maps to no user, and a client
 * without a certificate, are EXCEPTION lines with their return codes (OCST020E; IBM's 6002-00 SSL/TLS handshake
 * failed) and CONN DROP ERR.
 */
class Tn3270DebugClientCertTest {
    @RegisterExtension
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
        for (String user : List.of("USER1", "USER2")) {
            TestPki.operations().createSigned(kdb, "ABC CA", user + " CERT", KeyType.RSA_2048, CertificateProfile.CLIENT,
                    new SubjectName(user + " CERT", null, "ABC", null, null, "US").toX500Name(), 30, List.of());
            Files.write(dir.resolve(user + ".p12"), TestPki.operations().exportWithKey(kdb, user + " CERT",
                    ExportFormat.BINARY_PKCS12, "pw".toCharArray()));
            assertThat(ExternalCommand.run(dir, "openssl", "pkcs12", "-in", user + ".p12", "-passin", "pass:pw", "-nodes",
                    "-out", user + ".pem").exitCode()).isZero();
        }
        registry.users().add(User.define("USER1", "USER1", "IBMUSER",
                registry.passwordHasher().hash("user1pw".toCharArray()), false, false, 101L, "/u/user1", clock.instant()));
        kdb.save();
        kdb.stash(StashFile.Format.V8);
        Files.write(dir.resolve("ca.pem"), TestPki.operations().exportCertificate(kdb, "ABC CA", ExportFormat.BASE64_DER));
        var cert = kdb.get("USER1 CERT").certificate();
        registry.certificates().add(new DigitalCertificate("USER1", "USER1 CERT", cert.getEncoded(), false, "TRUST"), null,
                cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getSerialNumber().toString(16), clock.instant());
        String profile = String.join("\n", "TelnetParms", "  SecurePort 0", "  Conntype secure",
                "  Clientauth SAFCert       ; Ensure valid client cert", "  Keyring HFS /etc/tn3270/server.kdb",
                "  Debug detail console     ; Just for testing purposes", "EndTelnetParms");
        server = log.serve(ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0), registry);
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    private void s3270(String certificate) {
        List<String> command = new java.util.ArrayList<>(List.of("timeout", "60", "s3270", "-cafile",
                dir.resolve("ca.pem").toString(), "-model", "3278-2"));
        if (certificate != null) {
            command.addAll(List.of("-certfile", certificate, "-keyfile", certificate));
        }
        ExternalCommand.run(dir, (String.join("\n", "Connect(L:localhost:" + server.port() + ")", "Wait(10,InputField)",
                "Quit()") + "\n").getBytes(StandardCharsets.US_ASCII), command);
    }

    private List<String> connection() throws InterruptedException {
        assertThat(log.debug.await("CONN DROP", Duration.ofSeconds(15))).isNotNull();
        List<String> lines = log.debug.messages();
        String conn = lines.get(0).replaceAll(".* CONN:? ([0-9A-F]{8}) .*", "$1");
        return lines.stream().filter(l -> l.contains(" " + conn + " ")).toList();
    }

    @Test
    void aMappedCertificateIsShownWithItsUserIdAtDetail() throws Exception {
        s3270("USER1.pem");
        List<String> lines = connection();
        assertThat(lines).anyMatch(l -> l.contains("MOD: OCSTTLS client certificate SUBJECT: CN=USER1 CERT,O=ABC,C=US "
                        + "ISSUER: CN=ABC CA,O=ABC,C=US SERIAL: "))
                .anyMatch(l -> l.contains("MOD: OCSTTLS CLIENTAUTH SAFCERT: the client certificate chains to a "
                        + "certificate authority the key ring trusts"))
                .anyMatch(l -> l.contains("LU: TCP00001 MOD: OCSTTLS CLIENTAUTH SAFCERT: the client certificate "
                        + "CN=USER1 CERT,O=ABC,C=US maps to user ID USER1"))
                .anyMatch(l -> l.contains("NEGOTIATED TN3270E") && l.contains(" CLIENT CERT: CN=USER1 CERT,O=ABC,C=US"))
                .noneMatch(l -> l.contains(" EXCEPTION "));
        assertThat(log.debug.consoleLines()).containsAll(lines);
    }

    @Test
    void anUnmappedCertificateAndNoCertificateAreExceptionsWithTheirReturnCodes() throws Exception {
        s3270("USER2.pem");
        List<String> unmapped = connection();
        assertThat(unmapped).anyMatch(l -> l.contains("client certificate SUBJECT: CN=USER2 CERT"))
                .anyMatch(l -> l.matches("EZZ6035I TN3270E DEBUG CONN EXCEPTION IP\\.\\.PORT: 127\\.0\\.0\\.1\\.\\.\\d+ "
                        + "CONN: [0-9A-F]{8} LU: TCP00001 MOD: OCSTTLS RCODE: OCST020E CLIENTAUTH SAFCERT: the client "
                        + "certificate maps to no user ID\\. PARM1: CN=USER2 CERT,O=ABC,C=US"))
                .anyMatch(l -> l.contains("CONN DROP ERR OCST020E"));
        log.debug.takeLinesForTest();
        s3270(null);
        List<String> none = connection();
        assertThat(none).anyMatch(l -> l.contains("MOD: OCSTTLS RCODE: 6002-00 SSL/TLS handshake failed. PARM1: "))
                .anyMatch(l -> l.contains("LU **N/A** CONN DROP ERR 6002 "))
                .noneMatch(l -> l.contains("TLS handshake complete"));
    }
}
