package org.opencs.pki.gskkyman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.EntryType;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbEntry;
import org.opencs.testkit.ExternalCommand;
import org.opencs.testkit.ExternalCommand.Result;

/** The seed's own gskkyman session ("Self-signed Server Certificate using gskkyman"), answer by answer. */
class GskkymanSeedSessionTest {
                                           // exit program

    @TempDir
    Path dir;

    @Test
    void seedSessionProducesTheSeedsFilesAndCertificate() throws Exception {
        GskkymanSession.Outcome outcome = GskkymanSession.interactive(dir, GskkymanSession.SEED_ANSWERS);
        String t = outcome.transcript();
        assertThat(outcome.exitCode()).isZero();
        assertThat(t).contains("Key database " + dir.resolve("abckey.kdb") + " created.")
                .contains("Enter database record length (press ENTER to use 5000): ")
                .contains("5 - End user certificate with 2048-bit RSA key")
                .contains("Certificate created.").contains("Default key set.").contains("Certificate exported.")
                .contains("Database password stored in " + dir.resolve("abckey.sth") + ".")
                .contains("Key and Certificate List").contains("1 - mvs098_self_signed")
                .contains("Export File Format\n\n1 - Binary ASN.1 DER\n2 - Base64 ASN.1 DER\n3 - Binary PKCS #7\n4 - Base64 PKCS #7")
                .doesNotContain("xxxxxx");
        for (String file : new String[] {"abckey.kdb", "abckey.rdb", "abckey.sth"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        assertThat(Files.size(dir.resolve("abckey.sth"))).isEqualTo(StashFile.V8_LENGTH);

        Result x509 = ExternalCommand.run(dir, "openssl", "x509", "-in", "mvs098_self_signed.crt", "-noout",
                "-subject", "-text", "-dates");
        assertThat(x509.exitCode()).as(x509.all()).isZero();
        assertThat(x509.stdout())
                .contains("subject=C = US, ST = NC, L = Raleigh, O = IBM, OU = z/OS CS development, CN = MVS098 self signed server certificate")
                .contains("Public-Key: (2048 bit)");
        Result days = ExternalCommand.run(dir, "sh", "-c", "nb=$(date -d \"$(openssl x509 -in mvs098_self_signed.crt -noout -startdate | cut -d= -f2)\" +%s);"
                + " na=$(date -d \"$(openssl x509 -in mvs098_self_signed.crt -noout -enddate | cut -d= -f2)\" +%s); echo $(( (na - nb) / 86400 ))");
        assertThat(days.stdout().trim()).isEqualTo("1000");

        KeyDatabase db = KeyDatabase.openStashed(dir.resolve("abckey.kdb"), new java.security.SecureRandom());
        assertThat(db.defaultKey()).get().extracting(KeyDbEntry::label).isEqualTo("mvs098_self_signed");
        assertThat(db.get("mvs098_self_signed").isDefault()).isTrue();
        assertThat(db.entries(EntryType.CA)).as("option 1 adds initial CA certificates").isNotEmpty();
    }

    @Test
    void option1bCreatesAnEmptyDatabaseAndExitAnswersEndTheSession() throws Exception {
        GskkymanSession.Outcome outcome = GskkymanSession.interactive(dir, "1b", "empty.kdb", "pw1", "pw1", "", "", "", "11", "", "0");
        assertThat(outcome.transcript()).contains("Record length: 5000");
        assertThat(Files.size(dir.resolve("empty.kdb"))).isEqualTo(144);
    }
}
