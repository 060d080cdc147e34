package org.opencs.saf.passticket;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.opencs.core.Ebcdic;

/**
 * The RACF PassTicket generator algorithm (DES), as {@code shared/reference/passticket.md} gives it from IBM's
 * "RACF Macros and Interfaces": two DES encryptions of user and application, a time-dependent six-round
 * permutation network, and a translation of 32 bits into 8 characters of A-Z0-9.
 */
public final class LegacyPassTicket {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int[][] PERMUTATIONS = {
        {10, 2, 12, 4, 14, 6, 16, 8, 9, 1, 11, 3, 13, 5, 15, 7},
        {1, 10, 3, 12, 13, 16, 7, 15, 9, 2, 11, 4, 5, 14, 8, 6},
        {3, 10, 1, 12, 13, 16, 9, 15, 7, 2, 14, 4, 5, 11, 8, 6},
        {10, 4, 12, 2, 14, 8, 16, 6, 9, 1, 13, 3, 11, 5, 15, 7},
        {4, 10, 12, 1, 8, 16, 14, 5, 9, 2, 13, 3, 11, 7, 15, 6},
        {1, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2}};

    private LegacyPassTicket() {
    }

    /** The ticket for {@code user} and {@code application} at {@code epochSeconds} with the 8-byte key. */
    public static String generate(byte[] key, String user, String application, long epochSeconds) {
        Cipher des = des(key);
        byte[] u = Ebcdic.name8(user);
        byte[] a = Ebcdic.name8(application);
        byte[] r1 = encrypt(des, u);
        byte[] r2 = encrypt(des, xor(r1, a));
        int r4 = (int) ((toInt(r2) ^ epochSeconds) & 0xFFFFFFFFL);
        byte[] pad = pad(user);
        int left = (r4 >>> 16) & 0xFFFF;
        int right = r4 & 0xFFFF;
        for (int round = 1; round <= 6; round++) {
            byte[] block = new byte[8];
            block[0] = (byte) (right >>> 8);
            block[1] = (byte) right;
            System.arraycopy(pad, round % 2 == 1 ? 0 : 6, block, 2, 6);
            byte[] c = encrypt(des, block);
            int e = (((c[0] & 0xFF) << 8) | (c[1] & 0xFF)) ^ left;
            left = right;
            right = permute(e, round);
        }
        return translate((left << 16) | right);
    }

    /** EBCDIC of the unpadded user ID followed by 0x55 bytes: the 12 bytes of PAD1 and PAD2. */
    static byte[] pad(String user) {
        byte[] encoded = Ebcdic.encode(user.toUpperCase(Locale.ROOT));
        byte[] pad = new byte[12];
        Arrays.fill(pad, (byte) 0x55);
        System.arraycopy(encoded, 0, pad, 0, Math.min(encoded.length, 12));
        return pad;
    }

    /** P_r: output bit i (1 = most significant of 16) is input bit T_r[i]. */
    static int permute(int value, int round) {
        int[] table = PERMUTATIONS[round - 1];
        int out = 0;
        for (int i = 0; i < 16; i++) {
            int bit = (value >>> (16 - table[i])) & 1;
            out |= bit << (15 - i);
        }
        return out;
    }

    /** 32 bits to 8 characters: character 1 takes bits 31, 32, 1-4; character k takes bits 4k-5 .. 4k. */
    static String translate(int r5) {
        StringBuilder ticket = new StringBuilder(8);
        for (int k = 1; k <= 8; k++) {
            int group = 0;
            for (int j = 0; j < 6; j++) {
                int bitNumber = k == 1 ? new int[] {31, 32, 1, 2, 3, 4}[j] : 4 * k - 5 + j;
                group = (group << 1) | ((r5 >>> (32 - bitNumber)) & 1);
            }
            ticket.append(ALPHABET.charAt(group % 36));
        }
        return ticket.toString();
    }

    private static Cipher des(byte[] key) {
        if (key.length != 8) {
            throw new IllegalArgumentException("a PassTicket key is 8 bytes (16 hex digits)");
        }
        try {
            Cipher cipher = Cipher.getInstance("DES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES is not available in this JVM", e);
        }
    }

    private static byte[] encrypt(Cipher des, byte[] block) {
        try {
            return des.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }

    private static long toInt(byte[] b) {
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }
}
