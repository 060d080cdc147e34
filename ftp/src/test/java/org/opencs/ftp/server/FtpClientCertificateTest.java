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
import org.opencs.pki.TestPki;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.saf.Registry;
import org.opencs.saf.certs.DigitalCertificate;
import org.opencs.testkit.ExternalCommand;

/** SECURE_LOGIN with client certificates, as the seed's client-authentication scenario sets it up, driven by curl. */
class FtpClientCertificateTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private Registry registry;
    private FtpServer server;

    @BeforeEach
    void setUp() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        registry = system.registry;
        system.user("USER1");
        system.user("USER2");
        KeyDatabase kdb = system.keyDatabase;
        TestPki.operations().createSigned(kdb, "ABC CA", "USER1 CERT", KeyType.RSA_2048, CertificateProfile.CLIENT,
                new SubjectName("USER1 CERT", "CS Z/OS", "IBM", null, null, "US").toX500Name(), 30, List.of());
        kdb.save();
        Files.write(dir.resolve("user1.p12"), TestPki.operations().exportWithKey(kdb, "USER1 CERT", ExportFormat.BINARY_PKCS12,
                "pw".toCharArray()));
        assertThat(ExternalCommand.run(dir, "openssl", "pkcs12", "-in", "user1.p12", "-passin", "pass:pw", "-nodes",
                "-out", "user1.pem").exitCode()).isZero();
        // USER1's certificate is registered under USER1 (RACDCERT ID(USER1) ADD), so it maps to USER1.
        var cert = kdb.get("USER1 CERT").certificate();
        registry.certificates().add(new DigitalCertificate("USER1", "USER1 CERT", cert.getEncoded(), false, "TRUST"), null,
                cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getSerialNumber().toString(16), system.clock.instant());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        system.close();
    }

    private void start(String secureLogin, String securePassword) throws InterruptedException {
        String ftpData = String.join("\n", "EXTENSIONS AUTH_TLS", "SECURE_FTP REQUIRED", "SECURE_LOGIN " + secureLogin,
                "SECURE_PASSWORD " + securePassword, "SECURE_DATACONN PRIVATE", "KEYRING /etc/ftp/server.kdb",
                "STARTDIRECTORY HFS");
        server = log.serve(FtpDataParser.parse(ftpData, "FTP.DATA").config(), registry);
    }

    private ExternalCommand.Result curl(String user, boolean withCertificate) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-v", "--ssl-reqd", "--cacert", "ca.pem", "--user", user));
        if (withCertificate) {
            command.addAll(List.of("--cert", "user1.pem", "--key", "user1.pem"));
        }
        command.add("ftp://127.0.0.1:" + server.port() + "/");
        return ExternalCommand.run(dir, null, command);
    }

    @Test
    void requiredNeedsACertificate() throws Exception {
        start("REQUIRED", "REQUIRED");
        assertThat(curl("USER1:user1pw", false).stderr()).contains("< 531 Server requires client certificate for login processing");
        var withCert = curl("USER2:user2pw", true);
        assertThat(withCert.exitCode()).as(withCert.all()).isZero();
        assertThat(withCert.stderr()).contains("< 331 Send password please.").contains("< 230 USER2 is logged on.");
    }

    @Test
    void verifyUserNeedsTheCertificateToMapToTheUser() throws Exception {
        start("VERIFY_USER", "REQUIRED");
        assertThat(curl("USER2:user2pw", true).stderr()).contains("< 531 Client certificate does not map to user ID USER2.");
        var user1 = curl("USER1:user1pw", true);
        assertThat(user1.exitCode()).as(user1.all()).isZero();
        assertThat(user1.stderr()).contains("< 230 USER1 is logged on.");
    }

    @Test
    void optionalPasswordLogsOnAVerifiedUserWithoutOne() throws Exception {
        start("VERIFY_USER", "OPTIONAL");
        var result = curl("USER1:", true);
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stderr()).contains("< 230-User USER1 is an authorized user")
                .contains("< 230 USER1 is logged on.  Working directory is \"/u/user1\".").doesNotContain("< 331");
    }
}
