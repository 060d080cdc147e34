package org.opencs.tso.racdcert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;

/**
 * RACDCERT ADD of a certificate the registry already holds. RACF keeps one DIGTCERT profile per certificate, named by
 * serial number and issuer (RACDCERT ADD, "Details about DIGTCERT profile names", z/OS Security Server RACF Command
 * Language Reference): adding it again, under another label or for another owner, is refused with IRRD109I naming the
 * profile; the one re-add RACF accepts is a PKCS #12 package that brings the private key of a certificate defined
 * without one. Driven through the TSO processor as a SYSTSIN stream, as the seed's jobs are.
 */
class RacdcertAddTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private Registry registry;

    @BeforeEach
    void init() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        assertThat(run("ADDUSER TCPSC\nADDUSER USER1 PASSWORD(user1pw)\nADDUSER USER2\n" + RacdcertSeedTest.CA_AND_SERVER_JOB + "\n"
                + RacdcertSeedTest.USER1_JOB)).contains("RC=0");
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private List<String> run(String stream) {
        List<String> listing = new ArrayList<>();
        int rc = new TsoProcessor().runStream(stream, new TsoSession(registry,
                registry.users().find("IBMUSER").orElseThrow()), listing::add);
        listing.add("RC=" + rc);
        return listing;
    }

    /** The message lines of a listing (IRRD...), for exact comparison. */
    private static List<String> messages(List<String> listing) {
        return listing.stream().filter(l -> l.startsWith("IRRD") || l.startsWith("RC=")).toList();
    }

    private List<String> labels(String owner) {
        return run("RACDCERT ID(" + owner + ") LIST").stream().filter(l -> l.startsWith("  Label: ")).toList();
    }

    /** The example: the same certificate under another label, for another owner, again and again. */
    @Test
    void theSameCertificateIsNeverAddedTwice() {
        assertThat(run("RACDCERT ID(USER1) EXPORT(LABEL('USER1 CERT')) DSN('USER1.CERT.B64')")).contains("RC=0");
        List<String> again = run("RACDCERT ID(USER1) ADD('USER1.CERT.B64') WITHLABEL('USER1 COPY') TRUST");
        assertThat(messages(again)).hasSize(2).last().isNotEqualTo("RC=0");
        assertThat(messages(again).get(0)).startsWith("IRRD109I The certificate cannot be added. Profile ")
                .contains(".CN=ABC\u00a2CA.OU=CS\u00a2Z/OS\u00a2CA.O=IBM").endsWith(" is already defined.");
        // The profile is the certificate's serial number and issuer (a name longer than 64 characters is cut with
        // its length, as every long value in a TSO message).
        String serial = run("RACDCERT ID(USER1) LIST(LABEL('USER1 CERT'))").stream().filter(l -> l.startsWith("       >"))
                .findFirst().orElseThrow().replaceAll("[ ><]", "");
        assertThat(messages(again).get(0)).contains("Profile " + serial + ".CN=");
        // For another owner, for CERTAUTH, and once more under its own label: the same answer each time.
        for (String add : List.of("RACDCERT ID(USER2) ADD('USER1.CERT.B64') WITHLABEL('STOLEN')",
                "RACDCERT CERTAUTH ADD('USER1.CERT.B64') WITHLABEL('AS A CA')",
                "RACDCERT ID(USER1) ADD('USER1.CERT.B64') WITHLABEL('USER1 COPY')")) {
            assertThat(messages(run(add)).get(0)).as(add).startsWith("IRRD109I The certificate cannot be added.");
        }
        assertThat(labels("USER1")).containsExactly("  Label: USER1 CERT");
        assertThat(labels("USER2")).isEmpty();
        assertThat(run("RACDCERT CERTAUTH LIST")).noneMatch(l -> l.equals("  Label: AS A CA"));
    }

    /** A CA certificate the registry generated is not added again as a second CERTAUTH certificate either. */
    @Test
    void aCaCertificateIsNotAddedAgainUnderAnotherLabel() {
        assertThat(run("RACDCERT CERTAUTH EXPORT(LABEL('ABC CA')) DSN('IBMUSER.CA.PEM')")).contains("RC=0");
        assertThat(messages(run("RACDCERT CERTAUTH ADD('IBMUSER.CA.PEM') WITHLABEL('ABC CA COPY') TRUST")).get(0))
                .startsWith("IRRD109I The certificate cannot be added. Profile ");
    }

    /** Once deleted, the certificate can be added again (its profile is gone). */
    @Test
    void aDeletedCertificateCanBeAddedAgain() {
        assertThat(run("RACDCERT ID(USER1) EXPORT(LABEL('USER1 CERT')) DSN('USER1.CERT.B64')\n"
                + "RACDCERT ID(USER1) REMOVE(LABEL('USER1 CERT') RING(USER1RING))\n"
                + "RACDCERT ID(USER1) DELETE(LABEL('USER1 CERT'))\n"
                + "RACDCERT ID(USER1) ADD('USER1.CERT.B64') WITHLABEL('USER1 AGAIN') TRUST")).contains("RC=0")
                .noneMatch(l -> l.startsWith("IRRD"));
        assertThat(labels("USER1")).containsExactly("  Label: USER1 AGAIN");
    }

    /**
     * A certificate defined without its key (ADD of the certificate alone), then its PKCS #12 package: the package
     * gives the defined certificate its private key, under its label; nothing else is defined. The same package again
     * finds the key there: refused.
     */
    @Test
    void aPkcs12PackageAddsTheMissingPrivateKeyOnly() {
        assertThat(run(String.join("\n",
                "RACDCERT ID(USER1) EXPORT(LABEL('USER1 CERT')) DSN('USER1.CERT.P12') FORMAT(PKCS12DER) PASSWORD('p12pw')",
                "RACDCERT ID(USER1) EXPORT(LABEL('USER1 CERT')) DSN('USER1.CERT.B64')",
                "RACDCERT ID(USER1) REMOVE(LABEL('USER1 CERT') RING(USER1RING))",
                "RACDCERT ID(USER1) DELETE(LABEL('USER1 CERT'))",
                "RACDCERT ID(USER1) ADD('USER1.CERT.B64') WITHLABEL('NO KEY YET') TRUST"))).contains("RC=0");
        assertThat(run("RACDCERT ID(USER1) LIST(LABEL('NO KEY YET'))")).contains("  Private Key Type: None");

        // The package for another owner: the certificate is USER1's, not USER2's to take.
        assertThat(messages(run("RACDCERT ID(USER2) ADD('USER1.CERT.P12') PASSWORD('p12pw') WITHLABEL('X')")).get(0))
                .startsWith("IRRD109I The certificate cannot be added.");
        assertThat(run("RACDCERT ID(USER1) ADD('USER1.CERT.P12') PASSWORD('p12pw') WITHLABEL('WITH KEY')"))
                .contains("RC=0").noneMatch(l -> l.startsWith("IRRD"));
        assertThat(labels("USER1")).containsExactly("  Label: NO KEY YET");
        assertThat(run("RACDCERT ID(USER1) LIST(LABEL('NO KEY YET'))")).contains("  Private Key Type: Non-ICSF");
        // The key works: the certificate can sign and be exported with its key again.
        assertThat(run("RACDCERT ID(USER1) EXPORT(LABEL('NO KEY YET')) DSN('USER1.AGAIN.P12') FORMAT(PKCS12DER) "
                + "PASSWORD('p12pw')")).contains("RC=0").noneMatch(l -> l.startsWith("IRRD"));

        assertThat(messages(run("RACDCERT ID(USER1) ADD('USER1.CERT.P12') PASSWORD('p12pw') WITHLABEL('WITH KEY')"))
                .get(0)).startsWith("IRRD109I The certificate cannot be added.");
        assertThat(labels("USER1")).containsExactly("  Label: NO KEY YET");
    }

    /** A wrong PKCS #12 password says so (OCSK008E), not that some database password was invalid; nothing is added. */
    @Test
    void aWrongPkcs12PasswordIsReportedAsSuch() {
        assertThat(run("RACDCERT ID(USER1) EXPORT(LABEL('USER1 CERT')) DSN('USER1.CERT.P12') FORMAT(PKCS12B64) "
                + "PASSWORD('p12pw')\nRACDCERT ID(USER1) DELETE(LABEL('USER1 CERT'))")).contains("RC=0");
        List<String> wrong = run("RACDCERT ID(USER1) ADD('USER1.CERT.P12') PASSWORD('wrongpw') WITHLABEL('P12')");
        assertThat(wrong).anyMatch(l -> l.startsWith("OCSK008E The PKCS #12 password for USER1.CERT.P12 is wrong"))
                .noneMatch(l -> l.contains("invalid database password")).last().isNotEqualTo("RC=0");
        assertThat(labels("USER1")).isEmpty();
        assertThat(run("RACDCERT ID(USER1) ADD('USER1.CERT.P12') PASSWORD('p12pw') WITHLABEL('P12')")).contains("RC=0");
        assertThat(labels("USER1")).containsExactly("  Label: P12");
    }
}
