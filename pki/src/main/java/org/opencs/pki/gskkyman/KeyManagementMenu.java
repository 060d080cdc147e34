package org.opencs.pki.gskkyman;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.opencs.core.ZosException;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.EntryType;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbEntry;
import org.opencs.pki.keydb.KeyDbOperations;

/** The Key Management Menu of an open database (options 1-11 as in the seed). */
final class KeyManagementMenu {
    private static final List<String> MENU = List.of("1 - Manage keys and certificates", "2 - Manage certificates",
            "3 - Manage certificate requests", "4 - Create new certificate request",
            "5 - Receive certificate issued for your request", "6 - Create a self-signed certificate",
            "7 - Import a certificate", "8 - Import a certificate and a private key", "9 - Show the default key",
            "10 - Store database password", "11 - Show database record length");
    private final Terminal term;
    private final KeyDatabase db;
    private final Gskkyman gsk;
    private final CertificateDialogs dialogs;
    private final KeyDbOperations operations;

    KeyManagementMenu(Terminal term, KeyDatabase db, Gskkyman gsk) {
        this.term = term;
        this.db = db;
        this.gsk = gsk;
        this.dialogs = new CertificateDialogs(term, gsk);
        this.operations = new KeyDbOperations(gsk.random(), gsk.clock());
    }

    void run() {
        while (true) {
            term.showMenu("Key Management Menu", "Database: " + db.path(), MENU, "0 - Exit program");
            String option = term.ask("Enter option number (press ENTER to return to previous menu): ");
            try {
                switch (option) {
                    case "" -> {
                        return;
                    }
                    case "0" -> throw new Gskkyman.ExitProgram();
                    case "1" -> new EntryMenus(term, db, gsk, operations).manage(EntryType.PERSONAL);
                    case "2" -> new EntryMenus(term, db, gsk, operations).manage(EntryType.CA);
                    case "3" -> new EntryMenus(term, db, gsk, operations).manage(EntryType.REQUEST);
                    case "4" -> createRequest();
                    case "5" -> receive();
                    case "6" -> createSelfSigned();
                    case "7" -> importCertificate();
                    case "8" -> importCertificateAndKey();
                    case "9" -> showDefaultKey();
                    case "10" -> storePassword();
                    case "11" -> {
                        term.println();
                        term.println("Record length: " + db.recordLength());
                        term.pause();
                    }
                    default -> gsk.invalidOption(option);
                }
            } catch (ZosException e) {
                gsk.error(e);
            }
        }
    }

    private void createSelfSigned() {
        CertificateDialogs.NewCertificate request = dialogs.askNewCertificate(db);
        if (request == null) {
            return;
        }
        operations.createSelfSigned(db, request.label(), request.type().keyType(), request.type().profile(),
                request.subject().toX500Name(), request.days(), List.of());
        db.save();
        term.println();
        term.println("Certificate created.");
        term.pause();
    }

    private void createRequest() {
        KeyType keyType = dialogs.askRequestKeyType();
        if (keyType == null) {
            return;
        }
        String file = term.ask("Enter request file name (press ENTER to return to menu): ");
        if (file.isEmpty()) {
            return;
        }
        String label = dialogs.askLabel();
        if (label.isEmpty()) {
            return;
        }
        if (db.find(label).isPresent()) {
            throw KeyDbException.duplicateLabel(label);
        }
        SubjectName subject = dialogs.askSubject();
        term.println();
        term.println("Please wait .....");
        String pem = operations.createRequest(db, label, keyType, subject.toX500Name(), List.of());
        Path target = gsk.resolve(file);
        writeFile(target, pem.getBytes(StandardCharsets.US_ASCII));
        db.save();
        term.println();
        term.println("Certificate request created.");
        term.pause();
    }

    private void receive() {
        String file = term.ask("Enter certificate file name (press ENTER to return to menu): ");
        if (file.isEmpty()) {
            return;
        }
        Path source = gsk.resolve(file);
        String label = operations.receive(db, gsk.readFile(source), source.toString());
        db.save();
        term.println();
        term.println("Certificate received.");
        term.println("The certificate is stored with label " + label + ".");
        term.pause();
    }

    private void importCertificate() {
        String file = term.ask("Enter import file name (press ENTER to return to menu): ");
        if (file.isEmpty()) {
            return;
        }
        String label = dialogs.askLabel();
        if (label.isEmpty()) {
            return;
        }
        Path source = gsk.resolve(file);
        operations.importCertificate(db, label, gsk.readFile(source), source.toString(), true);
        db.save();
        term.println();
        term.println("Certificate imported.");
        term.pause();
    }

    private void importCertificateAndKey() {
        String file = term.ask("Enter import file name (press ENTER to return to menu): ");
        if (file.isEmpty()) {
            return;
        }
        char[] password = term.askSecret("Enter import file password (press ENTER to return to menu): ");
        if (password.length == 0) {
            return;
        }
        String label = dialogs.askLabel();
        if (label.isEmpty()) {
            return;
        }
        Path source = gsk.resolve(file);
        operations.importPkcs12(db, label, gsk.readFile(source), password, source.toString());
        Arrays.fill(password, '\0');
        db.save();
        term.println();
        term.println("Certificate and key imported.");
        term.pause();
    }

    private void showDefaultKey() {
        KeyDbEntry entry = db.defaultKey().orElse(null);
        if (entry == null || !entry.isDefault()) {
            term.println();
            term.println(entry == null ? "There is no default key." : "No key is marked default; the only key is "
                    + entry.label() + ".");
            term.pause();
            return;
        }
        new EntryMenus(term, db, gsk, operations).keyAndCertificateMenu(entry.label());
    }

    private void storePassword() {
        Path stash = db.stash(StashFile.Format.V8);
        term.println();
        term.println("Database password stored in " + stash + ".");
        term.pause();
    }

    static void writeFile(Path target, byte[] data) {
        try {
            org.opencs.core.UnixText.writeExport(target, data, false);
        } catch (java.io.IOException e) {
            throw KeyDbException.io(target.toString(), e);
        }
    }
}
