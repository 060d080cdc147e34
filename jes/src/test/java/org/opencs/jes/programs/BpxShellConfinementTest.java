package org.opencs.jes.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.opencs.core.UnixText;
import org.opencs.datasets.UnixFileAccess;

/**
 * No command line the BPXBATCH shell is given reaches a host file outside the system's {@code hfs/}: not with
 * {@code ..}, absolute host paths, or symbolic links whose targets name host directories — not even for a SPECIAL user,
 * who may use every z/OS UNIX file but no host file.
 */
class BpxShellConfinementTest {
    private Path dir;
    private Path outside;
    private ProgramTestSystem system;

    @BeforeProperty
    void init() throws Exception {
        Path scratch = Files.createDirectories(Path.of("/tmp/jes-programs2"));
        dir = Files.createTempDirectory(scratch, "confine");
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "host file\n");
        system = new ProgramTestSystem(dir.resolve("home"));
        Path hfs = system.registry.home().hfs();
        Files.createDirectories(hfs.resolve("u/user1"));
        UnixText.write(hfs.resolve("u/user1/seed"), "seed\n");
        Files.createSymbolicLink(hfs.resolve("u/user1/hostlink"), outside.toAbsolutePath());
        Files.createSymbolicLink(hfs.resolve("u/user1/up"), Path.of("../../../.."));
    }

    @AfterProperty
    void close() throws Exception {
        system.close();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.of("..", ".", "u", "user1", "hostlink", "up", "outside", "home", "hfs",
                "tmp", "jes-programs2", dir.getFileName().toString(), "secret", "zzesc");
        Arbitrary<String> relative = segment.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("/", l));
        return Arbitraries.oneOf(relative, relative.map(p -> "/" + p), Arbitraries.just(outside.toAbsolutePath() + "/zzesc"),
                Arbitraries.just(dir.toAbsolutePath() + "/zzesc"), relative.map(p -> dir.toAbsolutePath() + "/" + p));
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> verb = Arbitraries.of("cat", "ls -la", "cp seed", "mv seed", "rm -r", "rm -rf", "mkdir -p", "touch",
                "echo x >", "echo x >>", "cd", "cat <", "cp -p");
        Arbitrary<String> command = Combinators.combine(verb, paths(), paths()).as((v, a, b) ->
                v + " " + a + (v.startsWith("cp -p") ? " " + b : ""));
        return command.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("; ", l) + "; touch zzesc; cp seed zzesc2");
    }

    @Property(tries = 200)
    void noCommandLineReachesAHostFileOutsideHfs(@ForAll("lines") String line, @ForAll boolean special) throws Exception {
        var user = system.registry.users().find(special ? "IBMUSER" : "USER1").orElseThrow();
        Shell shell = new Shell(new UnixFileAccess(system.registry), user, system.clock, () -> { },
                Map.of("HOME", "/u/user1"), "/u/user1");
        shell.run(ShellParser.parse(line), "", new StringBuilder());
        assertThat(Files.readString(outside.resolve("secret"))).isEqualTo("host file\n");
        try (Stream<Path> list = Files.list(outside)) {
            assertThat(list.map(p -> p.getFileName().toString()).toList()).containsExactly("secret");
        }
        Path hfs = system.registry.home().hfs().toAbsolutePath();
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> escaped = walk.filter(p -> p.getFileName().toString().startsWith("zzesc"))
                    .filter(p -> !p.toAbsolutePath().startsWith(hfs)).toList();
            assertThat(escaped).as(line).isEmpty();
        }
        try (Stream<Path> list = Files.list(dir.getParent())) {
            assertThat(list.filter(p -> p.getFileName().toString().startsWith("zzesc")).toList()).isEmpty();
        }
        // The link to the host directory may be removed or replaced inside hfs/ (rm -r, then mkdir or touch: legal),
        // but never rewritten to point somewhere else.
        Path link = system.registry.home().hfs().resolve("u/user1/hostlink");
        if (Files.isSymbolicLink(link)) {
            assertThat(Files.readSymbolicLink(link)).as(line).isEqualTo(outside.toAbsolutePath());
        }
    }
}
