package org.opencs.pki.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbEntry;

/**
 * Builds Netty TLS contexts from a key database, the way z/OS System SSL uses a key ring: the default key (or a named
 * label) is the identity, trusted CA entries are the trust anchors. TLS 1.2 and 1.3 only unless told otherwise.
 */
public final class SystemSsl {
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private SystemSsl() {
    }

    /** Opens an HFS key database with the password stashed beside it. */
    public static KeyDatabase openKeyRing(Path keyDatabase) {
        return KeyDatabase.openStashed(keyDatabase, new SecureRandom());
    }

    /** A server context; {@code label} null means the default key; {@code clientAuth} NONE, OPTIONAL or REQUIRE. */
    public static SslContext server(KeyDatabase db, String label, ClientAuth clientAuth) {
        KeyDbEntry identity = identity(db, label);
        PrivateKey key = db.privateKey(identity.label());
        List<X509Certificate> chain = db.chain(identity.label());
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(key, chain.toArray(new X509Certificate[0]))
                    .sslProvider(SslProvider.JDK)
                    .protocols(DEFAULT_PROTOCOLS)
                    .clientAuth(clientAuth);
            List<X509Certificate> trusted = db.trustedCertificates();
            if (clientAuth != ClientAuth.NONE) {
                if (trusted.isEmpty()) {
                    throw new KeyDbException("OCSK032E", "Key database " + db.path()
                            + " holds no trusted CA certificate, so no client certificate can be verified.");
                }
                builder.trustManager(trusted.toArray(new X509Certificate[0]));
            }
            return builder.build();
        } catch (SSLException e) {
            throw new KeyDbException("OCSK030E", "A TLS context cannot be built from " + db.path() + ": " + e.getMessage(), e);
        }
    }

    /** A client context trusting the database's CA entries and presenting its default key when it has one. */
    public static SslContext client(KeyDatabase db, String label) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK)
                    .protocols(DEFAULT_PROTOCOLS)
                    .trustManager(db.trustedCertificates().toArray(new X509Certificate[0]));
            var identity = label != null ? java.util.Optional.of(db.get(label)) : db.defaultKey();
            if (identity.isPresent()) {
                String name = identity.get().label();
                builder.keyManager(db.privateKey(name), db.chain(name).toArray(new X509Certificate[0]));
            }
            return builder.build();
        } catch (SSLException e) {
            throw new KeyDbException("OCSK030E", "A TLS context cannot be built from " + db.path() + ": " + e.getMessage(), e);
        }
    }

    private static KeyDbEntry identity(KeyDatabase db, String label) {
        if (label != null) {
            KeyDbEntry entry = db.get(label);
            if (!entry.hasPrivateKey() || entry.certificate() == null) {
                throw KeyDbException.badInput("The entry '" + label + "' in " + db.path() + " has no certificate with a private key.");
            }
            return entry;
        }
        return db.defaultKey().orElseThrow(() -> new KeyDbException("OCSK031E",
                "Key database " + db.path() + " has no default key: set one with gskkyman or 'keydb default'."));
    }
}
