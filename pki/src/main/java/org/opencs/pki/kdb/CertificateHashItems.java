package org.opencs.pki.kdb;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.TBSCertificate;

/**
 * The five SHA-1 index items GSKit writes after each certificate record (reference section 5.4): signature value,
 * tbsCertificate, subject, subjectPublicKeyInfo, and SEQUENCE {issuer, serialNumber}.
 */
final class CertificateHashItems {
    private CertificateHashItems() {
    }

    static List<byte[]> of(byte[] certificateDer) {
        try {
            Certificate certificate = Certificate.getInstance(certificateDer);
            TBSCertificate tbs = certificate.getTBSCertificate();
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return List.of(
                    sha1.digest(certificate.getSignature().getEncoded(ASN1Encoding.DER)),
                    sha1.digest(tbs.getEncoded(ASN1Encoding.DER)),
                    sha1.digest(tbs.getSubject().getEncoded(ASN1Encoding.DER)),
                    sha1.digest(tbs.getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER)),
                    sha1.digest(new DERSequence(new ASN1Encodable[] {tbs.getIssuer(), tbs.getSerialNumber()})
                            .getEncoded(ASN1Encoding.DER)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot index certificate", e);
        }
    }
}
