package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

/** CLIENTAUTH SAFCERT with s3270: a registered certificate logs on as its user; an unmapped one is refused. */
class Tn3270ClientAuthTest {
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
        for (String user : List.of("USER1", "USER2")) {
            TestPki.operations().createSigned(kdb, "ABC CA", user + " CERT", KeyType.RSA_2048, CertificateProfile.CLIENT,
                    new SubjectName(user + " CERT", null, "ABC", null, null, "US").toX500Name(), 30, List.of());
            Files.write(dir.resolve(user + ".p12"), TestPki.operations().exportWithKey(kdb, user + " CERT",
                    ExportFormat.BINARY_PKCS12, "pw".toCharArray()));
            assertThat(ExternalCommand.run(dir, "openssl", "pkcs12", "-in", user + ".p12", "-passin", "pass:pw", "-nodes",
                    "-out", user + ".pem").exitCode()).isZero();
            registry.users().add(User.define(user, user, "IBMUSER",
                    registry.passwordHasher().hash((user.toLowerCase() + "pw").toCharArray()), false, false, 101L,
                    "/u/" + user.toLowerCase(), clock.instant()));
        }
        kdb.save();
        kdb.stash(StashFile.Format.V8);
        Files.write(dir.resolve("ca.pem"), TestPki.operations().exportCertificate(kdb, "ABC CA", ExportFormat.BASE64_DER));
        // Only USER1's certificate is registered (RACDCERT ID(USER1) ADD), so only it maps to a user ID.
        var cert = kdb.get("USER1 CERT").certificate();
        registry.certificates().add(new DigitalCertificate("USER1", "USER1 CERT", cert.getEncoded(), false, "TRUST"), null,
                cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getSerialNumber().toString(16), clock.instant());
        String profile = String.join("\n", "TelnetParms", "  SecurePort 0", "  Conntype secure", "  Clientauth SAFCert",
                "  Keyring HFS /etc/tn3270/server.kdb", "EndTelnetParms");
        server = log.serve(ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0), registry);
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    private ExternalCommand.Result s3270(String certificate, String... actions) {
        List<String> command = new java.util.ArrayList<>(List.of("timeout", "60", "s3270", "-cafile",
                dir.resolve("ca.pem").toString(), "-model", "3278-2"));
        if (certificate != null) {
            command.addAll(List.of("-certfile", certificate, "-keyfile", certificate));
        }
        return ExternalCommand.run(dir, (String.join("\n", actions) + "\n").getBytes(StandardCharsets.US_ASCII), command);
    }

    @Test
    void aMappedCertificatePrefillsItsUserAndLogsOnWithThePassword() throws Exception {
        var result = s3270("USER1.pem", "Connect(L:localhost:" + server.port() + ")", "Wait(20,InputField)", "Ascii()",
                "String(\"user1pw\")", "Enter()", "Wait(20,InputField)", "Ascii()", "Quit()");
        assertThat(result.all()).contains("Userid    ===> USER1").contains("USER1 LOGON IN PROGRESS AT");
        // The session's end record names the user, the certificate, the TLS protocol and the bytes both ways.
        String audit = "";
        for (int i = 0; i < 50 && !audit.contains("TN3270_SESSION_END"); i++) {
            Thread.sleep(100);
            audit = Files.readString(registry.home().logs().resolve("audit.jsonl"));
        }
        String end = audit.lines().filter(l -> l.contains("TN3270_SESSION_END")).findFirst().orElseThrow();
        assertThat(end).contains("\"user\":\"USER1\"").contains("CN=USER1 CERT").contains("TLSv1.3").contains("bytesIn")
                .contains("bytesOut").contains("TCP00001");
    }

    @Test
    void anUnmappedCertificateOrNoneIsRefused() throws Exception {
        var unmapped = s3270("USER2.pem", "Connect(L:localhost:" + server.port() + ")", "Wait(10,InputField)", "Quit()");
        assertThat(unmapped.all()).doesNotContain("TSO/E LOGON");
        var none = s3270(null, "Connect(L:localhost:" + server.port() + ")", "Wait(10,InputField)", "Quit()");
        assertThat(none.all()).doesNotContain("TSO/E LOGON");
        String audit = Files.readString(registry.home().logs().resolve("audit.jsonl"));
        assertThat(audit).contains("TN3270_CERT_REJECTED").contains("USER2 CERT");
    }
}
