package org.opencs.saf.users;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.concurrent.Semaphore;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password and password phrase hashes: Argon2id (RFC 9106, Bouncy Castle's {@link Argon2BytesGenerator}) with a
 * 16-byte salt and a 32-byte tag at {@link Argon2Cost#DEFAULT} (19 MiB, 2 passes, 1 lane), stored in the PHC string
 * format ({@link StoredHash.Argon2id}). Older {@code pbkdf2-sha512$...} strings still verify; {@link #needsUpgrade}
 * tells a logon to replace them (and Argon2id strings of a lower cost) once the password has matched.
 *
 * <p>Each hash holds its memory (19 MiB) while it runs, so one hasher lets at most {@code concurrency} of them run at
 * once (the machine's core count by default); more callers wait their turn. The registry keeps one hasher, so this
 * bounds the memory of every logon of the process: concurrency × m.
 */
public final class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int TAG_BYTES = 32;

    /** How many user IDs with an unusable stored hash are remembered (logged once each); past that, none are added. */
    private static final int REPORTED_LIMIT = 10_000;

    private final SecureRandom random;
    private final Argon2Cost cost;
    private final Semaphore permits;
    private final int concurrency;
    private final java.util.function.Consumer<String> warnings;
    private final java.util.Set<String> reported = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** How many secrets this hasher has checked against a stored hash (the dummy one included). */
    private final java.util.concurrent.atomic.AtomicLong verifications = new java.util.concurrent.atomic.AtomicLong();
    /** A fixed Argon2id hash at this hasher's cost, made once at first use, for {@link #verifyDummy}. */
    private volatile String dummy;

    /** OpenCS's cost ({@link Argon2Cost#DEFAULT}), as many hashes at once as the machine has cores. */
    public PasswordHasher(SecureRandom random) {
        this(random, Argon2Cost.DEFAULT, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A given cost and bound, for tests only (a lower cost, a bound of 1). Production code uses
     * {@link #PasswordHasher(SecureRandom)}.
     *
     * @throws IllegalArgumentException when {@code concurrency} is below 1
     */
    PasswordHasher(SecureRandom random, Argon2Cost cost, int concurrency) {
        this(random, cost, concurrency, org.slf4j.LoggerFactory.getLogger(PasswordHasher.class)::warn);
    }

    /** For tests: {@code warnings} receives the OCS0025W lines instead of the log. */
    PasswordHasher(SecureRandom random, Argon2Cost cost, int concurrency, java.util.function.Consumer<String> warnings) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        this.random = random;
        this.cost = cost;
        this.concurrency = concurrency;
        this.permits = new Semaphore(concurrency, true);
        this.warnings = warnings;
    }

    /** The cost of the hashes this hasher writes. */
    public Argon2Cost cost() {
        return cost;
    }

    /** How many hashes may run at once. */
    public int concurrency() {
        return concurrency;
    }

    /** A new Argon2id PHC string for {@code password}, with a fresh random salt. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new StoredHash.Argon2id(cost, salt, argon2id(password, salt, cost, TAG_BYTES)).encode();
    }

    /** True when {@code password} matches {@code stored} (either format); false for null or an unknown format. */
    public boolean matches(char[] password, String stored) {
        StoredHash hash = StoredHash.parse(stored).orElse(null);
        if (hash != null) {
            verifications.incrementAndGet();
        }
        if (hash instanceof StoredHash.Argon2id a) {
            return MessageDigest.isEqual(a.hash(), argon2id(password, a.salt(), a.cost(), a.hash().length));
        }
        if (hash instanceof StoredHash.Pbkdf2Sha512 p) {
            return MessageDigest.isEqual(p.hash(), pbkdf2(password, p.salt(), p.iterations(), p.hash().length));
        }
        return false;
    }

    /**
     * Checks {@code secret} against a fixed Argon2id hash at this hasher's cost (made once, of a random secret, so
     * nothing matches it) and returns nothing: a logon of an unknown or revoked user ID spends the same time as one
     * with a wrong password, so the time of a refusal does not tell which user IDs exist.
     */
    public void verifyDummy(char[] secret) {
        String fixed = dummy;
        if (fixed == null) {
            byte[] unguessable = new byte[32];
            random.nextBytes(unguessable);
            fixed = hash(java.util.HexFormat.of().formatHex(unguessable).toCharArray());
            dummy = fixed;
        }
        matches(secret, fixed);
    }

    /** How many secrets have been checked against a stored hash (by {@link #matches} and {@link #verifyDummy}). */
    public long verifications() {
        return verifications.get();
    }

    /**
     * {@link #matches(char[], String)} for a logon of {@code userid}: a stored string that is there but not usable
     * (an unknown format, malformed, or beyond the caps of {@link StoredHash} and {@link Argon2Cost}, as a hostile
     * or damaged registry row might hold) never matches, and is logged once per user ID as
     * {@code OCS0025W USER(userid) STORED PASSWORD HASH IS NOT USABLE - LOGON WITH IT REFUSED}, without the string.
     */
    public boolean matches(char[] password, String stored, String userid) {
        if (stored != null && StoredHash.parse(stored).isEmpty()) {
            if (reported.size() < REPORTED_LIMIT && reported.add(userid)) {
                warnings.accept("OCS0025W USER(" + userid + ") STORED PASSWORD HASH IS NOT USABLE (UNKNOWN FORMAT, "
                        + "MALFORMED OR BEYOND THE COST CAPS) - LOGON WITH IT REFUSED");
            }
            return false;
        }
        return matches(password, stored);
    }

    /**
     * True when a hash that has just matched should be replaced by {@link #hash}: it is PBKDF2, or Argon2id below
     * this hasher's cost in memory, passes or lanes. Unknown formats are never upgraded (they never match).
     */
    public boolean needsUpgrade(String stored) {
        StoredHash hash = StoredHash.parse(stored).orElse(null);
        if (hash instanceof StoredHash.Argon2id a) {
            return !a.cost().atLeast(cost) || a.salt().length < SALT_BYTES || a.hash().length < TAG_BYTES;
        }
        return hash instanceof StoredHash.Pbkdf2Sha512;
    }

    private byte[] argon2id(char[] password, byte[] salt, Argon2Cost c, int tagBytes) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(c.memoryKiB())
                .withIterations(c.iterations()).withParallelism(c.parallelism()).withSalt(salt).build());
        byte[] tag = new byte[tagBytes];
        acquire();
        try {
            generator.generateBytes(password, tag);
        } finally {
            permits.release();
        }
        return tag;
    }

    private byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bytes) {
        acquire();
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        } finally {
            permits.release();
        }
    }

    private void acquire() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
    }
}
