package org.opencs.pki.kdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencs.pki.Fixtures;
import org.opencs.pki.KeyDbException;

class KdbCodecFixtureTest {

    @Test
    void readsGskitMixedDatabase() throws Exception {
        KdbImage image = KdbCodec.read(Fixtures.bytes("mixed.kdb"), Fixtures.PASSWORD, "mixed.kdb");
        assertThat(image.version()).isEqualTo(6);
        assertThat(image.kind()).isEqualTo(ContainerKind.KEY);
        assertThat(image.slotSize()).isEqualTo(5000);
        assertThat(image.records()).extracting(KdbRecord::label)
                .containsExactly("rsa-keypair", "ec-keypair", "trusted-root-ca", "trusted-intermediate-ca");
        assertThat(image.records()).extracting(r -> r.content().tag()).containsExactly(2, 2, 1, 1);
        assertThat(image.records()).allSatisfy(r -> assertThat(r.flags()).isEqualTo(KdbFlags.TRUSTED));
        for (KdbRecord record : image.records().subList(0, 2)) {
            RecordContent.Personal personal = (RecordContent.Personal) record.content();
            PrivateKey key = PrivateKeyProtection.decrypt(personal.encryptedPrivateKey(), Fixtures.PASSWORD);
            X509Certificate cert = certificate(personal.certificate());
            assertThat(signsFor(key, cert)).as(record.label()).isTrue();
        }
    }

    @Test
    void readsGskitEmptyDatabase() {
        KdbImage image = KdbCodec.read(Fixtures.bytes("keystore.kdb"), Fixtures.PASSWORD, "keystore.kdb");
        assertThat(image.records()).isEmpty();
        assertThat(KdbCodec.write(image, Fixtures.PASSWORD)).isEqualTo(Fixtures.bytes("keystore.kdb"));
    }

    @Test
    void rewritesGskitDatabaseByteForByte() {
        byte[] original = Fixtures.bytes("mixed.kdb");
        KdbImage image = KdbCodec.read(original, Fixtures.PASSWORD, "mixed.kdb");
        assertThat(KdbCodec.write(image, Fixtures.PASSWORD)).isEqualTo(original);
    }

    @Test
    void encryptsKeysWithGskitParameterLayout() throws Exception {
        KdbImage image = KdbCodec.read(Fixtures.bytes("mixed.kdb"), Fixtures.PASSWORD, "mixed.kdb");
        RecordContent.Personal personal = (RecordContent.Personal) image.records().get(0).content();
        PrivateKey key = PrivateKeyProtection.decrypt(personal.encryptedPrivateKey(), Fixtures.PASSWORD);
        byte[] encrypted = PrivateKeyProtection.encrypt(key, Fixtures.PASSWORD, new SecureRandom());
        byte[] gskit = personal.encryptedPrivateKey();
        // Same layout: identical bytes up to the salt, between salt and IV, and the same ciphertext length header.
        // Same layout: identical bytes before the 8-byte salt (0x24) and between the salt and the IV (0x2C-0x4B).
        assertThat(prefix(encrypted, 0x24)).isEqualTo(prefix(gskit, 0x24));
        assertThat(java.util.Arrays.copyOfRange(encrypted, 0x2C, 0x4B))
                .isEqualTo(java.util.Arrays.copyOfRange(gskit, 0x2C, 0x4B));
        assertThat(encrypted.length).isEqualTo(gskit.length);
        assertThat(PrivateKeyProtection.decrypt(encrypted, Fixtures.PASSWORD).getEncoded()).isEqualTo(key.getEncoded());
    }

