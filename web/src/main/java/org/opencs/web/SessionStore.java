package org.opencs.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;

/**
 * The web sessions of one server, in memory: created at logon with a fresh ID and CSRF token, found by the cookie's
 * ID (which refreshes their idle time), ended at logout, when unused for longer than the idle timeout, or when its
 * user has been revoked since logon (checked at every look-up, docs/web.md "Sessions and cookies"). An ended session
 * is reported to {@code ended} (session, reason) once, for the audit log.
 */
public final class SessionStore {
    /** Why a session ended. */
    public enum End { LOGOUT, IDLE_TIMEOUT, ENDED_BY_ADMIN, REVOKED }

    /** What a look-up of a session ID found: a live session, one just ended because its user is revoked, or none. */
    public sealed interface Lookup {
        /** The live session, seen now. */
        record Live(WebSession session) implements Lookup { }

        /** The session of {@code userid} was ended now (WEB_LOGOFF reason REVOKED): the user is revoked. */
        record Revoked(String userid) implements Lookup { }

        /** No live session with that ID. */
        record None() implements Lookup { }
    }

    private final ConcurrentMap<String, WebSession> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Tokens tokens;
    private final Duration idleTimeout;
    private final BiConsumer<WebSession, End> ended;
    private final java.util.function.Predicate<String> revoked;

    /** Sessions whose users are never checked for revocation (tests of the store itself). */
    public SessionStore(Clock clock, Tokens tokens, Duration idleTimeout, BiConsumer<WebSession, End> ended) {
        this(clock, tokens, idleTimeout, ended, userid -> false);
    }

    /**
     * Sessions idle after {@code idleTimeout}, reported to {@code ended} when they end; {@code revoked} answers
     * whether a user ID is revoked now (asked at every look-up: the registry's REVOKE takes effect at the session's
     * next request).
     */
    public SessionStore(Clock clock, Tokens tokens, Duration idleTimeout, BiConsumer<WebSession, End> ended,
                        java.util.function.Predicate<String> revoked) {
        this.clock = clock;
        this.tokens = tokens;
        this.idleTimeout = idleTimeout;
        this.ended = ended;
        this.revoked = revoked;
    }

    /** A new session for {@code userid} logged on from {@code client} with a password or PassTicket. */
    public WebSession create(String userid, String client) {
        return create(userid, client, "");
    }

    /** A new session for {@code userid} logged on from {@code client} with a certificate of {@code subject} ("" none). */
    public WebSession create(String userid, String client, String certificateSubject) {
        expireIdle();
        Instant now = clock.instant();
        WebSession session = new WebSession(tokens.next(), userid, tokens.next(), client, now, now, certificateSubject);
        sessions.put(session.id(), session);
        return session;
    }

    /**
     * The live session with this ID, seen now; empty for an unknown, ended, idle-expired one or one whose user is
     * revoked (ended now, see {@link #look}) (null: empty).
     */
    public Optional<WebSession> find(String id) {
        return look(id) instanceof Lookup.Live live ? Optional.of(live.session()) : Optional.empty();
    }

    /**
     * Looks the session with this ID up, seen now: an idle-expired one is ended (IDLE_TIMEOUT) and is none; one whose
     * user is revoked is ended (REVOKED) and answered as {@link Lookup.Revoked}, so the caller can say why.
     */
    public Lookup look(String id) {
        if (id == null) {
            return new Lookup.None();
        }
        WebSession session = sessions.get(id);
        if (session == null) {
            return new Lookup.None();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            end(session, End.IDLE_TIMEOUT);
            return new Lookup.None();
        }
        if (revoked.test(session.userid())) {
            return end(session, End.REVOKED) ? new Lookup.Revoked(session.userid()) : new Lookup.None();
        }
        WebSession seen = session.touched(now);
        sessions.replace(id, session, seen);
        return new Lookup.Live(seen);
    }

    /** Ends the session with this ID (logout); false when there was none. */
    public boolean logout(String id) {
        WebSession session = id == null ? null : sessions.get(id);
        return session != null && end(session, End.LOGOUT);
    }

    /** Ends the live session whose {@link WebSession#handle()} is {@code handle}, for {@code reason}; empty when none. */
    public Optional<WebSession> endByHandle(String handle, End reason) {
        expireIdle();
        return sessions.values().stream().filter(s -> s.handle().equals(handle)).findFirst()
                .filter(s -> end(s, reason));
    }

    /** Ends every session unused for longer than the idle timeout. */
    public void expireIdle() {
        Instant now = clock.instant();
        sessions.values().stream().filter(s -> expired(s, now)).forEach(s -> end(s, End.IDLE_TIMEOUT));
    }

    /** The live sessions (idle-expired ones are ended first). */
    public List<WebSession> list() {
        expireIdle();
        return List.copyOf(sessions.values());
    }

    private boolean expired(WebSession session, Instant now) {
        return session.lastUsed().plus(idleTimeout).isBefore(now);
    }

    private boolean end(WebSession session, End reason) {
        WebSession removed = sessions.remove(session.id());
        if (removed != null) {
            ended.accept(removed, reason);
            return true;
        }
        return false;
    }
}
