package org.opencs.pki.gskkyman;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import org.opencs.core.ZosException;
import org.opencs.pki.codec.CertificateReader;
import org.opencs.pki.keydb.InitialCaCertificates;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbFiles;

/**
 * The interactive gskkyman utility: the Database Menu, then the Key Management Menu of an open database. Menus,
 * prompts and messages follow the seed's screens (z/OS System SSL's gskkyman); answers may be typed or piped.
 */
public final class Gskkyman {
    static final int DEFAULT_RECORD_LENGTH = 5000;
    private static final java.util.List<String> DATABASE_MENU = java.util.List.of("1 - Create new database",
            "1b - Create new empty database", "2 - Open database", "3 - Change database password",
            "4 - Change database record length", "5 - Delete database",
            "7 - Display certificate file (Binary or Base64 ASN.1 DER)");

    private final Terminal term;
    private final Path workingDirectory;
    private final SecureRandom random;
    private final Clock clock;

    public Gskkyman(Terminal term, Path workingDirectory, SecureRandom random, Clock clock) {
        this.term = term;
        this.workingDirectory = workingDirectory;
        this.random = random;
        this.clock = clock;
    }

    /** Runs until the user exits (option 0 or end of input); returns the process exit code. */
    public int run() {
        try {
            databaseMenu();
        } catch (Terminal.EndOfInput e) {
            // End of the piped answers: leave as option 0 would.
        } catch (ExitProgram e) {
            // Option 0 in a lower menu.
        }
        return 0;
    }

    /** Thrown by "0 - Exit program" in any menu. */
    static final class ExitProgram extends RuntimeException {
        ExitProgram() {
            super("exit", null, false, false);
        }
    }

    private void databaseMenu() {
        while (true) {
            term.showMenu("Database Menu", null, DATABASE_MENU, "0 - Exit program");
            String option = term.ask("Enter option number: ");
            try {
                switch (option.toLowerCase(java.util.Locale.ROOT)) {
                    case "1" -> createDatabase(true);
                    case "1b" -> createDatabase(false);
                    case "2" -> openDatabase();
                    case "3" -> changePassword();
                    case "4" -> changeRecordLength();
                    case "5" -> deleteDatabase();
                    case "7" -> displayCertificateFile();
                    case "0" -> {
                        return;
                    }
                    case "" -> { }
                    default -> invalidOption(option);
                }
            } catch (ZosException e) {
                error(e);
            }
        }
    }

    private void createDatabase(boolean withCaCertificates) {
        Path path = askDatabaseName();
        if (path == null) {
            return;
        }
        if (Files.exists(path)) {
            term.println();
            term.println("Key database " + path + " already exists.");
            term.pause();
            return;
        }
        char[] password = askNewPassword("Enter database password (press ENTER to return to menu): ");
        if (password == null) {
            return;
        }
        askNumber("Enter password expiration in days (press ENTER for no expiration): ", 0, 0, 9999,
                "The password expiration must be between 0 and 9999 days.");
        int recordLength = askNumber("Enter database record length (press ENTER to use " + DEFAULT_RECORD_LENGTH + "): ",
                DEFAULT_RECORD_LENGTH, 2500, 65536, "The record length must be between 2500 and 65536.");
        KeyDatabase db = KeyDatabase.create(path, password, recordLength, random);
        if (withCaCertificates) {
            InitialCaCertificates.addTo(db, clock.instant());
            db.save();
        }
        Arrays.fill(password, '\0');
        term.println();
        term.println("Key database " + path + " created.");
        term.pause();
        new KeyManagementMenu(term, db, this).run();
    }

    private void openDatabase() {
        KeyDatabase db = askAndOpenDatabase();
        if (db != null) {
            new KeyManagementMenu(term, db, this).run();
        }
    }

