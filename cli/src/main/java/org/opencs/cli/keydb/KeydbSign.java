package org.opencs.cli.keydb;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.CertificateRequests;
import org.opencs.pki.codec.CertificateWriter;
import org.opencs.pki.codec.ExportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Sign a PKCS #10 request with a CA entry of the database (gskkyman -g).")
final class KeydbSign implements Callable<Integer> {
    @Mixin
    DatabaseOptions db;

    @Option(names = "--ca-label", required = true, description = "The CA entry that signs")
    String caLabel;

    @Option(names = "--csr", required = true, paramLabel = "FILE", description = "The request (DER or PEM)")
    Path csr;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the certificate")
    Path out;

    @Option(names = "--days", defaultValue = "365", description = "Days of validity (default ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--ca", description = "Issue a CA certificate")
    boolean ca;

    @Option(names = "--format", defaultValue = "pem", description = "pem (default) or der")
    String format;

    @Override
    public Integer call() {
        var request = CertificateRequests.read(Output.read(csr), csr.toString());
        var certificate = db.operations().signRequest(db.open(), caLabel, request,
                ca ? CertificateProfile.CA : CertificateProfile.END_ENTITY, days);
        ExportFormat exportFormat = ExportFormat.parse(format);
        Output.write(out, CertificateWriter.encode(exportFormat, List.of(certificate)), false);
        System.out.println("Certificate created in " + out.toAbsolutePath() + ".");
        return 0;
    }
}
