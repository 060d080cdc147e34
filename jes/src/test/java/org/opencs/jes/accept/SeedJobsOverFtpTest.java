package org.opencs.jes.accept;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.DatasetName;
import org.opencs.ftp.server.FtpServer;
import org.opencs.ftp.server.FtpServerLog;
import org.opencs.pki.cert.CertificateRequests;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;

/**
 * The seed's six jobs (src/test/resources/seed/*.jcl, verbatim) submitted over FTP (Commons Net STOR in
 * SITE FILETYPE=JES) to JES2 with the built-in programs, their spool read back with RETR JOBnnnnn.x. As printed, the
 * JCL reader follows z/OS strictly (docs/jes.md, "The seed's jobs as printed"): ca-and-server runs; user1-cert and
 * export-p12 spell DYNAMNBR as DYNAMNR (IEFC630I, JCL error, no step runs); batch-ftp has a stray USER= card before
 * its EXEC (IEFC019I); batch-ftp-no-password has its EXEC inside a comment box (IEFC019I for each DD, IEFC607I);
 * pcomm-gencert misspells SYSTSIN (IKJEFT01 runs no command). Each is then submitted with that one mistake
 * corrected, and does what the seed says it does.
 */
class SeedJobsOverFtpTest {
    private static final String LISTRING_HEADER = "  Certificate Label Name             Cert Owner     USAGE      DEFAULT";

    @RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private AcceptSystem system;
    private FtpServer server;

    /** A job as FTP shows it once it has ended: its ID, the completion text of the LIST line, all its spool. */
    record Ended(String jobId, String completion, List<String> spool, int spoolFiles) {
        /** The lines of spool file {@code n} (1 JESMSGLG, 2 JESJCL, 3 JESYSMSG, 4... SYSOUT) as RETR .x sent them. */
        List<String> file(int n) {
            int start = 0;
            for (int i = 1; i < n; i++) {
                start = spool.subList(start, spool.size()).indexOf(" !! END OF JES SPOOL FILE !!") + start + 1;
            }
            int end = spool.subList(start, spool.size()).indexOf(" !! END OF JES SPOOL FILE !!") + start;
            return spool.subList(start, end);
        }
    }

    @BeforeEach
    void start() throws Exception {
        system = new AcceptSystem(dir, log);
        system.tso("IBMUSER", "ADDUSER TCPSC NAME('TCP/IP SERVER')");
        server = system.ftp();
    }

    @AfterEach
    void stop() {
        system.close();
    }

