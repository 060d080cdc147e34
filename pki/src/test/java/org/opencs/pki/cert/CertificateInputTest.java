package org.opencs.pki.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.TestPki;
import org.opencs.pki.codec.CertificateReader;
import org.opencs.pki.codec.CertificateWriter;
import org.opencs.pki.codec.ExportFormat;

/** Subject names, validity and certificate input: good input round-trips, bad input gets a specific message. */
class CertificateInputTest {
    private static final java.security.cert.X509Certificate CERT = new CertificateIssuer(TestPki.RANDOM).selfSigned(
            KeyType.EC_P256.generate(TestPki.RANDOM),
            new CertificateSpec(new SubjectName("t", null, "o", null, null, "US").toX500Name(), CertificateProfile.CA,
                    Instant.now(), 10, List.of()));

    @Test
    void countryCodeMustBeTwoLetters() {
        assertThatThrownBy(() -> new SubjectName("cn", null, "o", null, null, "USA"))
                .isInstanceOf(KeyDbException.class).hasMessage("OCSK006E The country/region code must be 2 letters, 'USA' is not.");
        assertThatThrownBy(() -> SubjectName.parse("CN=x,C=1")).hasMessageContaining("'1' is not");
        assertThatThrownBy(() -> SubjectName.parse("no equals sign")).hasMessageContaining("is not a valid distinguished name");
    }

    @Test
    void validityMustBeBetweenOneAnd9999Days() {
        var subject = new SubjectName("cn", null, "o", null, null, "US").toX500Name();
        assertThatThrownBy(() -> new CertificateSpec(subject, CertificateProfile.CA, Instant.now(), 0, List.of()))
                .hasMessageContaining("between 1 and 9999, 0 is not");
        assertThatThrownBy(() -> new CertificateSpec(subject, CertificateProfile.CA, Instant.now(), 10000, List.of()))
                .hasMessageContaining("10000 is not");
    }

    @Test
    void subjectIsOrderedLikeZos() {
        assertThat(new SubjectName("MVS098", "Dev", "IBM", "Raleigh", "NC", "us").toX500Name().toString())
                .isEqualTo("C=US,ST=NC,L=Raleigh,O=IBM,OU=Dev,CN=MVS098");
    }

    @Test
    void malformedAndTruncatedInputIsRejectedWithTheSource() throws Exception {
        assertThatThrownBy(() -> CertificateReader.read("-----BEGIN CERTIFICATE-----\nAAAA\n".getBytes(), "a.pem"))
                .hasMessageStartingWith("OCSK006E a.pem");
        byte[] der = CERT.getEncoded();
        assertThatThrownBy(() -> CertificateReader.read(Arrays.copyOf(der, der.length - 10), "t.der"))
                .hasMessageStartingWith("OCSK006E t.der does not contain a valid certificate");
        assertThatThrownBy(() -> CertificateReader.read(new byte[0], "e.der")).hasMessage("OCSK006E e.der is empty.");
        assertThatThrownBy(() -> AltNames.parse(List.of("IP:not-an-ip"))).hasMessageContaining("IP:not-an-ip");
        assertThatThrownBy(() -> KeyType.parse("rsa512")).hasMessageContaining("rsa512");
    }

    @Property(tries = 30)
    void everyCertificateFormatReadsBack(@ForAll ExportFormat format) {
        if (format.withKey()) {
            return;
        }
        byte[] encoded = CertificateWriter.encode(format, List.of(CERT));
        assertThat(CertificateReader.read(encoded, "x")).containsExactly(CERT);
    }

    @Property(tries = 50)
    void pemRoundTrips(@ForAll @Size(max = 3000) byte[] data) {
        String pem = Pem.encode("TEST", data);
        assertThat(pem.lines().filter(l -> !l.startsWith("-----"))).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(64));
        assertThat(Pem.decodeFirst(pem, "x")).isEqualTo(data);
        assertThat(Pem.isPem(pem.getBytes(StandardCharsets.US_ASCII))).isTrue();
    }
}
