package org.opencs.jes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job waits on the INPUT queue while every initiator is busy, and runs when one is free. */
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
}
