package org.opencs.jes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.SystemHome;
import org.opencs.saf.Registry;
import org.opencs.saf.SystemInitializer;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.grs.EnqMode;
import org.opencs.saf.grs.EnqOwner;
import org.opencs.saf.grs.EnqResult;
import org.opencs.saf.users.User;
import org.opencs.saf.xcf.Membership;
import org.slf4j.LoggerFactory;

/**
 * A job's data sets serialized as z/OS's SYSDSN ENQs (held from job start to job end; a job whose data sets others
 * hold waits with IEF861I/IEF863I/IEF099I and, past its bound, ends unrun with OCS3007E), and a failed node's ACTIVE
 * jobs ended by the survivor that cleans it up (OCS3001E naming the node), on PostgreSQL with two nodes.
 */
class JesEnqueueTest {
    @TempDir
    Path dir;

    private static Jes start(JesFixture system, Duration datasetWait) {
        return Jes.builder(system.registry).initiators(1).converter(MiniJclReader::read).programs(system.programs())
                .pollInterval(Duration.ofMillis(100)).datasetWait(datasetWait).start();
    }

    @Test
    void aJobWhoseDataSetIsHeldWaitsWithIef099iAndEndsUnrunPastItsBound() throws Exception {
        try (JesFixture system = new JesFixture(dir); Jes jes = start(system, Duration.ofSeconds(2))) {
            EnqOwner ftp = new EnqOwner(system.registry.instance(), "USER2/FTP00001");
            assertThat(system.registry.enqueues().enq("SYSDSN", "USER1.HELD.DATA", EnqMode.EXCLUSIVE, ftp))
                    .isInstanceOf(EnqResult.Granted.class);
            User user1 = system.user("USER1");
            JobSummary job = jes.submit(user1, JesFixture.jcl(
                    "//USER1A   JOB 1",
                    "//STEP1    EXEC PGM=RC,PARM='0'",
                    "//IN       DD DSN=USER1.HELD.DATA,DISP=SHR"));
            JobSummary ended = jes.await(user1, job.jobId(), Duration.ofSeconds(60));
            assertThat(ended.completion()).isEqualTo(new Completion.JclError());
            assertThat(system.ran).isEmpty();
            String msglg = String.join("\n", jes.spoolLines(user1, job.jobId(), 1));
            assertThat(msglg).contains("IEF861I FOLLOWING RESERVED DATA SET NAMES UNAVAILABLE TO USER1A",
                    "IEF863I DSN = USER1.HELD.DATA USER2 RC = 04", "IEF099I JOB USER1A WAITING FOR DATA SETS",
                    "OCS3007E USER1A NOT RUN - DATA SET USER1.HELD.DATA STILL IN USE BY USER2");
            // The job held nothing when it gave up.
            assertThat(system.registry.enqueues().all()).extracting(h -> h.owner()).containsOnly(ftp);
        }
    }

    @Test
    void aRunningJobHoldsItsDataSetsUntilItEnds() throws Exception {
        try (JesFixture system = new JesFixture(dir); Jes jes = start(system, Duration.ofSeconds(30))) {
            User user1 = system.user("USER1");
            JobSummary job = jes.submit(user1, JesFixture.jcl(
                    "//USER1B   JOB 1",
                    "//STEP1    EXEC PGM=WAIT",
                    "//OUT      DD DSN=USER1.NEW.DATA,DISP=(NEW,CATLG),RECFM=FB,LRECL=80",
                    "//STEP2    EXEC PGM=RC,PARM='0'",
                    "//IN       DD DSN=USER1.NEW.DATA,DISP=SHR"));
            assertThat(system.waitStarted.await(30, TimeUnit.SECONDS)).isTrue();
            EnqOwner reader = new EnqOwner(system.registry.instance(), "USER2/FTP00002");
            EnqResult refused = system.registry.enqueues().enq("SYSDSN", "USER1.NEW.DATA", EnqMode.SHARED, reader);
            assertThat(refused).isInstanceOfSatisfying(EnqResult.InUse.class, inUse ->
                    assertThat(inUse.holders()).singleElement().satisfies(h -> {
                        assertThat(h.owner().unit()).isEqualTo("USER1B/" + job.jobId());
                        assertThat(h.mode()).isEqualTo(EnqMode.EXCLUSIVE);
                    }));
            system.waitRelease.countDown();
            assertThat(jes.await(user1, job.jobId(), Duration.ofSeconds(60)).completion())
                    .isEqualTo(new Completion.ReturnCode(0));
            assertThat(system.registry.enqueues().enq("SYSDSN", "USER1.NEW.DATA", EnqMode.EXCLUSIVE, reader))
                    .isInstanceOf(EnqResult.Granted.class);
        }
    }

