package org.opencs.pki.gskkyman;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.opencs.core.ZosException;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.cert.CertificateRequests;
import org.opencs.pki.cert.Keys;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.keydb.EntryType;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbEntry;
import org.opencs.pki.keydb.KeyDbOperations;

/** The lists (keys and certificates, certificates, requests) and the menus for one selected entry. */
final class EntryMenus {
    private static final int PAGE = 10;
    private static final List<String> KEY_MENU = List.of("1 - Show certificate information",
            "2 - Show key information", "3 - Set key as default", "4 - Set certificate trust status",
            "5 - Copy certificate and key to another database", "6 - Export certificate to a file",
            "7 - Export certificate and key to a file", "8 - Delete certificate and key", "9 - Change label",
            "11 - Create a certificate renewal request");
    private static final List<String> CERTIFICATE_MENU = List.of("1 - Show certificate information",
            "2 - Set certificate trust status", "3 - Copy certificate to another database",
            "4 - Export certificate to a file", "5 - Delete certificate", "6 - Change label");
    private static final List<String> REQUEST_MENU = List.of("1 - Show certificate request (Base64)",
            "2 - Export certificate request to a file", "3 - Delete certificate request and key", "4 - Change label");

    private final Terminal term;
    private final KeyDatabase db;
    private final Gskkyman gsk;
    private final KeyDbOperations operations;
    private final CertificateDialogs dialogs;

    EntryMenus(Terminal term, KeyDatabase db, Gskkyman gsk, KeyDbOperations operations) {
        this.term = term;
        this.db = db;
        this.gsk = gsk;
        this.operations = operations;
        this.dialogs = new CertificateDialogs(term, gsk);
    }

    /** Shows the list of one kind of entry; choosing one opens its menu; 0 or ENTER returns. */
    void manage(EntryType type) {
        int first = 0;
        while (true) {
            List<KeyDbEntry> entries = db.entries(type);
            String title = switch (type) {
                case PERSONAL -> "Key and Certificate List";
                case CA -> "Certificate List";
                case REQUEST -> "Request List";
            };
            int last = Math.min(entries.size(), first + PAGE);
            List<String> lines = new java.util.ArrayList<>();
            for (int i = first; i < last; i++) {
                lines.add((i - first + 1) + " - " + entries.get(i).label());
            }
            term.showMenu(title, "Database: " + db.path(), lines, "0 - Return to selection menu");
            String more = last < entries.size() ? ", n for next list" : "";
            String answer = term.ask("Enter label number (ENTER to return to selection menu, p for previous list"
                    + more + "): ");
            if (answer.isEmpty() || answer.equals("0")) {
                return;
            }
            if (answer.equalsIgnoreCase("p")) {
                first = Math.max(0, first - PAGE);
                continue;
            }
            if (answer.equalsIgnoreCase("n") && last < entries.size()) {
                first += PAGE;
                continue;
            }
            int choice = CertificateDialogs.parse(answer);
            if (choice < 1 || first + choice > last) {
                gsk.invalidOption(answer);
                continue;
            }
            String label = entries.get(first + choice - 1).label();
            try {
                switch (type) {
                    case PERSONAL -> keyAndCertificateMenu(label);
                    case CA -> certificateMenu(label);
                    case REQUEST -> requestMenu(label);
                }
            } catch (ZosException e) {
                gsk.error(e);
            }
        }
    }

    void keyAndCertificateMenu(String startLabel) {
        String label = startLabel;
        while (db.find(label).isPresent()) {
            KeyDbEntry entry = db.get(label);
            boolean ca = entry.isCaCertificate();
            List<String> options = new java.util.ArrayList<>(KEY_MENU);
            if (ca) {
                options.add(9, "10 - Create a signed certificate and key");
            }
            term.showMenu("Key and Certificate Menu", "Label: " + label, options, "0 - Exit program");
            String option = term.ask("Enter option number (press ENTER to return to previous menu): ");
            try {
                switch (option) {
                    case "" -> {
                        return;
                    }
                    case "0" -> throw new Gskkyman.ExitProgram();
                    case "1" -> {
                        CertificateInfo.show(term, entry.certificate(), entry);
                        term.pause();
                    }
                    case "2" -> showKey(entry);
                    case "3" -> {
                        db.setDefault(label);
                        db.save();
                        done("Default key set.");
                    }
                    case "4" -> setTrust(label);
                    case "5" -> copy(label);
                    case "6" -> exportCertificate(label);
                    case "7" -> exportWithKey(label);
                    case "8" -> {
                        if (delete(label, "Enter 1 to confirm delete, 0 to cancel delete: ")) {
                            return;
                        }
                    }
                    case "9" -> label = changeLabel(label);
                    case "10" -> {
                        if (ca) {
                            createSigned(label);
                        } else {
                            gsk.invalidOption(option);
                        }
                    }
                    case "11" -> renewalRequest(label);
                    default -> gsk.invalidOption(option);
                }
            } catch (ZosException e) {
                gsk.error(e);
            }
        }
    }

