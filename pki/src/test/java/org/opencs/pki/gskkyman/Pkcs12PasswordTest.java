package org.opencs.pki.gskkyman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.TestPki;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbFiles;

/**
 * A wrong PKCS #12 password is reported as the PKCS #12 file's password being wrong (OCSK008E), wherever a .p12 is
 * read: imported into a key database (keydb import, gskkyman -i), or opened as a key database itself (with a password,
 * or with the stash a server or a key ring reference uses). Never "an invalid database password": the database the
 * user opened took its password. RACDCERT ADD ... PASSWORD is covered in the tso module (RacdcertAddTest).
 */
class Pkcs12PasswordTest {
    @TempDir
    Path dir;

    private static final String WRONG_P12 = "OCSK008E The PKCS #12 password for ";
    private static final String DB_PASSWORD = "An invalid database password";

    @BeforeEach
    void files() throws Exception {
        KeyDatabase ring = TestPki.caAndServer(dir.resolve("ring.kdb"));
        Files.write(dir.resolve("server.p12"), TestPki.operations().exportWithKey(ring, "server",
                ExportFormat.BINARY_PKCS12, "p12pw".toCharArray()));
    }

    @Test
    void keydbImportNamesThePkcs12Password() throws Exception {
        KeyDatabase target = KeyDatabase.create(dir.resolve("other.kdb"), TestPki.PASSWORD, 5000, TestPki.RANDOM);
        assertThatThrownBy(() -> TestPki.operations().importPkcs12(target, "copied",
                Files.readAllBytes(dir.resolve("server.p12")), "wrong".toCharArray(), "server.p12"))
                .isInstanceOf(KeyDbException.class).hasMessageStartingWith(WRONG_P12 + "server.p12 is wrong")
                .hasMessageNotContaining(DB_PASSWORD);
    }

    @Test
    void gskkymanImportNamesThePkcs12Password() throws Exception {
        KeyDatabase.create(dir.resolve("other.kdb"), TestPki.PASSWORD, 5000, TestPki.RANDOM);
        var imported = GskkymanSession.run(dir, List.of(new String(TestPki.PASSWORD), "wrong"),
                List.of("-i", "-k", "other.kdb", "-l", "copied", "-p", "server.p12"));
        assertThat(imported.transcript()).contains(WRONG_P12).contains("server.p12 is wrong")
                .doesNotContain(DB_PASSWORD).doesNotContain("imported with label");
        assertThat(imported.exitCode()).isNotZero();
    }

    /** A .p12 opened as a key database (keydb list x.p12, a KEYRING HFS x.p12): its password is the file's. */
    @Test
    void aPkcs12KeyDatabaseNamesThePkcs12Password() throws Exception {
        Path p12 = dir.resolve("server.p12");
        assertThatThrownBy(() -> KeyDatabase.open(p12, "wrong".toCharArray(), TestPki.RANDOM))
                .hasMessageStartingWith(WRONG_P12).hasMessageNotContaining(DB_PASSWORD);
        // Its stash holding another password, as a server opening KEYRING HFS .../server.p12 reads it.
        KeyDatabase other = KeyDatabase.create(dir.resolve("other.p12"), "another-pw".toCharArray(), 5000,
                TestPki.RANDOM);
        Files.copy(other.stash(StashFile.Format.V8), KeyDbFiles.stash(p12));
        assertThatThrownBy(() -> KeyDatabase.openStashed(p12, TestPki.RANDOM))
                .hasMessageStartingWith(WRONG_P12).hasMessageNotContaining(DB_PASSWORD);
        // With the right password it opens.
        assertThat(KeyDatabase.open(p12, "p12pw".toCharArray(), TestPki.RANDOM).entries()).isNotEmpty();
    }

    /** A real key database with a wrong password keeps GSKit's wording: that one is a database password. */
    @Test
    void aKdbKeepsTheDatabasePasswordMessage() {
        assertThatThrownBy(() -> KeyDatabase.open(dir.resolve("ring.kdb"), "wrong".toCharArray(), TestPki.RANDOM))
                .hasMessageStartingWith("OCSK001E " + DB_PASSWORD);
    }
}
