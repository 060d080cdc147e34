package org.opencs.ftp.server;

import io.netty.handler.ssl.SslHandler;
import java.util.Locale;
import org.opencs.ftp.config.FtpData;
import org.opencs.ftp.config.TraceType;

/**
 * AUTH, PBSZ, PROT and CCC (RFC 2228/4217) with z/OS's rules and replies (shared/reference/zos-ftp.md section 1.4).
 */
final class SecurityCommands {
    private final SessionState s;

    SecurityCommands(SessionState session) {
        this.s = session;
    }

    void auth(String mechanism) {
        String m = mechanism.toUpperCase(Locale.ROOT);
        s.trace.trace(TracePoint.AUTH_ENTERED);
        if (s.implicitTls) {
            s.trace.trace(TracePoint.AUTH_REFUSED, mechanism, "the session is on the implicit TLS port");
            s.reply("503 Server on the TLS secure port does not accept the AUTH command");
            return;
        }
        if (s.context.tls() == null || !(m.equals("TLS") || m.equals("SSL") || m.equals("TLS-C") || m.equals("TLS-P"))) {
            s.trace.trace(TracePoint.AUTH_REFUSED, mechanism, s.context.tls() == null
                    ? "EXTENSIONS AUTH_TLS is not configured" : "the mechanism is not TLS, TLS-C, TLS-P or SSL");
            s.reply("504 Security mechanism " + mechanism + " is not supported");
            return;
        }
        if (s.tls) {
            s.trace.trace(TracePoint.AUTH_REFUSED, mechanism, "TLS is in use already");
            s.reply("503 Authentication already established");
            return;
        }
        // startTls: the 234 reply itself still goes out in the clear, everything after it is TLS.
        SslHandler ssl = tracedHandler(s, null, true);
        org.opencs.pki.net.ProxyProtocol.addFirst(s.ctx.pipeline(), "tls", ssl); // after the wire byte counter
        s.context.tls().trace().attach(s.ctx.pipeline(), ssl, "FTP control");
        s.tls = true;
        s.reply(FtpReplies.AUTH_OK);
        s.activity("EZYFS54I", "SECURE OK Mechanism=" + (m.equals("TLS-C") ? "TLS-C" : "TLS-P"));
    }

    /**
     * The control connection's TLS handler ({@code engine}, or a new one when null), with the SEC trace of z/OS's
     * ftpAuth as the seed shows it: the System SSL environment opened, the connection as a server (requesting a client
     * certificate under SECURE_LOGIN REQUIRED or VERIFY_USER), the environment initialized; then, when the handshake
     * ends, its protocol and cipher and the client certificate. {@code startTls}: after AUTH (the 234 reply goes out
     * in the clear); false on the implicit TLS port, whose handshake comes first.
     */
    static SslHandler tracedHandler(SessionState s, javax.net.ssl.SSLEngine engine, boolean startTls) {
        traceEnvironment(s);
        SslHandler handler = new SslHandler(engine != null ? engine : s.context.tls().newControlEngine(s.ctx.alloc()),
                startTls);
        s.trace.trace(TracePoint.AUTH_ENVIRONMENT_COMPLETE);
        traceHandshake(s, handler);
        org.opencs.pki.net.WireBytes.watchTls(handler, s.live);
        return handler;
    }

    /**
     * The same trace for a handler made before the session (the implicit TLS port with SECUREIMPLICITZOS FALSE, whose
     * handshake comes before the 220 reply): ftpAuth entered, the environment, and the handshake's end.
     */
    static void traceExisting(SessionState s, SslHandler handler) {
        if (handler == null || !s.trace.on(TraceType.SEC)) {
            return;
        }
        s.trace.trace(TracePoint.AUTH_ENTERED);
        traceEnvironment(s);
        s.trace.trace(TracePoint.AUTH_ENVIRONMENT_COMPLETE);
        traceHandshake(s, handler);
    }

    private static void traceEnvironment(SessionState s) {
        s.trace.trace(TracePoint.AUTH_ENVIRONMENT_OPEN);
        boolean clientCertificate = s.context.config().secureLogin() != FtpData.SecureLogin.NO_CLIENT_AUTH;
        s.trace.trace(clientCertificate ? TracePoint.AUTH_CONNECT_CLIENT_CERTIFICATE : TracePoint.AUTH_CONNECT);
        s.trace.trace(TracePoint.AUTH_ENVIRONMENT_INIT);
    }

    private static void traceHandshake(SessionState s, SslHandler handler) {
        SessionTrace trace = s.trace;
        if (!trace.on(TraceType.SEC)) {
            return;
        }
        // Runs on the control connection's event loop: tracing only queues the lines (FtpTrace).
        handler.handshakeFuture().addListener(f -> {
            if (!f.isSuccess()) {
                trace.trace(TracePoint.HANDSHAKE_FAILED, TlsFailures.describe(f.cause()));
                return;
            }
            javax.net.ssl.SSLSession session = handler.engine().getSession();
            trace.trace(TracePoint.HANDSHAKE_COMPLETE, session.getProtocol(), session.getCipherSuite());
            try {
                var chain = session.getPeerCertificates();
                if (chain.length > 0 && chain[0] instanceof java.security.cert.X509Certificate certificate) {
                    trace.trace(TracePoint.CLIENT_CERTIFICATE, certificate.getSubjectX500Principal().getName(),
                            certificate.getIssuerX500Principal().getName());
                }
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                trace.trace(TracePoint.NO_CLIENT_CERTIFICATE);
            }
        });
    }

    void pbsz(String size) {
        if (!s.tls) {
            s.reply("503 PBSZ not allowed before AUTH");
            return;
        }
        s.pbsz = true;
        s.reply(FtpReplies.PBSZ_OK);
    }

    /** PROT C refused below a SAFE/PRIVATE minimum, S and E never offered under TLS, P refused under NEVER. */
    void prot(String level) {
        String l = level.trim().toUpperCase(Locale.ROOT);
        if (!s.pbsz) {
            s.reply("503 Must first issue PBSZ");
            return;
        }
        FtpData.Protection minimum = s.context.config().secureDataconn();
        s.trace.trace(TracePoint.PROT, l, l.equals("P") && minimum != FtpData.Protection.NEVER ? "data connections private"
                : l.equals("C") && (minimum == FtpData.Protection.CLEAR || minimum == FtpData.Protection.NEVER)
                ? "data connections clear" : "refused under SECURE_DATACONN " + minimum);
        if (l.equals("P") && minimum != FtpData.Protection.NEVER) {
            s.protectData = true;
            s.reply(FtpReplies.PROT_PRIVATE);
        } else if (l.equals("C") && (minimum == FtpData.Protection.CLEAR || minimum == FtpData.Protection.NEVER)) {
            s.protectData = false;
            s.reply(FtpReplies.PROT_CLEAR);
        } else {
            s.reply(FtpReplies.PROT_REFUSED);
        }
    }

    /**
     * CCC: refused. Going back to clear text on the control connection would expose every later command, and no
     * OpenCS set-up needs it; z/OS gives the same reply when SECURE_CTRLCONN asks for protection.
     */
    void ccc() {
        s.reply(s.implicitTls ? "534 Command ccc not allowed for connection to secure port" : "534 CCC not supported");
    }
}
