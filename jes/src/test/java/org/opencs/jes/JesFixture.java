package org.opencs.jes;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.opencs.jes.exec.ProgramLookup;
import org.opencs.jes.step.Abend;
import org.opencs.jes.step.DataDefinition;
import org.opencs.jes.step.Program;
import org.opencs.jes.step.StepContext;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.users.User;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;

/**
 * A real system home with an H2 registry, users USER1 and USER2, and test programs: COPY (SYSUT1 to SYSUT2), RC
 * (returns its PARM), BOOM (abends U0016), WAIT (tells the test it runs, then waits for the test or for CANCEL).
 */
final class JesFixture implements AutoCloseable {
    final Registry registry;
    final CountDownLatch waitStarted = new CountDownLatch(1);
    final CountDownLatch waitRelease = new CountDownLatch(1);
    final List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
    final List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Jes> started = new ArrayList<>();

    JesFixture(Path dir) throws Exception {
        Clock clock = Clock.systemUTC();
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        List<String> listing = new ArrayList<>();
        new TsoProcessor().runStream("ADDUSER USER1 PASSWORD(user1pw)\nADDUSER USER2 PASSWORD(user2pw)",
                new TsoSession(registry, user("IBMUSER")), listing::add);
        new TsoProcessor().runStream("ALTUSER USER1 PASSWORD(user1pw) NOEXPIRED\nALTUSER USER2 PASSWORD(user2pw) NOEXPIRED",
                new TsoSession(registry, user("IBMUSER")), listing::add);
    }

    User user(String userid) {
        return registry.users().find(userid).orElseThrow();
    }

    Jes start(int initiators) {
        Jes jes = Jes.builder(registry).initiators(initiators).converter(MiniJclReader::read).programs(programs())
                .pollInterval(Duration.ofMillis(100)).start();
        jes.onNotify((user, message) -> notices.add(user + ":" + message));
        started.add(jes);
        return jes;
    }

    ProgramLookup programs() {
        return ProgramLookup.of(List.of(new Copy(), new Rc(), new Boom(), new Wait()));
    }

    static List<String> jcl(String... cards) {
        return List.of(cards);
    }

    JobSummary run(Jes jes, User user, List<String> jcl) throws InterruptedException {
        JobSummary job = jes.submit(user, jcl);
        return jes.await(user, job.jobId(), Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        started.forEach(Jes::close);
        registry.close();
    }

    private final class Copy implements Program {
        public Set<String> names() {
            return Set.of("COPY");
        }

        public int run(StepContext step) {
            ran.add(step.jobName() + "." + step.stepName());
            DataDefinition out = step.dd("SYSUT2").orElseThrow(() -> new Abend("U0100", "", "OCS9999E", "NO SYSUT2"));
            for (String line : step.dd("SYSUT1").orElseThrow().readLines()) {
                out.writeLine(line.stripTrailing());
            }
            return 0;
        }
    }

    private final class Rc implements Program {
        public Set<String> names() {
            return Set.of("RC");
        }

        public int run(StepContext step) {
            ran.add(step.jobName() + "." + step.stepName());
            return Integer.parseInt(step.parm());
        }
    }

    private final class Boom implements Program {
        public Set<String> names() {
            return Set.of("BOOM");
        }

        public int run(StepContext step) {
            ran.add(step.jobName() + "." + step.stepName());
            throw new Abend("U0016", "", "OCS9998I", "BOOM ENDED ITS STEP");
        }
    }

    private final class Wait implements Program {
        public Set<String> names() {
            return Set.of("WAIT");
        }

        public int run(StepContext step) {
            ran.add(step.jobName() + "." + step.stepName());
            waitStarted.countDown();
            try {
                while (!step.cancelled() && !waitRelease.await(20, TimeUnit.MILLISECONDS)) {
                    // waiting for the test or for CANCEL
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }
}