    static String seed(String name) throws Exception {
        try (InputStream in = SeedJobsOverFtpTest.class.getResourceAsStream("/seed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Submits over FTP as {@code userid}, waits for the job to end and reads its LIST line and all its spool. */
    private Ended run(String userid, String jcl) throws Exception {
        FTPClient ftp = AcceptSystem.commonsNet(server, userid, AcceptSystem.password(userid));
        try {
            String jobId = AcceptSystem.submit(ftp, jcl);
            system.awaitOutput(userid, jobId);
            assertThat(ftp.sendSiteCommand("FILETYPE=JES JESJOBNAME=*")).isTrue();
            String[] list = ftp.listNames();
            assertThat(list).contains(jobId);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            assertThat(ftp.retrieveFile(jobId + ".x", out)).as(ftp.getReplyString()).isTrue();
            List<String> spool = out.toString(StandardCharsets.US_ASCII).lines().toList();
            var job = system.jes.job(system.user(userid), jobId).orElseThrow();
            return new Ended(jobId, job.completion().text(), spool, job.spoolFileCount());
        } finally {
            ftp.logout();
            ftp.disconnect();
        }
    }

    private static void assertJclError(Ended job, String... jesysmsg) {
        assertThat(job.completion()).as(String.join("\n", job.spool())).isEqualTo("(JCL error)");
        assertThat(job.spoolFiles()).isEqualTo(3);
        assertThat(job.file(1)).anyMatch(l -> l.endsWith(" - JOB NOT RUN - JCL ERROR"))
                .noneMatch(l -> l.contains("$HASP373"));
        assertThat(job.file(3)).containsExactly(jesysmsg);
    }

    @Test
    void theRacfJobsAsPrintedAndCorrected() throws Exception {
        Ended ca = run("IBMUSER", seed("ca-and-server.jcl"));
        assertThat(ca.completion()).as(String.join("\n", ca.spool())).isEqualTo("RC=0000");
        assertThat(ca.file(1)).anyMatch(l -> l.endsWith("$HASP395 ALFREDCI ENDED - RC=0000"));
        assertThat(ca.file(4)).containsSequence("Digital ring information for user TCPSC:", "", "  Ring:",
                "       >TCPRING<", LISTRING_HEADER,
                "  --------------------------------   ------------   --------   -------",
                "  ABC CA                             CERTAUTH       CERTAUTH     NO",
                "  ABC TCPSEV                         ID(TCPSC)      PERSONAL     YES");
        assertThat(system.catalog.readText(new DatasetName("USER1.ABCCA.B64", null)))
                .startsWith("-----BEGIN CERTIFICATE-----");

        // As printed: DYNAMNR is no EXEC keyword; the jobs end JCL ERROR and no RACDCERT runs.
        assertJclError(run("IBMUSER", seed("user1-cert.jcl")), " STMT NO. MESSAGE",
                "    2 IEFC630I UNIDENTIFIED KEYWORD DYNAMNR");
        assertJclError(run("IBMUSER", seed("export-p12.jcl")), " STMT NO. MESSAGE",
                "    2 IEFC630I UNIDENTIFIED KEYWORD DYNAMNR");
        assertThat(system.registry.certificates().find("USER1", "USER1 CERT")).isEmpty();

        Ended user1 = run("IBMUSER", seed("user1-cert.jcl").replace("DYNAMNR=", "DYNAMNBR="));
        assertThat(user1.completion()).as(String.join("\n", user1.spool())).isEqualTo("RC=0000");
        assertThat(user1.file(4)).containsSequence("Digital ring information for user USER1:", "", "  Ring:",
                "       >USER1RING<", LISTRING_HEADER,
                "  --------------------------------   ------------   --------   -------",
                "  ABC CA                             CERTAUTH       CERTAUTH     NO",
                "  USER1 CERT                         ID(USER1)      PERSONAL     YES");

        Ended p12 = run("IBMUSER", seed("export-p12.jcl").replace("DYNAMNR=", "DYNAMNBR="));
        assertThat(p12.completion()).isEqualTo("RC=0000");
        assertThat(String.join("\n", p12.spool())).contains("PASSWORD(********)").doesNotContain("XXXXXXXX");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(system.catalog.readBinary(new DatasetName("USER1.CERT.DER.P12", null))),
                "XXXXXXXX".toCharArray());
        X509Certificate exported = (X509Certificate) store.getCertificate(store.aliases().nextElement());
        assertThat(exported.getSubjectX500Principal().getName()).contains("CN=USER1 CERT");
    }

    @Test
    void gencertFromAnUploadedRequestOnceSystsinIsSpeltRight() throws Exception {
        run("IBMUSER", seed("ca-and-server.jcl"));
        run("IBMUSER", seed("user1-cert.jcl").replace("DYNAMNR=", "DYNAMNBR="));

        // As printed: the DD is SYSYSIN, so IKJEFT01 finds no SYSTSIN and no command runs (RC=0000, as on z/OS).
        Ended printed = run("IBMUSER", seed("pcomm-gencert.jcl"));
        assertThat(printed.completion()).isEqualTo("RC=0000");
        assertThat(printed.file(1)).anyMatch(l -> l.endsWith("IEC130I SYSTSIN DD STATEMENT MISSING"))
                .anyMatch(l -> l.endsWith("IEC130I SYSTSPRT DD STATEMENT MISSING"));
        assertThat(system.registry.certificates().find("USER1", "USER1 PCOMM CERT")).isEmpty();

        // USER1 uploads a PKCS#10 request (as PCOMM makes one) to USER1.CERTREQ.ARM over FTP.
        var pair = KeyType.RSA_2048.generate(new SecureRandom());
        String csr = CertificateRequests.toPem(CertificateRequests.create(pair,
                new SubjectName("USER1 PCOMM", null, "IBM", null, null, "US").toX500Name(), List.of()));
        FTPClient ftp = AcceptSystem.commonsNet(server, "USER1", "user1pw");
        assertThat(ftp.storeFile("'USER1.CERTREQ.ARM'", new ByteArrayInputStream(csr.getBytes(StandardCharsets.US_ASCII))))
                .as(ftp.getReplyString()).isTrue();
        ftp.logout();
        ftp.disconnect();

        Ended fixed = run("IBMUSER", seed("pcomm-gencert.jcl").replace("//SYSYSIN ", "//SYSTSIN "));
        assertThat(fixed.completion()).as(String.join("\n", fixed.spool())).isEqualTo("RC=0000");
        assertThat(fixed.file(1)).anyMatch(l -> l.endsWith("IEC130I SYSTSPRT DD STATEMENT MISSING"))
                .noneMatch(l -> l.contains("SYSTSIN DD STATEMENT MISSING"));
        assertThat(system.registry.certificates().find("USER1", "USER1 PCOMM CERT")).isPresent();
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        X509Certificate issued = (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(
                system.catalog.readText(new DatasetName("USER1.PCOMM.B64", null)).getBytes(StandardCharsets.US_ASCII)));
        X509Certificate ca = (X509Certificate) x509.generateCertificate(new ByteArrayInputStream(
                system.catalog.readText(new DatasetName("USER1.ABCCA.B64", null)).getBytes(StandardCharsets.US_ASCII)));
        assertThat(issued.getSubjectX500Principal().getName()).contains("CN=USER1 PCOMM");
        assertThat(issued.getPublicKey()).isEqualTo(pair.getPublic());
        issued.verify(ca.getPublicKey()); // signed with ABC CA's key, as SIGNWITH(CERTAUTH LABEL('ABC CA')) says
    }

    @Test
    void theBatchFtpJobsAsPrintedAndCorrected() throws Exception {
        // The seed's certificates ended in 2010 and TLS peers check validity: the RACF jobs run with NOTAFTER moved on.
        run("IBMUSER", seed("ca-and-server.jcl").replace("2010-12-31", "2036-12-31"));
        run("IBMUSER", seed("user1-cert.jcl").replace("DYNAMNR=", "DYNAMNBR=").replace("2010-12-31", "2036-12-31"));
        system.tso("IBMUSER", "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(TCPIP) ACCESS(UPDATE)\n"
                + "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(USER1) ACCESS(READ)");
        // The seed's client-authentication server (SECURE_LOGIN VERIFY_USER) with TCPSC's ring.
        FtpServer tls = system.ftp(seed("FTP.DATA.clientauth").replace("KEYRING TCPRING", "KEYRING TCPSC/TCPRING"),
                "SECURE_PASSWORD OPTIONAL");
        // USER1's TCP/IP parameters: the seed's client FTP.DATA with its KEYRING typo (USERIRING) spelt USER1RING.
        system.pds("USER1.TCPCS.TCPPARMS", "FTPUSER1", seed("FTP.DATA.client").replace("USERIRING", "USER1RING"),
                "TCPDATA", "TCPIPJOBNAME TCPCS\n");
        system.pds("USER1.ALFRED.CNTL", "ALFREDA", seed("batch-ftp.jcl"), "ALFREDCI", seed("ca-and-server.jcl"));

        // As printed: the stray USER= card before the EXEC is data with no DD (JES2's generated SYSIN) ...
        assertJclError(run("USER1", seed("batch-ftp.jcl")), " STMT NO. MESSAGE", "    2 IEFC019I MISPLACED DD STATEMENT");
        // ... and the other job's EXEC is inside a /** comment box, so its DDs belong to no step.
        assertJclError(run("USER1", seed("batch-ftp-no-password.jcl")), " STMT NO. MESSAGE",
                "    2 IEFC019I MISPLACED DD STATEMENT", "    3 IEFC019I MISPLACED DD STATEMENT",
                "    4 IEFC019I MISPLACED DD STATEMENT", "    5 IEFC019I MISPLACED DD STATEMENT",
                "    6 IEFC019I MISPLACED DD STATEMENT", "      IEFC607I JOB HAS NO STEPS");

        // Without the stray card, and pointed at this system's server, the job logs on over TLS with USER1's ring.
        String jcl = seed("batch-ftp.jcl").replace("      USER=USER2,PASSWORD=TCPSUP\n", "")
                .replace("mvs098.tcp.raleigh.ibm.com 2021", "127.0.0.1 " + tls.port());
        Ended job = run("USER1", jcl);
        assertThat(job.completion()).as(String.join("\n", job.spool())).isEqualTo("RC=0000");
        assertThat(job.file(1)).anyMatch(l -> l.endsWith("$HASP395 ALFREDA  ENDED - RC=0000"));
        List<String> output = job.file(4);
        assertThat(output).as(String.join("\n", job.spool())).contains(
                "EZA2640I Using 'USER1.TCPCS.TCPPARMS(FTPUSER1)' for local site configuration parameters.",
                "EZA1736I FTP -a TLS", "EZA2895I Authentication negotiation succeeded",
                "EZA1736I cd 'user1.alfred.cntl'", "EZA1701I >>> USER user1", "230-User USER1 is an authorized user");
        // The certificate logs USER1 on: the seed's "user1 xxxxxx" password is never sent.
        assertThat(output).anyMatch(l -> l.startsWith("230 USER1 is logged on."))
                .noneMatch(l -> l.contains(">>> PASS")).noneMatch(l -> l.contains("xxxxxx"))
                .anyMatch(l -> l.startsWith("EZA2284I ALFREDA"))
                .anyMatch(l -> l.startsWith("EZA2284I ALFREDCI"));
    }
}
