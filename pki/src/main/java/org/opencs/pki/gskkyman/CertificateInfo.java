package org.opencs.pki.gskkyman;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.text.SimpleDateFormat;
import java.util.HexFormat;
import java.util.TimeZone;
import org.opencs.pki.cert.Keys;
import org.opencs.pki.keydb.KeyDbEntry;

/** gskkyman's "Certificate Information" screen (also used by option 7 and -dc). */
final class CertificateInfo {
    /** The width of the longest label, "Public key algorithm". */
    static final int LABEL_WIDTH = 20;

    private CertificateInfo() {
    }

    static void show(Terminal term, X509Certificate certificate, KeyDbEntry entry) {
        SimpleDateFormat date = new SimpleDateFormat("yyyy/MM/dd HH:mm:ss");
        date.setTimeZone(TimeZone.getTimeZone("UTC"));
        term.println();
        term.println("Certificate Information");
        term.println();
        if (entry != null) {
            field(term, "Label", entry.label());
            field(term, "Trusted", entry.trusted() ? "Yes" : "No");
        }
        field(term, "Version", String.valueOf(certificate.getVersion()));
        field(term, "Serial number", HexFormat.of().formatHex(certificate.getSerialNumber().toByteArray()));
        field(term, "Issuer's name", certificate.getIssuerX500Principal().getName());
        field(term, "Subject's name", certificate.getSubjectX500Principal().getName());
        field(term, "Effective date", date.format(certificate.getNotBefore()) + " UTC");
        field(term, "Expiration date", date.format(certificate.getNotAfter()) + " UTC");
        field(term, "Signature algorithm", certificate.getSigAlgName());
        field(term, "Public key algorithm", certificate.getPublicKey().getAlgorithm());
        field(term, "Public key size", String.valueOf(Keys.bits(certificate.getPublicKey())));
        field(term, "CA certificate", certificate.getBasicConstraints() >= 0 ? "Yes" : "No");
        field(term, "SHA-256 fingerprint", fingerprint(certificate));
    }

    /**
     * One line of the screen. IBM's gskkyman right-aligns every label so that the colons form one column; the
     * longest label here, "Public key algorithm", sets its width (docs/gskkyman.md).
     */
    private static void field(Terminal term, String label, String value) {
        term.println(String.format("%" + LABEL_WIDTH + "s: %s", label, value));
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
