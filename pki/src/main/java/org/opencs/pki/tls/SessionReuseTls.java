package org.opencs.pki.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSslServerSessionContext;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

/**
 * Server TLS for a protocol whose secondary connections resume the session of a primary one: FTPS, where a protected
 * data connection resumes the control connection's session (RFC 4217 section 10.2; z/OS's SECURE_SESSION_REUSE
 * REQUIRED, vsftpd's require_ssl_reuse).
 *
 * <p>On Netty's BoringSSL engine both connections offer TLS 1.3 and 1.2 from one context:
 * <ul>
 * <li>A data connection that carries an upload sends no TLS 1.3 NewSessionTicket (what OpenSSL's
 * {@code SSL_set_num_tickets(0)} does; Netty's BoringSSL build offers no such call: {@code SSLContext.setNumTickets}
 * answers false). A TLS 1.3 server sends its tickets after the handshake (RFC 8446 section 4.6.1); an uploading
 * client never reads them, so its kernel answers its close with a reset that discards data still in flight, and
 * curl's uploads were cut (vsftpd 3.0.3 answers curl's TLS 1.3 upload with "426 Failure reading network stream" for
 * that reason). With no ticket nothing is left unread. A download's connection does send tickets: its client reads
 * up to close_notify, and OpenSSL clients (curl) use a TLS 1.3 session only once, so the ticket is what they resume
 * their next data connection with. BoringSSL's only
 * switch for that per connection, {@code SSL_OP_NO_TICKET}, also makes it ignore the client's ticket, so it is set
 * once the client's ticket has been taken, when the client's encrypted Finished arrives ({@link DataConnectionGate}).
 * The control connection still issues tickets: they are what the data connections resume.</li>
 * <li>Each control connection gets its own session ID context (32 random bytes, {@code SSL_set_session_id_context}),
 * which its data connections get too. BoringSSL resumes a session only under the context it was made in, so a data
 * connection can resume its own control connection's session and no other (not one from another session of the same
 * client, nor a ticket another user holds), and "resumed" ({@code SSL_session_reused}) is the whole check. In TLS 1.3
 * a resumed session has a new ID and a new time, so those could not tell it.</li>
 * </ul>
 *
 * <p>On the JDK's engine (where the native library is missing) the JDK sends a ticket after every TLS 1.3 handshake
 * and offers no way to stop it per connection, so data connections stay at TLS 1.2 and, where resumption is
 * required, control connections too (a TLS 1.3 session cannot be resumed over TLS 1.2); a resumed TLS 1.2 session is
 * recognised by its ID or, with tickets, by its creation time and suite.
 */
public final class SessionReuseTls {
    /** The longest session ID context BoringSSL keeps (SSL_MAX_SID_CTX_LENGTH). */
    private static final int CONTEXT_ID_BYTES = 32;
    /** How long a session can be resumed: 24 hours, the JDK's default. */
    private static final int SESSION_LIFETIME_SECONDS = 24 * 60 * 60;

    private final SslContext tls;
    private final org.opencs.pki.tls.trace.TlsTrace trace;
    private final boolean native_;
    private final List<String> protocols;
    private final SecureRandom random = new SecureRandom();
    /** Each control engine's session ID context (native engine only). */
    private final Map<SSLEngine, byte[]> contextIds = Collections.synchronizedMap(new WeakHashMap<>());

    private SessionReuseTls(SslContext tls, boolean nativeEngine, List<String> protocols,
                            org.opencs.pki.tls.trace.TlsTrace trace) {
        this.tls = tls;
        this.trace = trace;
        this.native_ = nativeEngine;
        this.protocols = protocols;
    }

    /**
     * Builds the contexts from {@code ring}: {@code cipherSuites} as {@link SystemSsl#cipherSuites} gives them;
     * {@code reuseRequired} matters only on the JDK's engine (control connections then stay at TLS 1.2).
     */
    public static SessionReuseTls create(KeyRing ring, ClientAuth clientAuth, List<String> cipherSuites,
                                         boolean reuseRequired) {
        return create(ring, clientAuth, cipherSuites, reuseRequired, org.opencs.pki.tls.trace.TlsTrace.off());
    }

    /** As above, with the System SSL trace ({@link #trace()}) the connections of these contexts are traced to. */
    public static SessionReuseTls create(KeyRing ring, ClientAuth clientAuth, List<String> cipherSuites,
                                         boolean reuseRequired, org.opencs.pki.tls.trace.TlsTrace trace) {
        if (SystemSsl.fastProvider() == SslProvider.OPENSSL) {
            SslContext tls = SystemSsl.server(ring, clientAuth, SystemSsl.DEFAULT_PROTOCOLS, cipherSuites,
                    SslProvider.OPENSSL);
            // A control session stays resumable for a day, as with the JDK's engine (BoringSSL's own default is two
            // hours, after which a long FTP session's data connections could no longer resume it).
            tls.sessionContext().setSessionTimeout(SESSION_LIFETIME_SECONDS);
            return new SessionReuseTls(tls, true, SystemSsl.DEFAULT_PROTOCOLS, trace);
        }
        List<String> protocols = reuseRequired ? List.of("TLSv1.2") : SystemSsl.DEFAULT_PROTOCOLS;
        SslContext shared = SystemSsl.server(ring, clientAuth, protocols, cipherSuites, SslProvider.JDK);
        return new SessionReuseTls(shared, false, protocols, trace);
    }

