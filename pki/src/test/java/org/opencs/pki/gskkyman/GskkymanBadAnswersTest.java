package org.opencs.pki.gskkyman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad answers get a specific message and change nothing on disk. */
class GskkymanBadAnswersTest {
    @TempDir
    Path dir;

    private void createDatabase() {
        GskkymanSession.interactive(dir, "1b", "k.kdb", "pw-1", "pw-1", "", "", "", "0");
    }

    @Test
    void invalidMenuOptionIsExplained() {
        String t = GskkymanSession.interactive(dir, "42", "0").transcript();
        assertThat(t).contains("Option '42' is not valid.");
    }

    @Test
    void mismatchedPasswordsAndBadNumbersAreAskedAgain() {
        String t = GskkymanSession.interactive(dir, "1b", "k.kdb", "pw-1", "pw-2", "pw-1", "pw-1", "abc", "10000", "",
                "99", "", "", "0").transcript();
        assertThat(t).contains("Passwords do not match.")
                .contains("The password expiration must be between 0 and 9999 days.")
                .contains("The record length must be between 2500 and 65536.")
                .contains("created.");
    }

    @Test
    void wrongPasswordOnOpenIsReportedAndTheFileIsUnchanged() throws Exception {
        createDatabase();
        byte[] before = Files.readAllBytes(dir.resolve("k.kdb"));
        String t = GskkymanSession.interactive(dir, "2", "k.kdb", "nope", "", "0").transcript();
        assertThat(t).contains("OCSK001E An invalid database password was encountered for " + dir.resolve("k.kdb"));
        assertThat(Files.readAllBytes(dir.resolve("k.kdb"))).isEqualTo(before);
    }

    @Test
    void countryCodeAndValidityAreCheckedAndDuplicateLabelRefused() throws Exception {
        createDatabase();
        String t = GskkymanSession.interactive(dir, "2", "k.kdb", "pw-1",
                "6", "5", "srv", "CN", "", "O", "", "", "USA", "US", "0", "10000", "30", "",
                "6", "5", "srv", "", "0").transcript();
        assertThat(t).contains("The country/region code must be 2 characters.")
                .contains("The number of days must be between 1 and 9999.")
                .contains("Certificate created.")
                .contains("OCSK005E The label 'srv' is already used in the database.");
    }

    @Test
    void missingImportFileAndMalformedCertificateAreReported() throws Exception {
        createDatabase();
        byte[] before = Files.readAllBytes(dir.resolve("k.kdb"));
        Files.writeString(dir.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        Files.write(dir.resolve("short.der"), new byte[] {0x30, (byte) 0x82, 0x03, 0x00, 0x30, 0x01});
        String t = GskkymanSession.interactive(dir, "2", "k.kdb", "pw-1",
                "7", "missing.crt", "lbl", "",
                "7", "bad.pem", "lbl", "",
                "7", "short.der", "lbl", "", "0").transcript();
        assertThat(t).contains("OCSK003E The file " + dir.resolve("missing.crt") + " does not exist or cannot be read.")
                .contains("OCSK006E " + dir.resolve("bad.pem"))
                .contains("OCSK006E " + dir.resolve("short.der") + " does not contain a valid certificate");
        assertThat(Files.readAllBytes(dir.resolve("k.kdb"))).isEqualTo(before);
    }

    @Test
    void damagedDatabaseIsReportedWithItsName() throws Exception {
        createDatabase();
        byte[] data = Files.readAllBytes(dir.resolve("k.kdb"));
        data[0x70] ^= 0x55; // inside the integrity MAC: the password still verifies, the content check fails
        Files.write(dir.resolve("k.kdb"), data);
        String t = GskkymanSession.interactive(dir, "2", "k.kdb", "pw-1", "", "0").transcript();
        assertThat(t).contains("OCSK002E Key database " + dir.resolve("k.kdb") + " is damaged: its integrity check (MAC)");
    }
}
