package org.opencs.pki.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.keydb.KeyDatabase;

/**
 * Builds Netty TLS contexts from a key ring, the way z/OS System SSL does: the ring's default key is the identity,
 * its trusted CA certificates are the trust anchors. TLS 1.2 and 1.3 only, and by default only forward-secret AEAD
 * cipher suites ({@link #DEFAULT_CIPHER_SUITES}) on every server and client context, on either TLS engine.
 */
public final class SystemSsl {
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** The TLS 1.3 suites (all AEAD; the key exchange is always (EC)DHE). */
    public static final List<String> TLS13_CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

    /**
     * The default suites, in server preference order: TLS 1.3's three, then TLS 1.2's ECDHE suites with AES-GCM or
     * ChaCha20-Poly1305 (RFC 8446 section 9.1, RFC 7905). No static-RSA key exchange (no forward secrecy), no CBC
     * (MAC-then-encrypt), no finite-field DHE (BoringSSL has none, so both engines offer the same set). ECDSA and RSA
     * variants are both listed; which ones a server can use depends on its certificate's key.
     */
    public static final List<String> DEFAULT_CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private SystemSsl() {
    }

    /** Opens an HFS key database with the password stashed beside it. */
    public static KeyDatabase openKeyRing(Path keyDatabase) {
        return KeyDatabase.openStashed(keyDatabase, new SecureRandom());
    }

    /** A server context from a key database; {@code label} null means the default key. */
    public static SslContext server(KeyDatabase db, String label, ClientAuth clientAuth) {
        return server(new KeyDatabaseRing(db, label), clientAuth);
    }

    /** A server context; {@code clientAuth} NONE, OPTIONAL or REQUIRE (then the ring needs a trusted CA). */
    public static SslContext server(KeyRing ring, ClientAuth clientAuth) {
        return server(ring, clientAuth, DEFAULT_PROTOCOLS);
    }

    /** A server context limited to {@code protocols} (a subset of TLS 1.3 and 1.2), on the JDK's TLS engine. */
    public static SslContext server(KeyRing ring, ClientAuth clientAuth, List<String> protocols) {
        return server(ring, clientAuth, protocols, SslProvider.JDK);
    }

    /**
     * The same on the fastest engine available: Netty's BoringSSL engine when its native library loads (bulk data:
     * FTP transfers), else the JDK's. Key material comes from the ring either way.
     */
    public static SslContext fastServer(KeyRing ring, ClientAuth clientAuth, List<String> protocols) {
        return server(ring, clientAuth, protocols, DEFAULT_CIPHER_SUITES, fastProvider());
    }

