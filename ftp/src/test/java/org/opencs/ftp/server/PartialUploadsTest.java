package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a starting server removes of the partial uploads and data set write temporaries it finds: all of them in a
 * home of its own; in a directory shared with other nodes (docs/deployment.md) only its own, and others' once
 * abandoned, so a node starting never removes an upload another node is receiving.
 */
class PartialUploadsTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aHomeOfItsOwnRemovesEveryLeftover() throws Exception {
        Path own = file("hfs/u/a/" + PartialUploads.prefix("SYS1") + "1" + PartialUploads.SUFFIX, NOW);
        Path older = file("hfs/u/a/" + PartialUploads.PREFIX + "123" + PartialUploads.SUFFIX, NOW);
        Path temp = file("datasets/USER1/.X.DATA.8812.tmp", NOW);
        Path target = file("hfs/u/a/kept.txt", NOW);
        assertThat(PartialUploads.removeLeftovers(dir.resolve("hfs"), dir.resolve("datasets"), "SYS1", false, NOW))
                .isEqualTo(3);
        assertThat(own).doesNotExist();
        assertThat(older).doesNotExist();
        assertThat(temp).doesNotExist();
        assertThat(target).exists();
    }

    @Test
    void aSharedDirectoryKeepsTheUploadsOtherNodesAreReceiving() throws Exception {
        Path own = file("hfs/u/a/" + PartialUploads.prefix("SYS1") + "1" + PartialUploads.SUFFIX, NOW);
        Path othersNow = file("hfs/u/a/" + PartialUploads.prefix("SYS2") + "2" + PartialUploads.SUFFIX,
                NOW.minusSeconds(5));
        Path othersAbandoned = file("hfs/u/a/" + PartialUploads.prefix("SYS2") + "3" + PartialUploads.SUFFIX,
                NOW.minus(PartialUploads.ABANDONED).minus(Duration.ofMinutes(1)));
        Path tempNow = file("datasets/USER1/.X.DATA.8812.tmp", NOW.minusSeconds(1));
        Path tempAbandoned = file("datasets/USER1/.Y.DATA.8813.tmp", NOW.minus(Duration.ofDays(2)));
        assertThat(PartialUploads.removeLeftovers(dir.resolve("hfs"), dir.resolve("datasets"), "SYS1", true, NOW))
                .isEqualTo(3);
        assertThat(own).doesNotExist();
        assertThat(othersNow).exists();
        assertThat(othersAbandoned).doesNotExist();
        assertThat(tempNow).exists();
        assertThat(tempAbandoned).doesNotExist();
    }

    private Path file(String name, Instant modified) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
