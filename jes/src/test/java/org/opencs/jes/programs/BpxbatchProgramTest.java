package org.opencs.jes.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.CodePage;
import org.opencs.core.UnixText;
import org.opencs.jes.step.Abend;

/**
 * BPXBATCH with its built-in shell on real z/OS UNIX files of the system home (z/OS UNIX System Services Command
 * Reference, BPXBATCH and sh; FSUM messages in z/OS UNIX System Services Messages and Codes; BPXM047I in MVS System
 * Messages Vol 3).
 */
class BpxbatchProgramTest {
    @TempDir
    Path dir;

    private ProgramTestSystem system;
    private Path hfs;

    @BeforeEach
    void init() throws Exception {
        system = new ProgramTestSystem(dir);
        hfs = system.registry.home().hfs();
        Files.createDirectories(hfs.resolve("u/user1"));
        Files.createDirectories(hfs.resolve("etc"));
        UnixText.write(hfs.resolve("etc/secret"), "TOP SECRET\n");
    }

    @AfterEach
    void close() {
        system.close();
    }

    private String read(String unixPath) throws Exception {
        return UnixText.read(hfs.resolve(unixPath.substring(1)));
    }

    @Test
    void shellCommandWritesIbm1047FilesAndStdout() throws Exception {
        TestStep step = new TestStep(system.registry, "USER1", "SH echo hello $LOGNAME > out.txt; echo more >> out.txt; cat out.txt",
                TestDd.path("STDOUT", "/u/user1/stdout.txt"), TestDd.sysout("STDERR"));
        assertThat(step.run(new Bpxbatch())).isZero();
        assertThat(read("/u/user1/out.txt")).isEqualTo("hello USER1\nmore\n");
        assertThat(read("/u/user1/stdout.txt")).isEqualTo("hello USER1\nmore\n");
        // untagged z/OS UNIX text is IBM-1047 with NL line ends
        assertThat(Files.readAllBytes(hfs.resolve("u/user1/out.txt"))).isEqualTo(CodePage.IBM_1047.encodeText("hello USER1\nmore\n"));
        assertThat(step.ddOf("STDERR").lines()).isEmpty();
    }

    @Test
    void fileCommandsListsAndExitStatus() {
        TestDd out = TestDd.sysout("STDOUT");
        TestStep step = new TestStep(system.registry, "USER1", "SH mkdir -p a/b && cd a && touch b/x && ls b; pwd; "
                + "cp b/x y; mv y z; ls; rm -r b; ls -a; cd; pwd; exit 3", out, TestDd.sysout("STDERR"));
        assertThat(step.run(new Bpxbatch())).isEqualTo(3);
        assertThat(out.lines()).containsExactly("x", "/u/user1/a", "b", "z", ".", "..", "z", "/u/user1");
        assertThat(Files.exists(hfs.resolve("u/user1/a/z"))).isTrue();
        assertThat(Files.exists(hfs.resolve("u/user1/a/b"))).isFalse();
    }

    @Test
    void unknownCommandsAndAndOrLists() {
        TestDd err = TestDd.sysout("STDERR");
        TestStep step = new TestStep(system.registry, "USER1", "SH frob x", TestDd.sysout("STDOUT"), err);
        assertThat(step.run(new Bpxbatch())).isEqualTo(127);
        assertThat(err.lines()).containsExactly("frob: FSUM7351 not found");

        TestDd out = TestDd.sysout("STDOUT");
        TestStep recovered = new TestStep(system.registry, "USER1", "SH false || echo recovered $?", out);
        assertThat(recovered.run(new Bpxbatch())).isZero();
        assertThat(out.lines()).containsExactly("recovered 1");

        TestDd syntax = TestDd.sysout("STDERR");
        TestStep pipe = new TestStep(system.registry, "USER1", "SH ls | wc", syntax);
        assertThat(pipe.run(new Bpxbatch())).isEqualTo(2);
        assertThat(syntax.lines()).containsExactly("sh: FSUM7332 syntax error: pipes (|) are not supported by the OpenCS shell");
    }

