package org.opencs.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.Example;

/**
 * The one resolver of z/OS UNIX path names: ".." and symbolic links resolved inside hfs/ as the file system will,
 * z/OS's name limits, and (property) no name of any shape reaches a host file outside hfs/.
 */
class UnixPathResolverTest {
    private static Path base;
    private static Path hfs;

    @BeforeContainer
    static void tree() throws IOException {
        base = Files.createTempDirectory("hfs-resolver");
        hfs = Files.createDirectories(base.resolve("hfs"));
        Files.createDirectories(hfs.resolve("u/user1/sub"));
        Files.createDirectories(hfs.resolve("etc/opencs"));
        Files.createDirectories(base.resolve("outside"));
        Files.createSymbolicLink(hfs.resolve("u/user1/etc"), Path.of("/etc/opencs"));
        Files.createSymbolicLink(hfs.resolve("u/user1/up"), Path.of("../.."));
        Files.createSymbolicLink(hfs.resolve("u/user1/host"), base.resolve("outside"));
        Files.createSymbolicLink(hfs.resolve("u/user1/rel"), Path.of("sub"));
        Files.createSymbolicLink(hfs.resolve("u/user1/loop"), Path.of("loop2"));
        Files.createSymbolicLink(hfs.resolve("u/user1/loop2"), Path.of("loop"));
    }

    @AfterContainer
    static void remove() throws IOException {
        try (var files = Files.walk(base)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private UnixPathResolver resolver() {
        return new UnixPathResolver(hfs);
    }

    @Example
    void dotDotAndLinksResolveInTheZosUnixNameSpace() {
        assertThat(resolver().canonical("/u/user1/../../etc/opencs/server.sth", true)).isEqualTo("/etc/opencs/server.sth");
        assertThat(resolver().canonical("/../../../etc", true)).isEqualTo("/etc");
        assertThat(resolver().canonical("/u/user1/etc/server.sth", true)).isEqualTo("/etc/opencs/server.sth");
        assertThat(resolver().canonical("/u/user1/up/etc", true)).isEqualTo("/etc");
        assertThat(resolver().canonical("/u/user1/rel/../x", true)).isEqualTo("/u/user1/x");
        assertThat(resolver().canonical("/u/user1/etc", false)).isEqualTo("/u/user1/etc");
        // A link to a host directory is read as a z/OS UNIX path: base/outside becomes hfs/<base>/outside.
        assertThat(resolver().host(resolver().canonical("/u/user1/host/x", true)).startsWith(hfs)).isTrue();
    }

    @Example
    void zosLimitsAndLoopsAreRefused() {
        assertThatThrownBy(() -> resolver().canonical("/u/user1/loop", true)).hasMessageStartingWith("EDC5146I");
        assertThatThrownBy(() -> resolver().canonical("/u/" + "n".repeat(256), true)).hasMessageStartingWith("EDC5126I");
        assertThatThrownBy(() -> resolver().canonical("/u" + "/abc".repeat(300), true)).hasMessageStartingWith("EDC5126I");
        assertThatThrownBy(() -> resolver().canonical("/u/a\u0000b", true))
                .hasMessage("EDC5121I Invalid argument: a path name cannot contain a NUL character.");
        assertThat(resolver().canonical("/u/" + "n".repeat(255), true)).hasSize("/u/".length() + 255);
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> part = Arbitraries.oneOf(Arbitraries.of("..", ".", "", "u", "user1", "etc", "up", "host",
                "rel", "sub", "opencs", "loop", "x"), Arbitraries.strings().alpha().ofMaxLength(5));
        return part.list().ofMaxSize(12).map(parts -> (Math.random() < 0.5 ? "/" : "") + String.join("/", parts));
    }

    @Property(tries = 300)
    void noNameReachesAHostFileOutsideHfs(@ForAll("paths") String path) {
        try {
            String canonical = resolver().canonical(path, true);
            assertThat(canonical).startsWith("/").doesNotContain("/../").doesNotEndWith("/..").doesNotContain("//");
            Path host = resolver().host(canonical).normalize();
            assertThat(host.startsWith(hfs)).as("%s -> %s", path, host).isTrue();
            for (Path p = host; p.startsWith(hfs) && !p.equals(hfs); p = p.getParent()) {
                assertThat(Files.isSymbolicLink(p)).as("%s leaves no link in %s", path, host).isFalse();
            }
        } catch (ZosException e) {
            assertThat(List.of("EDC5146I", "EDC5126I")).contains(e.messageId());
        }
    }
}
