package org.opencs.pki.tls.trace;

import io.netty.channel.Channel;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.X509Certificate;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The trace of one TLS connection: turns what its taps and its SslHandler report into records. Its methods run on
 * the connection's event loop (the handshake listener, the taps) or, for {@link #start}, on the thread that added
 * the SslHandler.
 */
final class ConnectionTrace {
    private static final DateTimeFormatter VALIDITY = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** A Java class name in an exception's message ("java.security.cert.CertPathValidatorException: "). */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ");

    private final TlsTrace trace;
    private final long id;
    private final Channel channel;
    private final SslHandler ssl;
    private final String role;
    /** The wall-clock time the handshake began (the JDK's session times use that clock, not the trace's). */
    private final long startedWallMillis = System.currentTimeMillis();
    private volatile boolean handshakeDone;

    ConnectionTrace(TlsTrace trace, long id, Channel channel, SslHandler ssl, String role) {
        this.trace = trace;
        this.id = id;
        this.channel = channel;
        this.ssl = ssl;
        this.role = role;
    }

    void start() {
        record(TraceEvent.CONNECTION, field("role", role), field("local", address(channel.localAddress())),
                field("peer", address(channel.remoteAddress())),
                field("engine", ssl.engine() instanceof ReferenceCountedOpenSslEngine ? "BoringSSL" : "JDK"));
        record(TraceEvent.HANDSHAKE_START);
        ssl.handshakeFuture().addListener(this::handshakeEnded);
        channel.closeFuture().addListener(f -> record(TraceEvent.CONNECTION_CLOSED));
    }

    /** Whether the handshake has completed successfully. */
    boolean handshakeDone() {
        return handshakeDone;
    }

    SSLEngine engine() {
        return ssl.engine();
    }

    /** The ClientHello's body, as Netty's SslClientHelloHandler hands it over; null when the first record was none. */
    void clientHello(byte[] body) {
        if (body == null) {
            record(TraceEvent.CLIENT_HELLO_UNREADABLE, field("reason", "the first TLS record is not a ClientHello"));
            return;
        }
        ClientHello hello;
        try {
            hello = ClientHello.decode(body);
        } catch (IllegalArgumentException e) {
            record(TraceEvent.CLIENT_HELLO_UNREADABLE, field("reason", e.getMessage()),
                    field("length", Integer.toString(body.length)));
            return;
        }
        record(TraceEvent.CLIENT_HELLO,
                field("versions", hello.offeredVersions().stream().map(TlsNames::version).collect(Collectors.joining(" "))),
                field("legacy version", TlsNames.version(hello.legacyVersion())),
                field("cipher suites", hello.cipherSuites().stream().map(TlsNames::cipherSuite)
                        .collect(Collectors.joining(", "))),
                field("server name", hello.serverName().isEmpty() ? "(none)" : hello.serverName()),
                field("session ID length", Integer.toString(hello.sessionIdLength())),
                field("resumption offered", hello.resumption() ? "yes" : "no"));
    }

    /** A plain-text alert seen on the wire ({@code sent} by this server, else received). */
    void alert(boolean sent, int level, int description) {
        record(sent ? TraceEvent.ALERT_SENT : TraceEvent.ALERT_RECEIVED, field("level", TlsNames.alertLevel(level)),
                field("description", TlsNames.alert(description) + " (" + description + ")"));
    }

    /** The SslHandler saw the peer's close_notify. */
    void closeNotifyReceived() {
        record(TraceEvent.CLOSE_NOTIFY_RECEIVED);
    }

    /** The connection is being closed at the socket: after a completed handshake, tells whether close_notify went out. */
    void closing() {
        if (handshakeDone && ssl.engine().isOutboundDone()) {
            record(TraceEvent.CLOSE_NOTIFY_SENT);
        }
    }

    /** An exception after the handshake, passed on by the SslHandler; only TLS errors are traced. */
    void exception(Throwable cause) {
        if (handshakeDone && find(cause, SSLException.class) != null) {
            record(TraceEvent.TLS_ERROR, field("cause", describe(cause)));
        }
    }

