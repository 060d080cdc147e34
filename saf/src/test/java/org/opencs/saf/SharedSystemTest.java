package org.opencs.saf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opencs.core.SystemConfig;
import org.opencs.core.SystemHome;
import org.opencs.core.ZosException;

/**
 * Several nodes of one system (docs/deployment.md "Several nodes"): the first init creates the system with a shared
 * directory, a second init against the same registry joins it (no new IBMUSER, no new master key), and a node whose
 * master key is not the system's is refused (OCS0015E) before anything is written. On H2 (the first node's file,
 * reached through its AUTO_SERVER) and on PostgreSQL in a schema of its own.
 */
class SharedSystemTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    private String url(TestRegistries.Store store) throws Exception {
        return store == TestRegistries.Store.H2 ? null : TestRegistries.postgresSchemaUrl();
    }

    private SystemInitializer.Result first(TestRegistries.Store store) throws Exception {
        return SystemInitializer.initialize(dir.resolve("a"), new SystemInitializer.Options(url(store),
                Path.of("../shared"), null, null, null), clock, new SecureRandom());
    }

    private static String registryUrl(SystemInitializer.Result node) {
        return SystemConfig.load(node.home()).registryUrl();
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aSecondNodeJoinsTheSystemAndSharesItsData(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result a = first(store);
        assertThat(a.joined()).isFalse();
        assertThat(a.ibmuserPassword()).hasSize(8);
        assertThat(a.home().shared()).isEqualTo(dir.resolve("shared"));
        assertThat(dir.resolve("shared/hfs/u/ibmuser")).isDirectory();
        assertThat(dir.resolve("shared/datasets")).isDirectory();
        assertThat(dir.resolve("shared/spool")).isDirectory();
        assertThat(dir.resolve("a/hfs")).doesNotExist();
        assertThat(dir.resolve("a/logs")).isDirectory();

        Path key = dir.resolve("a/saf/master.key");
        SystemInitializer.Result b = SystemInitializer.initialize(dir.resolve("b"), new SystemInitializer.Options(
                registryUrl(a), dir.resolve("shared"), "sys2", "3091", key), clock, new SecureRandom());
        assertThat(b.joined()).isTrue();
        assertThat(b.ibmuserPassword()).isNull();
        assertThat(b.sysname()).isEqualTo("SYS2");
        assertThat(b.registry()).doesNotContain("password");
        assertThat(dir.resolve("b/saf/master.key")).doesNotExist();
        SystemConfig bConfig = SystemConfig.load(SystemHome.open(dir.resolve("b")));
        assertThat(bConfig.sysname()).isEqualTo("SYS2");
        assertThat(bConfig.smfid()).isEqualTo("3091");
        assertThat(bConfig.masterKeyFile()).isEqualTo(key.toString());

        try (Registry ra = Registry.open(new SystemHome(dir.resolve("a")), clock, new SecureRandom());
             Registry rb = Registry.open(new SystemHome(dir.resolve("b")), clock, new SecureRandom())) {
            assertThat(rb.home().datasets()).isEqualTo(ra.home().datasets()).isEqualTo(dir.resolve("shared/datasets"));
            assertThat(rb.home().logs()).isEqualTo(dir.resolve("b/logs"));
            assertThat(rb.users().list()).extracting(u -> u.userid()).containsExactlyInAnyOrder("IBMUSER", "TCPIP");
            assertThat(rb.options().names(SystemInitializer.SYSNAME_OPTION))
                    .containsExactly("SYSNAME.OPENCS", "SYSNAME.SYS2");
            assertThat(new NodeNames(ra).claim()).isEmpty();
            assertThat(new NodeNames(rb).claim()).isEmpty();
        }
        // A third home given B's SYSNAME by hand (a copied system.conf): its start is told, not silent.
        Path c = Files.createDirectories(dir.resolve("c"));
        Files.writeString(c.resolve("system.conf"), Files.readString(dir.resolve("b/system.conf")));
        try (Registry rc = Registry.open(new SystemHome(c), clock, new SecureRandom())) {
            assertThat(new NodeNames(rc).claim()).hasValueSatisfying(w -> assertThat(w)
                    .startsWith("OCS0044W SYSNAME SYS2 is recorded in the system for the node whose home is "
                            + dir.resolve("b") + ", not for this home " + c));
            assertThat(new NodeNames(rc).names()).containsExactly("OPENCS", "SYS2");
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aJoiningNodeMustNameItselfAndHoldTheKey(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result a = first(store);
        Path c = dir.resolve("c");
        assertThatThrownBy(() -> SystemInitializer.initialize(c, new SystemInitializer.Options(registryUrl(a), null,
                null, null, dir.resolve("a/saf/master.key")), clock, new SecureRandom()))
                .hasMessageStartingWith("OCS0043E").hasMessageContaining("--sysname").hasMessageContaining("OPENCS");
        assertThatThrownBy(() -> SystemInitializer.initialize(c, new SystemInitializer.Options(registryUrl(a), null,
                "opencs", null, dir.resolve("a/saf/master.key")), clock, new SecureRandom()))
                .hasMessageStartingWith("OCS0043E The SYSNAME OPENCS is already used");
        assertThatThrownBy(() -> SystemInitializer.initialize(c, new SystemInitializer.Options(registryUrl(a), null,
                "SYS3", null, dir.resolve("nokey")), clock, new SecureRandom()))
                .hasMessageStartingWith("OCS0042E").hasMessageContaining("OPENCS_MASTER_KEY");
        assertThat(c.resolve("system.conf")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aNodeWithAnotherMasterKeyIsRefusedAndWritesNothing(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result a = first(store);
        Path wrong = dir.resolve("wrong.key");
        MasterKey.create(wrong, new SecureRandom());
        Path d = dir.resolve("d");
        assertThatThrownBy(() -> SystemInitializer.initialize(d, new SystemInitializer.Options(registryUrl(a), null,
                "SYS4", null, wrong), clock, new SecureRandom()))
                .isInstanceOf(ZosException.class)
                .hasMessageStartingWith("OCS0015E The master key of this node does not match the system's master key in ")
                .hasMessageContaining("Nothing was read or written");
        assertThat(d.resolve("system.conf")).doesNotExist();
        assertThat(wrong).exists();
        try (Registry ra = Registry.open(a.home(), clock, new SecureRandom())) {
            assertThat(ra.options().names(SystemInitializer.SYSNAME_OPTION)).containsExactly("SYSNAME.OPENCS");
        }
    }

    @ParameterizedTest
    @EnumSource(TestRegistries.Store.class)
    void aRegistryWithoutCheckValueGetsOneAtFirstOpenAndThenRefusesOtherKeys(TestRegistries.Store store) throws Exception {
        SystemInitializer.Result a = first(store);
        String sealed;
        try (Registry ra = Registry.open(a.home(), clock, new SecureRandom())) {
            sealed = ra.options().get(MasterKeyCheck.OPTION).orElseThrow();
            ra.options().set(MasterKeyCheck.OPTION, null);
        }
        try (Registry ra = Registry.open(a.home(), clock, new SecureRandom())) {
            String again = ra.options().get(MasterKeyCheck.OPTION).orElseThrow();
            assertThat(again).isNotEqualTo(sealed);
            assertThat(ra.masterKey().unseal(java.util.Base64.getDecoder().decode(again), MasterKeyCheck.OPTION))
                    .asString().isEqualTo("OPENCS MASTER KEY CHECK");
        }
        // Another key in the same home: the registry refuses it.
        Path key = dir.resolve("a/saf/master.key");
        Files.delete(key);
        MasterKey.create(key, new SecureRandom());
        assertThatThrownBy(() -> Registry.open(a.home(), clock, new SecureRandom()))
                .hasMessageStartingWith("OCS0015E");
    }
}
