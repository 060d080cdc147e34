package org.opencs.cli.keydb;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.InitialCaCertificates;
import org.opencs.pki.keydb.KeyDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create an empty key database (.kdb and .rdb, or a .p12), optionally with a stash file.")
final class KeydbCreate implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Option(names = "--record-length", defaultValue = "5000", description = "Record (slot) length, 2500-65536 (default ${DEFAULT-VALUE})")
    int recordLength;

    @Option(names = "--stash", description = "Also store the password in the .sth stash file (193-byte format)")
    boolean stash;

    @Option(names = "--v1-stash", description = "Write the stash in the older 129-byte format")
    boolean v1Stash;

    @Option(names = "--ca-roots", description = "Add the JVM's trusted root CA certificates (gskkyman option 1)")
    boolean caRoots;

    @Override
    public Integer call() {
        char[] password = org.opencs.cli.PasswordSource.resolveNew(db.passwordFile, "OPENCS_KEYDB_PASSWORD",
                "Enter new database password: ", "Re-enter database password: ");
        KeyDatabase created = KeyDatabase.create(db.database, password, recordLength, db.random);
        Arrays.fill(password, '\0');
        if (caRoots) {
            int added = InitialCaCertificates.addTo(created, java.time.Instant.now());
            created.save();
            System.out.println(added + " CA certificates added.");
        }
        System.out.println("Key database " + db.database.toAbsolutePath() + " created.");
        if (stash || v1Stash) {
            System.out.println("Database password stored in "
                    + created.stash(v1Stash ? StashFile.Format.V1 : StashFile.Format.V8) + ".");
        }
        return 0;
    }
}