    private void handshakeEnded(Future<?> future) {
        if (future.isSuccess()) {
            handshakeDone = true;
            SSLSession session = ssl.engine().getSession();
            record(TraceEvent.NEGOTIATED, field("protocol", session.getProtocol()),
                    field("cipher suite", session.getCipherSuite()));
            record(TraceEvent.SESSION, field("session", resumed(ssl.engine()) ? "resumed" : "new"),
                    field("session ID length", Integer.toString(session.getId() == null ? 0 : session.getId().length)));
            certificates(TraceEvent.CERTIFICATE_SENT, session.getLocalCertificates());
            Certificate[] peer;
            try {
                peer = session.getPeerCertificates();
            } catch (SSLPeerUnverifiedException e) {
                peer = null;
            }
            if (peer == null || peer.length == 0) {
                record(TraceEvent.NO_PEER_CERTIFICATE);
            } else {
                certificates(TraceEvent.CERTIFICATE_RECEIVED, peer);
                record(TraceEvent.VALIDATION_OK, field("subject", subject(peer[0])));
            }
            record(TraceEvent.HANDSHAKE_END, field("status", "0x00000000 (0) handshake complete"));
            return;
        }
        Throwable cause = future.cause();
        Throwable invalid = find(cause, CertificateException.class);
        if (invalid == null) {
            invalid = find(cause, CertPathValidatorException.class);
        }
        if (invalid != null) {
            CertPathValidatorException path = find(cause, CertPathValidatorException.class);
            List<TraceRecord.Field> fields = new ArrayList<>();
            fields.add(field("reason", describe(invalid)));
            if (path != null && path.getReason() != null) {
                fields.add(field("check", path.getReason().toString()));
            }
            record(TraceEvent.VALIDATION_FAILED, fields);
        }
        record(TraceEvent.HANDSHAKE_FAILED, field("cause", cause == null ? "unknown" : describe(cause)));
        record(TraceEvent.HANDSHAKE_END, field("status", "handshake failed"));
    }

    /**
     * Whether the session was resumed rather than made by a full handshake: BoringSSL says so ({@code
     * SSL_session_reused}); on the JDK's engine a resumed session is older than this handshake.
     */
    private boolean resumed(SSLEngine engine) {
        if (engine instanceof ReferenceCountedOpenSslEngine openSsl) {
            synchronized (openSsl) {
                long pointer = openSsl.sslPointer();
                return pointer != 0 && io.netty.internal.tcnative.SSL.isSessionReused(pointer);
            }
        }
        return engine.getSession().getCreationTime() < startedWallMillis;
    }

    private void certificates(TraceEvent event, Certificate[] chain) {
        if (chain == null) {
            return;
        }
        for (int i = 0; i < chain.length; i++) {
            List<TraceRecord.Field> fields = new ArrayList<>();
            fields.add(field("certificate", (i + 1) + " of " + chain.length));
            if (chain[i] instanceof X509Certificate x) {
                fields.add(field("subject", x.getSubjectX500Principal().getName()));
                fields.add(field("issuer", x.getIssuerX500Principal().getName()));
                fields.add(field("serial", x.getSerialNumber().toString(16).toUpperCase(Locale.ROOT)));
                fields.add(field("valid from", VALIDITY.format(x.getNotBefore().toInstant())));
                fields.add(field("valid to", VALIDITY.format(x.getNotAfter().toInstant())));
            } else {
                fields.add(field("type", chain[i].getType()));
            }
            record(event, fields);
        }
    }

    private static String subject(Certificate certificate) {
        return certificate instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : certificate.getType();
    }

    /** The messages of {@code cause} and its causes, without Java class names, each once. */
    static String describe(Throwable cause) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = cause; t != null && parts.size() < 6; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank()) {
                if (t instanceof java.nio.channels.ClosedChannelException) {
                    message = "the connection closed before the handshake completed";
                } else {
                    continue;
                }
            }
            message = CLASS_NAME.matcher(message).replaceAll("").strip();
            String m = message;
            if (!message.isEmpty() && parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(message);
            }
        }
        return parts.isEmpty() ? "no further detail" : String.join(": ", parts);
    }

    private static <T extends Throwable> T find(Throwable cause, Class<T> type) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String address(java.net.SocketAddress address) {
        if (address instanceof java.net.InetSocketAddress inet) {
            return (inet.getAddress() == null ? inet.getHostString() : inet.getAddress().getHostAddress()) + ":"
                    + inet.getPort();
        }
        return String.valueOf(address);
    }

    private static TraceRecord.Field field(String name, String value) {
        return new TraceRecord.Field(name, value == null ? "" : value);
    }

    private void record(TraceEvent event, TraceRecord.Field... fields) {
        trace.record(id, event, List.of(fields));
    }

    private void record(TraceEvent event, List<TraceRecord.Field> fields) {
        trace.record(id, event, fields);
    }
}
