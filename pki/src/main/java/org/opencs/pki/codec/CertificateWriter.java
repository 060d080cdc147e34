package org.opencs.pki.codec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.opencs.pki.cert.Pem;

/** Encodes a certificate (or its chain, for PKCS #7) in one of the certificate-only export formats. */
public final class CertificateWriter {
    private CertificateWriter() {
    }

    /** {@code chain} starts with the certificate being exported; DER formats use only that first certificate. */
    public static byte[] encode(ExportFormat format, List<X509Certificate> chain) {
        try {
            return switch (format) {
                case BINARY_DER -> chain.get(0).getEncoded();
                case BASE64_DER -> Pem.encode("CERTIFICATE", chain.get(0).getEncoded()).getBytes(StandardCharsets.US_ASCII);
                case BINARY_PKCS7 -> pkcs7(chain);
                case BASE64_PKCS7 -> Pem.encode("PKCS7", pkcs7(chain)).getBytes(StandardCharsets.US_ASCII);
                default -> throw new IllegalArgumentException(format.menuText() + " needs the private key: use PKCS12");
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("certificate does not encode", e);
        }
    }

    /** A degenerate PKCS #7 SignedData holding the chain, as gskkyman writes for its PKCS #7 formats. */
    private static byte[] pkcs7(List<X509Certificate> chain) throws GeneralSecurityException {
        return CertificateFactory.getInstance("X.509").generateCertPath(chain).getEncoded("PKCS7");
    }
}
