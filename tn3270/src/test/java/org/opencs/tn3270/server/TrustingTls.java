package org.opencs.tn3270.server;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A raw TLS client socket for tests that look at the server's behaviour, not at its certificate. */
final class TrustingTls {
    private TrustingTls() {
    }

    static SSLContext context() throws GeneralSecurityException {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return trustAll;
    }

    /** Connects and completes the handshake. */
    static SSLSocket connect(String host, int port) throws IOException, GeneralSecurityException {
        SSLSocket socket = (SSLSocket) context().getSocketFactory().createSocket(host, port);
        socket.startHandshake();
        return socket;
    }
}
