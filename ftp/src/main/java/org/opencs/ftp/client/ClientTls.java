package org.opencs.ftp.client;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.opencs.core.ZosException;
import org.opencs.pki.tls.KeyRing;

/**
 * The batch client's TLS context from its KEYRING: the ring's default certificate and key are presented when the
 * server asks for a client certificate (the z/OS client always sends it), the ring's CA certificates are the only
 * trust anchors. One context per client, so data connections can resume the control connection's session.
 */
final class ClientTls {
    private ClientTls() {
    }

    static SSLContext context(KeyRing ring) {
        try {
            char[] transientPassword = new char[0];
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            if (ring.identityKey() != null) {
                identity.setKeyEntry("identity", ring.identityKey(), transientPassword,
                        ring.identityChain().toArray(new X509Certificate[0]));
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity, transientPassword);
            List<X509Certificate> anchors = ring.trustAnchors();
            if (anchors.isEmpty()) {
                throw new ZosException("EZA2897E", "Key ring " + ring.description()
                        + " holds no trusted CA certificate, so no server certificate can be verified.");
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                trust.setCertificateEntry("ca" + i, anchors.get(i));
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new ZosException("EZA2897E", "A TLS environment cannot be built from " + ring.description() + ": "
                    + e.getMessage());
        }
    }
}
