package org.opencs.pki.cert;

/**
 * What a certificate is for, which decides its basicConstraints, keyUsage and extendedKeyUsage. gskkyman's "end user
 * certificate" is {@link #END_ENTITY}: it serves as a TLS server certificate and as a personal (client) certificate.
 */
public enum CertificateProfile {
    CA,
    END_ENTITY,
    SERVER,
    CLIENT
}
