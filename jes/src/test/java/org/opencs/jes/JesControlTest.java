package org.opencs.jes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;

/**
 * CANCEL, PURGE, HOLD/RELEASE, TYPRUN=SCAN/HOLD, USER=/PASSWORD= on the JOB statement, and JESSPOOL rules (z/OS JES2
 * Initialization and Tuning Guide, "Protecting SYSIN/SYSOUT data sets").
 */
class JesControlTest {
    @TempDir
    Path dir;

    private JesFixture system;

    @BeforeEach
    void start() throws Exception {
        system = new JesFixture(dir);
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void typrunScanConvertsAndListsWithoutRunning() throws Exception {
        Jes jes = system.start(1);
        JobSummary job = jes.submit(system.user("USER1"), JesFixture.jcl(
                "//USER1S   JOB 1,TYPRUN=SCAN",
                "//STEP1    EXEC PGM=RC,PARM='0'"));
        assertThat(job.status()).isEqualTo(JobStatus.OUTPUT);
        assertThat(job.completion()).isEqualTo(new Completion.ReturnCode(0));
        assertThat(jes.spoolLines(system.user("USER1"), job.jobId(), 2))
                .containsExactly(String.format("        1 %-72s%s", "//USER1S   JOB 1,TYPRUN=SCAN", job.jobId()),
                        "        2 //STEP1    EXEC PGM=RC,PARM='0'");
        assertThat(system.ran).isEmpty();
    }

    @Test
    void typrunHoldWaitsUntilReleased() throws Exception {
        Jes jes = system.start(1);
        JobSummary job = jes.submit(system.user("USER1"), JesFixture.jcl(
                "//USER1H   JOB 1,TYPRUN=HOLD",
                "//STEP1    EXEC PGM=RC,PARM='0'"));
        assertThat(job.held()).isTrue();
        JobSummary still = jes.await(system.user("USER1"), job.jobId(), Duration.ofMillis(600));
        assertThat(still.status()).isEqualTo(JobStatus.INPUT);
        assertThat(still.held()).isTrue();
        assertThat(system.ran).isEmpty();
        jes.release(system.user("USER1"), job.jobId());
        JobSummary done = jes.await(system.user("USER1"), job.jobId(), Duration.ofSeconds(30));
        assertThat(done.status()).isEqualTo(JobStatus.OUTPUT);
        assertThat(done.completion()).isEqualTo(new Completion.ReturnCode(0));
        assertThatThrownBy(() -> jes.hold(system.user("USER1"), job.jobId()))
                .isInstanceOfSatisfying(JesException.class, e -> {
                    assertThat(e.reason()).isEqualTo(JesException.Reason.INVALID_STATE);
                    assertThat(e.getMessage()).startsWith("OCS3005E JOB USER1H(" + job.jobId() + ") IS NOT WAITING");
                });
    }

    @Test
    void cancelRunningJobAbendsS222AndRunsNoLaterStep() throws Exception {
        Jes jes = system.start(1);
        JobSummary job = jes.submit(system.user("USER1"), JesFixture.jcl(
                "//USER1W   JOB 1,NOTIFY=USER1",
                "//STEP1    EXEC PGM=WAIT",
                "//STEP2    EXEC PGM=RC,PARM='0',COND=EVEN"));
        assertThat(system.waitStarted.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jes.job(system.user("USER1"), job.jobId()).orElseThrow().status()).isEqualTo(JobStatus.ACTIVE);
        assertThat(jes.job(system.user("USER1"), job.jobId()).orElseThrow().currentStep()).isEqualTo("STEP1");
        jes.cancel(system.user("USER1"), job.jobId(), false);
        JobSummary done = jes.await(system.user("USER1"), job.jobId(), Duration.ofSeconds(30));
        assertThat(done.completion()).isEqualTo(new Completion.Abended("222"));
        assertThat(system.ran).containsExactly("USER1W.STEP1");
        assertThat(jes.spoolLines(system.user("USER1"), job.jobId(), 1))
                .anySatisfy(l -> assertThat(l).endsWith("$HASP395 USER1W   ENDED - ABEND=S222"))
                .anySatisfy(l -> assertThat(l).endsWith("IEE301I USER1W CANCEL COMMAND ACCEPTED"));
        assertThat(system.notices).containsExactly("USER1:$HASP165 USER1W   ENDED AT N1 - ABEND=S222 U0000 CN(INTERNAL)");
    }

    @Test
    void cancelWaitingJobAndPurge() throws Exception {
        Jes jes = system.start(0);
        JobSummary job = jes.submit(system.user("USER1"), JesFixture.jcl(
                "//USER1X   JOB 1",
                "//STEP1    EXEC PGM=RC,PARM='0'"));
        assertThat(job.status()).isEqualTo(JobStatus.INPUT);
        jes.cancel(system.user("USER1"), job.jobId(), false);
        JobSummary cancelled = jes.job(system.user("USER1"), job.jobId()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(JobStatus.OUTPUT);
        assertThat(cancelled.completion()).isEqualTo(new Completion.Canceled());
        assertThat(jes.spoolLines(system.user("USER1"), job.jobId(), 1))
                .anySatisfy(l -> assertThat(l).endsWith("$HASP890 JOB(USER1X) CANCELED BEFORE EXECUTION"));
        Path spool = system.registry.home().spool().resolve(job.jobId());
        assertThat(spool).isDirectory();

        jes.cancel(system.user("USER1"), job.jobId(), true);
        assertThat(jes.job(system.user("USER1"), job.jobId())).isEmpty();
        assertThat(Files.exists(spool)).isFalse();
        assertThatThrownBy(() -> jes.spoolFiles(system.user("USER1"), job.jobId()))
                .isInstanceOfSatisfying(JesException.class,
                        e -> assertThat(e.reason()).isEqualTo(JesException.Reason.NOT_FOUND));
        assertThat(system.ran).isEmpty();
    }

    @Test
    void jobRunsAsTheUserNamedWithTheRightPassword() throws Exception {
        Jes jes = system.start(1);
        JobSummary good = system.run(jes, system.user("USER1"), JesFixture.jcl(
                "//USER2J   JOB 1,USER=USER2,PASSWORD=user2pw",
                "//STEP1    EXEC PGM=RC,PARM='0'"));
        assertThat(good.owner()).isEqualTo("USER2");
        assertThat(good.submitter()).isEqualTo("USER1");
        assertThat(good.completion()).isEqualTo(new Completion.ReturnCode(0));

        JobSummary bad = system.run(jes, system.user("USER1"), JesFixture.jcl(
                "//USER2K   JOB 1,USER=USER2,PASSWORD=wrong",
                "//STEP1    EXEC PGM=RC,PARM='0'"));
        assertThat(bad.completion()).isEqualTo(new Completion.JclError());
        assertThat(jes.spoolLines(system.user("USER1"), bad.jobId(), 1))
                .anySatisfy(l -> assertThat(l).endsWith("ICH408I USER(USER2) LOGON/JOB INITIATION - INVALID PASSWORD"))
                .anySatisfy(l -> assertThat(l).endsWith("$HASP396 USER2K   TERMINATED"));

        JobSummary surrogate = system.run(jes, system.user("USER1"), JesFixture.jcl(
                "//USER2L   JOB 1,USER=USER2",
                "//STEP1    EXEC PGM=RC,PARM='0'"));
        assertThat(surrogate.completion()).isEqualTo(new Completion.JclError());
        assertThat(jes.spoolLines(system.user("USER1"), surrogate.jobId(), 3)).containsExactly(
                " ICH408I USER(USER2) LOGON/JOB INITIATION - SUBMITTER IS NOT AUTHORIZED BY USER");
        assertThat(system.ran).containsExactly("USER2J.STEP1");
    }

    @Test
    void jesspoolDecidesWhoSeesAndCancelsOthersJobs() throws Exception {
        Jes jes = system.start(0);
        JobSummary job = jes.submit(system.user("USER1"), JesFixture.jcl(
                "//USER1P   JOB 1",
                "//STEP1    EXEC PGM=RC,PARM='0'"));
        assertThat(jes.jobs(system.user("USER2"), JobFilter.all())).isEmpty();
        assertThat(jes.jobs(system.user("IBMUSER"), JobFilter.all())).extracting(JobSummary::jobId)
                .containsExactly(job.jobId());
        assertThatThrownBy(() -> jes.job(system.user("USER2"), job.jobId()))
                .isInstanceOfSatisfying(JesException.class, e -> {
                    assertThat(e.reason()).isEqualTo(JesException.Reason.NOT_AUTHORIZED);
                    assertThat(e.getMessage()).isEqualTo("ICH408I USER(USER2) N1.USER1.USER1P." + job.jobId()
                            + " CL(JESSPOOL) INSUFFICIENT ACCESS AUTHORITY ACCESS INTENT(READ)");
                });
        List<String> listing = new ArrayList<>();
        new TsoProcessor().runStream("RDEFINE JESSPOOL N1.USER1.** UACC(NONE)\nPERMIT N1.USER1.** CLASS(JESSPOOL) "
                + "ID(USER2) ACCESS(READ)", new TsoSession(system.registry, system.user("IBMUSER")), listing::add);
        assertThat(listing).doesNotContain("RC=8").last().isEqualTo("END");
        assertThat(jes.jobs(system.user("USER2"), new JobFilter("USER1*", "*", JobStatus.INPUT, 5)))
                .extracting(JobSummary::jobId).containsExactly(job.jobId());
        assertThat(jes.job(system.user("USER2"), job.jobId())).isPresent();
        assertThatThrownBy(() -> jes.cancel(system.user("USER2"), job.jobId(), true))
                .isInstanceOfSatisfying(JesException.class,
                        e -> assertThat(e.reason()).isEqualTo(JesException.Reason.NOT_AUTHORIZED));
        assertThat(jes.job(system.user("USER1"), job.jobId())).isPresent();
        assertThat(jes.jobs(system.user("USER1"), new JobFilter("OTHER*", "*", null, 0))).isEmpty();
    }
}
