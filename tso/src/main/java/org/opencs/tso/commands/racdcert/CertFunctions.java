package org.opencs.tso.commands.racdcert;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.text.SimpleDateFormat;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.opencs.core.ZosException;
import org.opencs.pki.cert.Keys;
import org.opencs.pki.codec.CertificateReader;
import org.opencs.pki.codec.Pkcs12;
import org.opencs.saf.certs.DigitalCertificate;

/** LIST, ADD, ALTER and DELETE of certificates. */
final class CertFunctions {
    private static final Set<String> LABEL_ONLY = Set.of("LABEL");

    private CertFunctions() {
    }

    /** LIST or LIST(LABEL('x')) in RACF's layout. */
    static void list(RacdcertContext context) {
        context.authorize("LIST", context.owner);
        var nested = context.operands.nested("LIST", LABEL_ONLY);
        String label = nested.flatMap(l -> l.value("LABEL")).orElse(null);
        List<DigitalCertificate> certificates = label == null ? context.store().list(context.owner)
                : List.of(context.certificate(context.owner, label));
        context.session.print("Digital certificate information for "
                + (context.owner.equals(DigitalCertificate.CERTAUTH) ? "CERTAUTH:"
                : context.owner.equals(DigitalCertificate.SITE) ? "SITE:" : "user " + context.owner + ":"));
        context.session.print("");
        if (certificates.isEmpty()) {
            context.session.print("  No certificates found.");
        }
        SimpleDateFormat date = new SimpleDateFormat("yyyy/MM/dd HH:mm:ss");
        date.setTimeZone(TimeZone.getTimeZone("UTC"));
        for (DigitalCertificate certificate : certificates) {
            X509Certificate x = certificate.x509();
            context.session.print("  Label: " + certificate.label());
            context.session.print("  Status: " + certificate.trust());
            context.session.print("  Start Date: " + date.format(x.getNotBefore()));
            context.session.print("  End Date:   " + date.format(x.getNotAfter()));
            context.session.print("  Serial Number:");
            context.session.print("       >" + HexFormat.of().withUpperCase().formatHex(x.getSerialNumber().toByteArray()) + "<");
            context.session.print("  Issuer's Name:");
            context.session.print("       >" + dotted(x.getIssuerX500Principal().getName()) + "<");
            context.session.print("  Subject's Name:");
            context.session.print("       >" + dotted(x.getSubjectX500Principal().getName()) + "<");
            if (certificate.hasPrivateKey()) {
                context.session.print("  Private Key Type: Non-ICSF");
                context.session.print("  Private Key Size: " + Keys.bits(x.getPublicKey()));
            } else {
                context.session.print("  Private Key Type: None");
            }
            context.session.print("");
        }
    }

    /** RACF prints names with dots between the parts: CN=ABC CA.OU=CS Z/OS CA.O=IBM.C=US. */
    private static String dotted(String rfc2253) {
        return rfc2253.replaceAll(",(?=[A-Z]+=)", ".");
    }

