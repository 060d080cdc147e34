package org.opencs.tn3270.server;

import io.netty.channel.Channel;
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

    /** The client's address and port as a reader writes them: 192.0.2.1:40000, [2001:db8::1]:40000. */
    static String client(Channel channel) {
        if (!((java.net.SocketAddress) org.opencs.pki.net.Endpoints.client(channel) instanceof InetSocketAddress address)) {
            return "(unknown client)";
        }
        String host = address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** How log lines name a session: by its LU once it has one, before that by the client's address and port. */
    static String session(Channel channel, String lu) {
        return lu != null ? "LU " + lu : "client " + client(channel);
    }

    /**
     * {@code extra} plus LU and terminal type (once known), client address, TLS protocol and cipher, client
     * certificate subject.
     */
    static Map<String, Object> auditFields(ChannelHandlerContext ctx, String lu, String terminalType,
                                           Map<String, Object> extra) {
        Map<String, Object> fields = new HashMap<>(extra);
        if (lu != null) {
            fields.put("lu", lu);
        }
        if (terminalType != null) {
            fields.put("terminal", terminalType);
        }
        fields.put("client", org.opencs.pki.net.Endpoints.client(ctx.channel()).getAddress().getHostAddress());
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
