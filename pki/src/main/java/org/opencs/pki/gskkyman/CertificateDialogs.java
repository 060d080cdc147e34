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
        while (true) {
            term.println();
            term.println("Certificate Type");
            term.println();
            for (int i = 0; i < types.size(); i++) {
                term.println((i + 1) + " - " + types.get(i).menuText());
            }
            term.println();
            String answer = term.ask("Select certificate type (press ENTER to return to menu): ");
            if (answer.isEmpty()) {
                return null;
            }
            int choice = parse(answer);
            if (choice >= 1 && choice <= types.size()) {
                CertificateType type = types.get(choice - 1);
                if (type.keyType().weak()) {
                    term.println("Note: " + type.keyType().description()
                            + " keys are weak by today's standards; use them only for tests.");
                }
                return type;
            }
            gsk.invalidOption(answer);
        }
    }

    /** Key types for a certificate request (no CA/end-user distinction). */
    KeyType askRequestKeyType() {
        List<KeyType> types = List.of(KeyType.RSA_2048, KeyType.RSA_3072, KeyType.RSA_4096, KeyType.DSA_2048,
                KeyType.EC_P256, KeyType.EC_P384, KeyType.EC_P521, KeyType.RSA_1024, KeyType.DSA_1024);
        while (true) {
            term.println();
            term.println("Certificate Key Type");
            term.println();
            for (int i = 0; i < types.size(); i++) {
                term.println((i + 1) + " - " + types.get(i).description() + " key");
            }
            term.println();
            String answer = term.ask("Select certificate key type (press ENTER to return to menu): ");
            if (answer.isEmpty()) {
                return null;
            }
            int choice = parse(answer);
            if (choice >= 1 && choice <= types.size()) {
                return types.get(choice - 1);
            }
            gsk.invalidOption(answer);
        }
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
        term.println();
        term.println("Export File Format");
        term.println();
        term.println("1 - Binary ASN.1 DER");
        term.println("2 - Base64 ASN.1 DER");
        term.println("3 - Binary PKCS #7");
        term.println("4 - Base64 PKCS #7");
        term.println();
        while (true) {
            String answer = term.ask("Select export format (press ENTER to return to menu): ");
            switch (answer) {
                case "" -> {
                    return null;
                }
                case "1" -> {
                    return ExportFormat.BINARY_DER;
                }
                case "2" -> {
                    return ExportFormat.BASE64_DER;
                }
                case "3" -> {
                    return ExportFormat.BINARY_PKCS7;
                }
                case "4" -> {
                    return ExportFormat.BASE64_PKCS7;
                }
                default -> gsk.invalidOption(answer);
            }
        }
    }

    ExportFormat askKeyExportFormat() {
        term.println();
        term.println("Export File Format");
        term.println();
        term.println("1 - Binary PKCS #12");
        term.println("2 - Base64 PKCS #12");
        term.println();
        while (true) {
            String answer = term.ask("Select export format (press ENTER to return to menu): ");
            switch (answer) {
                case "" -> {
                    return null;
                }
                case "1" -> {
                    return ExportFormat.BINARY_PKCS12;
                }
                case "2" -> {
                    return ExportFormat.BASE64_PKCS12;
                }
                default -> gsk.invalidOption(answer);
            }
        }
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