    private void certificateMenu(String startLabel) {
        String label = startLabel;
        while (db.find(label).isPresent()) {
            KeyDbEntry entry = db.get(label);
            term.showMenu("Certificate Menu", "Label: " + label, CERTIFICATE_MENU, "0 - Exit program");
            String option = term.ask("Enter option number (press ENTER to return to previous menu): ");
            try {
                switch (option) {
                    case "" -> {
                        return;
                    }
                    case "0" -> throw new Gskkyman.ExitProgram();
                    case "1" -> {
                        CertificateInfo.show(term, entry.certificate(), entry);
                        term.pause();
                    }
                    case "2" -> setTrust(label);
                    case "3" -> copy(label);
                    case "4" -> exportCertificate(label);
                    case "5" -> {
                        if (delete(label, "Enter 1 to confirm delete, 0 to cancel delete: ")) {
                            return;
                        }
                    }
                    case "6" -> label = changeLabel(label);
                    default -> gsk.invalidOption(option);
                }
            } catch (ZosException e) {
                gsk.error(e);
            }
        }
    }

    private void requestMenu(String startLabel) {
        String label = startLabel;
        while (db.find(label).isPresent()) {
            KeyDbEntry entry = db.get(label);
            term.showMenu("Request Menu", "Label: " + label, REQUEST_MENU, "0 - Exit program");
            String option = term.ask("Enter option number (press ENTER to return to previous menu): ");
            try {
                switch (option) {
                    case "" -> {
                        return;
                    }
                    case "0" -> throw new Gskkyman.ExitProgram();
                    case "1" -> {
                        term.println();
                        term.print(CertificateRequests.toPem(entry.request()));
                        term.pause();
                    }
                    case "2" -> {
                        String file = term.ask("Enter request file name (press ENTER to return to menu): ");
                        if (!file.isEmpty()) {
                            KeyManagementMenu.writeFile(gsk.resolve(file),
                                    CertificateRequests.toPem(entry.request()).getBytes(StandardCharsets.US_ASCII));
                            done("Certificate request exported.");
                        }
                    }
                    case "3" -> {
                        if (delete(label, "Enter 1 to confirm delete, 0 to cancel delete: ")) {
                            return;
                        }
                    }
                    case "4" -> label = changeLabel(label);
                    default -> gsk.invalidOption(option);
                }
            } catch (ZosException e) {
                gsk.error(e);
            }
        }
    }

    private void showKey(KeyDbEntry entry) {
        term.println();
        term.println("Key Information");
        term.println();
        term.println("        Label: " + entry.label());
        term.println("  Default key: " + (entry.isDefault() ? "Yes" : "No"));
        term.println("     Key type: " + entry.publicKey().getAlgorithm());
        term.println("     Key size: " + Keys.bits(entry.publicKey()));
        term.pause();
    }

    private void setTrust(String label) {
        String answer = term.ask("Enter 1 to trust the certificate or 0 to not trust the certificate "
                + "(press ENTER to return to menu): ");
        if (!answer.equals("0") && !answer.equals("1")) {
            return;
        }
        db.setTrusted(label, answer.equals("1"));
        db.save();
        done("Record updated.");
    }

    private void copy(String label) {
        KeyDatabase target = gsk.askAndOpenDatabase();
        if (target == null) {
            return;
        }
        operations.copy(db, label, target);
        target.save();
        done("Record copied.");
    }

    private void exportCertificate(String label) {
        ExportFormat format = dialogs.askCertificateExportFormat();
        if (format == null) {
            return;
        }
        String file = term.ask("Enter export file name (press ENTER to return to menu): ");
        if (file.isEmpty()) {
            return;
        }
        KeyManagementMenu.writeFile(gsk.resolve(file), operations.exportCertificate(db, label, format));
        done("Certificate exported.");
    }

    private void exportWithKey(String label) {
        ExportFormat format = dialogs.askKeyExportFormat();
        if (format == null) {
            return;
        }
        String file = term.ask("Enter export file name (press ENTER to return to menu): ");
        if (file.isEmpty()) {
            return;
        }
        char[] password = gsk.askNewPassword("Enter export file password (press ENTER to return to menu): ");
        if (password == null) {
            return;
        }
        byte[] data = operations.exportWithKey(db, label, format, password);
        Arrays.fill(password, '\0');
        try {
            org.opencs.core.UnixText.writeExport(gsk.resolve(file), data, true);
        } catch (java.io.IOException e) {
            throw KeyDbException.io(file, e);
        }
        done("Certificate and key exported.");
    }

    private boolean delete(String label, String prompt) {
        if (!term.ask(prompt).equals("1")) {
            return false;
        }
        db.delete(label);
        db.save();
        done("Record deleted.");
        return true;
    }

    private String changeLabel(String label) {
        String newLabel = term.ask("Enter new label (press ENTER to return to menu): ");
        if (newLabel.isEmpty()) {
            return label;
        }
        db.rename(label, newLabel);
        db.save();
        done("Record label changed.");
        return newLabel;
    }

    private void createSigned(String caLabel) {
        CertificateDialogs.NewCertificate request = dialogs.askNewCertificate(db);
        if (request == null) {
            return;
        }
        operations.createSigned(db, caLabel, request.label(), request.type().keyType(), request.type().profile(),
                request.subject().toX500Name(), request.days(), List.of());
        db.save();
        done("Certificate created.");
    }

    private void renewalRequest(String label) {
        String file = term.ask("Enter request file name (press ENTER to return to menu): ");
        if (file.isEmpty()) {
            return;
        }
        KeyManagementMenu.writeFile(gsk.resolve(file),
                operations.createRenewalRequest(db, label).getBytes(StandardCharsets.US_ASCII));
        done("Certificate renewal request created.");
    }

    private void done(String message) {
        term.println();
        term.println(message);
        term.pause();
    }

}
