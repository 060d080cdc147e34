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

    @Override
    public void close() {
        registry.close();
    }
}