    @Test
    void readsVersion4HmacSha1Databases() {
        KdbImage v6 = KdbCodec.read(Fixtures.bytes("mixed.kdb"), Fixtures.PASSWORD, "mixed.kdb");
        KdbImage v4 = new KdbImage(KdbImage.VERSION_4, v6.kind(), v6.slotSize(), v6.salt(), v6.records());
        byte[] data = KdbCodec.write(v4, Fixtures.PASSWORD);
        assertThat(data).hasSize(0x58 + 4 * 5000);
        assertThat(data[2]).isEqualTo((byte) 4);
        KdbImage read = KdbCodec.read(data, Fixtures.PASSWORD, "v4.kdb");
        assertThat(labels(read)).isEqualTo(labels(v6));
        assertThatThrownBy(() -> KdbCodec.read(data, "wrong".toCharArray(), "v4.kdb")).hasMessageContaining("OCSK001E");
    }

    @Test
    void wrongPasswordIsReportedAsSuch() {
        assertThatThrownBy(() -> KdbCodec.read(Fixtures.bytes("mixed.kdb"), "Password".toCharArray(), "mixed.kdb"))
                .isInstanceOf(KeyDbException.class)
                .hasMessageContaining("OCSK001E").hasMessageContaining("invalid database password")
                .hasMessageContaining("mixed.kdb");
    }

    @Test
    void tamperedRecordIsReportedAsDamaged() {
        byte[] data = Fixtures.bytes("mixed.kdb");
        data[0x3000] ^= 1;
        assertThatThrownBy(() -> KdbCodec.read(data, Fixtures.PASSWORD, "mixed.kdb"))
                .isInstanceOf(KeyDbException.class)
                .hasMessageContaining("OCSK002E").hasMessageContaining("mixed.kdb").hasMessageContaining("MAC");
    }

    @Test
    void truncatedFileIsReportedAsDamaged() {
        byte[] data = java.util.Arrays.copyOf(Fixtures.bytes("mixed.kdb"), 10000);
        assertThatThrownBy(() -> KdbCodec.read(data, Fixtures.PASSWORD, "x.kdb"))
                .hasMessageContaining("OCSK002E").hasMessageContaining("truncated");
    }

    @Test
    void decodesGskitStashFiles() {
        assertThat(StashFile.decode(Fixtures.bytes("mixed.sth"), "mixed.sth")).isEqualTo(Fixtures.PASSWORD);
        assertThat(StashFile.decode(Fixtures.bytes("keystore.sth"), "keystore.sth")).isEqualTo(Fixtures.PASSWORD);
    }

    @Test
    void decodesV1StashTestVector() {
        byte[] v1 = new byte[129];
        byte[] pw = "password01".getBytes();
        for (int i = 0; i < 129; i++) {
            v1[i] = (byte) ((i < pw.length ? pw[i] : i == pw.length ? 0 : 0x41) ^ 0xF5);
        }
        assertThat(v1[0]).isEqualTo((byte) 0x85);
        assertThat(StashFile.decode(v1, "v1.sth")).isEqualTo("password01".toCharArray());
    }

    @Test
    void stashRoundTripsInBothFormats() {
        SecureRandom random = new SecureRandom();
        for (StashFile.Format format : StashFile.Format.values()) {
            byte[] encoded = StashFile.encode("s3cr3t-pw".toCharArray(), format, random);
            assertThat(encoded).hasSize(format == StashFile.Format.V1 ? 129 : 193);
            assertThat(StashFile.decode(encoded, "x.sth")).isEqualTo("s3cr3t-pw".toCharArray());
        }
    }

    @Test
    void damagedV8StashIsRejected() {
        byte[] data = Fixtures.bytes("mixed.sth");
        data[40] ^= 1;
        assertThatThrownBy(() -> StashFile.decode(data, "mixed.sth")).hasMessageContaining("OCSK002E");
    }

    private static byte[] prefix(byte[] data, int length) {
        return java.util.Arrays.copyOf(data, length);
    }

    static X509Certificate certificate(byte[] der) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    static boolean signsFor(PrivateKey key, X509Certificate cert) throws Exception {
        String algorithm = key.getAlgorithm().startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        byte[] data = "OpenCS".getBytes();
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(cert.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }

    static List<String> labels(KdbImage image) {
        return image.records().stream().map(KdbRecord::label).toList();
    }
}
