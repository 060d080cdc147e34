package org.opencs.jes.accept;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.server.FtpServerLog;
import org.opencs.jes.JobFilter;
import org.opencs.jes.JobStatus;
import org.opencs.jes.JobSummary;
import org.opencs.jes.tso.JesTsoCommands;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;

/**
 * The TSO/E job commands on a real JES2 (z/OS TSO/E Command Reference: SUBMIT, STATUS, CANCEL, OUTPUT), as `opencs
 * tso` and READY run them, and SUBMIT from batch TSO inside a job (IKJEFT01 with SYSTSIN).
 */
class AcceptTsoCommandsTest {
    @RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private AcceptSystem system;

    @BeforeEach
    void start() throws Exception {
        system = new AcceptSystem(dir, log);
        system.pds("USER1.JCL.CNTL",
                "HELLO", "//USER1H   JOB 1,USER1,CLASS=A,MSGCLASS=X\n//STEP1    EXEC PGM=IEFBR14\n",
                "HOLD", "//USER1W   JOB 1,USER1,CLASS=A,MSGCLASS=X,TYPRUN=HOLD\n//STEP1    EXEC PGM=IEFBR14\n",
                "SUBS", "//USER1S   JOB 1,USER1,CLASS=A,MSGCLASS=X\n//TSO      EXEC PGM=IKJEFT01\n"
                        + "//SYSTSPRT DD SYSOUT=*\n//SYSTSIN  DD *\nSUBMIT JCL.CNTL(HELLO)\nSTATUS USER1H\n/*\n");
    }

    @AfterEach
    void stop() {
        system.close();
    }

    private List<String> tso(String userid, String command) {
        List<String> lines = new ArrayList<>();
        new TsoProcessor(JesTsoCommands.all(system.jes)).run(command, new TsoSession(system.registry,
                system.user(userid)), lines::add);
        return lines;
    }

    @Test
    void submitStatusOutputAndCancel() throws Exception {
        List<String> submitted = tso("USER1", "SUBMIT JCL.CNTL(HELLO)");
        assertThat(submitted).singleElement().asString().matches("IKJ56250I JOB USER1H\\(JOB\\d{5}\\) SUBMITTED");
        String jobId = submitted.get(0).replaceAll(".*\\((JOB\\d{5})\\).*", "$1");
        system.awaitOutput("USER1", jobId);
        assertThat(tso("USER1", "STATUS USER1H(" + jobId + ")"))
                .containsExactly("IKJ56192I JOB USER1H(" + jobId + ") ON OUTPUT QUEUE");
        List<String> output = tso("USER1", "OUTPUT USER1H(" + jobId + ")");
        assertThat(output).contains(" JESMSGLG", " JESJCL", " JESYSMSG")
                .anyMatch(l -> l.contains("$HASP395 USER1H   ENDED - RC=0000"));

        List<String> held = tso("USER1", "SUBMIT 'USER1.JCL.CNTL(HOLD)'");
        String heldId = held.get(0).replaceAll(".*\\((JOB\\d{5})\\).*", "$1");
        assertThat(tso("USER1", "STATUS USER1W"))
                .containsExactly("IKJ56197I JOB USER1W(" + heldId + ") WAITING FOR EXECUTION (HELD)");
        assertThat(tso("USER1", "OUTPUT USER1W(" + heldId + ")"))
                .containsExactly("OCS0213I JOB USER1W(" + heldId + ") NOT ON OUTPUT QUEUE");
        assertThat(tso("USER1", "CANCEL USER1W(" + heldId + ") PURGE"))
                .containsExactly("OCS0210I JOB USER1W(" + heldId + ") CANCELED AND PURGED");
        assertThat(system.jes.job(system.user("USER1"), heldId)).isEmpty();

        // Another user sees none of USER1's jobs (JESSPOOL); naming one by its ID is refused as RACF refuses it.
        assertThat(tso("USER2", "STATUS USER1H")).containsExactly("OCS0211I JOB USER1H NOT FOUND");
        assertThat(tso("USER2", "CANCEL USER1H(" + jobId + ")")).containsExactly("ICH408I USER(USER2) N1.USER1.USER1H."
                + jobId + " CL(JESSPOOL) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(READ)");
        assertThat(system.jes.job(system.user("USER1"), jobId)).isPresent();
        assertThat(tso("USER1", "STATUS NOSUCH")).containsExactly("OCS0211I JOB NOSUCH NOT FOUND");
        assertThat(tso("USER1", "SUBMIT JCL.CNTL(NONE)")).singleElement().asString()
                .startsWith("IKJ56228I DATA SET USER1.JCL.CNTL(NONE) NOT IN CATALOG");
        assertThat(tso("USER1", "STATUS BAD(ID)")).singleElement().asString().startsWith("IKJ56702I INVALID JOBID");
    }

    @Test
    void batchTsoSubmitsAnotherJob() throws Exception {
        List<String> submitted = tso("USER1", "SUBMIT JCL.CNTL(SUBS)");
        String jobId = submitted.get(0).replaceAll(".*\\((JOB\\d{5})\\).*", "$1");
        JobSummary job = system.awaitOutput("USER1", jobId);
        assertThat(job.completion().text()).isEqualTo("RC=0000");
        String systsprt = String.join("\n", system.jes.spoolLines(system.user("USER1"), jobId, 4));
        assertThat(systsprt).containsPattern("IKJ56250I JOB USER1H\\(JOB\\d{5}\\) SUBMITTED")
                .contains(" SUBMIT JCL.CNTL(HELLO)").contains(" STATUS USER1H");
        List<JobSummary> hellos = system.jes.jobs(system.user("USER1"), new JobFilter("USER1H", "*", null, 0));
        assertThat(hellos).hasSize(1);
        assertThat(system.jes.await(system.user("USER1"), hellos.get(0).jobId(), java.time.Duration.ofMinutes(1))
                .status()).isEqualTo(JobStatus.OUTPUT);
    }
}
