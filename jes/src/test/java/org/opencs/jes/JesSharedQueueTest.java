package org.opencs.jes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.Registry;
import org.opencs.saf.SystemInitializer;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.users.User;

/**
 * The JES2 queue on PostgreSQL (the registry database when a system is shared), seen from two processes' worth of
 * JES: jobs submitted through either get distinct job IDs, each runs exactly once on whichever has a free initiator,
 * and both see every job and its spool. PostgreSQL comes from OPENCS_TEST_POSTGRES_URL (.ci/run starts one).
 */
class JesSharedQueueTest {
    @TempDir
    Path dir;

    @Test
    void twoJesInstancesShareOneQueueOnPostgresql() throws Exception {
        Clock clock = Clock.systemUTC();
        SystemInitializer.Result system = TestRegistries.init(dir, TestRegistries.Store.POSTGRESQL, clock);
        try (Registry first = TestRegistries.open(system, clock);
             Registry second = Registry.open(system.home(), clock, new SecureRandom());
             Jes a = Jes.builder(first).initiators(1).pollInterval(Duration.ofMillis(100)).start();
             Jes b = Jes.builder(second).initiators(1).pollInterval(Duration.ofMillis(100)).start()) {
            User ibmuser = first.users().find("IBMUSER").orElseThrow();
            ExecutorService submitters = Executors.newFixedThreadPool(4);
            List<Future<JobSummary>> submitted = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Jes via = i % 2 == 0 ? a : b;
                String name = String.format("SHARE%03d", i);
                Callable<JobSummary> submit = () -> via.submit(ibmuser, List.of(
                        "//" + name + " JOB 1,IBMUSER,CLASS=A,MSGCLASS=X",
                        "//STEP1    EXEC PGM=IEFBR14"));
                submitted.add(submitters.submit(submit));
            }
            Set<String> ids = new TreeSet<>();
            for (Future<JobSummary> job : submitted) {
                ids.add(job.get().jobId());
            }
            submitters.shutdown();
            assertThat(ids).hasSize(20);
            for (String id : ids) {
                JobSummary ended = a.await(ibmuser, id, Duration.ofSeconds(60));
                assertThat(ended.completion()).as(id).isEqualTo(new Completion.ReturnCode(0));
                assertThat(b.job(ibmuser, id)).map(JobSummary::status).contains(JobStatus.OUTPUT);
                // Each job ran once: one $HASP373 in its log, read through the other instance.
                List<String> log = b.spoolLines(ibmuser, id, 1);
                assertThat(log.stream().filter(l -> l.contains("$HASP373"))).hasSize(1);
            }
            assertThat(a.jobs(ibmuser, new JobFilter("SHARE*", "*", null, 0))).hasSize(20);
            assertThat(b.jobs(ibmuser, new JobFilter("SHARE*", "*", JobStatus.OUTPUT, 0))).hasSize(20);
        }
    }
}
