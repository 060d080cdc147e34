package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.ftp.jes.InMemoryJes;
import org.opencs.testkit.ExternalCommand;

/**
 * SITE FILETYPE=JES and job submission through STOR (z/OS Communications Server IP Configuration Guide, "Verifying
 * the FTP-to-JES interface": {@code 125 Sending Job to JES internal reader FIXrecfm 80},
 * {@code 250-It is known to JES as JOB00076}), with Apache Commons Net, curl and a raw control connection, against
 * the in-memory JES test double; the SITE JES keywords and STAT's JES lines (IP User's Guide and Commands, "Steps for
 * submitting a job": {@code 211-JESINTERFACELEVEL is 2}, {@code 211-JESOWNER is USER1}, {@code 211-JESJOBNAME is USER1*}).
 */
class FtpJesSubmitTest {
    static final String JCL = "//USER1A JOB (ACCT),'TEST',CLASS=A,MSGCLASS=H\r\n//STEP1 EXEC PGM=IEFBR14\r\n";

    @RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private InMemoryJes jes;
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        jes = new InMemoryJes(Set.of());
        server = log.serve(FtpDataParser.parse("INACTIVE 0\nSTARTDIRECTORY MVS\nJESINTERFACELEVEL 2\nFTPLOGGING TRUE",
                "FTP.DATA").config(), system.registry, jes);
    }

    @AfterEach
    void stop() {
        server.close();
        system.close();
    }

    @Test
    void commonsNetSubmitsAJobWithStor() throws Exception {
        FTPClient ftp = new FTPClient();
        ftp.connect("127.0.0.1", server.port());
        assertThat(ftp.login("USER1", "user1pw")).isTrue();
        assertThat(ftp.sendSiteCommand("FILETYPE=JES")).isTrue();
        ftp.enterLocalPassiveMode();
        ftp.setFileType(FTP.ASCII_FILE_TYPE);
        assertThat(ftp.storeFile("job.jcl", new ByteArrayInputStream(JCL.replace("\r\n", "\n")
                .getBytes(StandardCharsets.US_ASCII)))).as(ftp.getReplyString()).isTrue();
        assertThat(ftp.getReplyStrings()).containsExactly("250-It is known to JES as JOB00076",
                "250 Transfer completed successfully.");
        ftp.logout();
        assertThat(jes.records("JOB00076")).containsExactly("//USER1A JOB (ACCT),'TEST',CLASS=A,MSGCLASS=H",
                "//STEP1 EXEC PGM=IEFBR14");
        assertThat(Files.readString(system.registry.home().logs().resolve("ftp-activity.log")))
                .contains("TRANS JES jobid=JOB00076").contains("TRANS Reply=250 Transfer completed successfully.");
    }

    @Test
    void theRepliesAreZosOwnByteForByte() throws Exception {
        try (RawFtp raw = new RawFtp(server.port()).logOn()) {
            assertThat(raw.send("SITE FILETYPE=JES")).isEqualTo("200 SITE command was accepted");
            assertThat(raw.upload("STOR JOB.JCL", JCL.getBytes(StandardCharsets.US_ASCII)))
                    .isEqualTo("250-It is known to JES as JOB00076\n250 Transfer completed successfully.");
            assertThat(raw.lastStart).isEqualTo("125 Sending Job to JES internal reader FIXrecfm 80");
            // TYPE I: the upload is EBCDIC 80-byte records, as the internal reader reads them.
            raw.send("TYPE I");
            byte[] card = new byte[160];
            String text = String.format("%-80s%-80s", "//USER1B JOB CLASS=B", "//S EXEC PGM=IEFBR14");
            for (int i = 0; i < card.length; i++) {
                card[i] = org.opencs.core.CodePage.IBM_1047.encode(text.charAt(i));
            }
            assertThat(raw.upload("STOR B", card)).startsWith("250-It is known to JES as JOB00077");
            assertThat(jes.records("JOB00077").get(0).stripTrailing()).isEqualTo("//USER1B JOB CLASS=B");
            // A record longer than the internal reader's 80 columns: nothing is submitted.
            raw.send("TYPE A");
            String tooLong = JCL + "//SYSIN DD *" + " ".repeat(60) + "X".repeat(20) + "\r\n";
            assertThat(raw.upload("STOR C", tooLong.getBytes(StandardCharsets.US_ASCII))).isEqualTo(
                    "451-File transfer failed. File contains records that are longer than the LRECL of the new file.\n"
                    + "451 Transfer aborted: record 3 has 92 characters; the JES internal reader takes at most 80"
                    + " (JESLRECL). The job was not submitted.");
            // JES refuses what is no job: its reason is the 550 text.
            assertThat(raw.upload("STOR D", "HELLO\r\n".getBytes(StandardCharsets.US_ASCII)))
                    .isEqualTo("550 Job has no JOB statement; not submitted");
            raw.send("SITE FILETYPE=SEQ");
            assertThat(raw.send("STAT (FILETYPE")).startsWith("211-Server site variable FILETYPE is set to SEQ");
        }
        assertThat(log.violations()).isEmpty();
    }

    @Test
    void curlSubmitsWithSiteFiletypeJes() throws Exception {
        Path job = dir.resolve("job.jcl");
        Files.writeString(job, "//USER1C JOB CLASS=A\n//STEP1 EXEC PGM=IEFBR14\n");
        var curl = ExternalCommand.run(dir, null, List.of("curl", "-sS", "-v", "--user", "USER1:user1pw", "-B", "-Q",
                "SITE FILETYPE=JES", "-T", job.toString(), "ftp://127.0.0.1:" + server.port() + "/job.jcl"));
        assertThat(curl.exitCode()).as(curl.all()).isZero();
        assertThat(curl.stderr()).contains("< 125 Sending Job to JES internal reader FIXrecfm 80")
                .contains("< 250-It is known to JES as JOB00076");
        assertThat(jes.records("JOB00076")).containsExactly("//USER1C JOB CLASS=A", "//STEP1 EXEC PGM=IEFBR14");
    }

    @Test
    void siteJesKeywordsAndStat() throws Exception {
        try (RawFtp raw = new RawFtp(server.port()).logOn()) {
            String stat = raw.send("STAT");
            assertThat(stat).contains("211-JESINTERFACELEVEL is 2\n211-JESOWNER is USER1\n211-JESJOBNAME is USER1*\n"
                    + "211-JESSTATUS is ALL\n211-JESENTRYLIMIT is 200\n211-Server site variable JESGETBYDSN is set to FALSE\n"
                    + "211-Server site variable JESPUTGETTO is set to 600\n");
            assertThat(raw.send("SITE FILE=JES JESJOBN=* JESO=* JESST=OUTPUT JESENTRYL=10 JESGETBYDSN JESPUTGETTO=30"))
                    .isEqualTo("200 SITE command was accepted");
            assertThat(raw.send("STAT")).contains("211-Server site variable FILETYPE is set to JES\n")
                    .contains("211-JESOWNER is *\n211-JESJOBNAME is *\n211-JESSTATUS is OUTPUT\n211-JESENTRYLIMIT is 10\n"
                            + "211-Server site variable JESGETBYDSN is set to TRUE\n"
                            + "211-Server site variable JESPUTGETTO is set to 30\n");
            assertThat(raw.send("STAT (JESOWNER")).isEqualTo("211-Server site variable JESOWNER is set to *\n"
                    + "211 *** end of status ***");
            // Empty values restore the defaults; bad values are noted and change nothing.
            assertThat(raw.send("SITE JESOWNER= JESJOBNAME= JESSTATUS=DONE JESENTRYLIMIT=2000 JESJOBNAME=TOOLONGNAME"))
                    .isEqualTo("200-JESSTATUS parameter (DONE) must be ALL, INPUT, ACTIVE or OUTPUT. JESSTATUS ignored.\n"
                            + "200-JESENTRYLIMIT parameter (2000) must be between 1 and 1024. JESENTRYLIMIT ignored.\n"
                            + "200-JESJOBNAME parameter (TOOLONGNAME) is not a valid job name pattern. JESJOBNAME ignored.\n"
                            + "200 SITE command was accepted");
            assertThat(raw.send("STAT")).contains("211-JESOWNER is USER1\n211-JESJOBNAME is USER1*\n211-JESSTATUS is OUTPUT\n");
            // JESINTERFACELEVEL is the installation's (FTP.DATA): z/OS does not know it as a SITE parameter.
            assertThat(raw.send("SITE JESINTERFACELEVEL=1")).isEqualTo(
                    "200-Unrecognized parameter 'JESINTERFACELEVEL=1' on SITE command.\n200 SITE command was accepted");
            assertThat(raw.send("HELP SITE")).contains("214-FILETYPE=JES  JESJOBNAME=pattern");
        }
    }

    @Test
    void withoutJesFiletypeJesIsRefusedAsBefore() throws Exception {
        try (FtpServer plain = log.serve(FtpDataParser.parse("INACTIVE 0", "FTP.DATA").config(), system.registry, null);
             RawFtp raw = new RawFtp(plain.port()).logOn()) {
            assertThat(raw.send("SITE FILETYPE=JES")).isEqualTo(
                    "504 Command SITE aborted -- FTP server not configured for parameter FILETYPE=JES.");
            assertThat(raw.send("SITE JESOWNER=*")).isEqualTo(
                    "504 Command SITE aborted -- FTP server not configured for parameter JESOWNER=*.");
            assertThat(raw.send("STAT")).doesNotContain("JESINTERFACELEVEL");
        }
    }
}