    @Test
    void theSurvivorEndsTheActiveJobsOfAFailedNodeWithinTheLease() throws Exception {
        Clock clock = Clock.systemUTC();
        SystemInitializer.Result system = TestRegistries.init(dir, TestRegistries.Store.POSTGRESQL, clock);
        // A second node: its own home (SYSNAME SYSB) on the same PostgreSQL registry.
        Path homeB = dir.resolve("homeB");
        copy(system.home().root(), homeB);
        Path conf = homeB.resolve("system.conf");
        Files.writeString(conf, Files.readString(conf).replace("sysname=OPENCS", "sysname=SYSB"));
        Membership.Settings fast = new Membership.Settings(Duration.ofMillis(200), Duration.ofSeconds(2));
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        org.opencs.jes.exec.ProgramLookup programs = org.opencs.jes.exec.ProgramLookup.of(List.of(
                new org.opencs.jes.step.Program() {
                    public java.util.Set<String> names() {
                        return java.util.Set.of("WAIT");
                    }

                    public int run(org.opencs.jes.step.StepContext step) {
                        started.countDown();
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return 0;
                    }
                }));
        try (Registry a = TestRegistries.open(system, clock);
             Registry b = Registry.open(new SystemHome(homeB), clock, new SecureRandom())) {
            Membership nodeA = Membership.of(a, fast, LoggerFactory.getLogger("XCF"));
            Membership nodeB = Membership.of(b, fast, LoggerFactory.getLogger("XCF"));
            try (Jes jesA = Jes.builder(a).initiators(1).converter(MiniJclReader::read).programs(programs)
                    .membership(nodeA).pollInterval(Duration.ofMillis(100)).start();
                 Jes jesB = Jes.builder(b).initiators(0).converter(MiniJclReader::read).membership(nodeB).start()) {
                nodeA.join();
                nodeB.join();
                User ibmuser = a.users().find("IBMUSER").orElseThrow();
                JobSummary job = jesA.submit(ibmuser, JesFixture.jcl(
                        "//LONGJOB  JOB 1",
                        "//STEP1    EXEC PGM=WAIT",
                        "//OUT      DD DSN=IBMUSER.LONG.DATA,DISP=(NEW,CATLG),RECFM=FB,LRECL=80"));
                assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(b.enqueues().holders("SYSDSN", "IBMUSER.LONG.DATA")).hasSize(1);
                // Node A "dies": its heartbeat stops without leaving (its job and ENQ stay behind).
                nodeA.halt();
                JobSummary ended = jesB.await(ibmuser, job.jobId(), Duration.ofSeconds(30));
                assertThat(ended.status()).isEqualTo(JobStatus.OUTPUT);
                assertThat(ended.completion()).isEqualTo(new Completion.Abended("0F3"));
                assertThat(String.join("\n", jesB.spoolLines(ibmuser, job.jobId(), 1)))
                        .contains("OCS3001E LONGJOB ENDED BY SYSTEM FAILURE - NODE OPENCS (HOST")
                        .contains("FAILED WHILE THE JOB WAS ACTIVE; ENDED BY SYSB");
                assertThat(b.enqueues().holders("SYSDSN", "IBMUSER.LONG.DATA")).isEmpty();
                // The failed node's row goes once its clean-up (listeners included) is complete.
                for (int i = 0; i < 100 && nodeB.nodes().size() > 1; i++) {
                    Thread.sleep(100);
                }
                assertThat(nodeB.nodes()).extracting(n -> n.sysname()).containsExactly("SYSB");
                release.countDown();
            } finally {
                nodeB.close();
            }
        }
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