    /** An engine for a new control connection, with a session ID context of its own. */
    public SSLEngine newControlEngine(ByteBufAllocator alloc) {
        if (!native_) {
            return tls.newEngine(alloc);
        }
        byte[] id = new byte[CONTEXT_ID_BYTES];
        random.nextBytes(id);
        SSLEngine engine = withContextId(tls, id, alloc);
        contextIds.put(engine, id);
        return engine;
    }

    /**
     * An engine for a data connection of the session whose control connection runs {@code controlEngine}: it can
     * resume that session and no other. The client is not asked for a certificate again. Put {@link
     * #dataConnectionGate} in front of its SslHandler, so an upload sends no session ticket.
     */
    public SSLEngine newDataEngine(ByteBufAllocator alloc, SSLEngine controlEngine) {
        SSLEngine engine;
        if (native_) {
            engine = withContextId(tls, dataContextId(controlEngine), alloc);
        } else {
            engine = tls.newEngine(alloc);
            engine.setEnabledProtocols(new String[] {"TLSv1.2"});
        }
        engine.setUseClientMode(false);
        engine.setNeedClientAuth(false);
        engine.setWantClientAuth(false);
        return engine;
    }

    /**
     * The TLS handler for a data connection of the session whose control connection runs {@code controlEngine}: the
     * engine of {@link #newDataEngine}, able to resume that session and no other. On BoringSSL the engine is made the
     * way Netty makes its own handlers ({@code SslContext.newHandler}), out of the JDK's one-record-per-call mode: an
     * upload's records are decrypted all at once as they arrive (one buffer per socket read instead of one per 16 KiB
     * record), and a large write is encrypted record after record into one buffer.
     */
    public SslHandler newDataHandler(ByteBufAllocator alloc, SSLEngine controlEngine) {
        if (!native_) {
            return new SslHandler(newDataEngine(alloc, controlEngine));
        }
        byte[] id = dataContextId(controlEngine);
        SslHandler handler;
        synchronized (tls) { // BoringSSL copies the context's session ID context into each new connection
            ((OpenSslServerSessionContext) tls.sessionContext()).setSessionIdContext(id);
            handler = tls.newHandler(alloc);
        }
        SSLEngine engine = handler.engine();
        engine.setUseClientMode(false);
        engine.setNeedClientAuth(false);
        engine.setWantClientAuth(false);
        return handler;
    }

    /**
     * The handler to put in front of a data connection's SslHandler (closer to the socket), {@link DataConnectionGate}:
     * the handshake can begin at once, the client's Finished waits for {@link DataConnectionGate#open}, which stops
     * the TLS 1.3 session tickets of an upload on BoringSSL.
     */
    public DataConnectionGate dataConnectionGate(SSLEngine dataEngine) {
        return new DataConnectionGate(native_ && dataEngine instanceof ReferenceCountedOpenSslEngine engine ? engine : null);
    }

    /** The session ID context of {@code controlEngine}'s data connections; for an engine not ours, one nobody has. */
    private byte[] dataContextId(SSLEngine controlEngine) {
        byte[] id = controlEngine == null ? null : contextIds.get(controlEngine);
        if (id == null) {
            // Not one of ours: a context ID nobody else has, so nothing can be resumed.
            id = new byte[CONTEXT_ID_BYTES];
            random.nextBytes(id);
        }
        return id;
    }

    /** BoringSSL copies the context's session ID context into each new connection, so set and create together. */
    private static SSLEngine withContextId(SslContext context, byte[] id, ByteBufAllocator alloc) {
        synchronized (context) {
            ((OpenSslServerSessionContext) context.sessionContext()).setSessionIdContext(id);
            return context.newEngine(alloc);
        }
    }

    /**
     * As the data connection's handshake ends (on its event loop, before the engine can be closed): whether it
     * resumed the control connection's session rather than making a new one with a full handshake.
     */
    public boolean resumedControlSession(SSLEngine dataEngine, SSLEngine controlEngine) {
        if (native_ && dataEngine instanceof ReferenceCountedOpenSslEngine engine) {
            synchronized (engine) {
                long ssl = engine.sslPointer();
                return ssl != 0 && io.netty.internal.tcnative.SSL.isSessionReused(ssl); // 0: already closed and freed
            }
        }
        SSLSession control = controlEngine.getSession();
        SSLSession data = dataEngine.getSession();
        return Arrays.equals(control.getId(), data.getId())
                || (control.getCreationTime() == data.getCreationTime()
                    && control.getCipherSuite().equals(data.getCipherSuite()));
    }

    /**
     * The System SSL trace (GSK_TRACE) for the connections of these contexts: {@code trace().attach(pipeline, ssl,
     * role)} after adding each SslHandler; off unless given to {@link #create}.
     */
    public org.opencs.pki.tls.trace.TlsTrace trace() {
        return trace;
    }

    /** The protocols a control connection offers. */
    public List<String> protocols() {
        return protocols;
    }

    /** The cipher suites enabled (IANA names), in preference order. */
    public List<String> cipherSuites() {
        return tls.cipherSuites();
    }

    /** Whether this runs on Netty's BoringSSL engine (TLS 1.3 data connections) rather than the JDK's. */
    public boolean nativeEngine() {
        return native_;
    }
}
