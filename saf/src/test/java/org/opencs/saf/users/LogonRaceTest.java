package org.opencs.saf.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.SystemInitializer;
import org.opencs.saf.TestRegistries;

/**
 * A logon records its outcome with targeted UPDATEs, never by writing back the row it read before the hash: a REVOKE
 * or a password change made while the password was being checked is kept, and parallel failures each count. The
 * window between the check and the write is driven by the Authenticator's test hook, no timing involved.
 */
class LogonRaceTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aRevokeMadeDuringASuccessfulLogonIsKept(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, store, clock);
        try (Registry registry = TestRegistries.open(result, clock)) {
            define(registry, registry.passwordHasher().hash("user1pw".toCharArray()));
            Runnable revoke = () -> registry.users().update(registry.users().find("USER1").orElseThrow().withRevoked(true));

            LogonResult logon = new Authenticator(registry, "127.0.0.1", revoke).logon("USER1", "user1pw".toCharArray(), null);

            assertThat(logon.ok()).as("the password had matched before the revoke").isTrue();
            User after = registry.users().find("USER1").orElseThrow();
            assertThat(after.revoked()).as("the REVOKE is not undone by the logon").isTrue();
            assertThat(after.lastLogon()).isEqualTo(clock.instant());
            assertThat(new Authenticator(registry).logon("USER1", "user1pw".toCharArray(), null).status())
                    .isEqualTo(LogonResult.Status.REVOKED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aRevokeMadeDuringAFailedLogonIsKept(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, store, clock);
        try (Registry registry = TestRegistries.open(result, clock)) {
            define(registry, registry.passwordHasher().hash("user1pw".toCharArray()));
            Runnable revoke = () -> registry.users().update(registry.users().find("USER1").orElseThrow().withRevoked(true));

            LogonResult logon = new Authenticator(registry, "127.0.0.1", revoke).logon("USER1", "wrongpw1".toCharArray(), null);

            assertThat(logon.status()).isEqualTo(LogonResult.Status.INVALID_PASSWORD);
            User after = registry.users().find("USER1").orElseThrow();
            assertThat(after.revoked()).isTrue();
            assertThat(after.failedLogons()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aPasswordChangedDuringALogonIsKeptAndNotOverwrittenByTheUpgrade(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, store, clock);
        try (Registry registry = TestRegistries.open(result, clock)) {
            define(registry, pbkdf2("user1pw", 1000));
            String changed = registry.passwordHasher().hash("newpass1".toCharArray());
            Runnable alter = () -> registry.users().update(registry.users().find("USER1").orElseThrow()
                    .withPassword(changed, false));

            assertThat(new Authenticator(registry, "127.0.0.1", alter).logon("USER1", "user1pw".toCharArray(), null).ok())
                    .isTrue();

            assertThat(registry.users().find("USER1").orElseThrow().passwordHash())
                    .as("the new password stays; the old one is neither written back nor upgraded").isEqualTo(changed);
            assertThat(new Authenticator(registry).logon("USER1", "user1pw".toCharArray(), null).status())
                    .isEqualTo(LogonResult.Status.INVALID_PASSWORD);
            assertThat(new Authenticator(registry).logon("USER1", "newpass1".toCharArray(), null).ok()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void parallelWrongPasswordsEachCountAndRevokeAtTheLimit(TestRegistries.Store store) throws Exception {
        int n = 3;
        SystemInitializer.Result result = TestRegistries.init(dir, store, clock);
        try (Registry registry = TestRegistries.open(result, clock)) {
            define(registry, registry.passwordHasher().hash("user1pw".toCharArray()));
            registry.options().set("PASSWORD.REVOKE", String.valueOf(n));
            // Every logon has read the row and checked the password before any of them records its failure.
            CountDownLatch allChecked = new CountDownLatch(n);
            Runnable meet = () -> {
                allChecked.countDown();
                try {
                    assertThat(allChecked.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            ExecutorService pool = Executors.newFixedThreadPool(n);
            try {
                List<Future<LogonResult>> results = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    results.add(pool.submit(() -> new Authenticator(registry, "127.0.0.1", meet)
                            .logon("USER1", "wrongpw1".toCharArray(), null)));
                }
                List<String> messages = new ArrayList<>();
                for (Future<LogonResult> f : results) {
                    LogonResult r = f.get(120, TimeUnit.SECONDS);
                    assertThat(r.status()).isEqualTo(LogonResult.Status.INVALID_PASSWORD);
                    messages.add(r.message());
                }
                User after = registry.users().find("USER1").orElseThrow();
                assertThat(after.failedLogons()).isEqualTo(n);
                assertThat(after.revoked()).as("SETROPTS PASSWORD(REVOKE(3)) after 3 failures").isTrue();
                assertThat(messages).containsOnlyOnce("ICH408I USER(USER1) LOGON/JOB INITIATION - INVALID PASSWORD; USER REVOKED");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Unknown and revoked user IDs cost one hash, as a wrong password does, and keep their ICH408I texts. */
    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void unknownAndRevokedUserIdsAreCheckedAgainstADummyHash(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, store, clock);
        try (Registry registry = TestRegistries.open(result, clock)) {
            define(registry, registry.passwordHasher().hash("user1pw".toCharArray()));
            PasswordHasher hasher = registry.passwordHasher();
            Authenticator auth = new Authenticator(registry, "127.0.0.1");

            long before = hasher.verifications();
            LogonResult unknown = auth.logon("NOSUCH", "user1pw".toCharArray(), null);
            assertThat(unknown.status()).isEqualTo(LogonResult.Status.UNKNOWN_USER);
            assertThat(unknown.message()).isEqualTo("ICH408I USER(NOSUCH) LOGON/JOB INITIATION - USER AT TERMINAL NOT RACF-DEFINED");
            assertThat(hasher.verifications() - before).as("one hash for an unknown user ID").isEqualTo(1);

            before = hasher.verifications();
            assertThat(auth.logon("USER1", "wrongpw1".toCharArray(), null).status()).isEqualTo(LogonResult.Status.INVALID_PASSWORD);
            assertThat(hasher.verifications() - before).as("one hash for a wrong password").isEqualTo(1);

            registry.users().update(registry.users().find("USER1").orElseThrow().withRevoked(true));
            before = hasher.verifications();
            LogonResult revoked = auth.logon("USER1", "user1pw".toCharArray(), null);
            assertThat(revoked.status()).isEqualTo(LogonResult.Status.REVOKED);
            assertThat(revoked.message()).isEqualTo("ICH408I USER(USER1) LOGON/JOB INITIATION - REVOKED USER ACCESS ATTEMPT");
            assertThat(hasher.verifications() - before).as("one hash for a revoked user ID").isEqualTo(1);
        }
    }

    private void define(Registry registry, String hash) {
        registry.users().add(User.define("USER1", "USER ONE", "IBMUSER", hash, false, false, 101L, "/u/user1",
                clock.instant()));
    }

    private static String pbkdf2(String secret, int iterations) throws Exception {
        byte[] salt = "fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(secret.toCharArray(), salt, iterations, 512)).getEncoded();
        return "pbkdf2-sha512$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(key);
    }
}
