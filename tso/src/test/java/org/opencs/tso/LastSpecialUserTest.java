package org.opencs.tso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.SystemInitializer;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.users.User;
import org.opencs.saf.users.UserStore;

/** The registry never loses its last active SPECIAL user through TSO, and the console gets back in when it has. */
class LastSpecialUserTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
    private Registry registry;
    private final TsoProcessor tso = new TsoProcessor();

    @BeforeEach
    void init() throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, TestRegistries.Store.H2, clock);
        registry = TestRegistries.open(result, clock);
    }

    @AfterEach
    void close() {
        registry.close();
    }

    private List<String> run(TsoSession session, String stream) {
        List<String> listing = new ArrayList<>();
        listing.add("RC=" + tso.runStream(stream, session, listing::add));
        return listing;
    }

    private List<String> run(String userid, String stream) {
        return run(new TsoSession(registry, registry.users().find(userid).orElseThrow()), stream);
    }

    @Test
    void theLastActiveSpecialUserCannotBeRemovedRevokedOrDeleted() {
        assertThat(run("IBMUSER", "ALTUSER IBMUSER NOSPECIAL")).contains("RC=8",
                "OCS0060E USER IBMUSER IS THE LAST ACTIVE SPECIAL USER; NOSPECIAL NOT DONE. GIVE ANOTHER USER SPECIAL FIRST.");
        assertThat(run("IBMUSER", "ALU IBMUSER REVOKE")).contains("RC=8",
                "OCS0060E USER IBMUSER IS THE LAST ACTIVE SPECIAL USER; REVOKE NOT DONE. GIVE ANOTHER USER SPECIAL FIRST.");
        assertThat(registry.users().find("IBMUSER").orElseThrow()).matches(User::special).matches(u -> !u.revoked());

        // With a second SPECIAL user either may go, but never both. A session that logged on while IBMUSER was SPECIAL
        // (a long TSO session) keeps its authority, and still cannot delete the last one.
        TsoSession earlier = new TsoSession(registry, registry.users().find("IBMUSER").orElseThrow());
        assertThat(run("IBMUSER", "ADDUSER ADMIN2 SPECIAL PASSWORD(admin234)\nALTUSER IBMUSER NOSPECIAL")).contains("RC=0");
        assertThat(run("ADMIN2", "ALTUSER ADMIN2 REVOKE")).contains("RC=8").anyMatch(l -> l.startsWith("OCS0060E USER ADMIN2"));
        assertThat(run("ADMIN2", "ALTUSER ADMIN2 NOSPECIAL")).contains("RC=8");
        assertThat(run(earlier, "DELUSER ADMIN2")).contains("RC=8")
                .contains("OCS0060E USER ADMIN2 IS THE LAST ACTIVE SPECIAL USER; DELUSER NOT DONE. GIVE ANOTHER USER SPECIAL FIRST.");
        assertThat(registry.users().activeSpecialCount()).isEqualTo(1);

        // A revoked SPECIAL user does not count: it cannot log on to administer anything.
        assertThat(run("ADMIN2", "ALTUSER IBMUSER SPECIAL REVOKE")).contains("RC=0");
        assertThat(run("ADMIN2", "ALTUSER ADMIN2 NOSPECIAL")).contains("RC=8");
        assertThat(run("ADMIN2", "ALTUSER IBMUSER RESUME\nALTUSER ADMIN2 NOSPECIAL\nLU IBMUSER")).contains("RC=0");
        assertThat(run("IBMUSER", "DELUSER ADMIN2")).contains("RC=0");
        assertThat(registry.users().find("ADMIN2")).isEmpty();
    }

    @Test
    void twoSessionsRemovingTheLastTwoSpecialUsersAtOnceLeaveOne() throws Exception {
        UserStore users = registry.users();
        users.add(User.define("ADMIN2", "A", "IBMUSER", null, false, true, null, null, clock.instant()));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                CyclicBarrier barrier = new CyclicBarrier(2);
                List<Future<UserStore.Guarded>> results = new ArrayList<>();
                for (String userid : List.of("IBMUSER", "ADMIN2")) {
                    User found = users.find(userid).orElseThrow();
                    User user = round % 2 == 0 ? found.withSpecial(false) : found.withRevoked(true);
                    results.add(pool.submit(() -> {
                        barrier.await();
                        return users.updateKeepingSpecial(user);
                    }));
                }
                List<UserStore.Guarded> outcomes = new ArrayList<>();
                for (Future<UserStore.Guarded> f : results) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).containsExactlyInAnyOrder(UserStore.Guarded.DONE, UserStore.Guarded.LAST_SPECIAL);
                assertThat(users.activeSpecialCount()).isEqualTo(1);
                for (String userid : List.of("IBMUSER", "ADMIN2")) {
                    users.update(users.find(userid).orElseThrow().withSpecial(true).withRevoked(false));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRegistryWithoutActiveSpecialUserGivesTheConsoleFailsoftAuthorityWithAWarning() {
        UserStore users = registry.users();
        users.update(users.find("IBMUSER").orElseThrow().withSpecial(false).withRevoked(true));
        List<String> warnings = new ArrayList<>();
        TsoSession console = TsoSession.console(registry, warnings::add);
        assertThat(warnings).containsExactly("OCS0061W NO ACTIVE SPECIAL USER IS DEFINED IN THE REGISTRY: THE CONSOLE ACTS "
                + "AS IBMUSER WITH SPECIAL AUTHORITY (FAILSOFT). RESTORE ONE WITH ALTUSER IBMUSER SPECIAL RESUME.");
        assertThat(run(console, "ALTUSER IBMUSER SPECIAL RESUME")).contains("RC=0");
        assertThat(users.find("IBMUSER").orElseThrow()).matches(User::special).matches(u -> !u.revoked());
        warnings.clear();
        TsoSession.console(registry, warnings::add);
        assertThat(warnings).isEmpty();

        // IBMUSER deleted behind the registry's back: the console can define it again.
        users.delete("IBMUSER");
        TsoSession again = TsoSession.console(registry, warnings::add);
        assertThat(warnings).singleElement().asString().endsWith("AFTER ADDUSER IBMUSER.");
        assertThat(run(again, "ADDUSER IBMUSER SPECIAL PASSWORD(back1234)")).contains("RC=0");
        assertThat(users.activeSpecialCount()).isEqualTo(1);
    }

    @Test
    void anOrdinaryConsoleWithSpecialUsersActsAsIbmuserWithoutWarning() {
        List<String> warnings = new ArrayList<>();
        TsoSession console = TsoSession.console(registry, warnings::add);
        assertThat(console.user().userid()).isEqualTo("IBMUSER");
        assertThat(warnings).isEmpty();
        run("IBMUSER", "ADDUSER USER9 PASSWORD(user9pwd)");
        assertThat(run(new TsoSession(registry, registry.users().find("USER9").orElseThrow()), "ALTUSER IBMUSER NOSPECIAL"))
                .contains("RC=8", "ICH00007I INSUFFICIENT AUTHORITY TO ALTUSER");
    }
}
