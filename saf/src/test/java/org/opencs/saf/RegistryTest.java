package org.opencs.saf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencs.core.SystemConfig;
import org.opencs.saf.passticket.PassTicketKey;
import org.opencs.saf.passticket.PassTicketService;
import org.opencs.saf.passticket.PassTickets;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.resources.ResourceProfile;
import org.opencs.saf.users.Authenticator;
import org.opencs.saf.users.LogonResult;
import org.opencs.saf.users.User;

/** The registry on both stores: init, logons, revocation, PassTickets with replay protection across two nodes. */
class RegistryTest {
    private static final String KEY = "E001193519561977";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void initCreatesTheHomeAdministratorAndServerUser(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, store, clock);
        assertThat(result.ibmuserPassword()).hasSize(8);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(result.home().saf().resolve("master.key"))))
                .isEqualTo("rw-------");
        SystemConfig config = SystemConfig.load(result.home());
        assertThat(config.tsoApplication()).isEqualTo("TSO3090");
        assertThat(config.warnings()).isEmpty();
        assertThat(result.home().tcpip().resolve("FTP.DATA")).exists();
        try (Registry registry = TestRegistries.open(result, clock)) {
            User ibmuser = registry.users().find("IBMUSER").orElseThrow();
            assertThat(ibmuser.special()).isTrue();
            assertThat(ibmuser.passwordExpired()).isTrue();
            assertThat(ibmuser.passwordHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain(new String(result.ibmuserPassword()));
            assertThat(registry.users().find("TCPIP")).get().extracting(User::passwordHash).isNull();
            assertThat(registry.database().schemaVersion()).isEqualTo(5);
        }
        assertThatThrownBy(() -> TestRegistries.init(dir, TestRegistries.Store.H2, clock)).hasMessageContaining("OCS0040E");
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void expiredPasswordMustBeChangedAndFailuresRevoke(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, store, clock);
        try (Registry registry = TestRegistries.open(result, clock)) {
            Authenticator auth = new Authenticator(registry);
            assertThat(auth.logon("ibmuser", result.ibmuserPassword(), null).status())
                    .isEqualTo(LogonResult.Status.PASSWORD_EXPIRED);
            assertThatThrownBy(() -> auth.changePassword("IBMUSER", result.ibmuserPassword(), "abc".toCharArray(), null))
                    .hasMessageContaining("ICH08002I");
            assertThat(auth.changePassword("IBMUSER", result.ibmuserPassword(), "Secr3t#1".toCharArray(), null).ok()).isTrue();
            assertThat(auth.logon("IBMUSER", "Secr3t#1".toCharArray(), null).ok()).isTrue();

            registry.options().set("PASSWORD.REVOKE", "3");
            for (int i = 0; i < 3; i++) {
                LogonResult failed = auth.logon("IBMUSER", "wrong123".toCharArray(), null);
                assertThat(failed.status()).isEqualTo(LogonResult.Status.INVALID_PASSWORD);
                assertThat(failed.message()).startsWith("ICH408I USER(IBMUSER) LOGON/JOB INITIATION - INVALID PASSWORD");
            }
            assertThat(auth.logon("IBMUSER", "Secr3t#1".toCharArray(), null).status()).isEqualTo(LogonResult.Status.REVOKED);
            assertThat(auth.logon("NOBODY", "x".toCharArray(), null).status()).isEqualTo(LogonResult.Status.UNKNOWN_USER);
            assertThat(Files.readString(result.home().logs().resolve("audit.jsonl")))
                    .contains("\"type\":\"LOGON_FAILURE\"").contains("REVOKED USER ACCESS ATTEMPT").doesNotContain("wrong123");
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void passTicketLogonIsRefusedWhenReplayedEvenOnAnotherNode(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, store, clock);
        try (Registry node1 = TestRegistries.open(result, clock); Registry node2 = TestRegistries.open(result, clock)) {
            definePtktdata(node1, "TSO3090", null);
            String ticket = new PassTicketService(node1).generate("IBMUSER", "TSO3090");
            assertThat(ticket).isEqualTo(PassTickets.generate(PassTicketKey.legacy(KEY, false), "IBMUSER", "TSO3090",
                    clock.instant().getEpochSecond()));
            assertThat(new Authenticator(node1).logon("IBMUSER", ticket.toCharArray(), "TSO3090").status())
                    .as("a PassTicket logs on even while the password is expired").isEqualTo(LogonResult.Status.OK);
            assertThat(new Authenticator(node2).logon("IBMUSER", ticket.toCharArray(), "TSO3090").status())
                    .isEqualTo(LogonResult.Status.PASSTICKET_REPLAY);
            assertThat(new Authenticator(node2).logon("IBMUSER", ticket.toCharArray(), "TSO9999").status())
                    .isEqualTo(LogonResult.Status.INVALID_PASSWORD);
            assertThat(Files.readString(result.home().logs().resolve("audit.jsonl"))).contains("PASSTICKET_REPLAY");

            definePtktdata(node1, "CICSA", "NO REPLAY PROTECTION");
            String reusable = new PassTicketService(node1).generate("IBMUSER", "CICSA");
            assertThat(new Authenticator(node1).logon("IBMUSER", reusable.toCharArray(), "CICSA").ok()).isTrue();
            assertThat(new Authenticator(node2).logon("IBMUSER", reusable.toCharArray(), "CICSA").ok()).isTrue();

            clock.advanceSeconds(601);
            String late = PassTickets.generate(PassTicketKey.legacy(KEY, false), "IBMUSER", "CICSA", 1_700_000_000L);
            assertThat(new Authenticator(node1).logon("IBMUSER", late.toCharArray(), "CICSA").ok()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void permitsAndProfilesRoundTrip(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result result = TestRegistries.init(dir, store, clock);
        try (Registry registry = TestRegistries.open(result, clock)) {
            assertThat(registry.resources().add(ResourceProfile.simple("FACILITY", "IRR.DIGTCERT.ADD", "IBMUSER",
                    AccessLevel.NONE), clock.instant())).isTrue();
            assertThat(registry.resources().add(ResourceProfile.simple("FACILITY", "IRR.DIGTCERT.ADD", "IBMUSER",
                    AccessLevel.NONE), clock.instant())).isFalse();
            registry.resources().permit("FACILITY", "IRR.DIGTCERT.ADD", "TCPIP", AccessLevel.READ);
            assertThat(registry.resources().accessList("FACILITY", "IRR.DIGTCERT.ADD")).containsEntry("TCPIP", AccessLevel.READ);
            registry.resources().permit("FACILITY", "IRR.DIGTCERT.ADD", "TCPIP", null);
            assertThat(registry.resources().accessList("FACILITY", "IRR.DIGTCERT.ADD")).isEmpty();
            assertThat(registry.resources().delete("FACILITY", "IRR.DIGTCERT.ADD")).isTrue();
            assertThat(registry.resources().accessList("FACILITY", "IRR.DIGTCERT.LISTRING"))
                    .as("init lets the servers read their key rings").containsEntry("TCPIP", AccessLevel.READ);
        }
    }

    private void definePtktdata(Registry registry, String appl, String appldata) {
        ResourceProfile profile = ResourceProfile.simple(PassTicketService.CLASS, appl, "IBMUSER", AccessLevel.NONE)
                .withAppldata(appldata)
                .withPassTicketKey(registry.masterKey().seal(HexFormat.of().parseHex(KEY), PassTicketService.CLASS + ":" + appl),
                        false, null, null, null);
        registry.resources().add(profile, clock.instant());
        registry.options().set("CLASSACT.PTKTDATA", "YES");
    }
}
