package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPClientConfig;
import org.apache.commons.net.ftp.FTPFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.ftp.jes.InMemoryJes;
import org.opencs.testkit.ExternalCommand;

/**
 * LIST, NLST and LIST JOBnnnnn in FILETYPE=JES at JESINTERFACELEVEL 1 and 2, byte for byte as
 * shared/reference/zos-ftp.md section 2.6 has them (IP User's Guide and Commands, "Displaying the status of a job",
 * dispstatusdirlevel2, and "JESINTERFACELEVEL differences", jesintdiff; lftp issue 500 for level 1), read by Apache
 * Commons Net's MVS parser (its JES modes name each OUTPUT job by its job ID) and by lftp.
 */
class FtpJesListTest {
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
        system.user("USER2");
        jes = new InMemoryJes(Set.of("USER2")); // USER2 may see every job (SPECIAL)
        jes.add("USER1A", "USER1", "A", false); // JOB00076
        jes.end("JOB00076", "RC=0000", Map.of("SYSPRINT", List.of(" HELLO")));
        jes.add("USER1B", "USER1", "A", false); // JOB00077
        jes.end("JOB00077", "(JCL error)", Map.of());
        jes.add("USER1C", "USER1", "B", true); // JOB00078, held in INPUT
        jes.add("USER1D", "USER1", "A", false); // JOB00079
        jes.run("JOB00079", "STEP2", "PSTEP");
        jes.add("PAYROLL", "USER1", "A", false); // JOB00080: a name other than USER1 + one character
        jes.end("JOB00080", "ABEND=806", Map.of());
        jes.add("USER2X", "USER2", "A", false); // JOB00081: another user's job
    }

    private void serve(String level) throws Exception {
        server = log.serve(FtpDataParser.parse("INACTIVE 0\nSTARTDIRECTORY MVS\nJESINTERFACELEVEL " + level, "FTP.DATA")
                .config(), system.registry, jes);
    }

    @AfterEach
    void stop() {
        server.close();
        system.close();
    }

    @Test
    void levelTwoListsJobsInZosColumns() throws Exception {
        serve("2");
        try (RawFtp raw = new RawFtp(server.port()).logOn()) {
            raw.send("SITE FILETYPE=JES");
            String[] list = raw.download("LIST");
            assertThat(raw.lastStart).isEqualTo("125 List started OK for JESJOBNAME=USER1*, JESSTATUS=ALL and JESOWNER=USER1");
            assertThat(list[0]).isEqualTo("JOBNAME  JOBID    OWNER    STATUS CLASS\r\n"
                    + "USER1A   JOB00076 USER1    OUTPUT A        RC=0000 4 spool files\r\n"
                    + "USER1B   JOB00077 USER1    OUTPUT A        (JCL error) 3 spool files\r\n"
                    + "USER1C   JOB00078 USER1    INPUT  B        -HELD-\r\n"
                    + "USER1D   JOB00079 USER1    ACTIVE A\r\n");
            assertThat(list[1]).isEqualTo("250 List completed successfully.");
            // NLST: job IDs; a wildcard selects job IDs; the filters select names, owners and status.
            assertThat(raw.download("NLST")[0]).isEqualTo("JOB00076\r\nJOB00077\r\nJOB00078\r\nJOB00079\r\n");
            raw.send("SITE JESJOBNAME=* JESSTATUS=OUTPUT JESENTRYLIMIT=2");
            String[] limited = raw.download("LIST JOB*");
            assertThat(limited[0]).isEqualTo("JOBNAME  JOBID    OWNER    STATUS CLASS\r\n"
                    + "USER1A   JOB00076 USER1    OUTPUT A        RC=0000 4 spool files\r\n"
                    + "USER1B   JOB00077 USER1    OUTPUT A        (JCL error) 3 spool files\r\n");
            assertThat(limited[1]).isEqualTo("250-JESENTRYLIMIT of 2 reached.  Additional entries not displayed\n"
                    + "250 List completed successfully.");
            raw.send("SITE JESENTRYLIMIT=200 JESJOBNAME=NOSUCH*");
            assertThat(raw.download("LIST")[1])
                    .isEqualTo("550 No jobs found for JESJOBNAME=NOSUCH*, JESSTATUS=OUTPUT and JESOWNER=USER1");
            // Another user's job is not there for USER1, even with JESOWNER=*: JES decides what a user sees.
            raw.send("SITE JESJOBNAME=* JESOWNER=* JESSTATUS=ALL");
            assertThat(raw.download("NLST")[0]).doesNotContain("JOB00081").contains("JOB00080");
        }
    }

    @Test
    void listOfAJobShowsItsSpoolFilesOrItsStep() throws Exception {
        serve("2");
        try (RawFtp raw = new RawFtp(server.port()).logOn()) {
            raw.send("SITE FILETYPE=JES");
            String[] detail = raw.download("LIST JOB00076");
            assertThat(detail[0]).isEqualTo("JOBNAME  JOBID    OWNER    STATUS CLASS\r\n"
                    + "USER1A   JOB00076 USER1    OUTPUT A        RC=0000\r\n"
                    + "--------\r\n"
                    + "         ID  STEPNAME PROCSTEP C DDNAME   BYTE-COUNT \r\n"
                    + "         001 JES2              H JESMSGLG       101 \r\n"
                    + "         002 JES2              H JESJCL           0 \r\n"
                    + "         003 JES2              H JESYSMSG        59 \r\n"
                    + "         004 STEP1             A SYSPRINT         7 \r\n"
                    + "4 spool files\r\n");
            assertThat(detail[0].lines().filter(l -> l.matches(
                    "^ {9}(\\d{3}) (.{8}) (.{8}) (.) (.{8}) {1,9}(\\d{1,9}) $")).count()).isEqualTo(4); // lars-sh's pattern
            assertThat(raw.download("LIST J0079")[0]).isEqualTo("JOBNAME  JOBID    OWNER    STATUS CLASS\r\n"
                    + "USER1D   JOB00079 USER1    ACTIVE A\r\n--------\r\nSTEPNAME STEP2    PROCNAME PSTEP\r\n");
            assertThat(raw.download("LIST JOB00099")[1]).isEqualTo(
                    "550 Jobid JOB00099 not found for JESJOBNAME=USER1*, JESSTATUS=ALL, JESOWNER=USER1");
        }
    }

    @Test
    void levelOneShowsTheUsersJobsNamedUserPlusOneCharacter() throws Exception {
        serve("1");
        try (RawFtp raw = new RawFtp(server.port()).logOn()) {
            raw.send("SITE FILETYPE=JES");
            String[] list = raw.download("LIST JOB00080"); // the argument is ignored at level 1
            assertThat(raw.lastStart).isEqualTo("125 List started OK");
            assertThat(list[0]).isEqualTo("USER1A    JOB00076  OUTPUT    4 Spool Files\r\n"
                    + "USER1B    JOB00077  OUTPUT    3 Spool Files\r\n"
                    + "USER1C    JOB00078  INPUT     0 Spool Files\r\n"
                    + "USER1D    JOB00079  ACTIVE    1 Spool Files\r\n");
            assertThat(raw.send("STAT")).contains("211-JESINTERFACELEVEL is 1\n");
        }
    }

    /** Commons Net picks its JES mode from the first line and names every OUTPUT job by its job ID. */
    @Test
    void commonsNetParsesBothLevels() throws Exception {
        for (String level : List.of("1", "2")) {
            serve(level);
            FTPClient ftp = new FTPClient();
            ftp.configure(new FTPClientConfig(FTPClientConfig.SYST_MVS));
            ftp.connect("127.0.0.1", server.port());
            assertThat(ftp.login("USER1", "user1pw")).isTrue();
            assertThat(ftp.sendSiteCommand("FILETYPE=JES")).isTrue();
            ftp.enterLocalPassiveMode();
            FTPFile[] files = ftp.listFiles();
            assertThat(Arrays.stream(files).map(FTPFile::getName).toList()).as("level " + level)
                    .containsExactly("JOB00076", "JOB00077");
            assertThat(ftp.listNames()).containsExactly("JOB00076", "JOB00077", "JOB00078", "JOB00079");
            ftp.logout();
            ftp.disconnect();
            server.close();
        }
    }

    @Test
    void lftpReadsTheJobList() throws Exception {
        serve("2");
        String script = String.join("; ", "set net:max-retries 1", "set net:timeout 20", "set ftp:passive-mode true",
                "open -u USER1,user1pw -p " + server.port() + " 127.0.0.1", "quote SITE FILETYPE=JES", "cls -1", "ls");
        var result = ExternalCommand.run(dir, null, List.of("lftp", "-c", script));
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout()).contains("USER1A   JOB00076 USER1    OUTPUT A        RC=0000 4 spool files")
                .contains("JOB00079");
    }
}
