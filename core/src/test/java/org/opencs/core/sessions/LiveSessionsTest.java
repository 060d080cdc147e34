package org.opencs.core.sessions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LiveSessionsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T20:00:00Z"), ZoneOffset.UTC);

    @Test
    void aSessionShowsWhatItsServerLearnsAndLeavesWhenClosed() {
        LiveSessions live = new LiveSessions(CLOCK);
        List<String> ends = new ArrayList<>();
        LiveSession ftp = live.open(SessionKind.FTP, "192.0.2.7", 21, r -> ends.add(r.reason()));
        LiveSessionView fresh = live.find(ftp.handle()).orElseThrow();
        assertEquals("", fresh.userid());
        assertEquals("", fresh.tlsProtocol());
        assertEquals("192.0.2.7", fresh.client());
        assertEquals(21, fresh.localPort());
        assertEquals(CLOCK.instant(), fresh.started());
        assertTrue(ftp.handle().matches("[0-9a-f]{16}"), ftp.handle());

        ftp.tls("TLSv1.3", "TLS_AES_256_GCM_SHA384", "CN=USER1,O=OpenCS");
        ftp.loggedOn("USER1");
        ftp.received(100);
        ftp.sent(250);
        ftp.sent(5);
        LiveSessionView seen = live.list().get(0);
        assertEquals(new LiveSessionView(SessionKind.FTP, ftp.handle(), "USER1", "192.0.2.7", 21, CLOCK.instant(), "",
                "TLSv1.3", "TLS_AES_256_GCM_SHA384", "CN=USER1,O=OpenCS", 100, 255), seen);

        assertEquals(seen, live.end(ftp.handle(), "ended by ADMIN1").orElseThrow());
        assertEquals(List.of("ended by ADMIN1"), ends);
        assertTrue(live.end(ftp.handle(), "again").isEmpty(), "a session is ended once");
        assertEquals(1, ends.size());
        assertEquals(1, live.size(), "it stays listed until its connection has closed");
        ftp.closed();
        assertEquals(0, live.size());
        assertTrue(live.find(ftp.handle()).isEmpty());
        assertTrue(live.end("0123456789abcdef", "none").isEmpty());
        assertTrue(live.end(null, "none").isEmpty());
    }

    @Test
    void aClosedSessionCannotBeEnded() {
        LiveSessions live = new LiveSessions(CLOCK);
        List<String> ends = new ArrayList<>();
        LiveSession tn = live.open(SessionKind.TN3270, "::1", 23, r -> ends.add(r.reason()));
        tn.lu("TCP00001");
        assertEquals("TCP00001", live.list().get(0).lu());
        tn.closed();
        assertFalse(tn.end("late"));
        assertTrue(ends.isEmpty());
    }

    /**
     * The requester's authority travels with the request and is checked by the server against the session's user when
     * it acts (here a server that logs on as BOB between the console's look and the end): ALICE's request is refused
     * and the session can be ended again; SPECIAL users and the operator may end any; a request pending when the
     * connection closes counts as ended.
     */
    @Test
    void theServerChecksTheRequesterAgainstTheSessionsUserWhenItActs() throws Exception {
        LiveSessions live = new LiveSessions(CLOCK);
        String[] user = {"ALICE"};
        List<EndRequest> asked = new ArrayList<>();
        LiveSession ftp = live.open(SessionKind.FTP, "192.0.2.9", 21, request -> {
            asked.add(request);
            user[0] = "BOB"; // a queued USER BOB / PASS ran before the end event
            if (request.allows(user[0])) {
                request.ended();
            } else {
                request.refused();
            }
        });
        ftp.loggedOn("ALICE");
        EndRequest alice = EndRequest.by("ALICE", false, "by ALICE from the console");
        assertTrue(live.end(ftp.handle(), alice).isPresent(), "the session was live when asked");
        assertFalse(alice.outcome().get(), "BOB's session is not ALICE's to end");
        assertEquals(1, live.size());

        EndRequest admin = EndRequest.by("ADMIN1", true, "by ADMIN1 from the console");
        assertTrue(live.end(ftp.handle(), admin).isPresent(), "a refused request leaves the session endable");
        assertTrue(admin.outcome().get());
        assertEquals(2, asked.size());

        EndRequest late = EndRequest.by("ADMIN1", true, "again");
        assertTrue(live.end(ftp.handle(), late).isEmpty());
        assertFalse(late.outcome().get(), "being ended already: nothing done");
        EndRequest none = EndRequest.by("ADMIN1", true, "none");
        assertTrue(live.end("0123456789abcdef", none).isEmpty());
        assertFalse(none.outcome().get());

        assertTrue(EndRequest.operator("x").allows(""));
        assertTrue(EndRequest.by("BOB", false, "x").allows("bob "));
        assertFalse(EndRequest.by("BOB", false, "x").allows(""));
        assertFalse(EndRequest.by("BOB", false, "x").allows(null));
        assertTrue(EndRequest.by("ADMIN1", true, "x").allows(""));

        LiveSession quiet = live.open(SessionKind.TN3270, "::1", 23, request -> { }); // acts later
        EndRequest pending = EndRequest.by("ADMIN1", true, "pending");
        assertTrue(live.end(quiet.handle(), pending).isPresent());
        assertFalse(pending.outcome().isDone());
        quiet.closed();
        assertTrue(pending.outcome().get(), "the connection is gone");
    }

    @Test
    void bytesCountedFromManyThreadsAddUp() throws InterruptedException {
        LiveSessions live = new LiveSessions(CLOCK);
        LiveSession session = live.open(SessionKind.FTP, "127.0.0.1", 21, r -> { });
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    session.received(3);
                    session.sent(7);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(4 * 10_000 * 3L, session.view().bytesIn());
        assertEquals(4 * 10_000 * 7L, session.view().bytesOut());
    }

    /**
     * Any sequence of opens, ends and closes: the registry lists exactly the sessions opened and not yet closed, oldest
     * first, each with its own handle, and each session's ender ran at most once, only for a session ended while live.
     */
    @Property(tries = 200)
    void theRegistryListsExactlyTheOpenSessions(@ForAll @Size(max = 60) List<@IntRange(min = 0, max = 2) Integer> ops,
                                               @ForAll long seed) {
        SplittableRandom pick = new SplittableRandom(seed);
        // a seeded random that repeats itself, so handle collisions are exercised too
        SplittableRandom handles = new SplittableRandom(seed);
        // 64 handles for at most 60 live sessions
        LiveSessions live = new LiveSessions(CLOCK, () -> handles.nextLong(64));
        List<LiveSession> open = new ArrayList<>();
        Map<LiveSession, Integer> enderCalls = new java.util.IdentityHashMap<>();
        Set<LiveSession> ended = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int op : ops) {
            if (op == 0 || open.isEmpty()) {
                LiveSession[] self = new LiveSession[1];
                LiveSession s = live.open(SessionKind.values()[pick.nextInt(3)], "192.0.2." + pick.nextInt(9), 21,
                        reason -> enderCalls.merge(self[0], 1, Integer::sum));
                self[0] = s;
                open.add(s);
            } else if (op == 1) {
                LiveSession s = open.get(pick.nextInt(open.size()));
                boolean first = ended.add(s);
                assertEquals(first, live.end(s.handle(), "test").isPresent());
            } else {
                LiveSession s = open.remove(pick.nextInt(open.size()));
                s.closed();
            }
            Set<String> expected = new HashSet<>();
            open.forEach(s -> expected.add(s.handle()));
            List<LiveSessionView> listed = live.list();
            assertEquals(expected.size(), listed.size(), "handles are unique among live sessions");
            Set<String> got = new HashSet<>();
            listed.forEach(v -> got.add(v.handle()));
            assertEquals(expected, got);
        }
        enderCalls.values().forEach(n -> assertEquals(1, n));
        assertTrue(ended.containsAll(enderCalls.keySet()));
    }
}
