package org.opencs.core.sessions;

import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.random.RandomGenerator;

/**
 * The live sessions of one node (FTP control connections and TN3270E connections; the web server keeps its own
 * browser sessions and shows both): what the console's sessions view lists and ends (docs/web.md "Actions and
 * sessions"), like the operator's NETSTAT CONN and VARY TCPIP,,DROP. One instance per node, made by {@code opencs
 * start} and given to every server. Thread-safe: a concurrent map, no locks; each session updates its own facts
 * lock-free ({@link LiveSession}).
 */
public final class LiveSessions {
    private final ConcurrentMap<String, LiveSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final RandomGenerator random;

    /** Sessions whose start times come from {@code clock}, with handles from a {@link java.security.SecureRandom}. */
    public LiveSessions(Clock clock) {
        this(clock, new java.security.SecureRandom());
    }

    /** Sessions whose start times come from {@code clock} and handles from {@code random} (tests: a seeded one). */
    public LiveSessions(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    /**
     * Registers a new session of {@code kind} from {@code client} (its address as text; the real client behind a
     * PROXY protocol balancer) on local port {@code localPort}, started now, ended by {@code ender} when asked. The
     * server must call {@link LiveSession#closed()} when its connection closes.
     */
    public LiveSession open(SessionKind kind, String client, int localPort, SessionEnder ender) {
        java.util.Objects.requireNonNull(kind, "kind");
        java.util.Objects.requireNonNull(ender, "ender");
        while (true) {
            String handle = HexFormat.of().toHexDigits(random.nextLong());
            LiveSession session = new LiveSession(this, kind, handle, client == null ? "" : client, localPort,
                    clock.instant(), ender);
            if (sessions.putIfAbsent(handle, session) == null) {
                return session;
            }
        }
    }

    /** The live sessions now, oldest first (then by handle). */
    public List<LiveSessionView> list() {
        return sessions.values().stream().map(LiveSession::view)
                .sorted(Comparator.comparing(LiveSessionView::started).thenComparing(LiveSessionView::handle)).toList();
    }

    /** The live session with handle {@code handle}, if any (null: empty). */
    public Optional<LiveSessionView> find(String handle) {
        LiveSession session = handle == null ? null : sessions.get(handle);
        return session == null ? Optional.empty() : Optional.of(session.view());
    }

    /**
     * Asks the server of session {@code handle} to end it for {@code reason} with the node operator's authority: its
     * facts as they were, or empty when there is no such live session or it is being ended already.
     */
    public Optional<LiveSessionView> end(String handle, String reason) {
        return end(handle, EndRequest.operator(reason));
    }

    /**
     * Asks the server of session {@code handle} to end it as {@code request} says: its facts as they were when asked,
     * or empty (and the request's outcome false) when there is no such live session or it is being ended already. The
     * server checks the request against the session's user when it acts: the request's outcome says whether it ended
     * the session or refused.
     */
    public Optional<LiveSessionView> end(String handle, EndRequest request) {
        LiveSession session = handle == null ? null : sessions.get(handle);
        if (session == null) {
            request.refused();
            return Optional.empty();
        }
        LiveSessionView view = session.view();
        return session.end(request) ? Optional.of(view) : Optional.empty();
    }

    /** How many sessions are live. */
    public int size() {
        return sessions.size();
    }

    void remove(LiveSession session) {
        sessions.remove(session.handle(), session);
    }
}
