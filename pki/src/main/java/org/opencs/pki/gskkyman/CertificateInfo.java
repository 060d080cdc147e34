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
    private CertificateInfo() {
    }

    static void show(Terminal term, X509Certificate certificate, KeyDbEntry entry) {
        SimpleDateFormat date = new SimpleDateFormat("yyyy/MM/dd HH:mm:ss");
        date.setTimeZone(TimeZone.getTimeZone("UTC"));
        term.println();
        term.println("Certificate Information");
        term.println();
        if (entry != null) {
            term.println("            Label: " + entry.label());
            term.println("          Trusted: " + (entry.trusted() ? "Yes" : "No"));
        }
        term.println("          Version: " + certificate.getVersion());
        term.println("    Serial number: " + HexFormat.of().formatHex(certificate.getSerialNumber().toByteArray()));
        term.println("    Issuer's name: " + certificate.getIssuerX500Principal().getName());
        term.println("   Subject's name: " + certificate.getSubjectX500Principal().getName());
        term.println("   Effective date: " + date.format(certificate.getNotBefore()) + " UTC");
        term.println("  Expiration date: " + date.format(certificate.getNotAfter()) + " UTC");
        term.println("Signature algorithm: " + certificate.getSigAlgName());
        term.println("Public key algorithm: " + certificate.getPublicKey().getAlgorithm());
        term.println("  Public key size: " + Keys.bits(certificate.getPublicKey()));
        term.println("  CA certificate: " + (certificate.getBasicConstraints() >= 0 ? "Yes" : "No"));
        term.println("SHA-256 fingerprint: " + fingerprint(certificate));
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
