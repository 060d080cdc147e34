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

    @Provide
    Arbitrary<StoredHash> hashes() {
        Arbitrary<byte[]> salts = Arbitraries.bytes().array(byte[].class).ofMinSize(8).ofMaxSize(64);
        Arbitrary<byte[]> tags = Arbitraries.bytes().array(byte[].class).ofMinSize(4).ofMaxSize(64);
        Arbitrary<Argon2Cost> costs = Combinators.combine(Arbitraries.integers().between(1, 16),
                        Arbitraries.integers().between(1, 100), Arbitraries.integers().between(0, 1_000_000))
                .as((p, t, extra) -> new Argon2Cost(8 * p + extra, t, p));
        Arbitrary<StoredHash> argon = Combinators.combine(costs, salts, tags).as(StoredHash.Argon2id::new);
        Arbitrary<StoredHash> pbkdf2 = Combinators.combine(Arbitraries.integers().between(1, 999_999_999), salts, tags)
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
