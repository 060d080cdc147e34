package org.opencs.saf.certs;

/** RACDCERT MAP: a name filter (subject and/or issuer) that maps certificates to a user. */
public record CertificateMap(String userid, String label, NameFilter subjectFilter, NameFilter issuerFilter,
                             boolean trusted) {
}
