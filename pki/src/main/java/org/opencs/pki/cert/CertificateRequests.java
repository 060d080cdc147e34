package org.opencs.pki.cert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.opencs.pki.KeyDbException;

/** PKCS#10 certificate requests: creating them for a new key pair and reading them back (DER or PEM). */
public final class CertificateRequests {
    private CertificateRequests() {
    }

    public static PKCS10CertificationRequest create(KeyPair keyPair, X500Name subject, List<GeneralName> altNames) {
        try {
            JcaPKCS10CertificationRequestBuilder builder =
                    new JcaPKCS10CertificationRequestBuilder(subject, keyPair.getPublic());
            if (!altNames.isEmpty()) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(altNames.toArray(new GeneralName[0])));
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            return builder.build(new JcaContentSignerBuilder(KeyType.signatureAlgorithmFor(keyPair.getPublic()))
                    .build(keyPair.getPrivate()));
        } catch (OperatorCreationException | IOException e) {
            throw new KeyDbException("OCSK011E", "The certificate request cannot be created: " + e.getMessage(), e);
        }
    }

    /** Reads a request in DER or PEM ("CERTIFICATE REQUEST" or "NEW CERTIFICATE REQUEST") and checks its signature. */
    public static PKCS10CertificationRequest read(byte[] data, String source) {
        try {
            byte[] der = Pem.isPem(data) ? Pem.decodeFirst(new String(data, StandardCharsets.US_ASCII), source) : data;
            PKCS10CertificationRequest request = new PKCS10CertificationRequest(der);
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(request.getSubjectPublicKeyInfo()))) {
                throw KeyDbException.badInput("The certificate request in " + source + " has a bad signature.");
            }
            return request;
        } catch (IOException | OperatorCreationException | PKCSException | RuntimeException e) {
            if (e instanceof KeyDbException k) {
                throw k;
            }
            throw KeyDbException.badInput(source + " does not hold a valid PKCS#10 certificate request.");
        }
    }

    public static String toPem(PKCS10CertificationRequest request) {
        try {
            return Pem.encode("NEW CERTIFICATE REQUEST", request.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
