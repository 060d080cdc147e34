package org.opencs.pki.cert;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opencs.pki.KeyDbException;

/**
 * Issues X.509 v3 certificates: self-signed, or signed by a CA certificate and its key. Serials are 127-bit random
 * numbers; signatures use SHA-256 or stronger; extensions follow the certificate's {@link CertificateProfile}.
 */
public final class CertificateIssuer {
    private final SecureRandom random;

    public CertificateIssuer(SecureRandom random) {
        this.random = random;
    }

    /** The signing side of a certificate: a CA certificate and its private key. */
    public record Issuer(X509Certificate certificate, PrivateKey key) {
    }

    public X509Certificate selfSigned(java.security.KeyPair keyPair, CertificateSpec spec) {
        return build(keyPair.getPublic(), spec, spec.subject(), keyPair.getPublic(), keyPair.getPrivate());
    }

    public X509Certificate signed(PublicKey subjectKey, CertificateSpec spec, Issuer issuer) {
        X509Certificate ca = issuer.certificate();
        if (ca.getBasicConstraints() < 0) {
            throw KeyDbException.badInput("The signing certificate '" + ca.getSubjectX500Principal().getName()
                    + "' is not a CA certificate.");
        }
        X500Name issuerName = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
        return build(subjectKey, spec, issuerName, ca.getPublicKey(), issuer.key());
    }

    private X509Certificate build(PublicKey subjectKey, CertificateSpec spec, X500Name issuerName,
                                  PublicKey issuerPublicKey, PrivateKey signingKey) {
        try {
            BigInteger serial = new BigInteger(127, random).setBit(126);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName, serial,
                    Date.from(spec.notBefore()), Date.from(spec.notAfter()), spec.subject(), subjectKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuerPublicKey));
            addPurpose(builder, spec.profile(), subjectKey, spec.keyUsage());
            if (!spec.alternativeNames().isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(spec.alternativeNames().toArray(new GeneralName[0])));
            }
            ContentSigner signer = new JcaContentSignerBuilder(KeyType.signatureAlgorithmFor(issuerPublicKey))
                    .setSecureRandom(random).build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new KeyDbException("OCSK010E", "The certificate cannot be created: " + e.getMessage(), e);
        }
    }

    private static void addPurpose(X509v3CertificateBuilder builder, CertificateProfile profile, PublicKey key,
                                   Integer explicitUsage) throws CertIOException {
        if (profile == CertificateProfile.CA) {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(explicitUsage != null ? explicitUsage
                    : KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            return;
        }
        builder.addExtension(Extension.basicConstraints, false, new BasicConstraints(false));
        int usage = KeyUsage.digitalSignature;
        if (key.getAlgorithm().equals("RSA")) {
            usage |= KeyUsage.keyEncipherment;
        } else if (key.getAlgorithm().equals("EC")) {
            usage |= KeyUsage.keyAgreement;
        }
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(explicitUsage != null ? explicitUsage : usage));
        List<KeyPurposeId> purposes = new ArrayList<>();
        if (profile != CertificateProfile.CLIENT) {
            purposes.add(KeyPurposeId.id_kp_serverAuth);
        }
        if (profile != CertificateProfile.SERVER) {
            purposes.add(KeyPurposeId.id_kp_clientAuth);
        }
        builder.addExtension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(purposes.toArray(new KeyPurposeId[0])));
    }
}
