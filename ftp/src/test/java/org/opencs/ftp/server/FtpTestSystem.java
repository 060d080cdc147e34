package org.opencs.ftp.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.opencs.pki.TestPki;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.users.User;

/** A system for FTP tests: a registry, users with OMVS homes, a server key database in hfs/ and ca.pem for curl. */
public final class FtpTestSystem implements AutoCloseable {
    public final MutableClock clock = new MutableClock(Instant.now());
    public final Registry registry;
    public final KeyDatabase keyDatabase;
    private final java.util.List<FtpServer> servers = new java.util.ArrayList<>();
    private Path temporaryDirectory;

    /** {@code kdbPath}: the HFS path of the server key database (stashed), signed by "ABC CA" exported to dir/ca.pem. */
    public FtpTestSystem(Path dir, String kdbPath) throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        keyDatabase = TestPki.caAndServer(registry.home().hfsPath(kdbPath));
        keyDatabase.stash(StashFile.Format.V8);
        Files.write(dir.resolve("ca.pem"), TestPki.operations().exportCertificate(keyDatabase, "ABC CA", ExportFormat.BASE64_DER));
    }

    /** A user whose password is {@code userid.toLowerCase() + "pw"} (not expired) and whose home is /u/userid. */
    public void user(String userid) throws IOException {
        String home = "/u/" + userid.toLowerCase();
        registry.users().add(User.define(userid, userid, "IBMUSER",
                registry.passwordHasher().hash((userid.toLowerCase() + "pw").toCharArray()), false, false, 101L, home,
                clock.instant()));
        Files.createDirectories(registry.home().hfsPath(home));
    }

    /**
     * A system in a new temporary directory (removed by {@link #close()}) with USER1 and the server key database at
     * /etc/ftp/server.kdb, for tests whose server lives as long as the test class (jqwik containers).
     */
    public static FtpTestSystem temporary(String prefix) throws Exception {
        Path dir = Files.createTempDirectory(prefix);
        FtpTestSystem system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.temporaryDirectory = dir;
        system.user("USER1");
        return system;
    }

    /**
     * An FTP server on 127.0.0.1 (any free port, no implicit TLS port) for these FTP.DATA lines, logging to {@code log}
     * (which checks what an operator reads) and closed with the system; {@code dataTimeoutSeconds} and {@code limits}
     * as the server's test constructor takes them.
     */
    FtpServer serve(FtpServerLog log, int dataTimeoutSeconds, org.opencs.core.SessionLimits limits, String... ftpData)
            throws Exception {
        var config = org.opencs.ftp.config.FtpDataParser.parse(String.join("\n", ftpData), "FTP.DATA").config();
        FtpServer server = log.serve(config, registry, -1, dataTimeoutSeconds, limits);
        servers.add(server);
        return server;
    }

    /** Closes the servers it started (once each), the registry, and a temporary directory it made. */
    @Override
    public void close() {
        servers.forEach(FtpServer::close);
        servers.clear();
        registry.close();
        if (temporaryDirectory != null) {
            try (var files = Files.walk(temporaryDirectory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
