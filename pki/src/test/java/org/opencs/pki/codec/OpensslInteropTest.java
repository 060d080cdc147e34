package org.opencs.pki.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.TestPki;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.keydb.EntryType;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbEntry;
import org.opencs.pki.keydb.KeyDbOperations;
import org.opencs.testkit.ExternalCommand;
import org.opencs.testkit.ExternalCommand.Result;

/** Every export is read and verified by openssl (and keytool); what openssl and keytool write is imported. */
class OpensslInteropTest {
    @TempDir
    Path dir;

    KeyDatabase db;
    KeyDbOperations ops = TestPki.operations();

    @BeforeEach
    void setUp() {
        db = TestPki.caAndServer(dir.resolve("ring.kdb"));
    }

    private Path export(String label, ExportFormat format, String file) throws Exception {
        Path out = dir.resolve(file);
        Files.write(out, ops.exportCertificate(db, label, format));
        return out;
    }

    private Result openssl(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        return ExternalCommand.run(dir, null, command);
    }

    @Test
    void opensslReadsDerAndBase64Certificates() throws Exception {
        export("server", ExportFormat.BINARY_DER, "server.der");
        export("server", ExportFormat.BASE64_DER, "server.pem");
        Result der = openssl("x509", "-inform", "DER", "-in", "server.der", "-noout", "-subject", "-ext", "subjectAltName,keyUsage,extendedKeyUsage");
        Result pem = openssl("x509", "-in", "server.pem", "-noout", "-subject", "-issuer");
        assertThat(der.exitCode()).as(der.all()).isZero();
        assertThat(der.stdout()).contains("CN = localhost").contains("DNS:localhost").contains("IP Address:127.0.0.1")
                .contains("Digital Signature").contains("TLS Web Server Authentication");
        assertThat(pem.stdout()).contains("issuer=C = US, O = ABC, CN = ABC CA");
    }

    @Test
    void opensslVerifiesTheChainAgainstTheExportedCa() throws Exception {
        export("ABC CA", ExportFormat.BASE64_DER, "ca.pem");
        export("server", ExportFormat.BASE64_DER, "server.pem");
        Result ca = openssl("x509", "-in", "ca.pem", "-noout", "-ext", "basicConstraints,keyUsage");
        assertThat(ca.stdout()).contains("critical").contains("CA:TRUE").contains("Certificate Sign").contains("CRL Sign");
        Result verify = openssl("verify", "-CAfile", "ca.pem", "-purpose", "sslserver", "server.pem");
        assertThat(verify.stdout()).as(verify.all()).contains("server.pem: OK");
    }

    @Test
    void opensslPrintsPkcs7ChainsInBothEncodings() throws Exception {
        export("server", ExportFormat.BINARY_PKCS7, "chain.p7b");
        export("server", ExportFormat.BASE64_PKCS7, "chain.p7c");
        Result der = openssl("pkcs7", "-inform", "DER", "-in", "chain.p7b", "-print_certs", "-noout");
        Result pem = openssl("pkcs7", "-in", "chain.p7c", "-print_certs", "-noout");
        for (Result result : List.of(der, pem)) {
            assertThat(result.exitCode()).as(result.all()).isZero();
            assertThat(result.stdout()).contains("subject=C = US, ST = NC, L = Raleigh, O = ABC, OU = z/OS CS development, CN = localhost")
                    .contains("subject=C = US, O = ABC, CN = ABC CA");
        }
    }

    @Test
    void opensslAndKeytoolReadPkcs12ExportsWithThePassword() throws Exception {
        Files.write(dir.resolve("server.p12"), ops.exportWithKey(db, "server", ExportFormat.BINARY_PKCS12, "p12-pw".toCharArray()));
        Files.write(dir.resolve("server.p12.b64"), ops.exportWithKey(db, "server", ExportFormat.BASE64_PKCS12, "p12-pw".toCharArray()));
        Result info = openssl("pkcs12", "-in", "server.p12", "-passin", "pass:p12-pw", "-nodes");
        assertThat(info.exitCode()).as(info.all()).isZero();
        assertThat(info.stdout()).contains("BEGIN PRIVATE KEY").contains("subject=C = US, O = ABC, CN = ABC CA");
        Result wrong = openssl("pkcs12", "-in", "server.p12", "-passin", "pass:wrong", "-nodes");
        assertThat(wrong.exitCode()).isNotZero();
        Result keytool = ExternalCommand.run(dir, "keytool", "-list", "-keystore", "server.p12", "-storetype", "PKCS12",
                "-storepass", "p12-pw");
        assertThat(keytool.stdout()).as(keytool.all()).contains("server, ").contains("PrivateKeyEntry");
        Result decoded = ExternalCommand.run(dir, "sh", "-c",
                "base64 -d server.p12.b64 > decoded.p12 && openssl pkcs12 -in decoded.p12 -passin pass:p12-pw -nokeys");
        assertThat(decoded.stdout()).as(decoded.all()).contains("BEGIN CERTIFICATE");
    }

