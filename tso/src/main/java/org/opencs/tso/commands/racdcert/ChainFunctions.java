package org.opencs.tso.commands.racdcert;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.opencs.core.ZosException;
import org.opencs.pki.cert.CertificateRequests;
import org.opencs.pki.codec.CertificateReader;
import org.opencs.saf.certs.CertificateUserMapper;
import org.opencs.saf.certs.DigitalCertificate;

/** CHECKCERT (which user a certificate maps to), LISTCHAIN and GENREQ. */
final class ChainFunctions {
    private static final Set<String> LABEL_ONLY = Set.of("LABEL");

    private ChainFunctions() {
    }

    /** CHECKCERT('dsn'): the certificate in a data set, whether it is registered, and which user it maps to. */
    static void checkCert(RacdcertContext context) {
        var dsn = context.datasetOperand("CHECKCERT");
        context.authorize("LIST", context.session.user().userid());
        X509Certificate certificate = CertificateReader.read(context.readDataset(dsn), dsn.toString()).get(0);
        context.session.print("Certificate in " + dsn + ":");
        context.session.print("  Subject's Name:");
        context.session.print("       >" + certificate.getSubjectX500Principal().getName() + "<");
        context.session.print("  Issuer's Name:");
        context.session.print("       >" + certificate.getIssuerX500Principal().getName() + "<");
        var mapping = new CertificateUserMapper(context.registry).userFor(certificate);
        context.session.print(mapping.map(m -> "  Associated with user " + m.userid() + " through " + m.how() + ".")
                .orElse("  The certificate is not associated with any user."));
    }

    /** LISTCHAIN(LABEL('x')): the certificate and the CA certificates that issued it. */
    static void listChain(RacdcertContext context) {
        String label = context.operands.nested("LISTCHAIN", LABEL_ONLY).flatMap(l -> l.value("LABEL"))
                .orElseThrow(() -> new ZosException("IKJ56700A", "ENTER LISTCHAIN LABEL -"));
        DigitalCertificate certificate = Racdcert.findForCommand(context, label);
        context.authorize("LIST", certificate.owner());
        List<X509Certificate> chain = context.chain(certificate.x509());
        context.session.print("Certificate chain for " + certificate.ownerDisplay() + " label '" + label + "':");
        for (int i = 0; i < chain.size(); i++) {
            context.session.print("  " + (i + 1) + ". >" + chain.get(i).getSubjectX500Principal().getName() + "<");
        }
        X509Certificate last = chain.get(chain.size() - 1);
        context.session.print(last.getIssuerX500Principal().equals(last.getSubjectX500Principal())
                ? "  Chain complete." : "  Chain incomplete: the issuer of the last certificate is not in the registry.");
    }

    /** GENREQ(LABEL('x')) DSN('...'): a PKCS #10 request for an existing certificate's key (to renew it). */
    static void genReq(RacdcertContext context) {
        String label = context.operands.nested("GENREQ", LABEL_ONLY).flatMap(l -> l.value("LABEL"))
                .orElseThrow(() -> new ZosException("IKJ56700A", "ENTER GENREQ LABEL -"));
        DigitalCertificate certificate = Racdcert.findForCommand(context, label);
        context.authorize("GENREQ", certificate.owner());
        X509Certificate x = certificate.x509();
        String pem = CertificateRequests.toPem(CertificateRequests.create(
                new KeyPair(x.getPublicKey(), context.privateKey(certificate)),
                X500Name.getInstance(x.getSubjectX500Principal().getEncoded()), List.of()));
        context.writeDataset(context.datasetOperand("DSN"), pem.getBytes(StandardCharsets.US_ASCII), true);
    }
}
