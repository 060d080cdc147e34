package org.opencs.tn3270.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** What a connection tells about its client: the certificate it presented, and the fields every audit record carries. */
final class ConnectionFacts {
    private ConnectionFacts() {
    }

    /** The client's certificate, when TLS is on and it sent one. */
    static X509Certificate peerCertificate(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        try {
            var chain = ssl == null ? null : ssl.engine().getSession().getPeerCertificates();
            return chain == null || chain.length == 0 ? null : (X509Certificate) chain[0];
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** {@code extra} plus LU, terminal type, client address, TLS protocol and cipher, client certificate subject. */
    static Map<String, Object> auditFields(ChannelHandlerContext ctx, String lu, String terminalType,
                                           Map<String, Object> extra) {
        Map<String, Object> fields = new HashMap<>(extra);
        fields.put("lu", String.valueOf(lu));
        fields.put("terminal", String.valueOf(terminalType));
        fields.put("client", ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress());
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        SSLSession session = ssl == null ? null : ssl.engine().getSession();
        fields.put("tls", session == null ? "none" : session.getProtocol() + " " + session.getCipherSuite());
        X509Certificate certificate = peerCertificate(ctx);
        if (certificate != null) {
            fields.putIfAbsent("subject", certificate.getSubjectX500Principal().getName());
        }
        return fields;
    }
}
