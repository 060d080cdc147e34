package org.opencs.tn3270.server;

import java.nio.file.Files;
import java.nio.file.Path;
import org.opencs.pki.TestPki;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.users.User;

/**
 * The host most TN3270 tests start from: a registry with USER1 (password user1pw), the server key database
 * /etc/tn3270/server.kdb (stashed; ABC CA and a server certificate for localhost) and ABC CA exported to dir/ca.pem
 * for the clients to trust.
 */
final class TestHost {
    private TestHost() {
    }

    static Registry open(Path dir, MutableClock clock) throws Exception {
        Registry registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        KeyDatabase kdb = TestPki.caAndServer(registry.home().hfsPath("/etc/tn3270/server.kdb"));
        kdb.stash(StashFile.Format.V8);
        Files.write(dir.resolve("ca.pem"), TestPki.operations().exportCertificate(kdb, "ABC CA", ExportFormat.BASE64_DER));
        registry.users().add(User.define("USER1", "USER1", "IBMUSER",
                registry.passwordHasher().hash("user1pw".toCharArray()), false, false, 101L, "/u/user1", clock.instant()));
        return registry;
    }

    /** A sequential (PS, VB 84) data set holding {@code text}. */
    static void dataset(Registry registry, MutableClock clock, String name, String text) {
        var catalog = new org.opencs.datasets.Catalog(registry.home(), clock);
        var today = java.time.LocalDate.now();
        catalog.allocate(new org.opencs.datasets.DatasetName(name, null), new org.opencs.datasets.DatasetAttributes("PS",
                org.opencs.datasets.RecordFormat.VB, 84, 27998, today, today));
        catalog.writeText(new org.opencs.datasets.DatasetName(name, null), text);
    }
}
