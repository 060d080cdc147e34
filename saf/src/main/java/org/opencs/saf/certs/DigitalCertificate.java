package org.opencs.saf.certs;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * A certificate in the registry: its owner (CERTAUTH, SITE or a user ID), label, DER, whether a private key goes with
 * it (the key itself stays sealed in the store), and its trust status (TRUST, NOTRUST, HIGHTRUST).
 */
public record DigitalCertificate(String owner, String label, byte[] der, boolean hasPrivateKey, String trust) {
    public static final String CERTAUTH = "CERTAUTH";
    public static final String SITE = "SITE";

    public X509Certificate x509() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored certificate does not parse", e);
        }
    }

    public boolean trusted() {
        return !trust.equals("NOTRUST");
    }

    /** How LISTRING names the owner: CERTAUTH, SITE, or ID(user). */
    public String ownerDisplay() {
        return displayOwner(owner);
    }

    public static String displayOwner(String owner) {
        return owner.equals(CERTAUTH) || owner.equals(SITE) ? owner : "ID(" + owner + ")";
    }
}
