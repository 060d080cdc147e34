package org.opencs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node home and the shared directory (DESIGN.md "Scaling out", docs/deployment.md). */
class SystemHomeTest {
    @TempDir
    Path dir;

    @Test
    void aOneNodeHomeKeepsEverythingInItself() {
        SystemHome home = new SystemHome(dir.resolve("node"));
        assertThat(home.isShared()).isFalse();
        assertThat(home.hfs()).isEqualTo(dir.resolve("node/hfs"));
        assertThat(home.datasets()).isEqualTo(dir.resolve("node/datasets"));
        assertThat(home.spool()).isEqualTo(dir.resolve("node/spool"));
        assertThat(home.logs()).isEqualTo(dir.resolve("node/logs"));
    }

    @Test
    void openWithoutSystemConfOrSharedDirIsTheHomeItself() throws Exception {
        assertThat(SystemHome.open(dir.resolve("none")).isShared()).isFalse();
        Path node = Files.createDirectories(dir.resolve("node"));
        Files.writeString(node.resolve("system.conf"), "sysname=SYS1\n", StandardCharsets.UTF_8);
        assertThat(SystemHome.open(node)).isEqualTo(new SystemHome(node));
    }

    @Test
    void sharedDataLivesInTheSharedDirAndTheRestInTheHome() throws Exception {
        Path node = Files.createDirectories(dir.resolve("node"));
        Files.createDirectories(dir.resolve("shared"));
        Files.writeString(node.resolve("system.conf"), "shared.dir=../shared\n", StandardCharsets.UTF_8);
        SystemHome home = SystemHome.open(node);
        assertThat(home.isShared()).isTrue();
        assertThat(home.shared()).isEqualTo(dir.resolve("shared"));
        assertThat(home.hfs()).isEqualTo(dir.resolve("shared/hfs"));
        assertThat(home.datasets()).isEqualTo(dir.resolve("shared/datasets"));
        assertThat(home.spool()).isEqualTo(dir.resolve("shared/spool"));
        assertThat(home.systemConf()).isEqualTo(node.resolve("system.conf"));
        assertThat(home.tcpip()).isEqualTo(node.resolve("tcpip"));
        assertThat(home.saf()).isEqualTo(node.resolve("saf"));
        assertThat(home.logs()).isEqualTo(node.resolve("logs"));
        assertThat(home.unixFiles().host("/u/ibmuser")).isEqualTo(dir.resolve("shared/hfs/u/ibmuser"));
        assertThat(SystemConfig.load(home).warnings()).isEmpty();
    }

    @Test
    void anAbsoluteSharedDirIsTakenAsItIs() throws Exception {
        Path node = Files.createDirectories(dir.resolve("node"));
        Path shared = Files.createDirectories(dir.resolve("elsewhere/s"));
        Files.writeString(node.resolve("system.conf"), "shared.dir=" + shared.toString().replace("\\", "\\\\") + "\n",
                StandardCharsets.UTF_8);
        assertThat(SystemHome.open(node).datasets()).isEqualTo(shared.resolve("datasets"));
    }

    @Test
    void aMissingSharedDirIsAClearMessage() throws Exception {
        Path node = Files.createDirectories(dir.resolve("node"));
        Files.writeString(node.resolve("system.conf"), "shared.dir=/nonexistent/opencs-shared\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SystemHome.open(node)).isInstanceOf(ZosException.class)
                .hasMessageStartingWith("OCS0008E The shared directory /nonexistent/opencs-shared")
                .hasMessageContaining("does not exist");
    }

    @Test
    void startNeedsTheSharedSubdirectoriesWritable() throws Exception {
        Path node = Files.createDirectories(dir.resolve("node"));
        Path shared = Files.createDirectories(dir.resolve("shared"));
        SystemHome home = new SystemHome(node, shared);
        assertThatThrownBy(home::requireWritableShared).isInstanceOf(ZosException.class)
                .hasMessageStartingWith("OCS0008E The shared directory " + shared.resolve("hfs"));
        Files.createDirectories(home.hfs());
        Files.createDirectories(home.datasets());
        Files.createDirectories(home.spool());
        home.requireWritableShared();
        if (!"root".equals(System.getProperty("user.name"))) {
            home.spool().toFile().setWritable(false);
            try {
                assertThatThrownBy(home::requireWritableShared).hasMessageContaining("is not writable");
            } finally {
                home.spool().toFile().setWritable(true);
            }
        }
    }
}
