package org.opencs.saf.certs;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.opencs.core.ZosException;
import org.opencs.saf.Registry;

/** What RACDCERT and SAF key rings both need from stored certificates: unsealed keys and issuer chains. */
public final class RegistryCertificates {
    private RegistryCertificates() {
    }

    /** The master-key context private keys are sealed under: one per owner, so NEWLABEL keeps keys readable. */
    public static String sealContext(String owner) {
        return "DIGTCERT:" + owner;
    }

    public static PrivateKey privateKey(Registry registry, DigitalCertificate certificate) {
        byte[] sealed = registry.certificates().sealedKey(certificate.owner(), certificate.label()).orElseThrow(() ->
                new ZosException("IRRD175I", "The certificate '" + certificate.label() + "' has no private key."));
        byte[] pkcs8 = registry.masterKey().unseal(sealed, sealContext(certificate.owner()));
        try {
            return KeyFactory.getInstance(certificate.x509().getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new ZosException("IRRD175I", "The private key of '" + certificate.label() + "' cannot be used.");
        }
    }

    /** The certificate and the CERTAUTH certificates above it (subject/issuer matching), leaf first. */
    public static List<X509Certificate> chain(Registry registry, X509Certificate leaf) {
        List<X509Certificate> authorities = registry.certificates().list(DigitalCertificate.CERTAUTH).stream()
                .map(DigitalCertificate::x509).toList();
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (!current.getIssuerX500Principal().equals(current.getSubjectX500Principal()) && chain.size() < 10) {
            X509Certificate issuer = null;
            for (X509Certificate ca : authorities) {
                if (ca.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    issuer = ca;
                    break;
                }
            }
            if (issuer == null) {
                break;
            }
            chain.add(issuer);
            current = issuer;
        }
        return chain;
    }
}
