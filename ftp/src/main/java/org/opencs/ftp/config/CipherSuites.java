package org.opencs.ftp.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * FTP.DATA CIPHERSUITE names (z/OS's SSL_... names, or IANA TLS_... names) and what OpenCS does with them. Every suite
 * z/OS's FTP.DATA can name is obsolete (NULL, RC4, RC2, DES, 3DES, or RSA key exchange without forward secrecy): they
 * are refused unless the insecure switch is set, and the refusal is logged. Modern IANA names pass through.
 */
public final class CipherSuites {
    /** z/OS name to IANA name (shared/reference/zos-ftp.md, section 4.3). */
    private static final Map<String, String> ZOS_NAMES = Map.ofEntries(
            Map.entry("SSL_NULL_MD5", "TLS_RSA_WITH_NULL_MD5"),
            Map.entry("SSL_NULL_SHA", "TLS_RSA_WITH_NULL_SHA"),
            Map.entry("SSL_RC4_MD5_EX", "TLS_RSA_EXPORT_WITH_RC4_40_MD5"),
            Map.entry("SSL_RC4_MD5", "TLS_RSA_WITH_RC4_128_MD5"),
            Map.entry("SSL_RC4_SHA", "TLS_RSA_WITH_RC4_128_SHA"),
            Map.entry("SSL_RC2_MD5_EX", "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5"),
            Map.entry("SSL_DES_SHA", "TLS_RSA_WITH_DES_CBC_SHA"),
            Map.entry("SSL_3DES_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry("SSL_AES_128_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry("SSL_AES_256_SHA", "TLS_RSA_WITH_AES_256_CBC_SHA"));

    private CipherSuites() {
    }

    /** The IANA name for a z/OS or IANA name; empty when the name is unknown. */
    public static Optional<String> ianaName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (ZOS_NAMES.containsKey(upper)) {
            return Optional.of(ZOS_NAMES.get(upper));
        }
        return upper.startsWith("TLS_") ? Optional.of(upper) : Optional.empty();
    }

    /** NULL, export, RC4, RC2, DES and 3DES suites, and static-RSA key exchange: not enabled by default. */
    public static boolean obsolete(String ianaName) {
        return ianaName.contains("_NULL_") || ianaName.contains("EXPORT") || ianaName.contains("RC4")
                || ianaName.contains("RC2") || ianaName.contains("_DES_") || ianaName.contains("3DES")
                || ianaName.startsWith("TLS_RSA_WITH_");
    }
}
