package org.opencs.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.opencs.pki.TestPki;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.tls.SystemSsl;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.certs.KeyRingResolver;
import org.opencs.saf.users.User;
import org.slf4j.LoggerFactory;

/**
 * A system for web tests, as the FTP tests build theirs: an H2 registry, a stashed server key database in hfs/
 * (/etc/opencs/server.kdb, "ABC CA" signing a key for localhost and 127.0.0.1, exported to dir/ca.pem), users with
 * passwords, and a web server on 127.0.0.1 port 0 whose TLS context comes from that key ring by its KEYRING name.
 */
final class WebTestSystem implements AutoCloseable {
    static final String KEYRING = "/etc/opencs/server.kdb";

    final MutableClock clock = new MutableClock(Instant.now());
    final Registry registry;
    final Path caFile;
    private WebServer server;

    WebTestSystem(Path dir) throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        Path kdb = registry.home().hfsPath(KEYRING);
        Files.createDirectories(kdb.getParent());
        KeyDatabase db = TestPki.caAndServer(kdb);
        db.stash(StashFile.Format.V8);
        caFile = dir.resolve("ca.pem");
        Files.write(caFile, TestPki.operations().exportCertificate(db, "ABC CA", ExportFormat.BASE64_DER));
    }

    /** A user whose password is {@code userid.toLowerCase() + "pw"}, not expired. */
    void user(String userid) {
        registry.users().add(User.define(userid, userid, "IBMUSER",
                registry.passwordHasher().hash((userid.toLowerCase() + "pw").toCharArray()), false, false, 101L,
                "/u/" + userid.toLowerCase(), clock.instant()));
    }

    /** Starts the web server (once) with {@code settings}' idle timeout. */
    WebServer serve(WebSettings settings) throws Exception {
        var ring = new KeyRingResolver(registry).resolve(KEYRING);
        server = new WebServer(settings, registry, SystemSsl.server(ring, io.netty.handler.ssl.ClientAuth.NONE),
                "127.0.0.1", 0, LoggerFactory.getLogger(WebServer.LOG_NAME));
        return server;
    }

    String audit() throws java.io.IOException {
        Path log = registry.home().logs().resolve("audit.jsonl");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        registry.close();
    }
}
