package org.opencs.jes.jcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seed's six jobs, verbatim, as the reader sees them. Where the printed JCL is not what z/OS can run, the reader
 * says what z/OS's converter says: DD statements before any EXEC are IEFC019I MISPLACED DD STATEMENT (the
 * commented-out EXEC of batch-ftp-no-password.jcl, and the SYSIN JES2 generates for the stray
 * "USER=USER2,PASSWORD=TCPSUP" card of batch-ftp.jcl), and DYNAMNR= is IEFC630I UNIDENTIFIED KEYWORD.
 */
class JclSeedJobsTest {
    static List<String> seed(String name) throws IOException {
        try (InputStream in = JclSeedJobsTest.class.getResourceAsStream("/seed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    static JclJob read(String name) throws IOException {
        return JclReader.read(seed(name), TestEnvironment.user1());
    }

    static Step onlyStep(JclJob job) {
        assertThat(job.elements()).hasSize(1);
        return (Step) job.elements().get(0);
    }

    static DdStatement dd(Step step, String name) {
        return step.dds().stream().filter(d -> d.ddName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void caAndServerRunsIkjeft01WithItsSystsin() throws IOException {
        JclJob job = read("ca-and-server.jcl");
        assertThat(job.messages()).isEmpty();
        assertThat(job.hasErrors()).isFalse();
        assertThat(job.card().jobName()).isEqualTo("ALFREDCI");
        assertThat(job.card().accounting()).isEqualTo("1");
        assertThat(job.card().programmer()).isEqualTo("ALFRED");
        assertThat(job.card().msgClass()).isEqualTo("X");
        assertThat(job.card().notifyUser()).contains("USER1");
        assertThat(job.jesjcl()).containsExactly(
                "        1 //ALFREDCI JOB 1,ALFRED,CLASS=A,MSGCLASS=X,NOTIFY=USER1",
                "        2 //IEFPROC EXEC PGM=IKJEFT01,REGION=4M,DYNAMNBR=10",
                "        3 //SYSTSPRT DD SYSOUT=* BATCH TSO SESSION LOG",
                "        4 //SYSTSIN DD *");
        Step step = onlyStep(job);
        assertThat(step.stepName()).isEqualTo("IEFPROC");
        assertThat(step.program()).isEqualTo("IKJEFT01");
        assertThat(step.parm()).isEmpty();
        assertThat(step.keywords()).isEqualTo(Map.of("REGION", "4M", "DYNAMNBR", "10"));
        assertThat(dd(step, "SYSTSPRT").first()).isEqualTo(new DdSpec.Sysout("X", Map.of()));
        DdSpec.Instream systsin = (DdSpec.Instream) dd(step, "SYSTSIN").first();
        assertThat(systsin.records()).hasSize(24);
        assertThat(systsin.records().get(0)).isEqualTo("RACDCERT CERTAUTH GENCERT +");
        assertThat(systsin.records().get(23)).isEqualTo("RACDCERT ID(TCPSC) LISTRING(TCPRING)");
        assertThat(job.jes2Statements()).isEmpty();
    }

    @Test
    void pcommGencertReadsWithItsMisspeltDdNamesForTheProgramToJudge() throws IOException {
        JclJob job = read("pcomm-gencert.jcl");
        assertThat(job.messages()).isEmpty();
        Step step = onlyStep(job);
        assertThat(step.dds()).extracting(DdStatement::ddName).containsExactly("SYSTSPT", "SYSYSIN");
        assertThat(((DdSpec.Instream) dd(step, "SYSYSIN").first()).records()).hasSize(10)
                .endsWith("    DSN('USER1.PCOMM.B64')");
    }

    @Test
    void dynamnrIsAnUnidentifiedKeywordAsOnZos() throws IOException {
        for (String name : List.of("user1-cert.jcl", "export-p12.jcl")) {
            JclJob job = read(name);
            assertThat(job.messages()).containsExactly(new JclMessage(2, "IEFC630I", "UNIDENTIFIED KEYWORD DYNAMNR"));
            assertThat(job.hasErrors()).isTrue();
            assertThat(job.messages().get(0).line()).isEqualTo("   2 IEFC630I UNIDENTIFIED KEYWORD DYNAMNR");
        }
        Step step = onlyStep(read("export-p12.jcl"));
        assertThat(((DdSpec.Instream) dd(step, "SYSTSIN").first()).records()).containsExactly(
                "RACDCERT EXPORT (LABEL('USER1 CERT')) +",
                "  DSN('USER1.CERT.DER.P12') +",
                "  FORMAT(PKCS12DER) +",
                "  PASSWORD('XXXXXXXX')");
    }

    @Test
    void batchFtpStrayCardAfterTheJobStatementGetsAGeneratedSysinThatIsMisplaced() throws IOException {
        JclJob job = read("batch-ftp.jcl");
        assertThat(job.jesjcl()).containsExactly(
                "        1 //ALFREDA JOB 1,ALFRED,CLASS=A,MSGCLASS=X,NOTIFY=USER1",
                "        2 //SYSIN    DD *                    GENERATED STATEMENT",
                "        3 //FTP EXEC PGM=FTP,PARM='-a TLS'",
                "        4 //SYSTCPD DD DSN=USER1.TCPCS.TCPPARMS(TCPDATA),DISP=SHR",
                "        5 //SYSFTPD DD DSN=USER1.TCPCS.TCPPARMS(FTPUSER1),DISP=SHR",
                "        6 //SYSPRINT DD SYSOUT=*",
                "        7 //INPUT DD *",
                "        8 //OUTPUT DD SYSOUT=*");
        assertThat(job.messages()).containsExactly(new JclMessage(2, "IEFC019I", "MISPLACED DD STATEMENT"));
        assertThat(job.hasErrors()).isTrue();
        Step step = onlyStep(job);
        assertThat(step.program()).isEqualTo("FTP");
        assertThat(step.parm()).isEqualTo("-a TLS");
        assertThat(dd(step, "SYSTCPD").first()).isEqualTo(new DdSpec.Dataset("USER1.TCPCS.TCPPARMS", "TCPDATA", null,
                new Disposition(Disposition.Status.SHR, null, null), Map.of()));
        assertThat(dd(step, "SYSPRINT").first()).isEqualTo(new DdSpec.Sysout("X", Map.of()));
        assertThat(((DdSpec.Instream) dd(step, "INPUT").first()).records()).containsExactly(";",
                "; Test of client authentication", ";", "mvs098.tcp.raleigh.ibm.com 2021 (exit", "user1 xxxxxx",
                "cd 'user1.alfred.cntl'", "dir", "quit");
        assertThat(step.dds()).extracting(DdStatement::ddName)
                .containsExactly("SYSTCPD", "SYSFTPD", "SYSPRINT", "INPUT", "OUTPUT");
    }

    @Test
    void batchFtpWithItsExecCommentedOutHasMisplacedDdsAndNoSteps() throws IOException {
        JclJob job = read("batch-ftp-no-password.jcl");
        assertThat(job.elements()).isEmpty();
        assertThat(job.messages()).containsExactly(
                new JclMessage(2, "IEFC019I", "MISPLACED DD STATEMENT"),
                new JclMessage(3, "IEFC019I", "MISPLACED DD STATEMENT"),
                new JclMessage(4, "IEFC019I", "MISPLACED DD STATEMENT"),
                new JclMessage(5, "IEFC019I", "MISPLACED DD STATEMENT"),
                new JclMessage(6, "IEFC019I", "MISPLACED DD STATEMENT"),
                new JclMessage(0, "IEFC607I", "JOB HAS NO STEPS"));
        assertThat(job.jesjcl()).hasSize(6).noneMatch(l -> l.contains("/*"));
    }
}