    @Test
    void importsModernAndLegacyPkcs12FromOpenssl() throws Exception {
        Result made = ExternalCommand.run(dir, "sh", "-c", String.join(" && ",
                "openssl req -x509 -newkey rsa:2048 -nodes -keyout k.pem -out c.pem -subj '/C=US/O=Partner/CN=partner' -days 30",
                "openssl pkcs12 -export -in c.pem -inkey k.pem -name partner -out modern.p12 -passout pass:pw1",
                "openssl pkcs12 -export -legacy -in c.pem -inkey k.pem -name partner -out legacy.p12 -passout pass:pw1"));
        assertThat(made.exitCode()).as(made.all()).isZero();
        String modern = ops.importPkcs12(db, null, Files.readAllBytes(dir.resolve("modern.p12")), "pw1".toCharArray(), "modern.p12");
        assertThat(modern).isEqualTo("partner");
        String legacy = ops.importPkcs12(KeyDatabase.create(dir.resolve("other.kdb"), TestPki.PASSWORD, 5000, TestPki.RANDOM),
                "legacy-partner", Files.readAllBytes(dir.resolve("legacy.p12")), "pw1".toCharArray(), "legacy.p12");
        assertThat(legacy).isEqualTo("legacy-partner");
        db.save();
        KeyDatabase reopened = KeyDatabase.open(dir.resolve("ring.kdb"), TestPki.PASSWORD, TestPki.RANDOM);
        KeyDbEntry entry = reopened.get("partner");
        assertThat(entry.type()).isEqualTo(EntryType.PERSONAL);
        assertThat(entry.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=partner,O=Partner,C=US");
        assertThat(reopened.privateKey("partner").getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void importsKeytoolPkcs12() throws Exception {
        Result made = ExternalCommand.run(dir, "keytool", "-genkeypair", "-alias", "kt", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=keytool user,O=Partner,C=DE", "-validity", "30", "-storetype", "PKCS12",
                "-keystore", "kt.p12", "-storepass", "kt-pass");
        assertThat(made.exitCode()).as(made.all()).isZero();
        String label = ops.importPkcs12(db, null, Files.readAllBytes(dir.resolve("kt.p12")), "kt-pass".toCharArray(), "kt.p12");
        assertThat(label).isEqualTo("kt");
        assertThat(db.privateKey("kt").getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void requestSignedByAnOpensslCaIsReceived() throws Exception {
        String pem = ops.createRequest(db, "user1", KeyType.RSA_2048,
                new SubjectName("USER1", "Sales", "ABC", null, null, "US").toX500Name(), List.of());
        db.save();
        Files.writeString(dir.resolve("user1.csr"), pem);
        Result signed = ExternalCommand.run(dir, "sh", "-c", String.join(" && ",
                "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -subj '/C=US/O=Other/CN=Other CA' -days 30",
                "openssl req -in user1.csr -noout -verify",
                "openssl x509 -req -in user1.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -out user1.pem"));
        assertThat(signed.exitCode()).as(signed.all()).isZero();
        assertThat(signed.all()).contains("verify OK");
        ops.importCertificate(db, "Other CA", Files.readAllBytes(dir.resolve("ca.pem")), "ca.pem", true);
        String label = ops.receive(db, Files.readAllBytes(dir.resolve("user1.pem")), "user1.pem");
        db.save();
        assertThat(label).isEqualTo("user1");
        KeyDatabase reopened = KeyDatabase.open(dir.resolve("ring.kdb"), TestPki.PASSWORD, TestPki.RANDOM);
        assertThat(reopened.get("user1").type()).isEqualTo(EntryType.PERSONAL);
        assertThat(reopened.chain("user1")).hasSize(2);
    }

    @Test
    void everyKeyTypeMakesACertificateOpensslAccepts() throws Exception {
        for (KeyType type : KeyType.values()) {
            String label = "k-" + type.name();
            ops.createSelfSigned(db, label, type, CertificateProfile.END_ENTITY,
                    new SubjectName(label, null, "ABC", null, null, "US").toX500Name(), 30, List.of());
            Path file = export(label, ExportFormat.BASE64_DER, label + ".pem");
            Result text = openssl("x509", "-in", file.getFileName().toString(), "-noout", "-text");
            assertThat(text.exitCode()).as(type + ": " + text.all()).isZero();
            assertThat(text.stdout()).as(type.name()).containsPattern("Signature Algorithm: (sha256|sha384|sha512|ecdsa-with-SHA(256|384|512)|dsa_with_SHA256)");
            Result verify = openssl("verify", "-CAfile", file.getFileName().toString(), file.getFileName().toString());
            assertThat(verify.stdout()).as(type + ": " + verify.all()).contains(": OK");
        }
        String serials = ExternalCommand.run(dir, "sh", "-c", "for f in k-*.pem; do openssl x509 -in $f -noout -serial; done").stdout();
        assertThat(serials.lines()).allSatisfy(line -> assertThat(line.length()).isGreaterThanOrEqualTo("serial=".length() + 16));
        assertThat(new String(Files.readAllBytes(dir.resolve("k-RSA_2048.pem")), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN CERTIFICATE-----\n");
    }
}
