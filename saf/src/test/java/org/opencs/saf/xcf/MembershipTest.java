package org.opencs.saf.xcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencs.core.ZosException;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.SystemInitializer;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.grs.EnqMode;
import org.opencs.saf.grs.EnqOwner;
import org.opencs.saf.grs.EnqResult;
import org.slf4j.LoggerFactory;

/**
 * Membership on both stores: two Registry instances on one database as two nodes; time moves on a hand-driven clock
 * and heartbeats are called directly (the scheduled heartbeat runs every 5 seconds, far later than these tests look).
 */
class MembershipTest {
    private static final Membership.Settings SETTINGS = new Membership.Settings(Duration.ofSeconds(5),
            Duration.ofSeconds(20));

    @TempDir
    Path dir;

    private static Membership member(Registry registry, String sysname, String host, long pid) {
        return new Membership(registry.database(), registry.enqueues(), registry.clock(), SETTINGS,
                LoggerFactory.getLogger("XCF"), sysname, registry.instance(), host, pid);
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void exactlyOneSurvivorCleansUpANodeWhoseHeartbeatExpired(TestRegistries.Store store) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        SystemInitializer.Result system = TestRegistries.init(dir, store, clock);
        try (Registry a = TestRegistries.open(system, clock); Registry b = TestRegistries.open(system, clock);
             Registry c = TestRegistries.open(system, clock)) {
            Membership dying = member(a, "SYSA", "hosta", 11);
            Membership b1 = member(b, "SYSB", "hostb", 12);
            Membership c1 = member(c, "SYSC", "hostc", 13);
            List<String> told = new CopyOnWriteArrayList<>();
            b1.addListener(node -> told.add("B:" + node.sysname()));
            c1.addListener(node -> told.add("C:" + node.sysname()));
            dying.join();
            b1.join();
            c1.join();
            assertThat(b1.nodes()).extracting(NodeInfo::sysname).containsExactly("SYSA", "SYSB", "SYSC");
            EnqOwner holder = new EnqOwner(a.instance(), "FTP00001");
            assertThat(a.enqueues().enq("SYSDSN", "USER1.DATA", EnqMode.EXCLUSIVE, holder))
                    .isInstanceOf(EnqResult.Granted.class);
            dying.halt();
            clock.advanceSeconds(15);
            b1.beat();
            c1.beat();
            assertThat(told).isEmpty();
            clock.advanceSeconds(10);
            List<NodeInfo> byB = b1.beat();
            List<NodeInfo> byC = c1.beat();
            assertThat(told).hasSize(1);
            assertThat(byB.size() + byC.size()).isEqualTo(1);
            assertThat(told.get(0)).endsWith(":SYSA");
            assertThat(b.enqueues().holders("SYSDSN", "USER1.DATA")).isEmpty();
            assertThat(c1.nodes()).extracting(NodeInfo::sysname).containsExactly("SYSB", "SYSC");
            b1.close();
            assertThat(c1.nodes()).extracting(NodeInfo::sysname).containsExactly("SYSC");
            c1.close();
        }
    }

