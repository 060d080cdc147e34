package org.opencs.pki.gskkyman;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.CertificateRequests;
import org.opencs.pki.codec.CertificateReader;
import org.opencs.pki.codec.CertificateWriter;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.kdb.StashFile;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.keydb.KeyDbEntry;
import org.opencs.pki.keydb.KeyDbOperations;

/**
 * gskkyman's command-line mode: one function per invocation, flags as IBM documents them.
 * <pre>
 *   gskkyman -dc  file                         display a certificate file
 *   gskkyman -dcv file                         display a certificate file and check its signature and dates
 *   gskkyman -dk  -k db                        display the entries of a key database
 *   gskkyman -e   -k db -l label -p file       export certificate and key to a PKCS #12 file
 *   gskkyman -i   -k db [-l label] -p file     import certificate and key from a PKCS #12 file
 *   gskkyman -g   -k db -l ca-label -cr request-file -ct certificate-file [-x days] [-ca]
 *                                              sign a certificate request with a CA key in the database
 *   gskkyman -s   -k db                        store the database password in the stash file
 *   gskkyman -h                                show this help
 * </pre>
 */
public final class GskkymanCommandLine {
    private static final Set<String> FUNCTIONS = Set.of("-dc", "-dcv", "-dk", "-e", "-i", "-g", "-s", "-h");
    private static final Set<String> VALUED = Set.of("-dc", "-dcv", "-k", "-l", "-p", "-x", "-cr", "-ct");

    private final Terminal term;
    private final Gskkyman gsk;
    private final KeyDbOperations operations;

    public GskkymanCommandLine(Terminal term, Gskkyman gsk) {
        this.term = term;
        this.gsk = gsk;
        this.operations = new KeyDbOperations(gsk.random(), gsk.clock());
    }

    /** Runs the function named by {@code args}; returns the exit code (0 success, 1 failure, 2 usage). */
    public int run(List<String> args) {
        Map<String, String> flags;
        try {
            flags = parse(args);
        } catch (IllegalArgumentException e) {
            term.println(e.getMessage());
            usage();
            return 2;
        }
        String function = flags.keySet().stream().filter(FUNCTIONS::contains).findFirst().orElse("-h");
        try {
            switch (function) {
                case "-dc" -> displayCertificate(flags.get("-dc"), false);
                case "-dcv" -> displayCertificate(flags.get("-dcv"), true);
                case "-dk" -> displayDatabase(open(flags));
                case "-e" -> exportPkcs12(flags);
                case "-i" -> importPkcs12(flags);
                case "-g" -> signRequest(flags);
                case "-s" -> {
                    KeyDatabase db = open(flags);
                    term.println("Database password stored in " + db.stash(StashFile.Format.V8) + ".");
                }
                default -> usage();
            }
            return 0;
        } catch (ZosException e) {
            term.println(e.getMessage());
            return 1;
        } catch (Terminal.EndOfInput e) {
            term.println("No answer was given; nothing was changed.");
            return 1;
        }
    }

