package org.opencs.saf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencs.saf.users.Authenticator;
import org.opencs.saf.users.LogonResult;
import org.opencs.saf.users.User;
import org.opencs.saf.users.UserStore;

/**
 * A password or phrase stored as PBKDF2 (OpenCS before Argon2id) is replaced by an Argon2id hash of the same secret
 * at its next successful logon, in the registry itself; a failed logon leaves it alone, and the replacement is
 * conditional on the stored string not having changed meanwhile.
 */
class PasswordUpgradeTest {
    private static final String ARGON2ID = "$argon2id$v=19$m=19456,t=2,p=1$";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aPbkdf2PasswordBecomesArgon2idAtTheNextLogonAndStillVerifies(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, store, clock);
        try (Registry registry = TestRegistries.open(result, clock)) {
            String legacy = pbkdf2("user1pw", 210_000);
            registry.users().add(User.define("USER1", "USER ONE", "IBMUSER", legacy, false, false, 101L, "/u/user1",
                    clock.instant()));
            Authenticator auth = new Authenticator(registry, "127.0.0.1");

            assertThat(auth.logon("USER1", "wrongpw1".toCharArray(), null).status())
                    .isEqualTo(LogonResult.Status.INVALID_PASSWORD);
            assertThat(stored(registry, false)).as("a failed logon upgrades nothing").isEqualTo(legacy);

            assertThat(auth.logon("user1", "user1pw".toCharArray(), null).ok()).isTrue();
            String upgraded = stored(registry, false);
            assertThat(upgraded).startsWith(ARGON2ID).isNotEqualTo(legacy);
            assertThat(registry.passwordHasher().matches("user1pw".toCharArray(), upgraded)).isTrue();
            assertThat(registry.passwordHasher().matches("user1pX".toCharArray(), upgraded)).isFalse();

            assertThat(auth.logon("USER1", "user1pw".toCharArray(), null).ok()).isTrue();
            assertThat(stored(registry, false)).as("an Argon2id hash at the cost is kept").isEqualTo(upgraded);
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aPbkdf2PhraseIsUpgradedTooAndTheReplacementIsConditional(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, store, clock);
        try (Registry registry = TestRegistries.open(result, clock)) {
            String phrase = "correct horse battery staple";
            String legacyPhrase = pbkdf2(phrase, 1000);
            String password = registry.passwordHasher().hash("user1pw".toCharArray());
            registry.users().add(User.define("USER1", "USER ONE", "IBMUSER", password, false, false, 101L, "/u/user1",
                    clock.instant()).withPhrase(legacyPhrase));

            assertThat(new Authenticator(registry).logon("USER1", phrase.toCharArray(), null).ok()).isTrue();
            String upgraded = stored(registry, true);
            assertThat(upgraded).startsWith(ARGON2ID);
            assertThat(registry.passwordHasher().matches(phrase.toCharArray(), upgraded)).isTrue();
            assertThat(stored(registry, false)).as("the password was not used and is unchanged").isEqualTo(password);

            assertThat(registry.users().replaceHash("USER1", UserStore.Secret.PHRASE, legacyPhrase, "stale"))
                    .as("a hash that changed meanwhile is not replaced").isFalse();
            assertThat(stored(registry, true)).isEqualTo(upgraded);
        }
    }

    private static String stored(Registry registry, boolean phrase) {
        User user = registry.users().find("USER1").orElseThrow();
        return phrase ? user.phraseHash() : user.passwordHash();
    }

    /** The string OpenCS wrote before Argon2id (pbkdf2-sha512$iterations$salt$key), made with the JDK directly. */
    private static String pbkdf2(String secret, int iterations) throws Exception {
        byte[] salt = "fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(secret.toCharArray(), salt, iterations, 512)).getEncoded();
        return "pbkdf2-sha512$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(key);
    }
}
