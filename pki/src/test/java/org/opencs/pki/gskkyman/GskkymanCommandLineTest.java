package org.opencs.pki.gskkyman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.TestPki;
import org.opencs.pki.cert.CertificateRequests;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.testkit.ExternalCommand;

class GskkymanCommandLineTest {
    @TempDir
    Path dir;

    private static final String PW = new String(TestPki.PASSWORD);

    @Test
    void displaysACertificateFile() throws Exception {
        KeyDatabase db = TestPki.caAndServer(dir.resolve("ring.kdb"));
        Files.write(dir.resolve("ca.crt"), TestPki.operations().exportCertificate(db, "ABC CA", ExportFormat.BINARY_DER));
        var outcome = GskkymanSession.run(dir, List.of(), List.of("-dcv", "ca.crt"));
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.transcript()).contains("Subject's name: CN=ABC CA,O=ABC,C=US")
                .contains("CA certificate: Yes").contains("The self-signed signature is correct.");
    }

    @Test
    void storesPasswordListsAndSignsRequests() throws Exception {
        KeyDatabase db = TestPki.caAndServer(dir.resolve("ring.kdb"));
        var stash = GskkymanSession.run(dir, List.of(PW), List.of("-s", "-k", "ring.kdb"));
        assertThat(stash.transcript()).contains("Database password stored in " + dir.resolve("ring.sth"));
        assertThat(Files.size(dir.resolve("ring.sth"))).isEqualTo(193);

        var list = GskkymanSession.run(dir, List.of(PW), List.of("-dk", "-k", "ring.kdb"));
        assertThat(list.transcript()).contains("PERSONAL").contains("server").contains("ABC CA");

        var pair = KeyType.RSA_2048.generate(TestPki.RANDOM);
        Files.writeString(dir.resolve("user1.csr"), CertificateRequests.toPem(CertificateRequests.create(pair,
                new SubjectName("USER1", null, "ABC", null, null, "US").toX500Name(), List.of())));
        var signed = GskkymanSession.run(dir, List.of(PW),
                List.of("-g", "-x", "90", "-cr", "user1.csr", "-ct", "user1.crt", "-k", "ring.kdb", "-l", "ABC CA"));
        assertThat(signed.exitCode()).as(signed.transcript()).isZero();
        Files.write(dir.resolve("ca.pem"), TestPki.operations().exportCertificate(db, "ABC CA", ExportFormat.BASE64_DER));
        assertThat(ExternalCommand.run(dir, "openssl", "verify", "-CAfile", "ca.pem", "user1.crt").stdout())
                .contains("user1.crt: OK");
    }

    /**
     * A request that reached z/OS UNIX as an EBCDIC text file (uploaded in ASCII over FTP, written by OGET TEXT) is
     * read as gskkyman reads it on z/OS; the Base64 certificate it writes is ASCII tagged ISO8859-1, so an FTP TYPE A
     * download converts it by its tag and openssl takes it as it is.
     */
    @Test
    void signsAnEbcdicRequestAndTagsItsBase64Output() throws Exception {
        KeyDatabase db = TestPki.caAndServer(dir.resolve("ring.kdb"));
        var pair = KeyType.RSA_2048.generate(TestPki.RANDOM);
        String pem = CertificateRequests.toPem(CertificateRequests.create(pair,
                new SubjectName("USER1", null, "ABC", null, null, "US").toX500Name(), List.of()));
        Files.write(dir.resolve("user1.arm"), org.opencs.core.CodePage.IBM_1047.encodeText(pem));
        var signed = GskkymanSession.run(dir, List.of(PW),
                List.of("-g", "-x", "90", "-cr", "user1.arm", "-ct", "user1.crt", "-k", "ring.kdb", "-l", "ABC CA"));
        assertThat(signed.exitCode()).as(signed.transcript()).isZero();
        assertThat(org.opencs.core.UnixFileTags.read(dir.resolve("user1.crt")))
                .contains(org.opencs.core.FileTag.text("ISO8859-1"));
        Files.write(dir.resolve("ca.pem"), TestPki.operations().exportCertificate(db, "ABC CA", ExportFormat.BASE64_DER));
        assertThat(ExternalCommand.run(dir, "openssl", "verify", "-CAfile", "ca.pem", "user1.crt").stdout())
                .contains("user1.crt: OK");
        var shown = GskkymanSession.run(dir, List.of(), List.of("-dc", "user1.crt"));
        assertThat(shown.transcript()).contains("CN=USER1");
    }

    @Test
    void exportsAndImportsPkcs12() throws Exception {
        TestPki.caAndServer(dir.resolve("ring.kdb"));
        var export = GskkymanSession.run(dir, List.of(PW, "p12pw", "p12pw"),
                List.of("-e", "-k", "ring.kdb", "-l", "server", "-p", "server.p12"));
        assertThat(export.exitCode()).as(export.transcript()).isZero();
        KeyDatabase.create(dir.resolve("other.kdb"), TestPki.PASSWORD, 5000, TestPki.RANDOM);
        var imported = GskkymanSession.run(dir, List.of(PW, "p12pw"),
                List.of("-i", "-k", "other.kdb", "-l", "copied", "-p", "server.p12"));
        assertThat(imported.transcript()).contains("Certificate and key imported with label copied.");
        assertThat(KeyDatabase.open(dir.resolve("other.kdb"), TestPki.PASSWORD, TestPki.RANDOM).chain("copied")).hasSize(2);
    }

    @Test
    void unknownFlagsAndMissingValuesAreUsageErrors() {
        var outcome = GskkymanSession.run(dir, List.of(), List.of("-zz"));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.transcript()).contains("The flag -zz is not known.").contains("Usage:");
        assertThat(GskkymanSession.run(dir, List.of(), List.of("-dc")).transcript()).contains("The flag -dc needs a value.");
        var missing = GskkymanSession.run(dir, List.of(), List.of("-s", "-k", "none.kdb"));
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.transcript()).contains("OCSK003E");
    }
}
