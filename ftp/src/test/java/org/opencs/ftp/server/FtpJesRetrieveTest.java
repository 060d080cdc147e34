package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.ftp.jes.InMemoryJes;
import org.opencs.testkit.ExternalCommand;

/**
 * RETR of spool files (JOBnnnnn.n, JOBnnnnn.x, JOBnnnnn), DELE of jobs, and RETR of a data set's JCL with
 * JESGETBYDSN, with z/OS's replies (shared/reference/zos-ftp.md section 1.5; IP User's Guide and Commands,
 * "Receiving individual spool files" and "Steps for submitting a job and automatically receiving output"; IP and SNA
 * Codes ftp125-17, ftp550-87), over a raw control connection and Python's ftplib.
 */
class FtpJesRetrieveTest {
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
        jes.add("USER1A", "USER1", "A", false); // JOB00076
        jes.end("JOB00076", "RC=0000", Map.of("SYSPRINT", List.of(" HELLO FROM STEP1")));
        server = log.serve(FtpDataParser.parse("INACTIVE 0\nSTARTDIRECTORY MVS\nJESINTERFACELEVEL 2\nJESPUTGETTO 5",
                "FTP.DATA").config(), system.registry, jes);
    }

    @AfterEach
    void stop() {
        server.close();
        system.close();
    }

    @Test
    void retrieveOneOrAllSpoolFiles() throws Exception {
        try (RawFtp raw = new RawFtp(server.port()).logOn()) {
            raw.send("SITE FILETYPE=JES");
            String[] one = raw.download("RETR JOB00076.1");
            assertThat(raw.lastStart).isEqualTo("125 Sending data set USER1.USER1A.JOB00076.D0000002.JESMSGLG");
            assertThat(one[0]).isEqualTo("1                    J E S 2  J O B  L O G\r\n $HASP373 USER1A STARTED\r\n"
                    + " $HASP395 USER1A ENDED - RC=0000\r\n");
            assertThat(one[1]).isEqualTo("250 Transfer completed successfully.");
            raw.download("RETR J0076.4");
            assertThat(raw.lastStart).isEqualTo("125 Sending data set USER1.USER1A.JOB00076.D0000101.SYSPRINT");
            String[] all = raw.download("RETR JOB00076.x");
            assertThat(raw.lastStart).isEqualTo("125 Sending all spool files for requested Jobid");
            assertThat(all[0]).startsWith("1                    J E S 2  J O B  L O G\r\n")
                    .contains(" $HASP395 USER1A ENDED - RC=0000\r\n !! END OF JES SPOOL FILE !!\r\n")
                    .endsWith(" HELLO FROM STEP1\r\n !! END OF JES SPOOL FILE !!\r\n");
            assertThat(all[0].split(" !! END OF JES SPOOL FILE !!", -1)).hasSize(5);
            assertThat(raw.download("RETR JOB00076")[0]).isEqualTo(all[0]); // ftp125-17: all files
            assertThat(raw.download("RETR JOB00076.9")[1])
                    .isEqualTo("550 Spool file 9 of JOB00076 not found; the job has 4 spool files.");
            assertThat(raw.download("RETR JOB00099.1")[1])
                    .isEqualTo("550 Jobid JOB00099 not found for JESJOBNAME=USER1*, JESSTATUS=ALL, JESOWNER=USER1");
            assertThat(raw.download("RETR 'USER1.JCL(JOB)'")[1]).startsWith("550 RETR fails: 'USER1.JCL(JOB)' is not a job ID");
        }
    }

    @Test
    void ftplibRetrievesAndDeletes() {
        String program = "import ftplib\nf = ftplib.FTP()\nf.connect('127.0.0.1', " + server.port() + ")\n"
                + "f.login('USER1', 'user1pw')\nprint(f.sendcmd('SITE FILETYPE=JES'))\n"
                + "lines = []\nf.retrlines('RETR JOB00076.4', lines.append)\nprint('|'.join(lines))\n"
                + "print(f.delete('JOB00076'))\n"
                + "try:\n    f.delete('JOB00076')\nexcept ftplib.error_perm as e:\n    print(e)\n"
                + "try:\n    f.nlst()\nexcept ftplib.error_perm as e:\n    print(e)\nf.quit()\n";
        var result = ExternalCommand.run(dir, null, List.of("python3", "-c", program));
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout()).isEqualTo("200 SITE command was accepted\n HELLO FROM STEP1\n250 Cancel successful\n"
                + "550 Jobid JOB00076 not found for JESJOBNAME=USER1*, JESSTATUS=ALL, JESOWNER=USER1\n"
                + "550 No jobs found for JESJOBNAME=USER1*, JESSTATUS=ALL and JESOWNER=USER1\n");
    }

    @Test
    void jesGetByDsnSubmitsTheDataSetsJclAndSendsItsOutput() throws Exception {
        Catalog catalog = new Catalog(system.registry.home(), system.clock);
        LocalDate today = LocalDate.now();
        DatasetName pds = new DatasetName("USER1.JCL", null);
        catalog.allocate(pds, new DatasetAttributes("PO", RecordFormat.FB, 80, 27920, today, today));
        catalog.writeRecords(new DatasetName("USER1.JCL", "RUN"), List.of(
                org.opencs.core.CodePage.IBM_1047.encodeText(String.format("%-80s", "//USER1R JOB CLASS=A")),
                org.opencs.core.CodePage.IBM_1047.encodeText(String.format("%-80s", "//STEP1 EXEC PGM=IEFBR14"))));
        jes.endOnSubmit("RC=0000");
        try (RawFtp raw = new RawFtp(server.port()).logOn()) {
            raw.send("SITE FILETYPE=JES JESGETBYDSN");
            String[] output = raw.download("RETR 'USER1.JCL(RUN)'");
            assertThat(raw.lastStart).isEqualTo("125-Submitting job USER1.JCL(RUN) FIXrecfm 80\n"
                    + "125 When JOB00077 is done, will retrieve its output");
            assertThat(output[0]).contains(" $HASP395 USER1R ENDED - RC=0000\r\n !! END OF JES SPOOL FILE !!\r\n")
                    .contains("        1 //USER1R JOB CLASS=A\r\n");
            assertThat(output[1]).isEqualTo("250 Transfer completed successfully.");
            assertThat(jes.records("JOB00077")).containsExactly("//USER1R JOB CLASS=A", "//STEP1 EXEC PGM=IEFBR14");
            // A job that does not end within JESPUTGETTO: 550, and the job stays on the spool.
            jes.endOnSubmit(null);
            raw.send("SITE JESPUTGETTO=1");
            String[] late = raw.download("RETR 'USER1.JCL(RUN)'");
            assertThat(late[1]).isEqualTo("550 JESPUTGETTO interval of 1 seconds expired before JOB00078 ended; "
                    + "retrieve its output with RETR JOB00078.x later.");
            assertThat(raw.download("RETR 'USER1.JCL(NONE)'")[1]).isEqualTo(
                    "550 Request nonexistent member USER1.JCL(NONE) to be sent.");
            assertThat(raw.download("RETR 'USER1.NOJCL'")[1]).isEqualTo("550 Data set USER1.NOJCL not found");
        }
        assertThat(log.violations()).isEmpty();
    }
}