    /** ADD('dsn') TRUST|NOTRUST|HIGHTRUST WITHLABEL('x') [PASSWORD('pw')]: a certificate, or PKCS #12 with its key. */
    static void add(RacdcertContext context) {
        context.authorize("ADD", context.owner);
        var dsn = context.datasetOperand("ADD");
        byte[] content = context.readDataset(dsn);
        String trust = context.operands.has("NOTRUST") ? "NOTRUST" : context.operands.has("HIGHTRUST") ? "HIGHTRUST" : "TRUST";
        X509Certificate certificate;
        PrivateKey key = null;
        if (context.operands.has("PASSWORD")) {
            char[] password = context.operands.value("PASSWORD").orElseThrow().toCharArray();
            byte[] binary;
            try {
                binary = content.length > 0 && content[0] == 0x30 ? content : java.util.Base64.getMimeDecoder()
                        .decode(new String(content, java.nio.charset.StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw new ZosException("OCSK006E", dsn + " is neither a binary PKCS #12 file nor Base64 text of one.");
            }
            Pkcs12.Entry entry = Pkcs12.read(binary, password, dsn.toString()).stream()
                    .filter(e -> e.key() != null && !e.chain().isEmpty())
                    .findFirst().orElseThrow(() -> new ZosException("IRRD125I", dsn + " holds no private key."));
            certificate = entry.chain().get(0);
            key = entry.key();
        } else {
            certificate = CertificateReader.read(content, dsn.toString()).get(0);
        }
        String label = RacdcertContext.label(context.operands.value("WITHLABEL")
                .orElse(certificate.getSubjectX500Principal().getName().replaceAll("^CN=([^,]*).*", "$1")));
        if (alreadyDefined(context, certificate, key)) {
            return; // the certificate was defined without its key: the package gave it its key
        }
        byte[] sealed = key == null ? null
                : context.registry.masterKey().seal(key.getEncoded(), RacdcertContext.sealContext(context.owner));
        try {
            if (!context.store().add(new DigitalCertificate(context.owner, label, certificate.getEncoded(), key != null, trust),
                    sealed, certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                    certificate.getSerialNumber().toString(16), context.registry.clock().instant())) {
                throw new ZosException("IRRD109I", "The label '" + org.opencs.core.Values.quoteForMessage(label) + "' is already in use for "
                        + DigitalCertificate.displayOwner(context.owner) + ".");
            }
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * RACF keeps one DIGTCERT profile per certificate, named by its serial number and issuer's distinguished name
     * (RACDCERT ADD, "Details about DIGTCERT profile names"): a certificate already defined, under any label and for any
     * owner, is not added again (IRRD109I naming the profile). The one exception is RACF's re-add of a certificate
     * package: a PKCS #12 package whose certificate is defined for the same owner without a private key gives that
     * certificate its key (same label, same trust); returns true then. Returns false when the certificate is new.
     */
    private static boolean alreadyDefined(RacdcertContext context, X509Certificate certificate, PrivateKey key) {
        var existing = context.store().findByIssuerAndSerial(certificate.getIssuerX500Principal().getName(),
                certificate.getSerialNumber().toString(16));
        if (existing.isEmpty()) {
            return false;
        }
        DigitalCertificate defined = existing.get();
        if (key != null && !defined.hasPrivateKey() && defined.owner().equals(context.owner)) {
            byte[] sealed = context.registry.masterKey().seal(key.getEncoded(), RacdcertContext.sealContext(defined.owner()));
            if (context.store().addPrivateKey(defined.owner(), defined.label(), sealed)) {
                return true;
            }
        }
        throw new ZosException("IRRD109I", "The certificate cannot be added. Profile " + profileName(certificate)
                + " is already defined.");
    }

    /**
     * A DIGTCERT profile's name: serial-number.issuer's-distinguished-name, the serial in hexadecimal, the name with
     * dots between its parts and blanks as the cent sign (RACF replaces characters a profile name cannot hold), at most
     * 246 characters.
     */
    static String profileName(X509Certificate certificate) {
        String name = HexFormat.of().withUpperCase().formatHex(certificate.getSerialNumber().toByteArray()) + "."
                + dotted(certificate.getIssuerX500Principal().getName()).replace(' ', '\u00a2');
        return name.length() <= 246 ? name : name.substring(0, 246);
    }

    /** ALTER(LABEL('x')) TRUST|NOTRUST|HIGHTRUST NEWLABEL('y'). */
    static void alter(RacdcertContext context) {
        String label = context.operands.nested("ALTER", LABEL_ONLY).flatMap(a -> a.value("LABEL"))
                .orElseThrow(() -> new ZosException("IKJ56700A", "ENTER ALTER LABEL -"));
        DigitalCertificate certificate = Racdcert.findForCommand(context, label);
        context.authorize("ALTER", certificate.owner());
        String trust = context.operands.has("NOTRUST") ? "NOTRUST" : context.operands.has("HIGHTRUST") ? "HIGHTRUST"
                : context.operands.has("TRUST") ? "TRUST" : certificate.trust();
        String newLabel = RacdcertContext.label(context.operands.value("NEWLABEL").orElse(label));
        if (!newLabel.equals(label) && context.store().find(certificate.owner(), newLabel).isPresent()) {
            throw new ZosException("IRRD109I", "The label '" + org.opencs.core.Values.quoteForMessage(newLabel) + "' is already in use.");
        }
        context.store().alter(certificate.owner(), label, newLabel, trust);
    }

    /** DELETE(LABEL('x')): the certificate, its key, and its ring connections. */
    static void delete(RacdcertContext context) {
        String label = context.operands.nested("DELETE", LABEL_ONLY).flatMap(d -> d.value("LABEL"))
                .orElseThrow(() -> new ZosException("IKJ56700A", "ENTER DELETE LABEL -"));
        DigitalCertificate certificate = Racdcert.findForCommand(context, label);
        context.authorize("DELETE", certificate.owner());
        context.store().delete(certificate.owner(), label);
    }

}
