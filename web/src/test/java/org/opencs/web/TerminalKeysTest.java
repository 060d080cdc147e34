package org.opencs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opencs.testkit.ExternalCommand;

/**
 * The web terminal's local keys (assets/terminal-keys.js: Home, arrows, Newline, replace and insert mode, Delete,
 * Erase EOF, paste across fields) by their unit tests in src/test/node/terminal-keys.test.js, run with node's own
 * test runner (node is on the build machine for the jes module's clients: .ci/run). Every test there must pass and
 * there must be some.
 */
class TerminalKeysTest {
    @Test
    void theKeyFunctionsPassTheirNodeTests() throws Exception {
        ExternalCommand.Result version = ExternalCommand.run(null, "node", "--version");
        assertThat(version.exitCode()).as("node is needed (Debian: apt-get install nodejs): " + version.all()).isZero();
        Path module = Path.of("src/main/resources/org/opencs/web/assets/terminal-keys.js").toAbsolutePath();
        Path tests = Path.of("src/test/node/terminal-keys.test.js").toAbsolutePath();
        assertThat(module).exists();
        assertThat(tests).exists();
        ExternalCommand.Result run = ExternalCommand.run(null, "env", "TERMINAL_KEYS=" + module, "node", "--test",
                tests.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).contains("# fail 0").containsPattern("# pass [1-9][0-9]*");
        assertThat(Files.readString(module)).doesNotContain("innerHTML");
    }

    /**
     * The look (assets/terminal-look.js: a segment's colour and highlighting as CSS classes, the model choice) by
     * src/test/node/terminal-look.test.js.
     */
    @Test
    void theLookFunctionsPassTheirNodeTests() throws Exception {
        Path module = Path.of("src/main/resources/org/opencs/web/assets/terminal-look.js").toAbsolutePath();
        Path tests = Path.of("src/test/node/terminal-look.test.js").toAbsolutePath();
        assertThat(module).exists();
        assertThat(tests).exists();
        ExternalCommand.Result run = ExternalCommand.run(null, "env", "TERMINAL_LOOK=" + module, "node", "--test",
                tests.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).contains("# fail 0").containsPattern("# pass [1-9][0-9]*");
        Path page = Path.of("src/main/resources/org/opencs/web/assets/terminal.js");
        assertThat(Files.readString(module) + Files.readString(page)).doesNotContain("innerHTML")
                .doesNotContain("setAttribute('style'").doesNotContain("style.color");
    }
}
