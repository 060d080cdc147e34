package org.opencs.cli.keydb;

import java.util.Arrays;
import java.util.concurrent.Callable;
import org.opencs.cli.PasswordSource;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The small verbs that change one attribute of a database or an entry. */
final class KeydbEdits {
    private KeydbEdits() {
    }

    @Command(name = "default", mixinStandardHelpOptions = true, description = "Make a key the database's default key.")
    static final class SetDefault implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Parameters(index = "1", paramLabel = "LABEL")
        String label;

        @Override
        public Integer call() {
            return db.update(database -> database.setDefault(label), "Default key set: " + label + ".");
        }
    }

    @Command(name = "trust", mixinStandardHelpOptions = true, description = "Set a certificate's trust status.")
    static final class Trust implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Parameters(index = "1", paramLabel = "LABEL")
        String label;

        @Option(names = "--off", description = "Mark the certificate as not trusted")
        boolean off;

        @Override
        public Integer call() {
            return db.update(database -> database.setTrusted(label, !off),
                    "Certificate " + label + " is " + (off ? "not trusted." : "trusted."));
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Change an entry's label.")
    static final class Rename implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Parameters(index = "1", paramLabel = "LABEL")
        String label;

        @Parameters(index = "2", paramLabel = "NEW-LABEL")
        String newLabel;

        @Override
        public Integer call() {
            return db.update(database -> database.rename(label, newLabel), "Label changed: " + label + " -> " + newLabel + ".");
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an entry (and its key).")
    static final class Delete implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Parameters(index = "1", paramLabel = "LABEL")
        String label;

        @Override
        public Integer call() {
            return db.update(database -> database.delete(label), "Entry deleted: " + label + ".");
        }
    }

    @Command(name = "stash", mixinStandardHelpOptions = true,
            description = "Store the database password in the .sth stash file beside it (mode 0600).")
    static final class Stash implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--v1", description = "Write the older 129-byte format instead of the 193-byte one")
        boolean v1;

        @Override
        public Integer call() {
            KeyDatabase database = db.open();
            System.out.println("Database password stored in "
                    + database.stash(v1 ? StashFile.Format.V1 : StashFile.Format.V8) + ".");
            return 0;
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true,
            description = "Change the database password (re-encrypts every key; an existing stash is updated).")
    static final class Passwd implements Callable<Integer> {
        @Mixin
        DatabaseOptions db;

        @Option(names = "--new-password-file", paramLabel = "FILE", description = "Read the new password from FILE")
        java.nio.file.Path newPasswordFile;

        @Override
        public Integer call() {
            KeyDatabase database = db.open();
            char[] password = PasswordSource.resolveNew(newPasswordFile, "OPENCS_NEW_KEYDB_PASSWORD",
                    "Enter new database password: ", "Re-enter new database password: ");
            database.changePassword(password);
            database.save();
            boolean stashed = java.nio.file.Files.exists(KeyDbFiles.stash(database.path()));
            if (stashed) {
                database.stash(StashFile.Format.V8);
            }
            Arrays.fill(password, '\0');
            System.out.println("Database password changed." + (stashed ? " The stash file was updated." : ""));
            return 0;
        }
    }
}
