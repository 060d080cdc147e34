package org.opencs.saf.grs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencs.saf.Registry;
import org.opencs.saf.SystemInitializer;
import org.opencs.saf.TestRegistries;

/**
 * The ENQ service on both stores, with two Registry instances on one database acting as two nodes (on PostgreSQL two
 * pools on one schema, as two nodes have).
 */
class EnqueuesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aWriterExcludesEveryOtherOwnerAndReadersShareAcrossNodes(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result system = TestRegistries.init(dir, store, Clock.systemUTC());
        try (Registry a = TestRegistries.open(system, Clock.systemUTC());
             Registry b = TestRegistries.open(system, Clock.systemUTC())) {
            EnqOwner ftp = new EnqOwner(a.instance(), "FTP00001");
            EnqOwner job = new EnqOwner(b.instance(), "JOB00002");
            EnqResult first = a.enqueues().enq("SYSDSN", "USER1.DATA", EnqMode.EXCLUSIVE, ftp);
            assertThat(first).isInstanceOf(EnqResult.Granted.class);
            EnqResult refused = b.enqueues().enq("SYSDSN", "USER1.DATA", EnqMode.SHARED, job);
            assertThat(refused).isInstanceOfSatisfying(EnqResult.InUse.class, inUse -> {
                assertThat(inUse.holders()).singleElement().satisfies(h -> {
                    assertThat(h.owner()).isEqualTo(ftp);
                    assertThat(h.mode()).isEqualTo(EnqMode.EXCLUSIVE);
                });
            });
            // Other data sets are not in the way, and the holder itself may take it again.
            assertThat(b.enqueues().enq("SYSDSN", "USER1.OTHER", EnqMode.EXCLUSIVE, job))
                    .isInstanceOf(EnqResult.Granted.class);
            assertThat(a.enqueues().enq("SYSDSN", "USER1.DATA", EnqMode.SHARED, ftp)).isInstanceOf(EnqResult.Granted.class);
            ((EnqResult.Granted) first).enq().close();
            a.enqueues().releaseAll(ftp);
            EnqResult reader1 = b.enqueues().enq("SYSDSN", "USER1.DATA", EnqMode.SHARED, job);
            EnqResult reader2 = a.enqueues().enq("SYSDSN", "USER1.DATA", EnqMode.SHARED, ftp);
            assertThat(reader1).isInstanceOf(EnqResult.Granted.class);
            assertThat(reader2).isInstanceOf(EnqResult.Granted.class);
            assertThat(a.enqueues().holders("SYSDSN", "USER1.DATA")).hasSize(2);
            assertThat(a.enqueues().enq("SYSDSN", "USER1.DATA", EnqMode.EXCLUSIVE, new EnqOwner(a.instance(), "FTP3")))
                    .isInstanceOf(EnqResult.InUse.class);
            // All or nothing: the free resource of a refused pair is not left held.
            EnqOwner third = new EnqOwner(a.instance(), "JOB00009");
            assertThat(a.enqueues().enq(List.of(EnqRequest.sysdsn("USER1.FREE", EnqMode.EXCLUSIVE),
                    EnqRequest.sysdsn("USER1.DATA", EnqMode.EXCLUSIVE)), third)).isInstanceOf(EnqResult.InUse.class);
            assertThat(a.enqueues().holders("SYSDSN", "USER1.FREE")).isEmpty();
            assertThat(b.enqueues().releaseInstance(b.instance())).isEqualTo(2);
            assertThat(a.enqueues().all()).extracting(EnqHolder::owner).containsOnly(ftp);
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void racingWritersOnTwoNodesNeverHoldOneDataSetTogether(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result system = TestRegistries.init(dir, store, Clock.systemUTC());
        try (Registry a = TestRegistries.open(system, Clock.systemUTC());
             Registry b = TestRegistries.open(system, Clock.systemUTC())) {
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            AtomicInteger grants = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Registry node = t % 2 == 0 ? a : b;
                String unit = "FTP" + t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        EnqResult result = node.enqueues().enq("SYSDSN", "USER1.HOT", EnqMode.EXCLUSIVE,
                                new EnqOwner(node.instance(), unit));
                        if (result instanceof EnqResult.Granted granted) {
                            grants.incrementAndGet();
                            if (inside.incrementAndGet() > 1) {
                                overlaps.incrementAndGet();
                            }
                            inside.decrementAndGet();
                            granted.enq().close();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            assertThat(overlaps.get()).isZero();
            assertThat(grants.get()).isPositive();
            assertThat(a.enqueues().all()).isEmpty();
        }
    }
}
