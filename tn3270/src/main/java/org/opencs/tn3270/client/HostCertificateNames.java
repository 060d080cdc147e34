package org.opencs.tn3270.client;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.SSLSocket;

/** The names a host's certificate carries, for checking it against the name the user accepts (--accepthostname). */
final class HostCertificateNames {
    private HostCertificateNames() {
    }

    /** The DNS names and the common name the host's certificate carries, lower case. */
    static Set<String> of(SSLSocket socket) throws IOException {
        var certificate = (java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0];
        Set<String> names = new TreeSet<>();
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (var san : certificate.getSubjectAlternativeNames()) {
                    if ((Integer) san.get(0) == 2) {
                        names.add(san.get(1).toString().toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
        } catch (java.security.cert.CertificateParsingException e) {
            throw new IOException("the host's certificate has unreadable alternative names", e);
        }
        try {
            for (var rdn : new javax.naming.ldap.LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    names.add(rdn.getValue().toString().toLowerCase(java.util.Locale.ROOT));
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            throw new IOException("the host's certificate has an unreadable subject", e);
        }
        return names;
    }
}