    @Test
    void aUserStaysInItsHomeDirectory() throws Exception {
        TestDd err = TestDd.sysout("STDERR");
        TestDd out = TestDd.sysout("STDOUT");
        TestStep step = new TestStep(system.registry, "USER1", "SH cat /etc/secret; cat ../../etc/secret; "
                + "echo x > /etc/owned; rm -r /etc", out, err);
        assertThat(step.run(new Bpxbatch())).isEqualTo(1);
        assertThat(out.lines()).isEmpty();
        assertThat(err.lines()).containsExactly(
                "cat: FSUM6180 file \"/etc/secret\": EDC5111I Permission denied.",
                "cat: FSUM6180 file \"../../etc/secret\": EDC5111I Permission denied.",
                "sh: FSUM7343 cannot open \"/etc/owned\" for output: EDC5111I Permission denied.",
                "rm: FSUM9195 cannot unlink entry \"/etc\": EDC5111I Permission denied.");
        assertThat(read("/etc/secret")).isEqualTo("TOP SECRET\n");
        assertThat(Files.exists(hfs.resolve("etc/owned"))).isFalse();

        TestDd special = TestDd.sysout("STDOUT");
        TestStep ibmuser = new TestStep(system.registry, "IBMUSER", "SH cat /etc/secret", special);
        assertThat(ibmuser.run(new Bpxbatch())).isZero();
        assertThat(special.lines()).containsExactly("TOP SECRET");
    }

    @Test
    void pgmRunsBuiltInsOnly() throws Exception {
        TestDd out = TestDd.sysout("STDOUT");
        TestStep echo = new TestStep(system.registry, "USER1", "PGM /bin/echo hi there", out);
        assertThat(echo.run(new Bpxbatch())).isZero();
        assertThat(out.lines()).containsExactly("hi there");

        UnixText.write(hfs.resolve("u/user1/script.sh"), "echo hi\n");
        TestStep script = new TestStep(system.registry, "USER1", "PGM /u/user1/script.sh", TestDd.sysout("STDOUT"));
        assertThat(script.run(new Bpxbatch())).isEqualTo(254);
        assertThat(script.jobLog).containsExactly("BPXM047I BPXBATCH FAILED BECAUSE SPAWN (BPX1SPN) OF /u/user1/script.sh "
                + "FAILED WITH RETURN CODE 0000006F REASON CODE 00000000");
        TestStep missing = new TestStep(system.registry, "USER1", "PGM /usr/lpp/java/bin/java -version");
        assertThat(missing.run(new Bpxbatch())).isEqualTo(254);
        assertThat(missing.jobLog.get(0)).contains("RETURN CODE 00000081");
    }

    @Test
    void stdinStdenvStdparmAndAppend() throws Exception {
        UnixText.write(hfs.resolve("u/user1/in.txt"), "line one\nline two\n");
        UnixText.write(hfs.resolve("u/user1/log.txt"), "earlier\n");
        TestStep step = new TestStep(system.registry, "USER1", "SH ignored",
                TestDd.instream("STDPARM", "SH echo \"$GREETING, $HOME\";", "cat"),
                TestDd.instream("STDENV", "GREETING=good day"),
                TestDd.path("STDIN", "/u/user1/in.txt"),
                TestDd.path("STDOUT", "/u/user1/log.txt", "OWRONLY", "OCREAT", "OAPPEND"));
        assertThat(step.run(new Bpxbatch())).isZero();
        assertThat(read("/u/user1/log.txt")).isEqualTo("earlier\ngood day, /u/user1\nline one\nline two\n");

        TestDd out = TestDd.sysout("STDOUT");
        TestStep script = new TestStep(system.registry, "USER1", "SH", TestDd.instream("STDIN", "echo from stdin", "exit 7"), out);
        assertThat(script.run(new Bpxbatch())).isEqualTo(7);
        assertThat(out.lines()).containsExactly("from stdin");
    }

    @Test
    void aCancelledJobStopsWithS222() {
        TestDd out = TestDd.sysout("STDOUT");
        TestStep step = new TestStep(system.registry, "USER1", "SH sleep 30; echo never", out);
        step.cancelled.set(true);
        assertThatThrownBy(() -> step.run(new Bpxbatch())).isInstanceOfSatisfying(Abend.class,
                a -> assertThat(a.code()).isEqualTo("S222"));
        assertThat(out.lines()).isEmpty();
    }

    @Test
    void theLibraryFindsIt() {
        assertThat(ProgramLibrary.builtIn().find("BPXBATCH")).get().isInstanceOf(Bpxbatch.class);
    }
}
