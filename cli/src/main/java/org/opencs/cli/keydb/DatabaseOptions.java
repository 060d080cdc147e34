package org.opencs.cli.keydb;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import org.opencs.cli.PasswordSource;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbOperations;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The key database every keydb verb works on, and how its password is found. */
public final class DatabaseOptions {
    @Parameters(index = "0", paramLabel = "DATABASE", description = "Key database file (.kdb, or .p12/.pfx)")
    Path database;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the database password from FILE's first line")
    Path passwordFile;

    @Option(names = "--stashed", description = "Use the password stashed in the .sth file beside the database")
    boolean stashed;

    final SecureRandom random = new SecureRandom();

    KeyDatabase open() {
        // The database is looked for first: a missing .kdb is the problem to report, not its .sth or a password.
        if (!java.nio.file.Files.exists(database)) {
            throw new org.opencs.pki.KeyDbException("OCSK003E", "Key database " + database.toAbsolutePath()
                    + " does not exist.");
        }
        if (stashed) {
            return KeyDatabase.openStashed(database, random);
        }
        char[] password = password("Enter database password: ");
        try {
            return KeyDatabase.open(database, password, random);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Opens the database, applies one change, saves atomically and prints the confirmation. */
    int update(java.util.function.Consumer<KeyDatabase> change, String confirmation) {
        KeyDatabase database = open();
        change.accept(database);
        database.save();
        System.out.println(confirmation);
        return 0;
    }

    char[] password(String prompt) {
        return PasswordSource.resolve(passwordFile, "OPENCS_KEYDB_PASSWORD", prompt);
    }

    KeyDbOperations operations() {
        return new KeyDbOperations(random, Clock.systemUTC());
    }
}
