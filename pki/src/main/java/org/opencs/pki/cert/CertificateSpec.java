package org.opencs.pki.cert;

import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.opencs.pki.KeyDbException;

/**
 * What to put in a new certificate: subject, purpose, validity period, alternative names, and optionally explicit
 * keyUsage bits (BC's KeyUsage constants, as RACDCERT KEYUSAGE gives them) instead of the profile's.
 */
public record CertificateSpec(X500Name subject, CertificateProfile profile, Instant notBefore, Instant notAfter,
                              List<GeneralName> alternativeNames, Integer keyUsage) {
    public static final int MAX_VALIDITY_DAYS = 9999;

    public CertificateSpec {
        if (!notAfter.isAfter(notBefore)) {
            throw KeyDbException.badInput("The certificate would expire (" + notAfter + ") before it starts ("
                    + notBefore + ").");
        }
        alternativeNames = List.copyOf(alternativeNames);
    }

    public CertificateSpec(X500Name subject, CertificateProfile profile, Instant notBefore, Instant notAfter,
                           List<GeneralName> alternativeNames) {
        this(subject, profile, notBefore, notAfter, alternativeNames, null);
    }

    /** Valid from {@code notBefore} for {@code validityDays} days (1 to 9999, as gskkyman allows). */
    public CertificateSpec(X500Name subject, CertificateProfile profile, Instant notBefore, int validityDays,
                           List<GeneralName> alternativeNames) {
        this(subject, profile, notBefore, checkedEnd(notBefore, validityDays), alternativeNames, null);
    }

    public CertificateSpec withKeyUsage(int bits) {
        return new CertificateSpec(subject, profile, notBefore, notAfter, alternativeNames, bits);
    }

    private static Instant checkedEnd(Instant notBefore, int validityDays) {
        if (validityDays < 1 || validityDays > MAX_VALIDITY_DAYS) {
            throw KeyDbException.badInput("The number of days a certificate is valid must be between 1 and "
                    + MAX_VALIDITY_DAYS + ", " + validityDays + " is not.");
        }
        return notBefore.plusSeconds(validityDays * 86400L);
    }
}
