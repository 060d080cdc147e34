package org.opencs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.testkit.ExternalCommand;

/**
 * Issue 10, "A newcomer's first hour": what a person meets at a terminal. Terminal sessions run under a real
 * pseudo-terminal ({@code script -qfec}), so the jar sees a console exactly as it does for a user: {@code opencs tso}
 * prompts READY and answers each command as it is typed, END ends it; {@code keydb export} asks for a PKCS #12
 * password twice. Then the messages of a missing key database, gskkyman's aligned labels, and a first build whose
 * output goes to a file.
 */
class NewcomerCliIT {
    @TempDir
    Path dir;

    /** A command under a pseudo-terminal: what it printed so far, and typing into it. */
    private static final class Terminal implements AutoCloseable {
        private final Process process;
        private final OutputStream keyboard;
        private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

        Terminal(Path dir, String commandLine) throws Exception {
            process = new ProcessBuilder("script", "-qfec", commandLine, "/dev/null").directory(dir.toFile())
                    .redirectErrorStream(true).start();
            keyboard = process.getOutputStream();
            Thread reader = new Thread(() -> {
                try (InputStream in = process.getInputStream()) {
                    byte[] buffer = new byte[4096];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        synchronized (screen) {
                            screen.write(buffer, 0, n);
                        }
                    }
                } catch (java.io.IOException e) {
                    // the terminal closed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String screen() {
            synchronized (screen) {
                return screen.toString(StandardCharsets.UTF_8).replace("\r", "");
            }
        }

        /** Waits until the screen shows {@code text} {@code times} times; fails after 60 seconds. */
        void await(String text, int times) throws InterruptedException {
            for (int i = 0; i < 600; i++) {
                if (count(screen(), text) >= times) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the terminal never showed '" + text + "' " + times + " time(s):\n" + screen());
        }

        void type(String line) throws java.io.IOException {
            keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        }

        int exitCode() throws InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended:\n%s", screen()).isTrue();
            return process.exitValue();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private static String opencs(String arguments) {
        return Paths.get(System.getProperty("java.home"), "bin", "java") + " -jar " + OpenCsProcess.jar() + " " + arguments;
    }

    @Test
    void tsoAtATerminalPromptsReadyAndAnswersEachCommandAtOnce() throws Exception {
        assertThat(OpenCsProcess.run(dir, Map.of(), "init", "--home", "H").exitCode()).isZero();
        try (Terminal tso = new Terminal(dir, opencs("tso --home H"))) {
            tso.await("READY", 1);
            tso.type("LISTUSER IBMUSER");
            // The answer comes while the terminal is still open: no Ctrl-D needed.
            tso.await("USER=IBMUSER", 1);
            tso.await("READY", 2);
            tso.type("END");
            assertThat(tso.exitCode()).isZero();
            assertThat(tso.screen()).doesNotContain("IKJ56500I").doesNotContain("NOT FOUND");
        }
        // Without a terminal, --interactive does the same (and END ends the session there too).
        var piped = OpenCsProcess.runWithInput(dir, Map.of(), "LISTUSER IBMUSER\nEND\nLISTUSER TCPIP\n",
                "tso", "--home", "H", "--interactive");
        assertThat(piped.exitCode()).as(piped.all()).isZero();
        assertThat(piped.stdout()).startsWith("READY\n").contains("USER=IBMUSER").doesNotContain("USER=TCPIP")
                .doesNotContain("IKJ56500I");
        // Batch SYSTSIN: END ends the stream as IKJEFT01 does; the commands after it do not run.
        var batch = OpenCsProcess.runWithInput(dir, Map.of(), "LISTUSER IBMUSER\nEND\nLISTUSER TCPIP\n",
                "tso", "--home", "H");
        assertThat(batch.exitCode()).as(batch.all()).isZero();
        assertThat(batch.stdout()).contains("USER=IBMUSER").doesNotContain("USER=TCPIP").doesNotContain("IKJ56500I")
                .endsWith("READY\nEND\n");
    }

    @Test
    void keydbExportAsksForTheFilePasswordTwiceAtATerminal() throws Exception {
        Map<String, String> env = Map.of("OPENCS_KEYDB_PASSWORD", "dbpass1");
        assertThat(OpenCsProcess.run(dir, env, "keydb", "create", "ca.kdb", "--stash").exitCode()).isZero();
        assertThat(OpenCsProcess.run(dir, env, "keydb", "selfsign", "ca.kdb", "--label", "server", "--dn",
                "CN=server,O=ABC,C=US", "--default").exitCode()).isZero();
        String export = opencs("keydb export ca.kdb --stashed --label server --format p12 --out server.p12");
        try (Terminal mismatch = new Terminal(dir, export)) {
            mismatch.await("Enter export file password:", 1);
            mismatch.type("secret11");
            mismatch.await("Re-enter export file password:", 1);
            mismatch.type("secret22");
            assertThat(mismatch.exitCode()).isEqualTo(1);
            assertThat(mismatch.screen()).contains("The passwords entered do not match; nothing was written.")
                    .doesNotContain("secret");
        }
        assertThat(dir.resolve("server.p12")).doesNotExist();
        try (Terminal match = new Terminal(dir, export)) {
            match.await("Enter export file password:", 1);
            match.type("secret11");
            match.await("Re-enter export file password:", 1);
            match.type("secret11");
            assertThat(match.exitCode()).as(match.screen()).isZero();
        }
        var p12 = ExternalCommand.run(dir, "openssl", "pkcs12", "-in", "server.p12", "-passin", "pass:secret11",
                "-nokeys", "-clcerts");
        assertThat(p12.stdout()).as(p12.all()).contains("CN = server");
        // keydb passwd asks twice for the new password too (the same kind of question).
        try (Terminal passwd = new Terminal(dir, opencs("keydb passwd ca.kdb --stashed"))) {
            passwd.await("Enter new database password:", 1);
            passwd.type("dbpass22");
            passwd.await("Re-enter new database password:", 1);
            passwd.type("dbpass33");
            assertThat(passwd.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void aMissingKeyDatabaseIsNamedNotItsStash() throws Exception {
        var list = OpenCsProcess.run(dir, Map.of(), "keydb", "list", "nosuch.kdb", "--stashed");
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.stderr()).contains("OCSK003E Key database " + dir.toRealPath().resolve("nosuch.kdb") + " does not exist.")
                .doesNotContain(".sth");
        var prompted = OpenCsProcess.runWithInput(dir, Map.of(), "pw\n", "keydb", "list", "nosuch.kdb");
        assertThat(prompted.stderr()).contains("OCSK003E Key database ").doesNotContain("password");
        var gsk = OpenCsProcess.run(dir, Map.of(), "gskkyman", "-dk", "-k", "nosuch.kdb");
        assertThat(gsk.all()).doesNotContain(".sth");
    }

    @Test
    void gskkymanDisplaysACertificateWithItsLabelsAligned() throws Exception {
        Map<String, String> env = Map.of("OPENCS_KEYDB_PASSWORD", "dbpass1");
        assertThat(OpenCsProcess.run(dir, env, "keydb", "create", "ca.kdb").exitCode()).isZero();
        assertThat(OpenCsProcess.run(dir, env, "keydb", "selfsign", "ca.kdb", "--label", "ABC CA", "--ca", "--dn",
                "CN=ABC CA,O=ABC,C=US").exitCode()).isZero();
        assertThat(OpenCsProcess.run(dir, env, "keydb", "export", "ca.kdb", "--label", "ABC CA", "--out", "ca.pem")
                .exitCode()).isZero();
        var display = OpenCsProcess.run(dir, Map.of(), "gskkyman", "-dc", "ca.pem");
        assertThat(display.exitCode()).as(display.all()).isZero();
        List<String> fields = display.stdout().lines().filter(l -> l.contains(": ")).toList();
        assertThat(fields).hasSizeGreaterThanOrEqualTo(11);
        int colon = fields.get(0).indexOf(':');
        assertThat(fields).as("the colons form one column").allMatch(l -> l.indexOf(':') == colon);
        assertThat(display.stdout()).contains("\n             Version: 3\n").contains("\nPublic key algorithm: RSA\n")
                .contains("\n      Subject's name: CN=ABC CA,O=ABC,C=US\n");
    }

    /**
     * The launcher's first build with its output going to a file (not a terminal): no colour or other escape
     * sequences. A tiny project stands in for the sources so the build is quick; the jar is the real one.
     */
    @Test
    void theFirstBuildWritesNoEscapeSequencesWhenItsOutputIsNotATerminal() throws Exception {
        Path root = Paths.get(System.getProperty("opencs.root", "..")).toAbsolutePath().normalize();
        Path clone = Files.createDirectory(dir.resolve("clone"));
        Files.copy(root.resolve("opencs"), clone.resolve("opencs"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(clone.resolve("cli/target"));
        Path jar = Files.copy(OpenCsProcess.jar(), clone.resolve("cli/target/opencs.jar"));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        Files.writeString(clone.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>t</groupId>"
                + "<artifactId>t</artifactId><version>1</version><packaging>pom</packaging></project>\n");
        ProcessBuilder builder = new ProcessBuilder("./opencs", "--version").directory(clone.toFile());
        builder.environment().put("PATH", Paths.get(System.getProperty("java.home"), "bin") + ":"
                + builder.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().remove("MAVEN_OPTS");
        Process launcher = builder.redirectError(dir.resolve("stderr.txt").toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        assertThat(launcher.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertThat(launcher.exitValue()).as(stderr).isZero();
        assertThat(stderr).contains("opencs: building").doesNotContain("\u001b");
        assertThat(Files.readString(dir.resolve("stdout.txt"))).isEqualTo("OpenCS 0.1.0\n");
    }
}
