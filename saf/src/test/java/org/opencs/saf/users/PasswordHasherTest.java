package org.opencs.saf.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Argon2id hashes in the PHC string format, older PBKDF2 strings still verified, and which hashes a logon upgrades.
 * The known answer comes from the Argon2 reference implementation (Debian's {@code argon2} 0~20190702:
 * {@code echo -n password | argon2 somesalt -id -k 19456 -t 2 -p 1 -l 32 -e}).
 */
class PasswordHasherTest {
    /** A cheap cost for the properties, which hash hundreds of times; the production cost is tested on its own. */
    private static final Argon2Cost CHEAP = new Argon2Cost(64, 1, 1);

    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

    @Test
    void newHashesAreArgon2idAtOwaspsCostInThePhcFormat() {
        String stored = hasher.hash("user1pw".toCharArray());
        assertThat(stored).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.matches("user1pw".toCharArray(), stored)).isTrue();
        assertThat(hasher.matches("user1pX".toCharArray(), stored)).isFalse();
        assertThat(hasher.needsUpgrade(stored)).isFalse();
        assertThat(hasher.hash("user1pw".toCharArray())).as("a fresh salt each time").isNotEqualTo(stored);
    }

    @Test
    void verifiesTheReferenceImplementationsAnswer() {
        String reference = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E";
        assertThat(hasher.matches("password".toCharArray(), reference)).isTrue();
        assertThat(hasher.matches("Password".toCharArray(), reference)).isFalse();
    }

    @Test
    void olderPbkdf2HashesStillVerifyAndAreUpgraded() throws Exception {
        String legacy = pbkdf2("user1pw", 1000);
        assertThat(hasher.matches("user1pw".toCharArray(), legacy)).isTrue();
        assertThat(hasher.matches("user1pX".toCharArray(), legacy)).isFalse();
        assertThat(hasher.needsUpgrade(legacy)).isTrue();
    }

    @Test
    void argon2idBelowTheCostIsUpgradedAndAboveItIsKept() {
        PasswordHasher cheap = new PasswordHasher(new SecureRandom(), CHEAP, 1);
        String weak = cheap.hash("user1pw".toCharArray());
        assertThat(hasher.matches("user1pw".toCharArray(), weak)).as("any cost verifies").isTrue();
        assertThat(hasher.needsUpgrade(weak)).isTrue();
        PasswordHasher stronger = new PasswordHasher(new SecureRandom(), new Argon2Cost(19_456, 3, 1), 1);
        assertThat(hasher.needsUpgrade(stronger.hash("user1pw".toCharArray()))).isFalse();
    }

    @Test
    void unknownOrMalformedStringsNeverMatchAndAreNotUpgraded() {
        for (String bad : new String[] {null, "", "plain", "$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X",
                "$argon2id$v=16$m=19456,t=2,p=1$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X", "$argon2id$v=19$m=4,t=2,p=1$c29tZXNhbHQ$PL01amPyeU",
                "$argon2id$v=19$m=19456,t=0,p=1$c29tZXNhbHQ$PL01amPyeU", "pbkdf2-sha512$0$c2FsdA==$aGFzaA==",
                "pbkdf2-sha512$1000$not*base64$aGFzaA=="}) {
            assertThat(hasher.matches("password".toCharArray(), bad)).as(String.valueOf(bad)).isFalse();
            assertThat(hasher.needsUpgrade(bad)).as(String.valueOf(bad)).isFalse();
        }
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> new PasswordHasher(new SecureRandom(), CHEAP, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.concurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Strings a hostile registry row might hold: correct hashes of "password" at a cost beyond the caps (more passes
     * or lanes, a longer tag or key) never match, and each user ID is logged once (OCS0025W) without the string.
     */
    @Test
    void hashesBeyondTheCapsNeverMatchAndAreLoggedOncePerUser() throws Exception {
        java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        PasswordHasher logged = new PasswordHasher(new SecureRandom(), CHEAP, 1, warnings::add);
        byte[] salt = "somesalt".getBytes(StandardCharsets.US_ASCII);
        String passes = argon2id("password", salt, 64, Argon2Cost.MAX_ITERATIONS + 1, 1, 32);
        String lanes = argon2id("password", salt, 64, 1, Argon2Cost.MAX_PARALLELISM + 1, 32);
        String longTag = argon2id("password", salt, 64, 1, 1, StoredHash.MAX_BYTES + 1);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec("password".toCharArray(), salt, 1000, 8 * (StoredHash.MAX_BYTES + 1)))
                .getEncoded();
        String longKey = "pbkdf2-sha512$1000$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(key);
        for (String hostile : new String[] {passes, lanes, longTag, longKey,
                "$argon2id$v=19$m=4194304,t=9999,p=255$c29tZXNhbHQ$PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E",
                "pbkdf2-sha512$999999999$c2FsdA==$aGFzaA=="}) {
            assertThat(StoredHash.parse(hostile)).as(hostile).isEmpty();
            assertThat(logged.matches("password".toCharArray(), hostile, "USER1")).as(hostile).isFalse();
        }
        assertThat(logged.matches("password".toCharArray(), passes, "USER2")).isFalse();
        assertThat(warnings).containsExactly(
                "OCS0025W USER(USER1) STORED PASSWORD HASH IS NOT USABLE (UNKNOWN FORMAT, MALFORMED OR BEYOND THE COST "
                        + "CAPS) - LOGON WITH IT REFUSED",
                "OCS0025W USER(USER2) STORED PASSWORD HASH IS NOT USABLE (UNKNOWN FORMAT, MALFORMED OR BEYOND THE COST "
                        + "CAPS) - LOGON WITH IT REFUSED");
        String atTheCaps = argon2id("password", salt, 64, 1, 1, StoredHash.MAX_BYTES);
        assertThat(logged.matches("password".toCharArray(), atTheCaps, "USER3")).as("within the caps").isTrue();
    }

    /** A PHC string computed with Bouncy Castle directly, at any cost (the hasher refuses those beyond the caps). */
    private static String argon2id(String password, byte[] salt, int m, int t, int p, int tagBytes) {
        org.bouncycastle.crypto.generators.Argon2BytesGenerator generator = new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(m)
                .withIterations(t).withParallelism(p).withSalt(salt).build());
        byte[] tag = new byte[tagBytes];
        generator.generateBytes(password.toCharArray(), tag);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + m + ",t=" + t + ",p=" + p + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(tag);
    }

    @Property(tries = 60)
    void anyPasswordOrPhraseMatchesItsOwnHashOnly(@ForAll @StringLength(min = 1, max = 100) String secret,
                                                  @ForAll @StringLength(min = 1, max = 100) String other) {
        PasswordHasher cheap = new PasswordHasher(new SecureRandom(), CHEAP, 1);
        String stored = cheap.hash(secret.toCharArray());
        assertThat(cheap.matches(secret.toCharArray(), stored)).isTrue();
        assertThat(cheap.matches(other.toCharArray(), stored)).isEqualTo(other.equals(secret));
    }

    @Property
    void storedHashesReadBackAsWritten(@ForAll("hashes") StoredHash hash) {
        String encoded = hash.encode();
        assertThat(StoredHash.parse(encoded)).get().extracting(StoredHash::encode).isEqualTo(encoded);
    }

    @Property
    void anyStringParsesOrIsRefusedWithoutAnException(@ForAll String text) {
        assertThat(StoredHash.parse(text)).isNotNull();
        assertThat(StoredHash.parse("$argon2id$v=19$m=19456,t=2,p=1$" + text)).isNotNull();
    }

    /** Any m, t or p beyond the caps, or a tag or key longer than 64 bytes, is refused by the parser (never hashed). */
    @Property
    void storedStringsBeyondTheCapsAreRefused(@ForAll("beyondCaps") String stored) {
        assertThat(StoredHash.parse(stored)).as(stored).isEmpty();
    }

    @Provide
    Arbitrary<String> beyondCaps() {
        String salt = "c29tZXNhbHQ";
        String tag = "PL01amPyeUuxG7H0vIr5X+qHkZvWnHmGBGXFYvh8z2E";
        Arbitrary<String> memory = Arbitraries.integers().between(Argon2Cost.MAX_MEMORY_KIB + 1, 9_999_999)
                .map(m -> "$argon2id$v=19$m=" + m + ",t=2,p=1$" + salt + "$" + tag);
        Arbitrary<String> passes = Arbitraries.integers().between(Argon2Cost.MAX_ITERATIONS + 1, 9999)
                .map(t -> "$argon2id$v=19$m=19456,t=" + t + ",p=1$" + salt + "$" + tag);
        Arbitrary<String> lanes = Arbitraries.integers().between(Argon2Cost.MAX_PARALLELISM + 1, 999)
                .map(p -> "$argon2id$v=19$m=19456,t=2,p=" + p + "$" + salt + "$" + tag);
        Arbitrary<byte[]> tooLong = Arbitraries.bytes().array(byte[].class).ofMinSize(StoredHash.MAX_BYTES + 1).ofMaxSize(300);
        Arbitrary<String> longTag = tooLong.map(b -> "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$"
                + Base64.getEncoder().withoutPadding().encodeToString(b));
        Arbitrary<String> iterations = Arbitraries.integers().between(StoredHash.MAX_PBKDF2_ITERATIONS + 1, 999_999_999)
                .map(i -> "pbkdf2-sha512$" + i + "$c2FsdA==$aGFzaA==");
        Arbitrary<String> longKey = tooLong.map(b -> "pbkdf2-sha512$1000$c2FsdA==$" + Base64.getEncoder().encodeToString(b));
        return Arbitraries.oneOf(memory, passes, lanes, longTag, iterations, longKey);
    }

    @Provide
    Arbitrary<StoredHash> hashes() {
        Arbitrary<byte[]> salts = Arbitraries.bytes().array(byte[].class).ofMinSize(8).ofMaxSize(64);
        Arbitrary<byte[]> tags = Arbitraries.bytes().array(byte[].class).ofMinSize(4).ofMaxSize(64);
        Arbitrary<Argon2Cost> costs = Combinators.combine(Arbitraries.integers().between(1, Argon2Cost.MAX_PARALLELISM),
                        Arbitraries.integers().between(1, Argon2Cost.MAX_ITERATIONS),
                        Arbitraries.integers().between(0, Argon2Cost.MAX_MEMORY_KIB - 8 * Argon2Cost.MAX_PARALLELISM))
                .as((p, t, extra) -> new Argon2Cost(8 * p + extra, t, p));
        Arbitrary<StoredHash> argon = Combinators.combine(costs, salts, tags).as(StoredHash.Argon2id::new);
        Arbitrary<StoredHash> pbkdf2 = Combinators.combine(
                        Arbitraries.integers().between(1, StoredHash.MAX_PBKDF2_ITERATIONS), salts, tags)
                .as(StoredHash.Pbkdf2Sha512::new);
        return Arbitraries.oneOf(argon, pbkdf2);
    }

    /** The string OpenCS wrote before Argon2id, made here with the JDK's PBKDF2 directly. */
    static String pbkdf2(String password, int iterations) throws Exception {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 512)).getEncoded();
        return "pbkdf2-sha512$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(key);
    }
}
