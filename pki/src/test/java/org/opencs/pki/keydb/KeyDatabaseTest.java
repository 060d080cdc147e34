package org.opencs.pki.keydb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.Fixtures;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.TestPki;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.kdb.KdbCodec;
import org.opencs.pki.kdb.KdbImage;
import org.opencs.pki.kdb.StashFile;

class KeyDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void createWritesEmptyKdbAndRdbWithOwnerOnlyMode() throws Exception {
        Path kdb = dir.resolve("abckey.kdb");
        KeyDatabase.create(kdb, TestPki.PASSWORD, 5000, TestPki.RANDOM);
        assertThat(Files.size(kdb)).isEqualTo(144);
        assertThat(Files.size(dir.resolve("abckey.rdb"))).isEqualTo(144);
        byte[] rdb = Files.readAllBytes(dir.resolve("abckey.rdb"));
        assertThat(rdb[3]).isEqualTo((byte) 1);
        assertThat(new String(rdb, 8, 7)).isEqualTo("X509KYP");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kdb))).isEqualTo("rw-------");
    }

    @Test
    void recordsRoundTripWithLabelsTrustAndDefault() {
        Path kdb = dir.resolve("ring.kdb");
        TestPki.caAndServer(kdb);
        KeyDatabase db = KeyDatabase.open(kdb, TestPki.PASSWORD, TestPki.RANDOM);
        assertThat(db.entries()).extracting(KeyDbEntry::label).containsExactly("ABC CA", "server");
        assertThat(db.get("server").isDefault()).isTrue();
        assertThat(db.get("ABC CA").isDefault()).isFalse();
        assertThat(db.defaultKey()).get().extracting(KeyDbEntry::label).isEqualTo("server");
        assertThat(db.chain("server")).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=localhost,OU=z/OS CS development,O=ABC,L=Raleigh,ST=NC,C=US", "CN=ABC CA,O=ABC,C=US");
        assertThat(db.privateKey("server").getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void writtenFileUsesGskitRecordLayout() throws Exception {
        Path kdb = dir.resolve("ring.kdb");
        TestPki.caAndServer(kdb);
        byte[] data = Files.readAllBytes(kdb);
        assertThat(data.length).isEqualTo(144 + 2 * 5000);
        KdbImage image = KdbCodec.read(data, TestPki.PASSWORD, "ring.kdb");
        assertThat(image.records().get(0).flags().isDefault()).isFalse();
        assertThat(image.records().get(1).flags().isDefault()).isTrue();
        // Slot 2: type 1, record number 2, DER INTEGER 2, then [2] personal.
        int slot2 = 144 + 5000;
        assertThat(java.util.Arrays.copyOfRange(data, slot2, slot2 + 8)).containsExactly(0, 0, 0, 1, 0, 0, 0, 2);
        int der = slot2 + 12;
        assertThat(data[der + 4]).isEqualTo((byte) 0x02);
        assertThat(data[der + 6]).isEqualTo((byte) 2);
        assertThat(data[der + 7]).isEqualTo((byte) 0xA2);
    }

    @Test
    void wrongPasswordChangesNothing() throws Exception {
        Path kdb = dir.resolve("ring.kdb");
        TestPki.caAndServer(kdb);
        byte[] before = Files.readAllBytes(kdb);
        assertThatThrownBy(() -> KeyDatabase.open(kdb, "nope".toCharArray(), TestPki.RANDOM))
                .isInstanceOf(KeyDbException.class).hasMessageContaining("OCSK001E").hasMessageContaining("ring.kdb");
        assertThat(Files.readAllBytes(kdb)).isEqualTo(before);
    }

    @Test
    void duplicateAndUnknownLabelsAreRefusedAndNothingIsWritten() throws Exception {
        Path kdb = dir.resolve("ring.kdb");
        KeyDatabase db = TestPki.caAndServer(kdb);
        byte[] before = Files.readAllBytes(kdb);
        assertThatThrownBy(() -> TestPki.operations().createSelfSigned(db, "server", KeyType.RSA_2048,
                CertificateProfile.END_ENTITY, new SubjectName("x", null, "y", null, null, "US").toX500Name(), 10, List.of()))
                .hasMessageContaining("OCSK005E").hasMessageContaining("'server' is already used");
        assertThatThrownBy(() -> db.setDefault("missing")).hasMessageContaining("OCSK004E").hasMessageContaining("missing");
        assertThatThrownBy(() -> db.rename("server", "ABC CA")).hasMessageContaining("OCSK005E");
        assertThat(Files.readAllBytes(kdb)).isEqualTo(before);
    }

    @Test
    void renameDeleteTrustAndDefaultPersist() {
        Path kdb = dir.resolve("ring.kdb");
        KeyDatabase db = TestPki.caAndServer(kdb);
        db.rename("server", "mvs098");
        db.setTrusted("ABC CA", false);
        db.save();
        KeyDatabase reopened = KeyDatabase.open(kdb, TestPki.PASSWORD, TestPki.RANDOM);
        assertThat(reopened.get("mvs098").isDefault()).isTrue();
        assertThat(reopened.get("ABC CA").trusted()).isFalse();
        assertThat(reopened.trustedCertificates()).isEmpty();
        reopened.delete("mvs098");
        reopened.save();
        assertThat(KeyDatabase.open(kdb, TestPki.PASSWORD, TestPki.RANDOM).entries())
                .extracting(KeyDbEntry::label).containsExactly("ABC CA");
    }

    @Test
    void changedPasswordReencryptsKeysAndOldPasswordFails() {
        Path kdb = dir.resolve("ring.kdb");
        KeyDatabase db = TestPki.caAndServer(kdb);
        X509Certificate server = db.get("server").certificate();
        db.changePassword("new-password".toCharArray());
        db.save();
        assertThatThrownBy(() -> KeyDatabase.open(kdb, TestPki.PASSWORD, TestPki.RANDOM)).hasMessageContaining("OCSK001E");
        KeyDatabase reopened = KeyDatabase.open(kdb, "new-password".toCharArray(), TestPki.RANDOM);
        assertThat(reopened.get("server").certificate()).isEqualTo(server);
        assertThat(reopened.privateKey("server")).isNotNull();
    }

    @Test
    void requestIsKeptInRdbUntilReceived() throws Exception {
        Path kdb = dir.resolve("ring.kdb");
        KeyDatabase db = TestPki.caAndServer(kdb);
        String pem = TestPki.operations().createRequest(db, "pending", KeyType.RSA_2048,
                new SubjectName("USER1", null, "ABC", null, null, "US").toX500Name(), List.of());
        db.save();
        assertThat(Files.size(dir.resolve("ring.rdb"))).isEqualTo(144 + 5000);
        KeyDatabase reopened = KeyDatabase.open(kdb, TestPki.PASSWORD, TestPki.RANDOM);
        assertThat(reopened.get("pending").type()).isEqualTo(EntryType.REQUEST);
        var request = org.opencs.pki.cert.CertificateRequests.read(pem.getBytes(), "req");
        X509Certificate issued = TestPki.operations().signRequest(reopened, "ABC CA", request,
                CertificateProfile.CLIENT, 30);
        assertThat(reopened.receive(issued)).isEqualTo("pending");
        reopened.save();
        KeyDatabase last = KeyDatabase.open(kdb, TestPki.PASSWORD, TestPki.RANDOM);
        assertThat(last.get("pending").type()).isEqualTo(EntryType.PERSONAL);
        assertThat(last.entries(EntryType.REQUEST)).isEmpty();
        assertThat(Files.size(dir.resolve("ring.rdb"))).isEqualTo(144);
    }

    @Test
    void stashOpensTheDatabase() {
        Path kdb = dir.resolve("ring.kdb");
        KeyDatabase db = TestPki.caAndServer(kdb);
        for (StashFile.Format format : StashFile.Format.values()) {
            db.stash(format);
            assertThat(KeyDatabase.openStashed(kdb, TestPki.RANDOM).entries()).hasSize(2);
        }
    }

    @Test
    void gskitFixtureOpensAndAcceptsChanges() throws Exception {
        Path kdb = Fixtures.copyTo(dir, "mixed.kdb");
        Fixtures.copyTo(dir, "mixed.sth");
        KeyDatabase db = KeyDatabase.openStashed(kdb, TestPki.RANDOM);
        assertThat(db.entries(EntryType.PERSONAL)).extracting(KeyDbEntry::label).containsExactly("rsa-keypair", "ec-keypair");
        assertThat(db.chain("rsa-keypair")).hasSize(1);
        db.setDefault("ec-keypair");
        db.save();
        byte[] data = Files.readAllBytes(kdb);
        assertThat(data.length).isEqualTo(20144);
        // Only the default flag of record 2 and the integrity MAC changed.
        KdbImage image = KdbCodec.read(data, Fixtures.PASSWORD, "mixed.kdb");
        assertThat(image.records()).extracting(r -> r.flags().isDefault()).containsExactly(false, true, false, false);
    }

    @Test
    void pkcs12FileWorksAsAKeyDatabase() throws Exception {
        Path p12 = dir.resolve("server.p12");
        KeyDatabase db = KeyDatabase.create(p12, TestPki.PASSWORD, 5000, TestPki.RANDOM);
        TestPki.operations().createSelfSigned(db, "ca", KeyType.RSA_2048, CertificateProfile.CA,
                new SubjectName("P12 CA", null, "ABC", null, null, "US").toX500Name(), 100, List.of());
        TestPki.operations().createSigned(db, "ca", "leaf", KeyType.RSA_2048, CertificateProfile.SERVER,
                new SubjectName("leaf", null, "ABC", null, null, "US").toX500Name(), 100, List.of());
        db.setDefault("leaf");
        db.save();
        assertThat(Files.readAllBytes(p12)[0]).isEqualTo((byte) 0x30);
        KeyDatabase reopened = KeyDatabase.open(p12, TestPki.PASSWORD, TestPki.RANDOM);
        assertThat(reopened.format()).isEqualTo(StoreFormat.PKCS12);
        assertThat(reopened.defaultKey()).get().extracting(KeyDbEntry::label).isEqualTo("leaf");
        assertThat(reopened.entries(EntryType.PERSONAL)).extracting(KeyDbEntry::label).containsExactly("leaf", "ca");
        assertThat(reopened.chain("leaf")).hasSize(2);
    }

    @Test
    void recordLengthChangeIsCheckedAgainstTheLargestRecord() {
        Path kdb = dir.resolve("ring.kdb");
        KeyDatabase db = TestPki.caAndServer(kdb);
        assertThatThrownBy(() -> db.changeRecordLength(100)).hasMessageContaining("between 2500 and 65536");
        db.changeRecordLength(8000);
        db.save();
        assertThat(KeyDatabase.open(kdb, TestPki.PASSWORD, TestPki.RANDOM).recordLength()).isEqualTo(8000);
    }
}
