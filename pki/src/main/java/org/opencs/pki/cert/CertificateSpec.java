package org.opencs.pki.cert;

import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.opencs.pki.KeyDbException;

/** What to put in a new certificate: subject, purpose, validity (from {@code notBefore}, in days) and alternative names. */
public record CertificateSpec(X500Name subject, CertificateProfile profile, Instant notBefore, int validityDays,
                              List<GeneralName> alternativeNames) {
    public static final int MAX_VALIDITY_DAYS = 9999;

    public CertificateSpec {
        if (validityDays < 1 || validityDays > MAX_VALIDITY_DAYS) {
            throw KeyDbException.badInput("The number of days a certificate is valid must be between 1 and "
                    + MAX_VALIDITY_DAYS + ", " + validityDays + " is not.");
        }
        alternativeNames = List.copyOf(alternativeNames);
    }

    public Instant notAfter() {
        return notBefore.plusSeconds(validityDays * 86400L);
    }
}
