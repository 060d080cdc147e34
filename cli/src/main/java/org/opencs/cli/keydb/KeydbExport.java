package org.opencs.cli.keydb;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.keydb.KeyDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a certificate (der, pem, p7b, p7b64) or a certificate with its key (p12, p12b64).")
final class KeydbExport implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Mixin
    FilePasswordOption filePassword;

    @Option(names = "--label", required = true)
    String label;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file; - for standard output")
    Path out;

    @Option(names = "--format", defaultValue = "pem",
            description = "der, pem (default), p7b, p7b64, p12, p12b64 (or RACF names CERTDER, CERTB64, PKCS7DER, PKCS7B64, PKCS12DER, PKCS12B64)")
    String format;

    @Override
    public Integer call() {
        ExportFormat exportFormat;
        try {
            exportFormat = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw org.opencs.pki.KeyDbException.badInput(e.getMessage());
        }
        KeyDatabase database = db.open();
        if (exportFormat.withKey()) {
            database.get(label);
            char[] password = filePassword.newPassword("Enter export file password: ", "Re-enter export file password: ");
            byte[] data = db.operations().exportWithKey(database, label, exportFormat, password);
            Arrays.fill(password, '\0');
            Output.write(out, data, true);
            System.out.println("Certificate and key exported to " + out.toAbsolutePath() + ".");
        } else {
            Output.write(out, db.operations().exportCertificate(database, label, exportFormat), false);
            if (!out.toString().equals("-")) {
                System.out.println("Certificate exported to " + out.toAbsolutePath() + ".");
            }
        }
        return 0;
    }
}
