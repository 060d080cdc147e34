package org.opencs.jes.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.ftp.server.FtpServer;
import org.opencs.ftp.server.FtpServerLog;
import org.opencs.tso.racdcert.SeedJobs;

/**
 * The seed's batch FTP job as a step: PARM='-a TLS', SYSFTPD a member of USER1.TCPCS.TCPPARMS, SYSTCPD, the seed's
 * INPUT (host port (exit / user1 / cd 'user1.alfred.cntl' / dir / quit), against a real FtpServer on loopback that
 * runs the seed's client-authentication FTP.DATA; USER1 logs on with the certificate of its own SAF ring.
 */
class FtpStepProgramTest {
    @RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private ProgramTestSystem system;
    private FtpServer server;

    @BeforeEach
    void init() throws Exception {
        system = new ProgramTestSystem(dir);
        // The seed's RACF jobs, with certificates valid today (TLS peers check validity; the seed's ended in 2010).
        system.tso("IBMUSER", ("ADDUSER TCPSC NAME('TCP/IP SERVER')\n" + SeedJobs.read("ca-and-server.systsin") + "\n"
                + SeedJobs.read("user1.systsin")).replace("2010-12-31", "2036-12-31"));
        system.tso("IBMUSER", "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(TCPIP) ACCESS(UPDATE)\n"
                + "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(USER1) ACCESS(READ)");
        String serverFtpData = resource("/seed/FTP.DATA.clientauth").replace("KEYRING TCPRING", "KEYRING TCPSC/TCPRING")
                + "\nSECURE_PASSWORD OPTIONAL\n";
        server = log.serve(FtpDataParser.parse(serverFtpData, "FTP.DATA").config(), system.registry);
        // USER1's TCP/IP parameters library: the seed's client FTP.DATA (its OCR's USERIRING spelt USER1RING).
        String clientFtpData = resource("/seed/FTP.DATA.client").replace("USERIRING", "USER1RING");
        system.pds("USER1.TCPCS.TCPPARMS", "FTPUSER1", clientFtpData, "TCPDATA", "TCPIPJOBNAME TCPCS\n");
        system.pds("USER1.ALFRED.CNTL", "ALFREDA", "//ALFREDA JOB 1,ALFRED\n", "ALFREDCI", "//ALFREDCI JOB 1\n");
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        system.close();
    }

    private static String resource(String name) throws Exception {
        try (var in = FtpStepProgramTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private TestStep step(String parm, TestDd output, String... input) {
        return new TestStep(system.registry, "USER1", parm,
                TestDd.dataset("SYSTCPD", system.catalog, "USER1.TCPCS.TCPPARMS(TCPDATA)"),
                TestDd.dataset("SYSFTPD", system.catalog, "USER1.TCPCS.TCPPARMS(FTPUSER1)"),
                TestDd.sysout("SYSPRINT"), TestDd.instream("INPUT", input), output);
    }

    @Test
    void theSeedsBatchFtpJobLogsOnWithUser1sRingAndListsTheLibrary() {
        TestDd output = TestDd.sysout("OUTPUT");
        TestStep step = step("-a TLS", output, ";", "; Test of client authentication", ";",
                "127.0.0.1 " + server.port() + " (exit", "user1", "cd 'user1.alfred.cntl'", "dir", "quit");
        int rc = step.run(new FtpProgram());
        String text = String.join("\n", output.lines());
        assertThat(rc).as(text).isZero();
        assertThat(output.lines()).startsWith(
                "EZA2640I Using 'USER1.TCPCS.TCPPARMS(FTPUSER1)' for local site configuration parameters.",
                "EZA1736I FTP -a TLS", "EZA1450I IBM FTP CS OpenCS", "EZA1466I FTP: using TCPCS", "EZA1456I Connect to ?",
                "EZA1736I 127.0.0.1 " + server.port() + " (exit");
        assertThat(text).contains("EZA2895I Authentication negotiation succeeded",
                "EZA2906I Data connection protection is private", "EZA1701I >>> USER user1",
                "230 USER1 is logged on.", "EZA1736I cd 'user1.alfred.cntl'").doesNotContain(">>> PASS");
        assertThat(output.lines()).anyMatch(l -> l.startsWith("EZA2284I ALFREDA"))
                .anyMatch(l -> l.startsWith("EZA2284I ALFREDCI"));
        assertThat(step.ddOf("SYSPRINT").lines()).isEmpty();
    }

    @Test
    void exitStopsAtTheFirstErrorWithItsCodeAndWithoutExitTheStepEndsZero() {
        TestDd output = TestDd.sysout("OUTPUT");
        int rc = step("-a TLS", output, "127.0.0.1 " + server.port() + " (exit", "user1",
                "get 'user1.no.such' nosuch.txt", "pwd").run(new FtpProgram());
        assertThat(rc).isEqualTo(2); // SERVER_ERROR: an error reply
        assertThat(output.lines()).contains("EZA1735I Std Return Code = 16550, Error Code = 00002")
                .doesNotContain("EZA1736I pwd");

        TestDd output2 = TestDd.sysout("OUTPUT");
        assertThat(step("-a TLS (EXIT=12", output2, "127.0.0.1 " + server.port(), "user1", "get 'user1.no.such' x")
                .run(new FtpProgram())).isEqualTo(12);

        TestDd output3 = TestDd.sysout("OUTPUT");
        assertThat(step("-a TLS", output3, "127.0.0.1 " + server.port(), "user1", "get 'user1.no.such' x", "pwd", "quit")
                .run(new FtpProgram())).isZero();
        assertThat(output3.lines()).contains("EZA1736I pwd");
    }

    @Test
    void localFilesStayInsideWhatTheJobsUserMayUse() throws Exception {
        Files.writeString(system.registry.home().hfsPath("/u/user2/secret.txt"), "user2's\n");
        Files.createDirectories(system.registry.home().hfsPath("/u/user1"));
        TestDd output = TestDd.sysout("OUTPUT");
        int rc = step("-a TLS", output, "127.0.0.1 " + server.port(), "user1", "lcd /u/user2",
                "put /u/user2/secret.txt 'user1.stolen'", "put ../user2/secret.txt 'user1.stolen2'",
                "get 'user1.alfred.cntl(alfreda)' alfreda.jcl", "quit").run(new FtpProgram());
        assertThat(rc).isZero();
        assertThat(output.lines()).anyMatch(l -> l.startsWith("BPXF135E USER USER1 MAY NOT USE"));
        assertThat(system.catalog.exists(new org.opencs.datasets.DatasetName("USER1.STOLEN", null))).isFalse();
        assertThat(system.catalog.exists(new org.opencs.datasets.DatasetName("USER1.STOLEN2", null))).isFalse();
        assertThat(system.registry.home().hfsPath("/u/user1/alfreda.jcl")).exists();
    }

    @Test
    void optionsOfParm() {
        FtpProgram.Options o = FtpProgram.Options.parse("POSIX(ON)/-r TLS host.example 2021 (EXIT=8");
        assertThat(o).isEqualTo(new FtpProgram.Options(null, "TLS", true, 8, "host.example", 2021,
                "FTP -r TLS host.example 2021 (EXIT=8"));
        assertThat(FtpProgram.Options.parse("")).isEqualTo(new FtpProgram.Options(null, null, false, null, null, null, "FTP"));
    }
}
