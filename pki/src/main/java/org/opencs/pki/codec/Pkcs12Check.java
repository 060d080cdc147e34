package org.opencs.pki.codec;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.opencs.core.Values;
import org.opencs.pki.KeyDbException;

/**
 * What is wrong with a PKCS #12 file, told before the key stores try to read it (RFC 7292): not DER at all, a DER
 * structure cut short (a truncated copy or upload), a structure that is not a PFX, a MAC algorithm no provider knows,
 * or an integrity MAC that does not match the password. With a MAC, a wrong password and an altered file look the same
 * (the MAC is keyed by the password), so the message says the password is wrong and names the other cause.
 */
final class Pkcs12Check {
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private Pkcs12Check() {
    }

    /** Throws a KeyDbException describing the problem; returns when the structure and MAC are sound. */
    static void check(byte[] data, char[] password, String source) {
        String file = Values.quoteForMessage(source);
        if (data.length == 0) {
            throw KeyDbException.badInput(file + " is not a PKCS #12 file: it is empty.");
        }
        if ((data[0] & 0xFF) != 0x30) {
            throw KeyDbException.badInput(file + " is not a PKCS #12 file: it does not start with a DER SEQUENCE.");
        }
        long declared = declaredLength(data);
        if (declared > data.length) {
            throw KeyDbException.badInput(file + " is a truncated PKCS #12 file: it has " + data.length + " of its "
                    + declared + " bytes.");
        }
        PKCS12PfxPdu pfx;
        try (ASN1InputStream in = new ASN1InputStream(data)) {
            ASN1Primitive primitive = in.readObject();
            pfx = new PKCS12PfxPdu(org.bouncycastle.asn1.pkcs.Pfx.getInstance(primitive));
            pfx.getContentInfos();
        } catch (IOException | RuntimeException e) {
            throw KeyDbException.badInput(file + " is not a PKCS #12 file or is damaged: its structure does not parse.");
        }
        if (pfx.hasMac()) {
            boolean valid;
            try {
                valid = pfx.isMacValid(new JcePKCS12MacCalculatorBuilderProvider().setProvider(PROVIDER), password);
            } catch (PKCSException | RuntimeException e) {
                throw KeyDbException.badInput(file + " uses a PKCS #12 integrity (MAC) algorithm that is not supported: "
                        + pfx.getMacAlgorithmID().getAlgorithm().getId() + ".");
            }
            if (!valid) {
                throw wrongPassword(source);
            }
        }
    }

    static KeyDbException wrongPassword(String source) {
        return new KeyDbException("OCSK008E", "The PKCS #12 password for " + Values.quoteForMessage(source)
                + " is wrong (or the file was altered: its integrity MAC does not match).");
    }

    /** The length the outer DER header announces, header included; -1 when the header itself is cut or indefinite. */
    private static long declaredLength(byte[] data) {
        if (data.length < 2) {
            return Long.MAX_VALUE;
        }
        int first = data[1] & 0xFF;
        if (first < 0x80) {
            return 2L + first;
        }
        int count = first & 0x7F;
        if (count == 0) {
            return -1; // indefinite length (BER): the parser decides
        }
        if (count > 4 || data.length < 2 + count) {
            return count > 4 ? -1 : Long.MAX_VALUE;
        }
        long length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (data[2 + i] & 0xFF);
        }
        return 2L + count + length;
    }
}
