package org.opencs.cli.keydb;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.opencs.pki.keydb.KeyDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a certificate (DER, Base64/PEM, PKCS #7) or, with --pkcs12, a certificate and its key.",
                "Issuer certificates inside a PKCS #12 file are added as trusted CA entries."})
final class KeydbImport implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Mixin
    FilePasswordOption filePassword;

    @Parameters(index = "1", paramLabel = "FILE")
    Path file;

    @Option(names = "--label", description = "Label of the new entry (PKCS #12: default is the file's alias)")
    String label;

    @Option(names = "--pkcs12", description = "The file is PKCS #12 (binary or Base64) with a private key")
    boolean pkcs12;

    @Option(names = "--untrusted", description = "Add the certificate as not trusted")
    boolean untrusted;

    @Override
    public Integer call() {
        KeyDatabase database = db.open();
        byte[] data = Output.read(file);
        if (pkcs12) {
            char[] password = filePassword.password("Enter import file password: ");
            String stored = db.operations().importPkcs12(database, label, data, password, file.toString());
            Arrays.fill(password, '\0');
            database.save();
            System.out.println("Certificate and key imported with label " + stored + ".");
            return 0;
        }
        if (label == null) {
            throw org.opencs.pki.KeyDbException.badInput("--label is required when importing a certificate.");
        }
        db.operations().importCertificate(database, label, data, file.toString(), !untrusted);
        database.save();
        System.out.println("Certificate imported with label " + label + ".");
        return 0;
    }
}
