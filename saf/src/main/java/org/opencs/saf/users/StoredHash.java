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

    /**
     * Argon2id, version 0x13 (19), as RFC 9106 and the PHC string format define it.
     *
     * @param cost m, t and p
     * @param salt the salt, at least 8 bytes
     * @param hash the tag, at least 4 bytes
     */
    record Argon2id(Argon2Cost cost, byte[] salt, byte[] hash) implements StoredHash {
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
     * @param iterations the PBKDF2 iteration count
     * @param salt       the salt
     * @param hash       the derived key (64 bytes as written)
     */
    record Pbkdf2Sha512(int iterations, byte[] salt, byte[] hash) implements StoredHash {
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
     * Base64, a cost out of range, a zero iteration count), so that such a hash never matches any password.
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
