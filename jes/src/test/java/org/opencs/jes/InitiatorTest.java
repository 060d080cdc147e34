package org.opencs.jes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job waits on the INPUT queue while every initiator is busy, and runs when one is free; initiators select only the
 * classes system.conf's jes.classes names (JES2 INIT CLASS=).
 */
class InitiatorTest {
    @TempDir
    Path dir;

    @Test
    void jobWaitsWhileAllInitiatorsAreBusy() throws Exception {
        try (JesFixture system = new JesFixture(dir)) {
            Jes jes = system.start(1);
            JobSummary first = jes.submit(system.user("USER1"), JesFixture.jcl(
                    "//USER1A   JOB 1",
                    "//STEP1    EXEC PGM=WAIT"));
            assertThat(system.waitStarted.await(30, TimeUnit.SECONDS)).isTrue();
            JobSummary second = jes.submit(system.user("USER1"), JesFixture.jcl(
                    "//USER1B   JOB 1",
                    "//STEP1    EXEC PGM=RC,PARM='0'"));
            // The only initiator is busy: after several looks at the queue the second job still waits.
            JobSummary waiting = jes.await(system.user("USER1"), second.jobId(), Duration.ofMillis(800));
            assertThat(waiting.status()).isEqualTo(JobStatus.INPUT);
            assertThat(jes.job(system.user("USER1"), first.jobId()).orElseThrow().status()).isEqualTo(JobStatus.ACTIVE);
            system.waitRelease.countDown();
            assertThat(jes.await(system.user("USER1"), second.jobId(), Duration.ofSeconds(30)).completion())
                    .isEqualTo(new Completion.ReturnCode(0));
            assertThat(jes.job(system.user("USER1"), first.jobId()).orElseThrow().completion())
                    .isEqualTo(new Completion.ReturnCode(0));
            assertThat(system.ran).containsExactly("USER1A.STEP1", "USER1B.STEP1");
        }
    }

    @Test
    void initiatorsSelectOnlyTheirClasses() throws Exception {
        try (JesFixture system = new JesFixture(dir)) {
            java.nio.file.Files.writeString(system.registry.home().systemConf(), "\njes.classes=AB\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Jes jes = system.start(1);
            JobSummary classC = jes.submit(system.user("USER1"), JesFixture.jcl(
                    "//USER1C   JOB 1,CLASS=C",
                    "//STEP1    EXEC PGM=RC,PARM='0'"));
            JobSummary classB = jes.submit(system.user("USER1"), JesFixture.jcl(
                    "//USER1B   JOB 1,CLASS=B",
                    "//STEP1    EXEC PGM=RC,PARM='0'"));
            assertThat(jes.await(system.user("USER1"), classB.jobId(), Duration.ofSeconds(30)).completion())
                    .isEqualTo(new Completion.ReturnCode(0));
            // Class C has no initiator: it waits, as on z/OS, however long the queue is looked at.
            assertThat(jes.await(system.user("USER1"), classC.jobId(), Duration.ofMillis(800)).status())
                    .isEqualTo(JobStatus.INPUT);
            assertThat(system.ran).containsExactly("USER1B.STEP1");
        }
    }

    @Test
    void aBadClassListIsRefusedWithItsKey() throws Exception {
        try (JesFixture system = new JesFixture(dir)) {
            java.nio.file.Files.writeString(system.registry.home().systemConf(), "\njes.classes=A-B\n",
                    java.nio.file.StandardOpenOption.APPEND);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> system.start(1))
                    .hasMessageContaining("OCS0006E").hasMessageContaining("jes.classes 'A-B'");
        }
    }
}
