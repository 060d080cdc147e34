package org.opencs.core.sessions;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * One live session in a node's {@link LiveSessions}: fixed facts (kind, handle, client, local port, start) and the
 * facts its server learns as it goes (user ID at logon, LU name, TLS once the handshake is done, bytes on the wire).
 * Every update is lock-free (volatile fields and {@link LongAdder}s), so the servers' I/O threads count bytes without
 * contention; {@link #view()} reads a consistent-enough copy from any thread. {@link #closed()} takes it out of the
 * registry when its connection closes.
 */
public final class LiveSession {
    /** The TLS facts of a session: protocol, cipher suite and client certificate subject (all empty when plain). */
    private record Tls(String protocol, String cipher, String certificateSubject) {
        static final Tls NONE = new Tls("", "", "");
    }

    private final LiveSessions owner;
    private final SessionKind kind;
    private final String handle;
    private final String client;
    private final int localPort;
    private final Instant started;
    private final SessionEnder ender;
    private volatile String userid = "";
    private volatile String lu = "";
    private volatile Tls tls = Tls.NONE;
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean closed;
    private volatile EndRequest pending;

    LiveSession(LiveSessions owner, SessionKind kind, String handle, String client, int localPort, Instant started,
                SessionEnder ender) {
        this.owner = owner;
        this.kind = kind;
        this.handle = handle;
        this.client = client;
        this.localPort = localPort;
        this.started = started;
        this.ender = ender;
    }

    /** The public handle: 16 lower-case hex digits. */
    public String handle() {
        return handle;
    }

    /** The kind of session. */
    public SessionKind kind() {
        return kind;
    }

    /** The user is logged on as {@code userid} (null or blank: logged off again, as after FTP's REIN). */
    public void loggedOn(String userid) {
        this.userid = userid == null ? "" : userid.strip();
    }

    /** The TN3270 session's LU name (null: none). */
    public void lu(String lu) {
        this.lu = lu == null ? "" : lu;
    }

    /**
     * The TLS handshake is done: {@code protocol} (TLSv1.3), {@code cipher} (TLS_AES_256_GCM_SHA384) and the client
     * certificate's subject (RFC 2253; null or empty: none). Null protocol: the session is plain again (FTP's CCC).
     */
    public void tls(String protocol, String cipher, String certificateSubject) {
        this.tls = protocol == null ? Tls.NONE : new Tls(protocol, cipher == null ? "" : cipher,
                certificateSubject == null ? "" : certificateSubject);
    }

    /** {@code bytes} more were received from the client (on the wire). */
    public void received(long bytes) {
        bytesIn.add(bytes);
    }

    /** {@code bytes} more were sent to the client (on the wire). */
    public void sent(long bytes) {
        bytesOut.add(bytes);
    }

    /**
     * Asks the server to end this session for {@code reason} with the node operator's authority (see
     * {@link #end(EndRequest)}).
     */
    public boolean end(String reason) {
        return end(EndRequest.operator(reason));
    }

    /**
     * Asks the server to end this session as {@code request} says: false (nothing done, the request's outcome
     * completed false) when it is being ended already or has closed. The server checks the request against the
     * session's user when it acts and completes the request's outcome; a refused request leaves the session endable
     * again. The session leaves the registry when its connection has closed (a request still pending then counts as
     * ended: the connection is gone).
     */
    public boolean end(EndRequest request) {
        if (!ended.compareAndSet(false, true)) {
            request.refused();
            return false;
        }
        pending = request;
        request.outcome().thenAccept(done -> {
            if (!done && !closed) {
                ended.set(false);
            }
        });
        ender.end(request);
        return true;
    }

    /** The connection has closed: the session leaves the registry (again: nothing). */
    public void closed() {
        closed = true;
        ended.set(true);
        EndRequest request = pending;
        if (request != null) {
            request.ended();
        }
        owner.remove(this);
    }

    /** The session's facts now. */
    public LiveSessionView view() {
        Tls t = tls;
        return new LiveSessionView(kind, handle, userid, client, localPort, started, lu, t.protocol(), t.cipher(),
                t.certificateSubject(), bytesIn.sum(), bytesOut.sum());
    }
}
