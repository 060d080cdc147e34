package org.opencs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.opencs.core.SystemHome;
import org.opencs.pki.cert.AltNames;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbOperations;
import org.opencs.saf.Registry;
import org.opencs.saf.SystemInitializer;
import org.opencs.saf.users.User;

/**
 * A throw-away system home for benchmarks: the embedded registry, user BENCH (password benchpw1, home /u/bench), a
 * stashed server key database at HFS path /etc/bench/server.kdb (EC P-256, SAN localhost, 127.0.0.1 and 127.0.0.2, the load balancer's address in MultiNodeLoad) signed by a CA
 * exported to ca.pem, and the server's key and certificate as server.p12 (password pw, for vsftpd); system.conf
 * lifts the TN3270 session limits (tn3270.max.sessions and .per.client 0).
 */
public final class BenchHome {
    public static final String USER = "BENCH";
    public static final String PASSWORD = "benchpw1";
    public static final String KEYRING = "/etc/bench/server.kdb";

    private BenchHome() {
    }

    /**
     * Adds the benchmark's user BENCH (home /u/bench, created) and the server key database at HFS path
     * {@link #KEYRING} to an open registry; writes the CA to {@code dir}/ca.pem and the server's key to
     * {@code dir}/server.p12. Used for a home of its own ({@link #create}) and for a system of several nodes.
     */
    public static void populate(Registry registry, Path dir) throws Exception {
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        Path kdb = registry.home().hfsPath(KEYRING);
        Files.createDirectories(kdb.getParent());
        KeyDatabase keyDatabase = KeyDatabase.create(kdb, "bench-pw-1".toCharArray(), 5000, random);
        KeyDbOperations ops = new KeyDbOperations(random, clock);
        ops.createSelfSigned(keyDatabase, "BENCH CA", KeyType.RSA_2048, CertificateProfile.CA,
                new SubjectName("BENCH CA", null, "OpenCS", null, null, "US").toX500Name(), 30, List.of());
        ops.createSigned(keyDatabase, "BENCH CA", "server", KeyType.EC_P256, CertificateProfile.SERVER,
                new SubjectName("localhost", null, "OpenCS", null, null, "US").toX500Name(), 30,
                AltNames.parse(List.of("DNS:localhost,IP:127.0.0.1,IP:127.0.0.2")));
        keyDatabase.setDefault("server");
        keyDatabase.save();
        keyDatabase.stash(StashFile.Format.V8);
        Files.write(dir.resolve("ca.pem"), ops.exportCertificate(keyDatabase, "BENCH CA", ExportFormat.BASE64_DER));
        Files.write(dir.resolve("server.p12"), ops.exportWithKey(keyDatabase, "server", ExportFormat.BINARY_PKCS12,
                "pw".toCharArray()));
        registry.users().add(User.define(USER, "BENCHMARK", "IBMUSER",
                registry.passwordHasher().hash(PASSWORD.toCharArray()), false, false, 1001L, "/u/bench", clock.instant()));
        Files.createDirectories(registry.home().hfsPath("/u/bench"));
    }

    /** Creates the home under {@code dir}/home and returns it; the registry is closed again. */
    static SystemHome create(Path dir) throws Exception {
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        SystemInitializer.Result init = SystemInitializer.initialize(new SystemHome(dir.resolve("home")), null, clock, random);
        try (Registry registry = Registry.open(init.home(), clock, random)) {
            populate(registry, dir);
        }
        // The TN3270 benchmarks open thousands of sessions from 127.0.0.1: no session limits for them.
        Files.writeString(init.home().systemConf(), "tn3270.max.sessions=0\ntn3270.max.sessions.per.client=0\n",
                java.nio.file.StandardOpenOption.APPEND);
        return init.home();
    }
}
