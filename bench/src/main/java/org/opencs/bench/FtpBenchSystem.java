package org.opencs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.opencs.core.SystemHome;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.ftp.server.FtpServer;
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
 * A throw-away system for FTP benchmarks: a fresh home with the embedded registry, user BENCH (password benchpw1,
 * home /u/bench), a stashed server key database signed by a CA exported to ca.pem, the server's key and certificate
 * as server.pem (for vsftpd), and an OpenCS FTP server over TLS on a free loopback port.
 */
final class FtpBenchSystem implements AutoCloseable {
    static final String USER = "BENCH";
    static final String PASSWORD = "benchpw1";

    final Path dir;
    final Registry registry;
    final FtpServer server;
    final KeyDatabase keyDatabase;

    FtpBenchSystem(Path dir, String... ftpDataStatements) throws Exception {
        this.dir = dir;
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        SystemInitializer.Result init = SystemInitializer.initialize(new SystemHome(dir.resolve("home")), null, clock, random);
        registry = Registry.open(init.home(), clock, random);
        Path kdb = registry.home().hfsPath("/etc/ftp/server.kdb");
        Files.createDirectories(kdb.getParent());
        char[] password = "bench-pw-1".toCharArray();
        keyDatabase = KeyDatabase.create(kdb, password, 5000, random);
        KeyDbOperations ops = new KeyDbOperations(random, clock);
        ops.createSelfSigned(keyDatabase, "BENCH CA", KeyType.RSA_2048, CertificateProfile.CA,
                new SubjectName("BENCH CA", null, "OpenCS", null, null, "US").toX500Name(), 30, List.of());
        ops.createSigned(keyDatabase, "BENCH CA", "server", KeyType.EC_P256, CertificateProfile.SERVER,
                new SubjectName("localhost", null, "OpenCS", null, null, "US").toX500Name(), 30,
                AltNames.parse(List.of("DNS:localhost,IP:127.0.0.1")));
        keyDatabase.setDefault("server");
        keyDatabase.save();
        keyDatabase.stash(StashFile.Format.V8);
        Files.write(dir.resolve("ca.pem"), ops.exportCertificate(keyDatabase, "BENCH CA", ExportFormat.BASE64_DER));
        Files.write(dir.resolve("server.p12"), ops.exportWithKey(keyDatabase, "server", ExportFormat.BINARY_PKCS12,
                "pw".toCharArray()));
        registry.users().add(User.define(USER, "BENCHMARK", "IBMUSER",
                registry.passwordHasher().hash(PASSWORD.toCharArray()), false, false, 1001L, "/u/bench", clock.instant()));
        Files.createDirectories(registry.home().hfsPath("/u/bench"));
        String ftpData = String.join("\n", "EXTENSIONS AUTH_TLS", "SECURE_FTP REQUIRED", "SECURE_DATACONN PRIVATE",
                "KEYRING /etc/ftp/server.kdb", "STARTDIRECTORY HFS", "INACTIVE 0", String.join("\n", ftpDataStatements));
        server = new FtpServer(FtpDataParser.parse(ftpData, "FTP.DATA").config(), registry, "127.0.0.1", 0);
    }

    Path home(String file) {
        return registry.home().hfsPath("/u/bench/" + file);
    }

    @Override
    public void close() {
        server.close();
        registry.close();
    }
}