    /**
     * After an outage of the registry (a PostgreSQL restart) every node's heartbeat is old: the first node back must not
     * take the others for dead, since they could not heartbeat either. It judges them only after it has reached the
     * registry for a whole lease; a node that really stays silent is cleaned up then.
     */
    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void theFirstNodeBackAfterARegistryOutageDoesNotTakeTheOthersForDead(TestRegistries.Store store) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        SystemInitializer.Result system = TestRegistries.init(dir, store, clock);
        try (Registry a = TestRegistries.open(system, clock); Registry b = TestRegistries.open(system, clock);
             Registry c = TestRegistries.open(system, clock)) {
            Membership a1 = member(a, "SYSA", "hosta", 21);
            Membership b1 = member(b, "SYSB", "hostb", 22);
            Membership c1 = member(c, "SYSC", "hostc", 23);
            List<String> told = new CopyOnWriteArrayList<>();
            b1.addListener(node -> told.add(node.sysname()));
            a1.join();
            b1.join();
            c1.join();
            EnqOwner holder = new EnqOwner(a.instance(), "FTP00001");
            a.enqueues().enq("SYSDSN", "USER1.DATA", EnqMode.EXCLUSIVE, holder);
            // The registry is away for a minute: nobody heartbeats. B is back first.
            clock.advanceSeconds(60);
            assertThat(b1.beat()).isEmpty();
            assertThat(told).isEmpty();
            assertThat(b.enqueues().holders("SYSDSN", "USER1.DATA")).hasSize(1);
            // A is back too and heartbeats on; C never comes back: B judges it a lease after B came back (+80 s).
            for (int i = 0; i < 3; i++) {
                clock.advanceSeconds(5);
                a1.beat();
                b1.beat();
            }
            assertThat(told).isEmpty();
            clock.advanceSeconds(5);
            a1.beat();
            assertThat(b1.beat()).extracting(NodeInfo::sysname).containsExactly("SYSC");
            assertThat(told).containsExactly("SYSC");
            assertThat(b.enqueues().holders("SYSDSN", "USER1.DATA")).hasSize(1);
            a1.close();
            b1.close();
        }
    }

    /**
     * A registry outage longer than the lease (a PostgreSQL restart that takes a while) stops every node's heartbeats
     * at once: the first node back does not declare the others failed (ending their running jobs) but gives them a
     * lease to beat again; a node that stays silent after that is still cleaned up.
     */
    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aRegistryOutageDoesNotMakeNodesDeclareEachOtherFailed(TestRegistries.Store store) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        SystemInitializer.Result system = TestRegistries.init(dir, store, clock);
        try (Registry b = TestRegistries.open(system, clock); Registry c = TestRegistries.open(system, clock)) {
            Membership b1 = member(b, "SYSB", "hostb", 12);
            Membership c1 = member(c, "SYSC", "hostc", 13);
            List<String> told = new CopyOnWriteArrayList<>();
            b1.addListener(node -> told.add("B:" + node.sysname()));
            c1.addListener(node -> told.add("C:" + node.sysname()));
            b1.join();
            c1.join();
            // 30 seconds without the registry: both nodes' scheduled heartbeats fail.
            clock.advanceSeconds(30);
            b1.heartbeatFailed(new ZosException("OCS0022E", "Registry error: Connection refused"));
            c1.heartbeatFailed(new ZosException("OCS0022E", "Registry error: Connection refused"));
            assertThat(b1.beat()).isEmpty(); // B is back first: C's heartbeat is 30 s old, C is not failed
            clock.advanceSeconds(3);
            assertThat(c1.beat()).isEmpty();
            clock.advanceSeconds(5);
            assertThat(b1.beat()).isEmpty();
            assertThat(c1.beat()).isEmpty();
            assertThat(told).isEmpty();
            assertThat(b1.nodes()).extracting(NodeInfo::sysname).containsExactly("SYSB", "SYSC");
            // C dies after the outage: B cleans it up once its heartbeat is a lease old, as ever.
            c1.halt();
            for (int i = 0; i < 4; i++) { // B heartbeats every 5 seconds, as its thread does
                clock.advanceSeconds(5);
                assertThat(b1.beat()).isEmpty();
            }
            clock.advanceSeconds(5);
            assertThat(b1.beat()).extracting(NodeInfo::sysname).containsExactly("SYSC");
            assertThat(told).containsExactly("B:SYSC");
            b1.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aSecondLiveNodeWithTheSameSysnameIsRefusedAndADeadOneIsReplacedAtOnce(TestRegistries.Store store)
            throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        SystemInitializer.Result system = TestRegistries.init(dir, store, clock);
        try (Registry a = TestRegistries.open(system, clock); Registry b = TestRegistries.open(system, clock);
             Registry c = TestRegistries.open(system, clock)) {
            Membership first = member(a, "SYSA", "otherhost", 11);
            first.join();
            assertThatThrownBy(() -> member(b, "SYSA", "thishost", ProcessHandle.current().pid()).join())
                    .isInstanceOfSatisfying(ZosException.class, e -> {
                        assertThat(e.messageId()).isEqualTo("OCS0804E");
                        assertThat(e.getMessage()).contains("SYSTEM SYSA IS ALREADY ACTIVE ON HOST otherhost");
                    });
            first.halt();
            // Crashed on this host: its process is gone (no process has this number), so a restart replaces it now.
            Membership crashed = member(b, "SYSB", Membership.hostName(), Long.MAX_VALUE - 1);
            crashed.join();
            crashed.halt();
            assertThat(b.enqueues().enq("SYSDSN", "A.B", EnqMode.EXCLUSIVE, new EnqOwner(b.instance(), "JOB1")))
                    .isInstanceOf(EnqResult.Granted.class);
            List<String> told = new CopyOnWriteArrayList<>();
            Membership restarted = member(c, "SYSB", Membership.hostName(), ProcessHandle.current().pid());
            restarted.addListener(node -> told.add(node.instance()));
            restarted.join();
            assertThat(told).containsExactly(b.instance());
            assertThat(c.enqueues().holders("SYSDSN", "A.B")).isEmpty();
            assertThat(restarted.nodes()).extracting(NodeInfo::instance).containsExactly(a.instance(), c.instance());
            restarted.close();
        }
    }
}
