package org.opencs.pki.keydb;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * What a user sees of one key database entry. {@code certificate} is null for a request, {@code request} is null
 * otherwise. Private keys are not here: they are decrypted on demand through {@link KeyDatabase#privateKey(String)}.
 */
public record KeyDbEntry(String label, EntryType type, X509Certificate certificate, PKCS10CertificationRequest request,
                         PublicKey publicKey, boolean trusted, boolean isDefault) {

    public boolean hasPrivateKey() {
        return type != EntryType.CA;
    }

    public boolean isCaCertificate() {
        return certificate != null && certificate.getBasicConstraints() >= 0;
    }
}