    /** Netty's BoringSSL engine when its native library loads, else the JDK's. */
    static SslProvider fastProvider() {
        return io.netty.handler.ssl.OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /**
     * The suites to enable for a configured list of TLS 1.2 suites (IANA names, e.g. from FTP.DATA CIPHERSUITE): TLS
     * 1.3's three always, then the given ones; an empty list means {@link #DEFAULT_CIPHER_SUITES}.
     */
    public static List<String> cipherSuites(List<String> configuredTls12) {
        if (configuredTls12.isEmpty()) {
            return DEFAULT_CIPHER_SUITES;
        }
        java.util.LinkedHashSet<String> suites = new java.util.LinkedHashSet<>(TLS13_CIPHER_SUITES);
        suites.addAll(configuredTls12);
        return List.copyOf(suites);
    }

    private static SslContext server(KeyRing ring, ClientAuth clientAuth, List<String> protocols, SslProvider provider) {
        return server(ring, clientAuth, protocols, DEFAULT_CIPHER_SUITES, provider);
    }

    /**
     * A server context with {@code cipherSuites} (IANA names; those the engine does not implement are left out, as
     * System SSL ignores suites it does not support).
     */
    static SslContext server(KeyRing ring, ClientAuth clientAuth, List<String> protocols, List<String> cipherSuites,
                             SslProvider provider) {
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(ring.identityKey(),
                            ring.identityChain().toArray(new X509Certificate[0]))
                    .sslProvider(provider)
                    .protocols(protocols)
                    .ciphers(cipherSuites, io.netty.handler.ssl.SupportedCipherSuiteFilter.INSTANCE)
                    .clientAuth(clientAuth);
            if (clientAuth != ClientAuth.NONE) {
                List<X509Certificate> trusted = ring.trustAnchors();
                if (trusted.isEmpty()) {
                    throw new KeyDbException("OCSK032E", "Key ring " + ring.description()
                            + " holds no trusted CA certificate, so no client certificate can be verified.");
                }
                builder.trustManager(trusted.toArray(new X509Certificate[0]));
            }
            return builder.build();
        } catch (SSLException e) {
            throw new KeyDbException("OCSK030E", "A TLS context cannot be built from " + ring.description() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A client context trusting the database's CA entries and presenting its default key when it has one. */
    public static SslContext client(KeyDatabase db, String label) {
        boolean hasIdentity = label != null || db.defaultKey().isPresent();
        return client(hasIdentity ? new KeyDatabaseRing(db, label) : null, db.trustedCertificates(), db.path().toString());
    }

    /** A client context from a ring: its trust anchors, and its identity for client-certificate logon. */
    public static SslContext client(KeyRing ring) {
        return client(ring, ring.trustAnchors(), ring.description());
    }

    private static SslContext client(KeyRing identity, List<X509Certificate> trusted, String description) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                    .protocols(DEFAULT_PROTOCOLS)
                    .ciphers(DEFAULT_CIPHER_SUITES, io.netty.handler.ssl.SupportedCipherSuiteFilter.INSTANCE)
                    .trustManager(trusted.toArray(new X509Certificate[0]));
            if (identity != null) {
                builder.keyManager(identity.identityKey(), identity.identityChain().toArray(new X509Certificate[0]));
            }
            return builder.build();
        } catch (SSLException e) {
            throw new KeyDbException("OCSK030E", "A TLS context cannot be built from " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Limits a JSSE socket made from a {@link #jsseClient} context (or any other) to TLS 1.2 and 1.3 and the default
     * suites; call it before the handshake.
     */
    public static void restrict(javax.net.ssl.SSLSocket socket) {
        javax.net.ssl.SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(DEFAULT_PROTOCOLS.toArray(new String[0]));
        parameters.setCipherSuites(supported(socket.getSupportedCipherSuites()));
        socket.setSSLParameters(parameters);
    }

    /** The default suites a JSSE engine or socket supports, in the default order. */
    public static String[] supported(String[] supportedByEngine) {
        List<String> available = List.of(supportedByEngine);
        return DEFAULT_CIPHER_SUITES.stream().filter(available::contains).toArray(String[]::new);
    }

    /**
     * A JSSE client context from a ring, for blocking clients (the batch FTP client, the TN3270 client): the ring's
     * default certificate and key are presented when a server asks for one, the ring's CA certificates are the only
     * trust anchors. Its sockets get TLS 1.2/1.3 and the default suites only through {@link #restrict}.
     */
    public static javax.net.ssl.SSLContext jsseClient(KeyRing ring) {
        try {
            char[] transientPassword = new char[0];
            java.security.KeyStore identity = java.security.KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            if (ring.identityKey() != null) {
                identity.setKeyEntry("identity", ring.identityKey(), transientPassword,
                        ring.identityChain().toArray(new X509Certificate[0]));
            }
            javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                    javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
            keys.init(identity, transientPassword);
            List<X509Certificate> anchors = ring.trustAnchors();
            if (anchors.isEmpty()) {
                throw new KeyDbException("OCSK032E", "Key ring " + ring.description()
                        + " holds no trusted CA certificate, so no server certificate can be verified.");
            }
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                trust.setCertificateEntry("ca" + i, anchors.get(i));
            }
            javax.net.ssl.TrustManagerFactory trustManagers = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trustManagers.getTrustManagers(), new java.security.SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new KeyDbException("OCSK030E", "A TLS context cannot be built from " + ring.description() + ": "
                    + e.getMessage(), e);
        }
    }
}
