package org.opencs.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opencs.pki.cert.CertificateIssuer;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.CertificateSpec;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.keydb.KeyDatabase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening and saving a GSKit-format key database holding many certificates (default 5,000 CA certificates and 10
 * personal keys, 5000-byte slots: a 25 MB file). Open = read, both HMAC-SHA-384 checks, parse every record and
 * certificate; save = encode every slot, both MACs, atomic write with fsync.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KeyDatabaseBenchmark {
    private static final char[] PASSWORD = "bench-password".toCharArray();

    @Param("5000")
    int certificates;

    private Path dir;
    private Path file;
    private KeyDatabase opened;

    @Setup(Level.Trial)
    public void createDatabase() throws IOException {
        SecureRandom random = new SecureRandom();
        dir = Files.createTempDirectory("opencs-bench");
        file = dir.resolve("big.kdb");
        KeyDatabase db = KeyDatabase.create(file, PASSWORD, 5000, random);
        CertificateIssuer issuer = new CertificateIssuer(random);
        KeyPair pair = KeyType.EC_P256.generate(random);
        for (int i = 0; i < certificates; i++) {
            CertificateSpec spec = new CertificateSpec(new SubjectName("CA " + i, null, "Bench", null, null, "US")
                    .toX500Name(), CertificateProfile.CA, Instant.now(), 365, List.of());
            X509Certificate certificate = issuer.selfSigned(pair, spec);
            db.addCertificate("ca-" + i + "-" + new BigInteger(32, random), certificate, true);
        }
        for (int i = 0; i < 10; i++) {
            KeyPair key = KeyType.RSA_2048.generate(random);
            CertificateSpec spec = new CertificateSpec(new SubjectName("server " + i, null, "Bench", null, null, "US")
                    .toX500Name(), CertificateProfile.SERVER, Instant.now(), 365, List.of());
            db.addPersonal("server-" + i, issuer.selfSigned(key, spec), key.getPrivate());
        }
        db.save();
        opened = KeyDatabase.open(file, PASSWORD, random);
    }

    @TearDown(Level.Trial)
    public void deleteDatabase() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public KeyDatabase open() {
        return KeyDatabase.open(file, PASSWORD, new SecureRandom());
    }

    @Benchmark
    public void save() {
        opened.save();
    }
}
