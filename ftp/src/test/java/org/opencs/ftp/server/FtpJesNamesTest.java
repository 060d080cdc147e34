package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.opencs.ftp.jes.JesJob;
import org.opencs.ftp.jes.JesSpoolFile;

/**
 * The job names RETR, DELE and LIST take in FILETYPE=JES (IP User's Guide and Commands, "Receiving individual spool
 * files": JOBnnnnn.n, and "the letter J followed by a 4-digit or 5-digit job number"; IP and SNA Codes ftp125-17:
 * ".X" or .1 to the number of files, .0 ignored) and the listing lines (zos-ftp.md section 2.6).
 */
class FtpJesNamesTest {
    @Test
    void jobIdsInEveryFormZosTakes() {
        assertThat(JesNames.parse("JOB00123")).contains(new JesNames.Ref("JOB00123", 0));
        assertThat(JesNames.parse("job00123.x")).contains(new JesNames.Ref("JOB00123", 0));
        assertThat(JesNames.parse("'JOB00123.2'")).contains(new JesNames.Ref("JOB00123", 2));
        assertThat(JesNames.parse("JOB00123.0")).contains(new JesNames.Ref("JOB00123", 0));
        assertThat(JesNames.parse("J5444.1")).contains(new JesNames.Ref("JOB05444", 1));
        assertThat(JesNames.parse("J05766.6")).contains(new JesNames.Ref("JOB05766", 6));
        assertThat(JesNames.parse("J0887745.1")).contains(new JesNames.Ref("J0887745", 1));
        assertThat(JesNames.parse("TSU00024")).contains(new JesNames.Ref("TSU00024", 0));
        assertThat(JesNames.parse("STC00001.3")).contains(new JesNames.Ref("STC00001", 3));
        for (String bad : List.of("", "JOB", "JOB123", "JOB00123.", "JOB00123.y", "USER1.JCL(JOB)", "J123", "JOB00123.1.2")) {
            assertThat(JesNames.parse(bad)).as(bad).isEmpty();
        }
    }

    @Property
    void aJobIdAndFileNumberReadBackAsWritten(@ForAll @IntRange(min = 0, max = 99999) int number,
                                             @ForAll @IntRange(min = 0, max = 999) int file) {
        String id = String.format("JOB%05d", number);
        Optional<JesNames.Ref> ref = JesNames.parse(id + (file == 0 ? ".x" : "." + file));
        assertThat(ref).contains(new JesNames.Ref(id, file));
        assertThat(JesNames.parse(String.format("J%05d.%d", number, file))).contains(new JesNames.Ref(id, file));
    }

    @Test
    void filterPatterns() {
        assertThat(JesNames.matches("USER1*", "USER1")).isTrue();
        assertThat(JesNames.matches("USER1?", "USER1A")).isTrue();
        assertThat(JesNames.matches("USER1?", "USER1")).isFalse();
        assertThat(JesNames.matches("*", "ANY")).isTrue();
        assertThat(JesNames.matches("user1*", "USER1X")).isTrue();
        assertThat(JesNames.matches("A.B", "AXB")).isFalse(); // no regular expressions
    }

    @Property
    void levelTwoLinesKeepTheirColumns(@ForAll("names") String name, @ForAll @IntRange(min = 0, max = 999) int files) {
        JesJob job = new JesJob(name, "JOB00001", name, "OUTPUT", "A", false, "RC=0000", files, null, null);
        String line = JesListings.level2(job);
        assertThat(line.substring(0, 8).trim()).isEqualTo(name);
        assertThat(line.substring(9, 17)).isEqualTo("JOB00001");
        assertThat(line.substring(27, 33)).isEqualTo("OUTPUT");
        assertThat(line.substring(34)).isEqualTo("A        RC=0000 " + files + " spool files");
        // Commons Net's level 1 detection: "Spool Files" at column 30 or later of the first line.
        assertThat(JesListings.level1(job).indexOf("Spool Files")).isGreaterThanOrEqualTo(30);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> names() {
        return net.jqwik.api.Arbitraries.strings().withChars("ABCXYZ0123@#$").ofMinLength(1).ofMaxLength(8);
    }

    @Test
    void spoolDataSetNamesNumberAsJes2Does() {
        JesJob job = new JesJob("USER1A", "JOB00076", "USER1", "OUTPUT", "A", false, "RC=0000", 5, null, null);
        List<JesSpoolFile> files = List.of(new JesSpoolFile(1, "JES2", "", "H", "JESMSGLG", 10),
                new JesSpoolFile(2, "JES2", "", "H", "JESJCL", 10), new JesSpoolFile(3, "JES2", "", "H", "JESYSMSG", 10),
                new JesSpoolFile(4, "STEP1", "", "A", "SYSPRINT", 10), new JesSpoolFile(5, "STEP2", "", "A", "SYSUT2", 10));
        assertThat(files.stream().map(f -> JesListings.dataSetName(job, f, files)).toList()).containsExactly(
                "USER1.USER1A.JOB00076.D0000002.JESMSGLG", "USER1.USER1A.JOB00076.D0000003.JESJCL",
                "USER1.USER1A.JOB00076.D0000004.JESYSMSG", "USER1.USER1A.JOB00076.D0000101.SYSPRINT",
                "USER1.USER1A.JOB00076.D0000102.SYSUT2");
        assertThat(JesListings.spoolRow(files.get(0))).isEqualTo("         001 JES2              H JESMSGLG        10 ");
    }
}
