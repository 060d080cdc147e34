package org.opencs.tso.racdcert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.pki.cert.CertificateRequests;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.SystemInitializer;
import org.opencs.saf.TestRegistries;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;

/** The seed's RACF jobs, their SYSTSIN text as printed in the seed (stray and missing parentheses included). */
class RacdcertSeedTest {
    static final String CA_AND_SERVER_JOB = SeedJobs.read("ca-and-server.systsin");
    static final String USER1_JOB = SeedJobs.read("user1.systsin");
    static final String EXPORT_P12_JOB = SeedJobs.read("export-p12.systsin");
    static final String PCOMM_REQUEST_JOB = SeedJobs.read("pcomm-request.systsin");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private Registry registry;

    @BeforeEach
    void init() throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, TestRegistries.Store.H2, clock);
        registry = TestRegistries.open(result, clock);
        run("ADDUSER TCPSC NAME('TCP/IP SERVER')\nADDUSER USER1 PASSWORD(user1pw)");
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private List<String> run(String stream) {
        List<String> listing = new ArrayList<>();
        int rc = new TsoProcessor().runStream(stream, new TsoSession(registry, registry.users().find("IBMUSER").orElseThrow()),
                listing::add);
        listing.add("RC=" + rc);
        return listing;
    }

    @Test
    void seedJobsBuildTheCaRingsAndExportsThatOpensslVerifies() throws Exception {
        List<String> job1 = run(CA_AND_SERVER_JOB);
        assertThat(job1).as(String.join("\n", job1)).contains("RC=0",
                "Digital ring information for user TCPSC:",
                "       >TCPRING<",
                "  Certificate Label Name             Cert Owner     USAGE      DEFAULT",
                "  ABC CA                             CERTAUTH       CERTAUTH     NO",
                "  ABC TCPSEV                         ID(TCPSC)      PERSONAL     YES");
        List<String> job2 = run(USER1_JOB);
        assertThat(job2).as(String.join("\n", job2)).contains("RC=0", "       >USER1RING<",
                "  ABC CA                             CERTAUTH       CERTAUTH     NO",
                "  USER1 CERT                         ID(USER1)      PERSONAL     YES");
        List<String> job3 = run(EXPORT_P12_JOB);
        assertThat(job3).as(String.join("\n", job3)).contains("RC=0",
                " RACDCERT EXPORT (LABEL('USER1 CERT')) DSN('USER1.CERT.DER.P12') FORMAT(PKCS12DER) PASSWORD(********)");

        Catalog catalog = new Catalog(registry.home(), clock);
        String caPem = catalog.readText(new DatasetName("USER1.ABCCA.B64", null));
        assertThat(caPem).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(catalog.attributes(new DatasetName("USER1.ABCCA.B64", null)).orElseThrow().lrecl()).isEqualTo(84);
        Files.writeString(dir.resolve("abcca.pem"), caPem);
        Files.write(dir.resolve("user1.p12"), catalog.readBinary(new DatasetName("USER1.CERT.DER.P12", null)));

        var subject = ExternalCommand.run(dir, "openssl", "x509", "-in", "abcca.pem", "-noout", "-subject", "-dates", "-ext",
                "basicConstraints");
        assertThat(subject.stdout()).contains("subject=C = US, O = IBM, OU = CS Z/OS CA, CN = ABC CA")
                .contains("notBefore=Jan  1 00:00:00 2004 GMT").contains("notAfter=Dec 31 23:59:59 2010 GMT")
                .contains("CA:TRUE");
        var p12 = ExternalCommand.run(dir, "openssl", "pkcs12", "-in", "user1.p12", "-passin", "pass:XXXXXXXX", "-nodes",
                "-out", "user1.pem");
        assertThat(p12.exitCode()).as(p12.all()).isZero();
        assertThat(Files.readString(dir.resolve("user1.pem"))).contains("PRIVATE KEY").contains("CN = USER1 CERT");
        // The seed's certificates were valid 2004-2010: verify them at a time inside that window.
        var verify = ExternalCommand.run(dir, "openssl", "verify", "-attime", "1262304000", "-CAfile", "abcca.pem",
                "-untrusted", "user1.pem", "user1.pem");
        assertThat(verify.stdout()).as(verify.all()).contains("user1.pem: OK");
    }

    @Test
    void certificateRequestFromADataSetIsSignedAndExported() throws Exception {
        run(CA_AND_SERVER_JOB + "\n" + USER1_JOB);
        var pair = KeyType.RSA_2048.generate(new java.security.SecureRandom());
        String csr = CertificateRequests.toPem(CertificateRequests.create(pair,
                new SubjectName("USER1 PCOMM", null, "IBM", null, null, "US").toX500Name(), List.of()));
        Catalog catalog = new Catalog(registry.home(), clock);
        DatasetName request = new DatasetName("USER1.CERTREQ.ARM", null);
        catalog.allocate(request, DatasetAttributes.textDefaults(java.time.LocalDate.of(2026, 11, 25)));
        catalog.writeText(request, csr);
        List<String> job = run(PCOMM_REQUEST_JOB);
        assertThat(job).as(String.join("\n", job)).contains("RC=0",
                "  USER1 PCOMM CERT                   ID(USER1)      PERSONAL     NO");
        String issued = catalog.readText(new DatasetName("USER1.PCOMM.B64", null));
        Files.writeString(dir.resolve("pcomm.pem"), issued);
        Files.writeString(dir.resolve("abcca.pem"), pem(registry));
        var verify = ExternalCommand.run(dir, "openssl", "verify", "-attime", "1262304000", "-CAfile", "abcca.pem", "pcomm.pem");
        assertThat(verify.stdout()).as(verify.all()).contains("pcomm.pem: OK");
        assertThat(registry.certificates().find("USER1", "USER1 PCOMM CERT").orElseThrow().hasPrivateKey()).isFalse();
    }

    @Test
    void badRacdcertInputIsRefusedWithReasons() {
        run(CA_AND_SERVER_JOB);
        List<String> listing = run(String.join("\n",
                "RACDCERT ID(NOBODY) LISTRING(*)",
                "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('X') C('USA')) WITHLABEL('BAD C')",
                "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('X')) NOTAFTER(DATE(2010-13-45)) WITHLABEL('BAD DATE')",
                "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('X')) WITHLABEL('ABC CA')",
                "RACDCERT CERTAUTH GENCERT WITHLABEL('A LABEL THAT IS LONGER THAN THIRTY-TWO')",
                "RACDCERT ID(TCPSC) CONNECT(LABEL('NOPE') RING(TCPRING))",
                "RACDCERT ID(TCPSC) CONNECT(CERTAUTH LABEL('ABC CA') RING(NORING))",
                "RACDCERT CERTAUTH EXPORT(LABEL('ABC CA')) DSN('USER1.X') FORMAT(PKCS12DER)",
                "RACDCERT CERTAUTH LIST LISTRING"));
        assertThat(listing).contains(
                "IRRD104I The user ID NOBODY is not defined to RACF.",
                "IRRD116I The country C('USA') must be 2 letters.",
                "IRRD109I The label 'ABC CA' is already in use for CERTAUTH.",
                "IRRD102I The label 'A LABEL THAT IS LONGER THAN THIRTY-TWO' is not valid: 1 to 32 characters are allowed.",
                "IRRD107I No certificate information was found for ID(TCPSC) with label 'NOPE'.",
                "IRRD124I Ring NORING does not exist for user TCPSC.",
                "IRRD176I FORMAT(PKCS12DER) needs PASSWORD('...').",
                "IKJ56712I INVALID KEYWORD: ONLY ONE RACDCERT FUNCTION MAY BE GIVEN, NOT LISTRING AND LIST", "RC=8");
        assertThat(String.join("\n", listing)).contains("IRRD103I The NOTAFTER date or time is not valid");
        assertThat(registry.certificates().list("CERTAUTH")).hasSize(1);
    }

    @Test
    void ordinaryUsersNeedFacilityAccessForCertificates() {
        run(CA_AND_SERVER_JOB);
        List<String> listing = new ArrayList<>();
        new TsoProcessor().runStream("RACDCERT LISTRING(*)\nRACDCERT CERTAUTH LIST",
                new TsoSession(registry, registry.users().find("USER1").orElseThrow()), listing::add);
        assertThat(String.join("\n", listing)).contains("ICH408I USER(USER1) IRR.DIGTCERT.LISTRING CL(FACILITY)")
                .contains("IRR.DIGTCERT.LIST CL(FACILITY) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(CONTROL)");
        run("RDEFINE FACILITY IRR.DIGTCERT.LISTRING UACC(NONE)\nPERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(USER1) ACCESS(READ)");
        List<String> allowed = new ArrayList<>();
        new TsoProcessor().runStream("RACDCERT LISTRING(*)",
                new TsoSession(registry, registry.users().find("USER1").orElseThrow()), allowed::add);
        assertThat(allowed).contains("Digital ring information for user USER1:", "  No rings found.");
    }

    private static String pem(Registry registry) {
        byte[] der = registry.certificates().find("CERTAUTH", "ABC CA").orElseThrow().der();
        return org.opencs.pki.cert.Pem.encode("CERTIFICATE", der);
    }
}
