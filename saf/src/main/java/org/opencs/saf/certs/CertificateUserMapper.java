package org.opencs.saf.certs;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.opencs.saf.Registry;

/**
 * Which user a client certificate stands for, as RACF decides it (initACEE): a certificate registered under a user
 * (and not NOTRUST) maps to that user; otherwise the most specific trusted MAP filter does (a subject filter counts
 * before an issuer filter, more name components before fewer); otherwise no user. FTP VERIFY_USER and TN3270 SAFCERT
 * ask this.
 */
public final class CertificateUserMapper {
    /** The answer: the user, and how it was found (for messages and the CHECKCERT listing). */
    public record Mapping(String userid, String how) {
    }

    private final Registry registry;

    public CertificateUserMapper(Registry registry) {
        this.registry = registry;
    }

    public Optional<Mapping> userFor(X509Certificate certificate) {
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            return Optional.empty();
        }
        for (DigitalCertificate registered : registry.certificates().findBySubject(
                certificate.getSubjectX500Principal().getName())) {
            if (Arrays.equals(registered.der(), der) && !registered.owner().equals(DigitalCertificate.CERTAUTH)
                    && !registered.owner().equals(DigitalCertificate.SITE)) {
                return registered.trusted()
                        ? Optional.of(new Mapping(registered.owner(), "certificate '" + registered.label() + "' of "
                        + registered.owner()))
                        : Optional.empty();
            }
        }
        return registry.certificateMaps().list(null).stream()
                .filter(CertificateMap::trusted)
                .filter(map -> (map.subjectFilter() == null || map.subjectFilter().matches(certificate.getSubjectX500Principal()))
                        && (map.issuerFilter() == null || map.issuerFilter().matches(certificate.getIssuerX500Principal())))
                .max(Comparator.comparingInt((CertificateMap m) -> m.subjectFilter() == null ? 0 : 1)
                        .thenComparingInt(m -> m.subjectFilter() == null ? 0 : m.subjectFilter().components().size())
                        .thenComparingInt(m -> m.issuerFilter() == null ? 0 : m.issuerFilter().components().size()))
                .map(map -> new Mapping(map.userid(), "name filter '" + map.label() + "' of " + map.userid()));
    }
}
