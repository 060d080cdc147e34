package org.opencs.cli.keydb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.opencs.pki.cert.AltNames;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.keydb.KeyDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "certreq", mixinStandardHelpOptions = true,
        description = "Create a key pair and a PKCS #10 certificate request; the key waits in the .rdb until 'receive'.")
final class KeydbCertreq implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Mixin
    CertificateOptions cert;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the request (Base64)")
    Path out;

    @Override
    public Integer call() {
        KeyDatabase database = db.open();
        String pem = db.operations().createRequest(database, cert.label, cert.keyType(), SubjectName.parse(cert.dn),
                AltNames.parse(cert.altNames));
        Output.write(out, pem.getBytes(StandardCharsets.US_ASCII), false);
        database.save();
        System.out.println("Certificate request created in " + out.toAbsolutePath() + ".");
        return 0;
    }
}
