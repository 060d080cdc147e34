package org.opencs.jes.accept;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencs.testkit.ExternalCommand;

/**
 * The Node.js clients the jes module's build installs into target/node-clients (src/test/node/install.sh, pinned by
 * package-lock.json): Zowe CLI 8 with @zowe/zos-ftp-for-zowe-cli registered in zowe-home, and zos-node-accessor 2.
 * Missing node or clients fail the test (they are part of the build, never a reason to skip).
 */
final class NodeClients {
    static final Path DIR = Path.of("target", "node-clients").toAbsolutePath();

    private NodeClients() {
    }

    /** Fails unless node and the installed clients are there. */
    static void require() {
        ExternalCommand.Result node = ExternalCommand.run(null, "node", "--version");
        assertThat(node.exitCode()).as("node is needed (Debian: apt-get install nodejs npm): " + node.all()).isZero();
        assertThat(DIR.resolve("node_modules/.bin/zowe")).as("Zowe CLI, installed by the build's node-clients step")
                .exists();
        assertThat(DIR.resolve("zowe-home/plugins/installed/lib/node_modules/@zowe/zos-ftp-for-zowe-cli"))
                .as("the Zowe z/OS FTP plug-in, installed by the build's node-clients step").exists();
        assertThat(DIR.resolve("node_modules/zos-node-accessor/package.json")).as("zos-node-accessor").exists();
    }

    /** {@code zowe zos-ftp <args>} with ZOWE_CLI_HOME set to the installed home, in {@code workDir}. */
    static ExternalCommand.Result zowe(Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of("env", "ZOWE_CLI_HOME=" + DIR.resolve("zowe-home"),
                "FORCE_COLOR=0", "NO_COLOR=1", DIR.resolve("node_modules/.bin/zowe").toString(), "zos-ftp"));
        command.addAll(List.of(args));
        return ExternalCommand.run(workDir, null, command);
    }

    /** {@code node src/test/node/<script> <clients dir> <args>} in {@code workDir}. */
    static ExternalCommand.Result node(Path workDir, String script, String... args) {
        Path path = Path.of("src", "test", "node", script).toAbsolutePath();
        assertThat(Files.exists(path)).as(path.toString()).isTrue();
        List<String> command = new ArrayList<>(List.of("node", path.toString(), DIR.toString()));
        command.addAll(List.of(args));
        return ExternalCommand.run(workDir, null, command);
    }
}
