package org.opencs.pki.kdb;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opencs.pki.KeyDbException;

/**
 * GSKit password stash files (.sth), reference section 10. The v1 format (129 bytes) is the password, a NUL and
 * non-zero padding, XORed with 0xF5; the v8 format (193 bytes) adds a random prefix, a check value and an HMAC-SHA-256
 * keystream. Both are obfuscation, not encryption: the file is written with mode 0600.
 */
public final class StashFile {
    public static final int V1_LENGTH = 129;
    public static final int V8_LENGTH = 193;
    private static final int INNER = 129;
    private static final int MAX_PASSWORD = 128;
    private static final byte XOR = (byte) 0xF5;
    private static final byte[] FIBONACCI = {1, 1, 2, 3, 5, 8};
    private static final byte[] HMAC_MESSAGE = ("13EC6D5C885056915AB35FAD2BDDF39F" + "40D7C57B8B4D28F66B61B75F391446FD"
            + "A96751174DBD9713D02E0B38732E7635" + "01DBBB85EC60E437929ED2AA8981B36B").getBytes(StandardCharsets.US_ASCII);

    public enum Format { V1, V8 }

    private StashFile() {
    }

    public static char[] decode(byte[] data, String fileName) {
        byte[] obfuscated;
        if (data.length == V1_LENGTH) {
            obfuscated = data;
        } else if (data.length == V8_LENGTH) {
            byte[] a = Arrays.copyOfRange(data, 0, 32);
            byte[] b = Arrays.copyOfRange(data, 32, 64);
            if (!MessageDigest.isEqual(b, sha256(new byte[] {1}, a))) {
                throw KeyDbException.corrupt(fileName, "it is not a valid stash file (check value mismatch)");
            }
            byte[] keystream = keystream(a, b);
            obfuscated = new byte[INNER];
            for (int i = 0; i < INNER; i++) {
                obfuscated[i] = (byte) (data[64 + i] ^ keystream[i]);
            }
        } else {
            throw KeyDbException.corrupt(fileName, "a stash file is 129 or 193 bytes long, this one is " + data.length);
        }
        byte[] plain = new byte[INNER];
        int end = -1;
        for (int i = 0; i < INNER; i++) {
            plain[i] = (byte) (obfuscated[i] ^ XOR);
            if (plain[i] == 0 && end < 0) {
                end = i;
            }
        }
        if (end < 0) {
            end = MAX_PASSWORD;
        }
        char[] password = new String(plain, 0, end, StandardCharsets.UTF_8).toCharArray();
        Arrays.fill(plain, (byte) 0);
        return password;
    }

    public static byte[] encode(char[] password, Format format, SecureRandom random) {
        byte[] pw = new String(password).getBytes(StandardCharsets.UTF_8);
        if (pw.length > MAX_PASSWORD) {
            throw KeyDbException.badInput("A stashed password must be at most " + MAX_PASSWORD + " bytes in UTF-8.");
        }
        int length = pw.length;
        byte[] obfuscated = new byte[INNER];
        for (int i = 0; i < INNER; i++) {
            byte plain;
            if (i < length) {
                plain = pw[i];
            } else if (i == length) {
                plain = 0;
            } else {
                plain = (byte) (1 + random.nextInt(255));
            }
            obfuscated[i] = (byte) (plain ^ XOR);
        }
        Arrays.fill(pw, (byte) 0);
        if (format == Format.V1) {
            return obfuscated;
        }
        byte[] a = new byte[32];
        random.nextBytes(a);
        byte[] b = sha256(new byte[] {1}, a);
        byte[] keystream = keystream(a, b);
        byte[] out = new byte[V8_LENGTH];
        System.arraycopy(a, 0, out, 0, 32);
        System.arraycopy(b, 0, out, 32, 32);
        for (int i = 0; i < INNER; i++) {
            out[64 + i] = (byte) (obfuscated[i] ^ keystream[i]);
        }
        return out;
    }

    private static byte[] keystream(byte[] a, byte[] b) {
        byte[] s = sha256(a, b);
        while (s[8] != 0x03) {
            s = sha256(s);
        }
        for (int i = 0; i < 64; i++) {
            s = sha256(s);
        }
        byte[] seed = hmac(s, HMAC_MESSAGE);
        byte[] state = hmac(seed, FIBONACCI);
        byte[] produced = new byte[0];
        while (produced.length < INNER) {
            byte[] block = hmac(seed, state);
            byte[] next = Arrays.copyOf(produced, produced.length + block.length);
            System.arraycopy(block, 0, next, produced.length, block.length);
            produced = next;
            byte[] newState = Arrays.copyOf(produced, produced.length + state.length);
            System.arraycopy(state, 0, newState, produced.length, state.length);
            state = newState;
        }
        return Arrays.copyOf(produced, INNER);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
