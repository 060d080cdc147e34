package org.opencs.jes.accept;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.server.FtpServerLog;
import org.opencs.jes.JobSummary;
import org.opencs.jes.SpoolFile;

/**
 * A job with INCLUDE statements run end to end on a real JES2 and a real catalog: the INCLUDE group is a member of a
 * cataloged PDS named on JCLLIB ORDER (z/OS MVS JCL Reference, "INCLUDE statement"); its DD statements join the step,
 * JESJCL lists them with XX, JESYSMSG has IEFC002I, and a missing member ends the job JCL ERROR with IEFC614I.
 */
class AcceptIncludeTest {
    @RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private AcceptSystem system;

    @BeforeEach
    void start() throws Exception {
        system = new AcceptSystem(dir, log);
        system.pds("USER1.JCL.CNTL",
                "OUTDDS", "//* output of the copy\n//SYSUT2   DD SYSOUT=*\n//SYSIN    DD DUMMY\n");
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void theIncludedDdsJoinTheStepAndTheJobRuns() throws Exception {
        JobSummary submitted = system.jes.submit(system.user("USER1"), List.of(
                "//USER1I   JOB 1,USER1,CLASS=A,MSGCLASS=X",
                "//LIBS     JCLLIB ORDER=USER1.JCL.CNTL",
                "//COPY     EXEC PGM=IEBGENER",
                "//SYSPRINT DD SYSOUT=*",
                "//OUT      INCLUDE MEMBER=OUTDDS",
                "//SYSUT1   DD *",
                "HELLO FROM AN INCLUDE GROUP",
                "/*"));
        JobSummary job = system.awaitOutput("USER1", submitted.jobId());
        assertThat(job.completion().text()).isEqualTo("RC=0000");
        List<SpoolFile> files = system.jes.spoolFiles(system.user("USER1"), job.jobId());
        assertThat(files).extracting(SpoolFile::ddName).contains("SYSUT2");
        int sysut2 = files.stream().filter(f -> f.ddName().equals("SYSUT2")).findFirst().orElseThrow().id();
        // an in-stream record is 80 bytes: SYSUT2 gets it padded with blanks
        assertThat(system.jes.spoolLines(system.user("USER1"), job.jobId(), sysut2)).extracting(String::stripTrailing)
                .containsExactly("HELLO FROM AN INCLUDE GROUP");
        assertThat(system.jes.spoolLines(system.user("USER1"), job.jobId(), 2)).containsSubsequence(
                "        5 //OUT      INCLUDE MEMBER=OUTDDS",
                "          XX* output of the copy",
                "        6 XXSYSUT2   DD SYSOUT=*",
                "        7 XXSYSIN    DD DUMMY",
                "        8 //SYSUT1   DD *");
        assertThat(system.jes.spoolLines(system.user("USER1"), job.jobId(), 3))
                .anyMatch(l -> l.contains("IEFC002I INCLUDE GROUP OUTDDS WAS EXPANDED USING PRIVATE LIBRARY "
                        + "USER1.JCL.CNTL"));
    }

    @Test
    void aMissingMemberIsAJclError() throws Exception {
        JobSummary submitted = system.jes.submit(system.user("USER1"), List.of(
                "//USER1M   JOB 1,USER1,CLASS=A,MSGCLASS=X",
                "//LIBS     JCLLIB ORDER=USER1.JCL.CNTL",
                "//STEP1    EXEC PGM=IEFBR14",
                "//         INCLUDE MEMBER=NOSUCH"));
        JobSummary job = system.awaitOutput("USER1", submitted.jobId());
        assertThat(job.completion().text()).isEqualTo("(JCL error)");
        assertThat(system.jes.spoolLines(system.user("USER1"), job.jobId(), 3))
                .anyMatch(l -> l.contains("4 IEFC614I INCLUDE GROUP NOSUCH WAS NOT FOUND"));
    }
}
