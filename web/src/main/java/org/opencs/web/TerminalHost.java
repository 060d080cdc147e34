package org.opencs.web;

import java.nio.charset.Charset;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.opencs.saf.Registry;
import org.opencs.saf.certs.KeyRingResolver;
import org.opencs.tn3270.config.TelnetPort;

/**
 * Where the web terminal's TN3270E sessions go: this node's own TN3270E port on loopback (docs/web.md, "Web 3270
 * terminal"), with direct TLS (SECUREPORT) or START_TLS when the port's CONNTYPE asks for TLS, trusting exactly the
 * port's key ring (its own certificate and CAs), and the port's EBCDIC code page.
 *
 * @param host       the address to connect to (the bind address, or 127.0.0.1 when the server binds every address)
 * @param port       the TN3270E port
 * @param directTls  a SECUREPORT: TLS from the first byte
 * @param tls        trust for the port's certificate; null for a CONNTYPE BASIC port (no TLS)
 * @param codePage   the port's EBCDIC code page
 */
public record TerminalHost(String host, int port, boolean directTls, SSLContext tls, Charset codePage) {
    /**
     * The target for {@code telnetPort} listening on {@code bindAddress}:{@code listenPort}; its KEYRING is resolved
     * as the TN3270E server resolves it (errors: the ring's GSK/ICH/OCSK message).
     */
    public static TerminalHost of(Registry registry, TelnetPort telnetPort, String bindAddress, int listenPort) {
        String host = bindAddress == null || bindAddress.equals("0.0.0.0") || bindAddress.equals("::")
                ? "127.0.0.1" : bindAddress;
        SSLContext tls = null;
        if (telnetPort.connType() != TelnetPort.ConnType.BASIC && telnetPort.keyring() != null) {
            var ring = new KeyRingResolver(registry).resolve(telnetPort.keyring());
            List<X509Certificate> trusted = new ArrayList<>(ring.identityChain());
            trusted.addAll(ring.trustAnchors());
            tls = trusting(trusted);
        }
        return new TerminalHost(host, listenPort, telnetPort.securePort() && tls != null, tls,
                telnetPort.ebcdicCharset());
    }

    /** A client context whose only trust anchors are {@code certificates}; it presents no certificate. */
    static SSLContext trusting(List<X509Certificate> certificates) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                trust.setCertificateEntry("c" + i, certificates.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), new java.security.SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new org.opencs.core.ZosException("OCSW030E", "The web terminal cannot trust the TN3270E port's key ring: "
                    + e.getMessage());
        }
    }
}
