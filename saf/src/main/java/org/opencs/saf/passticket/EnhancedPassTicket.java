package org.opencs.saf.passticket;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opencs.core.Ebcdic;

/**
 * The enhanced PassTicket (HMAC-SHA-512): a six-round Feistel network over the 48-bit time, keyed by HMACs of user and
 * application, printed as 8 characters in base 36 (TYPE(UPPER)) or base 64 (TYPE(MIXED), the default).
 */
public final class EnhancedPassTicket {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

    public enum Type { UPPER, MIXED }

    private EnhancedPassTicket() {
    }

    public static String generate(byte[] key, String user, String application, long epochSeconds, Type type) {
        if (key.length < 32 || key.length > 256) {
            throw new IllegalArgumentException("an enhanced PassTicket key is 256 to 2048 bits");
        }
        byte[] ua = new byte[16];
        System.arraycopy(Ebcdic.name8(user), 0, ua, 0, 8);
        System.arraycopy(Ebcdic.name8(application), 0, ua, 8, 8);
        Mac mac = hmac(key);
        byte[] h = mac.doFinal(ua);
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) ((epochSeconds >>> (8 * (5 - i))) ^ h[i]);
        }
        byte[] left = {b[0], b[1], b[2]};
        byte[] right = {b[3], b[4], b[5]};
        for (int round = 1; round <= 6; round++) {
            mac.update(right);
            mac.update((byte) round);
            byte[] f = mac.doFinal(ua);
            byte[] x = {(byte) (left[0] ^ f[0]), (byte) (left[1] ^ f[1]), (byte) (left[2] ^ f[2])};
            if (type == Type.UPPER && round % 2 == 1) {
                x[0] &= 0x01;
            }
            left = right;
            right = x;
        }
        long v = 0;
        for (byte value : new byte[] {left[0], left[1], left[2], right[0], right[1], right[2]}) {
            v = (v << 8) | (value & 0xFF);
        }
        int base = type == Type.UPPER ? 36 : 64;
        char[] out = new char[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (v % base));
            v /= base;
        }
        return new String(out);
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-512 is not available", e);
        }
    }
}
