package org.opencs.pki.gskkyman;

import java.util.List;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.codec.ExportFormat;

/** The shared question sequences: certificate type, subject name, validity and export format. */
final class CertificateDialogs {
    /** One entry of the Certificate Type menu. Entries 1-6 are the seed's; 7 onwards are today's key sizes. */
    record CertificateType(CertificateProfile profile, KeyType keyType) {
        String menuText() {
            return (profile == CertificateProfile.CA ? "CA certificate" : "End user certificate") + " with "
                    + keyType.description() + " key";
        }
    }

    static final List<CertificateType> CERTIFICATE_TYPES = List.of(
            new CertificateType(CertificateProfile.CA, KeyType.RSA_1024),
            new CertificateType(CertificateProfile.CA, KeyType.RSA_2048),
            new CertificateType(CertificateProfile.CA, KeyType.DSA_1024),
            new CertificateType(CertificateProfile.END_ENTITY, KeyType.RSA_1024),
            new CertificateType(CertificateProfile.END_ENTITY, KeyType.RSA_2048),
            new CertificateType(CertificateProfile.END_ENTITY, KeyType.DSA_1024),
            new CertificateType(CertificateProfile.CA, KeyType.RSA_3072),
            new CertificateType(CertificateProfile.CA, KeyType.RSA_4096),
            new CertificateType(CertificateProfile.CA, KeyType.DSA_2048),
            new CertificateType(CertificateProfile.CA, KeyType.EC_P256),
            new CertificateType(CertificateProfile.CA, KeyType.EC_P384),
            new CertificateType(CertificateProfile.CA, KeyType.EC_P521),
            new CertificateType(CertificateProfile.END_ENTITY, KeyType.RSA_3072),
            new CertificateType(CertificateProfile.END_ENTITY, KeyType.RSA_4096),
            new CertificateType(CertificateProfile.END_ENTITY, KeyType.DSA_2048),
            new CertificateType(CertificateProfile.END_ENTITY, KeyType.EC_P256),
            new CertificateType(CertificateProfile.END_ENTITY, KeyType.EC_P384),
            new CertificateType(CertificateProfile.END_ENTITY, KeyType.EC_P521));

    private final Terminal term;
    private final Gskkyman gsk;

    CertificateDialogs(Terminal term, Gskkyman gsk) {
        this.term = term;
        this.gsk = gsk;
    }

    /** Returns null when the user pressed ENTER to go back. {@code endUserOnly} for certificates signed by a CA. */
    CertificateType askCertificateType(boolean includeCa) {
        List<CertificateType> types = CERTIFICATE_TYPES.stream()
                .filter(t -> includeCa || t.profile() != CertificateProfile.CA).toList();
        CertificateType type = askChoice("Certificate Type", types.stream().map(CertificateType::menuText).toList(),
                types, "Select certificate type (press ENTER to return to menu): ");
        if (type != null && type.keyType().weak()) {
            term.println("Note: " + type.keyType().description()
                    + " keys are weak by today's standards; use them only for tests.");
        }
        return type;
    }

    /** A new certificate's type, label, subject and validity; null when the user went back. */
    record NewCertificate(CertificateType type, String label, SubjectName subject, int days) {
    }

    NewCertificate askNewCertificate(org.opencs.pki.keydb.KeyDatabase db) {
        CertificateType type = askCertificateType(true);
        if (type == null) {
            return null;
        }
        String label = askLabel();
        if (label.isEmpty()) {
            return null;
        }
        if (db.find(label).isPresent()) {
            throw KeyDbException.duplicateLabel(label);
        }
        SubjectName subject = askSubject();
        int days = askValidityDays();
        term.println();
        term.println("Please wait .....");
        return new NewCertificate(type, label, subject, days);
    }

    /** Shows numbered options and returns the chosen value; ENTER returns null; other answers are asked again. */
    <T> T askChoice(String title, List<String> texts, List<T> values, String prompt) {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            lines.add((i + 1) + " - " + texts.get(i));
        }
        term.showMenu(title, null, lines, null);
        while (true) {
            String answer = term.ask(prompt);
            if (answer.isEmpty()) {
                return null;
            }
            int choice = parse(answer);
            if (choice >= 1 && choice <= values.size()) {
                return values.get(choice - 1);
            }
            gsk.invalidOption(answer);
        }
    }

    /** Key types for a certificate request (no CA/end-user distinction). */
    KeyType askRequestKeyType() {
        List<KeyType> types = List.of(KeyType.RSA_2048, KeyType.RSA_3072, KeyType.RSA_4096, KeyType.DSA_2048,
                KeyType.EC_P256, KeyType.EC_P384, KeyType.EC_P521, KeyType.RSA_1024, KeyType.DSA_1024);
        return askChoice("Certificate Key Type", types.stream().map(t -> t.description() + " key").toList(), types,
                "Select certificate key type (press ENTER to return to menu): ");
    }

    String askLabel() {
        return term.ask("Enter label (press ENTER to return to menu): ");
    }

    SubjectName askSubject() {
        term.println("Enter subject name for certificate");
        String cn = askRequired("Common name (required): ");
        String ou = term.ask("Organizational unit (optional): ");
        String o = askRequired("Organization (required): ");
        String l = term.ask("City/Locality (optional): ");
        String st = term.ask("State/Province (optional): ");
        String c;
        while (true) {
            c = term.ask("Country/Region (2 characters - required): ");
            if (c.matches("[A-Za-z]{2}")) {
                break;
            }
            term.println("The country/region code must be 2 characters.");
        }
        return new SubjectName(cn, ou, o, l, st, c);
    }

    int askValidityDays() {
        return gsk.askNumber("Enter number of days certificate will be valid (default 365): ", 365, 1, 9999,
                "The number of days must be between 1 and 9999.");
    }

    ExportFormat askCertificateExportFormat() {
        List<ExportFormat> formats = List.of(ExportFormat.BINARY_DER, ExportFormat.BASE64_DER,
                ExportFormat.BINARY_PKCS7, ExportFormat.BASE64_PKCS7);
        return askExportFormat(formats);
    }

    ExportFormat askKeyExportFormat() {
        return askExportFormat(List.of(ExportFormat.BINARY_PKCS12, ExportFormat.BASE64_PKCS12));
    }

    private ExportFormat askExportFormat(List<ExportFormat> formats) {
        return askChoice("Export File Format", formats.stream().map(ExportFormat::menuText).toList(), formats,
                "Select export format (press ENTER to return to menu): ");
    }

    private String askRequired(String prompt) {
        while (true) {
            String answer = term.ask(prompt);
            if (!answer.isEmpty()) {
                return answer;
            }
            term.println("A value is required.");
        }
    }

    static int parse(String answer) {
        try {
            return Integer.parseInt(answer);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void requireLabel(String label) {
        if (label.isEmpty()) {
            throw KeyDbException.badInput("A label is required.");
        }
    }
}
