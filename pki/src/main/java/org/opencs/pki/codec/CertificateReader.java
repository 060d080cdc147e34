package org.opencs.pki.codec;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.opencs.pki.KeyDbException;
import org.opencs.pki.cert.Pem;

/**
 * Reads certificates in every form gskkyman imports: binary DER, Base64 DER with or without PEM armour, and binary or
 * Base64 PKCS#7 (a chain). The JDK's X.509 factory does the ASN.1 work.
 */
public final class CertificateReader {
    private CertificateReader() {
    }

    public static List<X509Certificate> read(byte[] data, String source) {
        if (data.length == 0) {
            throw KeyDbException.badInput(source + " is empty.");
        }
        byte[] input = data;
        if (!Pem.isPem(data) && looksLikeBareBase64(data)) {
            input = Pem.decodeBase64(new String(data, StandardCharsets.US_ASCII), source);
        }
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(input));
            List<X509Certificate> result = new ArrayList<>();
            for (Certificate certificate : certificates) {
                result.add((X509Certificate) certificate);
            }
            if (result.isEmpty()) {
                throw KeyDbException.badInput(source + " does not contain a certificate.");
            }
            return result;
        } catch (CertificateException | RuntimeException e) {
            if (e instanceof KeyDbException k) {
                throw k;
            }
            throw KeyDbException.badInput(source + " does not contain a valid certificate (DER, Base64 or PKCS #7): "
                    + reason(e));
        }
    }

    private static String reason(Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static boolean looksLikeBareBase64(byte[] data) {
        for (byte b : data) {
            boolean ok = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                    || b == '+' || b == '/' || b == '=' || b == '\r' || b == '\n' || b == ' ' || b == '\t';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
