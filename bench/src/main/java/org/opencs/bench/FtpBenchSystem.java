package org.opencs.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.ftp.server.FtpServer;
import org.opencs.saf.Registry;

/** A {@link BenchHome} with an OpenCS FTP server over TLS on a free loopback port. */
final class FtpBenchSystem implements AutoCloseable {
    static final String USER = BenchHome.USER;
    static final String PASSWORD = BenchHome.PASSWORD;

    final Path dir;
    final Registry registry;
    final FtpServer server;

    FtpBenchSystem(Path dir, String... ftpDataStatements) throws Exception {
        this.dir = dir;
        registry = Registry.open(BenchHome.create(dir), Clock.systemUTC(), new SecureRandom());
        String ftpData = String.join("\n", "EXTENSIONS AUTH_TLS", "SECURE_FTP REQUIRED", "SECURE_DATACONN PRIVATE",
                "KEYRING " + BenchHome.KEYRING, "STARTDIRECTORY HFS", "INACTIVE 0", String.join("\n", ftpDataStatements));
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
