package org.opencs.tso.commands.racdcert;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.opencs.core.ZosException;
import org.opencs.pki.cert.Pem;
import org.opencs.pki.codec.CertificateWriter;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.codec.Pkcs12;
import org.opencs.saf.certs.DigitalCertificate;
import org.opencs.tso.parse.Operands;

/** RACDCERT EXPORT(LABEL('x')) DSN('...') FORMAT(CERTB64 | CERTDER | PKCS7B64 | PKCS7DER | PKCS12B64 | PKCS12DER). */
final class ExportCert {
    private ExportCert() {
    }

    static void run(RacdcertContext context) {
        Operands export = context.operands.nested("EXPORT", Set.of("LABEL")).orElseThrow();
        String label = export.value("LABEL").orElseThrow(() -> new ZosException("IKJ56700A", "ENTER EXPORT LABEL -"));
        DigitalCertificate certificate = Racdcert.findForCommand(context, label);
        context.authorize("EXPORT", certificate.owner());
        var dsn = context.datasetOperand("DSN");
        ExportFormat format = format(context.operands.value("FORMAT").orElse("CERTB64"));
        byte[] content;
        if (format.withKey()) {
            if (!certificate.hasPrivateKey()) {
                throw new ZosException("IRRD175I", "The certificate '" + org.opencs.core.Values.quoteForMessage(label) + "' has no private key to export.");
            }
            char[] password = context.operands.value("PASSWORD").orElseThrow(() -> new ZosException("IRRD176I",
                    "FORMAT(" + context.operands.value("FORMAT").orElse("") + ") needs PASSWORD('...').")).toCharArray();
            byte[] p12 = Pkcs12.write(List.of(new Pkcs12.Entry(label, context.privateKey(certificate),
                    context.chain(certificate.x509()))), password);
            content = format == ExportFormat.BASE64_PKCS12 ? Pem.base64Lines(p12).getBytes(StandardCharsets.US_ASCII) : p12;
        } else {
            content = CertificateWriter.encode(format, context.chain(certificate.x509()));
        }
        boolean text = format == ExportFormat.BASE64_DER || format == ExportFormat.BASE64_PKCS7
                || format == ExportFormat.BASE64_PKCS12;
        context.writeDataset(dsn, content, text);
    }

    private static ExportFormat format(String name) {
        String upper = RacdcertContext.upper(name);
        if (!Set.of("CERTB64", "CERTDER", "PKCS7B64", "PKCS7DER", "PKCS12B64", "PKCS12DER").contains(upper)) {
            throw new ZosException("IRRD118I", "FORMAT(" + org.opencs.core.Values.quoteForMessage(name) + ") is not one of CERTB64, CERTDER, PKCS7B64, "
                    + "PKCS7DER, PKCS12B64, PKCS12DER.");
        }
        return ExportFormat.parse(upper);
    }
}
