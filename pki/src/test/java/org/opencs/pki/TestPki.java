package org.opencs.pki;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbOperations;

/** Builds small key databases for tests: a CA and a server certificate it signed. */
public final class TestPki {
    public static final char[] PASSWORD = "test-pw-1".toCharArray();
    public static final SecureRandom RANDOM = new SecureRandom();

    private TestPki() {
    }

    public static KeyDbOperations operations() {
        return new KeyDbOperations(RANDOM, Clock.systemUTC());
    }

    /** A database with "ABC CA" (CA, key) and "server" (signed by ABC CA, default, SAN localhost/127.0.0.1). */
    public static KeyDatabase caAndServer(Path file) {
        KeyDatabase db = KeyDatabase.create(file, PASSWORD, 5000, RANDOM);
        KeyDbOperations ops = operations();
        ops.createSelfSigned(db, "ABC CA", KeyType.RSA_2048, CertificateProfile.CA,
                new SubjectName("ABC CA", null, "ABC", null, null, "US").toX500Name(), 3650, List.of());
        ops.createSigned(db, "ABC CA", "server", KeyType.EC_P256, CertificateProfile.SERVER,
                new SubjectName("localhost", "z/OS CS development", "ABC", "Raleigh", "NC", "US").toX500Name(), 365,
                org.opencs.pki.cert.AltNames.parse(List.of("DNS:localhost,IP:127.0.0.1")));
        db.setDefault("server");
        db.save();
        return db;
    }
}
