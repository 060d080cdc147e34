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
import org.opencs.datasets.DatasetName;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.certs.NameFilter;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;

/** Certificates as identities: registered certificates, MAP name filters, CHECKCERT, LISTCHAIN and GENREQ. */
class CertificateMappingTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    private Registry registry;

    @BeforeEach
    void init() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        run("ADDUSER TCPSC\nADDUSER USER1 PASSWORD(user1pw)\nADDUSER USER2\nADDUSER USER3\nADDUSER USER4\n"
                + RacdcertSeedTest.CA_AND_SERVER_JOB + "\n" + RacdcertSeedTest.USER1_JOB);
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

    /** Makes a certificate signed by ABC CA, exports it to a data set and forgets it, as a partner's would be. */
    private void partnerCertificate(String label, String cn, String dsn) {
        assertThat(run("RACDCERT ID(TCPSC) GENCERT SUBJECTSDN(CN('" + cn + "') OU('Partners') O('IBM') C('US')) "
                + "WITHLABEL('" + label + "') SIGNWITH(CERTAUTH LABEL('ABC CA'))\n"
                + "RACDCERT ID(TCPSC) EXPORT(LABEL('" + label + "')) DSN('" + dsn + "')\n"
                + "RACDCERT ID(TCPSC) DELETE(LABEL('" + label + "'))")).contains("RC=0");
    }

    @Test
    void registeredCertificatesAndNameFiltersMapToUsers() {
        assertThat(run("RACDCERT ID(USER1) EXPORT(LABEL('USER1 CERT')) DSN('USER1.CERT.B64')\n"
                + "RACDCERT CHECKCERT('USER1.CERT.B64')"))
                .contains("  Associated with user USER1 through certificate 'USER1 CERT' of USER1.");

        partnerCertificate("P1", "Joe", "TCPSC.JOE.B64");
        partnerCertificate("P2", "Special", "TCPSC.SPECIAL.B64");
        assertThat(run("RACDCERT CHECKCERT('TCPSC.JOE.B64')")).contains("  The certificate is not associated with any user.");

        List<String> maps = run(String.join("\n",
                "RACDCERT ID(USER2) MAP SDNFILTER('OU=Partners.O=IBM.C=US') WITHLABEL('PARTNERS')",
                "RACDCERT ID(USER3) MAP SDNFILTER('CN=Special.OU=Partners.O=IBM.C=US') WITHLABEL('SPECIAL')",
                "RACDCERT ID(USER4) MAP IDNFILTER('CN=ABC CA.OU=CS Z/OS CA.O=IBM.C=US') WITHLABEL('BY ISSUER')",
                "RACDCERT CHECKCERT('TCPSC.JOE.B64')",
                "RACDCERT CHECKCERT('TCPSC.SPECIAL.B64')",
                "RACDCERT ID(USER2) LISTMAP"));
        assertThat(maps).contains("RC=0",
                "  Associated with user USER2 through name filter 'PARTNERS' of USER2.",
                "  Associated with user USER3 through name filter 'SPECIAL' of USER3.",
                "  Label: PARTNERS", "       >OU=Partners.O=IBM.C=US<");

        List<String> altered = run(String.join("\n",
                "RACDCERT ID(USER2) ALTMAP(LABEL('PARTNERS')) NOTRUST",
                "RACDCERT CHECKCERT('TCPSC.JOE.B64')",
                "RACDCERT ID(USER4) DELMAP(LABEL('BY ISSUER'))",
                "RACDCERT CHECKCERT('TCPSC.JOE.B64')",
                "RACDCERT ID(USER4) DELMAP(LABEL('BY ISSUER'))",
                "RACDCERT ID(USER2) MAP SDNFILTER('NOEQUALSSIGN')"));
        assertThat(altered).containsSubsequence(
                "  Associated with user USER4 through name filter 'BY ISSUER' of USER4.",
                "  The certificate is not associated with any user.",
                "IRRD133I No mapping with label 'BY ISSUER' was found for user USER4.");
        assertThat(String.join("\n", altered)).contains("IRRD130I The name filter 'NOEQUALSSIGN' is not valid");
    }

    @Test
    void nameFiltersMatchTheLeastSpecificComponents() {
        var name = new javax.security.auth.x500.X500Principal("CN=Joe,OU=Partners,O=IBM,C=US");
        assertThat(NameFilter.parse("OU=Partners.O=IBM.C=US").matches(name)).isTrue();
        assertThat(NameFilter.parse("C=US").matches(name)).isTrue();
        assertThat(NameFilter.parse("O=IBM").matches(name)).isFalse();
        assertThat(NameFilter.parse("CN=Bob.OU=Partners.O=IBM.C=US").matches(name)).isFalse();
    }

    @Test
    void keyUsageAndAltNamesReachTheCertificate() throws Exception {
        List<String> listing = run("RACDCERT ID(TCPSC) GENCERT SUBJECTSDN(CN('ftp.example.com') O('IBM') C('US')) "
                + "KEYUSAGE(HANDSHAKE DOCSIGN) ALTNAME(DOMAIN('ftp.example.com') IP(127.0.0.1)) NISTECC SIZE(384) "
                + "WITHLABEL('FTP SERVER') SIGNWITH(CERTAUTH LABEL('ABC CA'))\n"
                + "RACDCERT ID(TCPSC) EXPORT(LABEL('FTP SERVER')) DSN('TCPSC.FTP.B64')");
        assertThat(listing).contains("RC=0");
        Files.writeString(dir.resolve("ftp.pem"), new Catalog(registry.home(), clock).readText(new DatasetName("TCPSC.FTP.B64", null)));
        var text = ExternalCommand.run(dir, "openssl", "x509", "-in", "ftp.pem", "-noout", "-text");
        assertThat(text.stdout()).contains("Digital Signature, Non Repudiation, Key Agreement").contains("DNS:ftp.example.com")
                .contains("IP Address:127.0.0.1").contains("ASN1 OID: secp384r1");
    }

    @Test
    void listChainAndGenreq() throws Exception {
        List<String> listing = run("RACDCERT ID(USER1) LISTCHAIN(LABEL('USER1 CERT'))\n"
                + "RACDCERT ID(USER1) GENREQ(LABEL('USER1 CERT')) DSN('USER1.RENEW.REQ')");
        assertThat(listing).contains("RC=0", "  1. >CN=USER1 CERT,OU=CS Z/OS,O=IBM,C=US<",
                "  2. >CN=ABC CA,OU=CS Z/OS CA,O=IBM,C=US<", "  Chain complete.");
        Files.writeString(dir.resolve("renew.csr"), new Catalog(registry.home(), clock)
                .readText(new DatasetName("USER1.RENEW.REQ", null)));
        var verify = ExternalCommand.run(dir, "openssl", "req", "-in", "renew.csr", "-noout", "-verify", "-subject");
        assertThat(verify.all()).contains("verify OK").contains("CN = USER1 CERT");
    }
}