    static Map<String, String> parse(List<String> args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (!flag.startsWith("-")) {
                throw new IllegalArgumentException("Unexpected argument '" + flag + "'.");
            }
            if (VALUED.contains(flag)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("The flag " + flag + " needs a value.");
                }
                flags.put(flag, args.get(++i));
            } else if (FUNCTIONS.contains(flag) || flag.equals("-ca")) {
                flags.put(flag, "");
            } else {
                throw new IllegalArgumentException("The flag " + flag + " is not known.");
            }
        }
        long functions = flags.keySet().stream().filter(FUNCTIONS::contains).count();
        if (functions > 1) {
            throw new IllegalArgumentException("Only one function flag may be given.");
        }
        return flags;
    }

    private void usage() {
        term.println("Usage:");
        term.println("  gskkyman                                      interactive menus");
        term.println("  gskkyman -dc  filename                        display a certificate file");
        term.println("  gskkyman -dcv filename                        display and validate a certificate file");
        term.println("  gskkyman -dk  -k filename                     display the entries of a key database");
        term.println("  gskkyman -e   -k filename -l label -p filename export certificate and key (PKCS #12)");
        term.println("  gskkyman -i   -k filename [-l label] -p filename import certificate and key (PKCS #12)");
        term.println("  gskkyman -g   -k filename -l label -cr filename -ct filename [-x days] [-ca]");
        term.println("                                                sign a certificate request with CA 'label'");
        term.println("  gskkyman -s   -k filename                     store the database password (stash file)");
        term.println("  gskkyman -h                                   this help");
    }

    private void displayCertificate(String file, boolean validate) {
        Path path = gsk.resolve(file);
        X509Certificate certificate = CertificateReader.read(gsk.readFile(path), path.toString()).get(0);
        CertificateInfo.show(term, certificate, null);
        if (validate) {
            term.println();
            try {
                certificate.checkValidity(Date.from(gsk.clock().instant()));
                term.println("The certificate is within its validity period.");
            } catch (GeneralSecurityException e) {
                term.println("The certificate is not valid now: " + e.getMessage());
            }
            if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(certificate.getPublicKey());
                    term.println("The self-signed signature is correct.");
                } catch (GeneralSecurityException e) {
                    term.println("The self-signed signature does not verify.");
                }
            }
        }
    }

    private void displayDatabase(KeyDatabase db) {
        term.println("Database: " + db.path());
        term.println("Record length: " + db.recordLength());
        for (KeyDbEntry entry : db.entries()) {
            term.println(String.format("%-10s %-8s %-3s %s", entry.type(), entry.trusted() ? "trusted" : "",
                    entry.isDefault() ? "*" : "", entry.label()));
        }
    }

    private void exportPkcs12(Map<String, String> flags) {
        KeyDatabase db = open(flags);
        String label = require(flags, "-l");
        Path file = gsk.resolve(require(flags, "-p"));
        char[] password = askFilePassword("Enter export file password (press ENTER to cancel): ", true);
        byte[] data = operations.exportWithKey(db, label, ExportFormat.BINARY_PKCS12, password);
        Arrays.fill(password, '\0');
        write(file, data, true);
        term.println("Certificate and key exported to " + file + ".");
    }

    private void importPkcs12(Map<String, String> flags) {
        KeyDatabase db = open(flags);
        Path file = gsk.resolve(require(flags, "-p"));
        char[] password = askFilePassword("Enter import file password (press ENTER to cancel): ", false);
        String label = operations.importPkcs12(db, flags.get("-l"), gsk.readFile(file), password, file.toString());
        Arrays.fill(password, '\0');
        db.save();
        term.println("Certificate and key imported with label " + label + ".");
    }

    private void signRequest(Map<String, String> flags) {
        KeyDatabase db = open(flags);
        String caLabel = require(flags, "-l");
        Path requestFile = gsk.resolve(require(flags, "-cr"));
        Path certificateFile = gsk.resolve(require(flags, "-ct"));
        int days = 365;
        if (flags.containsKey("-x")) {
            try {
                days = Integer.parseInt(flags.get("-x"));
            } catch (NumberFormatException e) {
                throw KeyDbException.badInput("The number of days (-x) must be a number, '" + flags.get("-x") + "' is not.");
            }
        }
        var request = CertificateRequests.read(gsk.readFile(requestFile), requestFile.toString());
        CertificateProfile profile = flags.containsKey("-ca") ? CertificateProfile.CA : CertificateProfile.END_ENTITY;
        X509Certificate certificate = operations.signRequest(db, caLabel, request, profile, days);
        write(certificateFile, CertificateWriter.encode(ExportFormat.BASE64_DER, List.of(certificate)), false);
        term.println("Certificate created in " + certificateFile + ".");
    }

    private KeyDatabase open(Map<String, String> flags) {
        Path path = gsk.resolve(require(flags, "-k"));
        if (!Files.exists(path)) {
            throw KeyDbException.notFound("Key database " + path);
        }
        char[] password = term.askSecret("Enter database password (press ENTER to cancel): ");
        if (password.length == 0) {
            throw KeyDbException.badInput("No password was entered; nothing was changed.");
        }
        try {
            return KeyDatabase.open(path, password, gsk.random());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] askFilePassword(String prompt, boolean confirm) {
        char[] password = term.askSecret(prompt);
        if (password.length == 0) {
            throw KeyDbException.badInput("No password was entered; nothing was changed.");
        }
        if (confirm && !Arrays.equals(password, term.askSecret("Re-enter export file password: "))) {
            throw KeyDbException.badInput("The passwords do not match; nothing was changed.");
        }
        return password;
    }

    private static String require(Map<String, String> flags, String flag) {
        String value = flags.get(flag);
        if (value == null || value.isEmpty()) {
            throw KeyDbException.badInput("The flag " + flag + " is required for this function.");
        }
        return value;
    }

    private static void write(Path file, byte[] data, boolean ownerOnly) {
        try {
            org.opencs.core.UnixText.writeExport(file, data, ownerOnly);
        } catch (java.io.IOException e) {
            throw KeyDbException.io(file.toString(), e);
        }
    }
}