    /** Asks for a database name and its password and opens it; null when the user pressed ENTER to go back. */
    KeyDatabase askAndOpenDatabase() {
        Path path = askDatabaseName();
        if (path == null) {
            return null;
        }
        char[] password = term.askSecret("Enter database password (press ENTER to return to menu): ");
        if (password.length == 0) {
            return null;
        }
        try {
            return KeyDatabase.open(path, password, random);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void changePassword() {
        KeyDatabase db = askAndOpenDatabase();
        if (db == null) {
            return;
        }
        Path path = db.path();
        char[] password = askNewPassword("Enter new database password (press ENTER to return to menu): ");
        if (password == null) {
            return;
        }
        askNumber("Enter password expiration in days (press ENTER for no expiration): ", 0, 0, 9999,
                "The password expiration must be between 0 and 9999 days.");
        db.changePassword(password);
        db.save();
        boolean restash = Files.exists(KeyDbFiles.stash(path));
        if (restash) {
            db.stash(org.opencs.pki.kdb.StashFile.Format.V8);
        }
        Arrays.fill(password, '\0');
        term.println();
        term.println("Database password changed." + (restash ? " The password stash file was updated." : ""));
        term.pause();
    }

    private void changeRecordLength() {
        KeyDatabase db = askAndOpenDatabase();
        if (db == null) {
            return;
        }
        term.println("Current database record length is " + db.recordLength() + ".");
        int length = askNumber("Enter new database record length (press ENTER to return to menu): ", -1, 2500, 65536,
                "The record length must be between 2500 and 65536.");
        if (length < 0) {
            return;
        }
        db.changeRecordLength(length);
        db.save();
        term.println();
        term.println("Database record length changed.");
        term.pause();
    }

    private void deleteDatabase() {
        Path path = askDatabaseName();
        if (path == null) {
            return;
        }
        if (!Files.exists(path)) {
            term.println();
            term.println("Key database " + path + " does not exist.");
            term.pause();
            return;
        }
        String answer = term.ask("Enter 1 to confirm delete, 0 to cancel delete: ");
        if (!answer.equals("1")) {
            return;
        }
        try {
            Files.deleteIfExists(path);
            Files.deleteIfExists(KeyDbFiles.requestDatabase(path));
            Files.deleteIfExists(KeyDbFiles.stash(path));
        } catch (IOException e) {
            throw org.opencs.pki.KeyDbException.io(path.toString(), e);
        }
        term.println();
        term.println("Key database " + path + " deleted.");
        term.pause();
    }

    private void displayCertificateFile() {
        String name = term.ask("Enter certificate file name (press ENTER to return to menu): ");
        if (name.isEmpty()) {
            return;
        }
        Path file = resolve(name);
        byte[] data = readFile(file);
        CertificateInfo.show(term, CertificateReader.read(data, file.toString()).get(0), null);
        term.pause();
    }

    // ---- shared prompts ------------------------------------------------------------------------------------------

    Path askDatabaseName() {
        String name = term.ask("Enter key database name (press ENTER to return to menu): ");
        if (name.isEmpty()) {
            return null;
        }
        if (name.endsWith(".rdb") || name.endsWith(".sth")) {
            term.println("The key database name may not end with .rdb or .sth.");
            return askDatabaseName();
        }
        return resolve(name);
    }

    /** Asks twice; returns null when the user pressed ENTER to go back. */
    char[] askNewPassword(String prompt) {
        while (true) {
            char[] first = term.askSecret(prompt);
            if (first.length == 0) {
                return null;
            }
            if (first.length > 128) {
                first = Arrays.copyOf(first, 128);
            }
            char[] second = term.askSecret("Re-enter database password: ");
            if (second.length > 128) {
                second = Arrays.copyOf(second, 128);
            }
            if (Arrays.equals(first, second)) {
                Arrays.fill(second, '\0');
                return first;
            }
            term.println("Passwords do not match.");
        }
    }

    /** Asks for a number in range; ENTER gives {@code defaultValue}; bad answers are explained and asked again. */
    int askNumber(String prompt, int defaultValue, int min, int max, String rangeError) {
        while (true) {
            String answer = term.ask(prompt);
            if (answer.isEmpty()) {
                return defaultValue;
            }
            try {
                int value = Integer.parseInt(answer);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // explained below
            }
            term.println(rangeError);
        }
    }

    Path resolve(String name) {
        return workingDirectory.resolve(name).toAbsolutePath().normalize();
    }

    /**
     * A certificate, request or key file as the codecs take it: Base64 text by the file's tag, or recognised in EBCDIC
     * (an untagged z/OS UNIX text file), handed over in ASCII; binary content as it is (docs/ftp.md, "Text in z/OS UNIX
     * files").
     */
    byte[] readFile(Path file) {
        try {
            return org.opencs.core.UnixText.readPemOrBinary(file);
        } catch (IOException e) {
            throw org.opencs.pki.KeyDbException.notFound("The file " + file);
        }
    }

    SecureRandom random() {
        return random;
    }

    Clock clock() {
        return clock;
    }

    void invalidOption(String option) {
        term.println("Option '" + option + "' is not valid. Enter one of the option numbers shown.");
    }

    void error(ZosException e) {
        term.println();
        term.println(e.getMessage());
        term.pause();
    }
}
