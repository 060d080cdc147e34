package org.opencs.jes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.store.Sql;

/** Job numbering, several JES instances on one database, and jobs left ACTIVE by a process that died. */
class QueueTest {
    @TempDir
    Path dir;

    @Test
    void jobIdsAreUniqueAcrossTwoJesInstancesSubmittingAtOnce() throws Exception {
        try (JesFixture system = new JesFixture(dir)) {
            Jes first = system.start(0);
            Jes second = system.start(0);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<String>>> futures = new ArrayList<>();
                for (Jes jes : List.of(first, second, first, second)) {
                    Callable<List<String>> submitter = () -> {
                        List<String> ids = new ArrayList<>();
                        for (int i = 0; i < 10; i++) {
                            ids.add(jes.submit(system.user("USER1"), JesFixture.jcl("//USER1Q   JOB 1",
                                    "//STEP1    EXEC PGM=RC,PARM='0'")).jobId());
                        }
                        return ids;
                    };
                    futures.add(pool.submit(submitter));
                }
                Set<String> ids = new HashSet<>();
                for (Future<List<String>> future : futures) {
                    ids.addAll(future.get());
                }
                assertThat(ids).hasSize(40);
                assertThat(ids).allMatch(id -> id.matches("JOB000[0-4]\\d"));
                assertThat(first.jobs(system.user("USER1"), JobFilter.all())).hasSize(40);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void numbersWrapAfter99999AndSkipNumbersInUse() throws Exception {
        try (JesFixture system = new JesFixture(dir)) {
            Jes jes = system.start(0);
            JobSummary one = jes.submit(system.user("USER1"), JesFixture.jcl("//USER1N   JOB 1",
                    "//STEP1    EXEC PGM=RC,PARM='0'"));
            assertThat(one.jobId()).isEqualTo("JOB00001");
            system.registry.database().inTransaction(c -> Sql.update(c,
                    "UPDATE jes_job_numbers SET last_number = 99998 WHERE id = 1"));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(jes.submit(system.user("USER1"), JesFixture.jcl("//USER1N   JOB 1",
                        "//STEP1    EXEC PGM=RC,PARM='0'")).jobId());
            }
            assertThat(ids).containsExactly("JOB99999", "JOB00002", "JOB00003");
        }
    }

    @Test
    void aJobLeftActiveByADeadProcessIsEndedAbnormallyAtStart() throws Exception {
        try (JesFixture system = new JesFixture(dir)) {
            Jes jes = system.start(0);
            JobSummary job = jes.submit(system.user("USER1"), JesFixture.jcl("//USER1R   JOB 1,NOTIFY=USER1",
                    "//STEP1    EXEC PGM=RC,PARM='0'"));
            // As an initiator of a process that was then killed leaves it: ACTIVE, with that process's ID.
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            long pid = gone.pid();
            system.registry.database().inTransaction(c -> Sql.update(c, "UPDATE jes_jobs SET status = 'ACTIVE', "
                    + "started = submitted, node = 'OPENCS', host = ?, process_id = ?, instance = 'x', initiator = 1, "
                    + "current_step = 'STEP1' WHERE job_id = ?", org.opencs.jes.exec.Initiators.hostName(), pid,
                    job.jobId()));
            jes.close();

            Jes restarted = system.start(1);
            JobSummary ended = restarted.await(system.user("USER1"), job.jobId(), Duration.ofSeconds(10));
            assertThat(ended.status()).isEqualTo(JobStatus.OUTPUT);
            assertThat(ended.completion()).isEqualTo(new Completion.Abended("0F3"));
            assertThat(system.ran).isEmpty();
            List<String> log = restarted.spoolLines(system.user("USER1"), job.jobId(), 1);
            assertThat(log).anySatisfy(l -> assertThat(l).endsWith("  OCS3001E USER1R ENDED BY SYSTEM FAILURE - THE "
                    + "OPENCS PROCESS " + pid + " RUNNING IT IN STEP STEP1 ENDED WHILE THE JOB WAS ACTIVE"));
            assertThat(log).anySatisfy(l -> assertThat(l).endsWith("$HASP395 USER1R   ENDED - ABEND=S0F3"));
            assertThat(restarted.spoolLines(system.user("USER1"), job.jobId(), 2))
                    .containsExactly("//USER1R   JOB 1,NOTIFY=USER1", "//STEP1    EXEC PGM=RC,PARM='0'");
            // Its NOTIFY went to the system log during start(), before any receiver could be registered.
            assertThat(system.notices).isEmpty();
        }
    }

    @Test
    void aJobActiveInALiveProcessIsLeftAlone() throws Exception {
        try (JesFixture system = new JesFixture(dir)) {
            Jes jes = system.start(0);
            JobSummary job = jes.submit(system.user("USER1"), JesFixture.jcl("//USER1L   JOB 1",
                    "//STEP1    EXEC PGM=RC,PARM='0'"));
            system.registry.database().inTransaction(c -> Sql.update(c, "UPDATE jes_jobs SET status = 'ACTIVE', "
                    + "node = 'OPENCS', host = ?, process_id = ? WHERE job_id = ?",
                    org.opencs.jes.exec.Initiators.hostName(), ProcessHandle.current().pid(), job.jobId()));
            Jes other = system.start(1);
            assertThat(other.await(system.user("USER1"), job.jobId(), Duration.ofMillis(500)).status())
                    .isEqualTo(JobStatus.ACTIVE);
        }
    }
}
