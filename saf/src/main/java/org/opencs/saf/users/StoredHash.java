package org.opencs.saf.users;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A password (or password phrase) hash as the registry stores it: Argon2id in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, salt and hash in unpadded standard Base64), or the older
 * PBKDF2-HMAC-SHA-512 form ({@code pbkdf2-sha512$iterations$salt$hash}, padded Base64) that logons still verify and
 * upgrade. {@link #parse} reads either; {@link #encode} writes the same string back.
 */
public sealed interface StoredHash {
    /** The stored string. */
    String encode();

    /** The longest salt or hash (tag, derived key) a stored string may hold, in bytes (SHA-512's output). */
    int MAX_BYTES = 64;
    /** The most PBKDF2 iterations a stored string may ask for (OpenCS wrote 210,000). */
    int MAX_PBKDF2_ITERATIONS = 10_000_000;

    private static void checkLength(String what, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(what + " of " + bytes.length + " bytes is longer than " + MAX_BYTES);
        }
    }

    /**
     * Argon2id, version 0x13 (19), as RFC 9106 and the PHC string format define it.
     *
     * @param cost m, t and p
     * @param salt the salt, 8..{@value #MAX_BYTES} bytes
     * @param hash the tag, 4..{@value #MAX_BYTES} bytes
     * @throws IllegalArgumentException for a salt or tag longer than {@value #MAX_BYTES} bytes
     */
    record Argon2id(Argon2Cost cost, byte[] salt, byte[] hash) implements StoredHash {
        public Argon2id {
            checkLength("salt", salt);
            checkLength("tag", hash);
        }

        @Override
        public String encode() {
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                    + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        }
    }

    /**
     * PBKDF2-HMAC-SHA-512, OpenCS's hash before Argon2id: verified, never written for a new password.
     *
     * @param iterations the PBKDF2 iteration count, 1..{@value #MAX_PBKDF2_ITERATIONS}
     * @param salt       the salt, at most {@value #MAX_BYTES} bytes
     * @param hash       the derived key (64 bytes as written), at most {@value #MAX_BYTES} bytes
     * @throws IllegalArgumentException for a count or length beyond those caps
     */
    record Pbkdf2Sha512(int iterations, byte[] salt, byte[] hash) implements StoredHash {
        public Pbkdf2Sha512 {
            if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
                throw new IllegalArgumentException("PBKDF2 iteration count " + iterations + " is outside 1.."
                        + MAX_PBKDF2_ITERATIONS);
            }
            checkLength("salt", salt);
            checkLength("derived key", hash);
        }

        @Override
        public String encode() {
            Base64.Encoder b64 = Base64.getEncoder();
            return "pbkdf2-sha512$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        }
    }

    /** PHC: the version must be 19, the parameters in the order m, t, p; B64 is standard Base64 without padding. */
    Pattern ARGON2ID = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]{11,})\\$([A-Za-z0-9+/]{6,})");
    Pattern PBKDF2 = Pattern.compile("pbkdf2-sha512\\$(\\d{1,9})\\$([A-Za-z0-9+/]+={0,2})\\$([A-Za-z0-9+/]+={0,2})");

    /**
     * Reads a stored string; empty for null, for a format it does not know, and for one that is malformed (bad
     * Base64, a cost out of range or beyond the caps of {@link Argon2Cost}, a zero iteration count or more than
     * {@value #MAX_PBKDF2_ITERATIONS}, a salt or hash longer than {@value #MAX_BYTES} bytes), so that such a hash
     * never matches any password and never costs more than the caps to reject.
     */
    static Optional<StoredHash> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        try {
            Matcher m = ARGON2ID.matcher(stored);
            if (m.matches()) {
                Base64.Decoder b64 = Base64.getDecoder();
                Argon2Cost cost = new Argon2Cost(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                return Optional.of(new Argon2id(cost, b64.decode(m.group(4)), b64.decode(m.group(5))));
            }
            m = PBKDF2.matcher(stored);
            if (m.matches() && Integer.parseInt(m.group(1)) > 0) {
                Base64.Decoder b64 = Base64.getDecoder();
                return Optional.of(new Pbkdf2Sha512(Integer.parseInt(m.group(1)), b64.decode(m.group(2)),
                        b64.decode(m.group(3))));
            }
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
