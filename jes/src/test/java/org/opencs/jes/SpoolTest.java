package org.opencs.jes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.Ebcdic;
import org.opencs.jes.queue.Spool;
import org.opencs.jes.queue.SpoolRecord;

/** Spool data files: EBCDIC records, sizes as FTP lists them, written whole (a reader never sees half a file). */
class SpoolTest {
    @TempDir
    Path dir;

    @Test
    void recordsRoundTripInIbm1047WithSizes() {
        Spool spool = new Spool(dir);
        SpoolRecord file = spool.writeLines("JOB00007", 4, "STEP1", null, "A", "SYSPRINT", List.of("HELLO", "", "¢¬|"));
        assertThat(file.fileName()).isEqualTo("004.SYSPRINT");
        assertThat(file.recordCount()).isEqualTo(3);
        assertThat(file.byteCount()).isEqualTo(5 + 1 + 0 + 1 + 3 + 1);
        assertThat(spool.readLines("JOB00007", file.fileName())).containsExactly("HELLO", "", "¢¬|");
        assertThat(spool.readRecords("JOB00007", file.fileName()).get(0)).isEqualTo(Ebcdic.encode("HELLO"));
        spool.writeJcl("JOB00007", List.of("//A JOB 1", "//S EXEC PGM=X"));
        assertThat(spool.readJcl("JOB00007")).containsExactly("//A JOB 1", "//S EXEC PGM=X");
        spool.purge("JOB00007");
        assertThat(Files.exists(dir.resolve("JOB00007"))).isFalse();
    }

    @Test
    void aReaderSeesTheOldFileOrTheNewOneNeverAMix() throws Exception {
        Spool spool = new Spool(dir);
        List<String> a = Collections.nCopies(2000, "A".repeat(80));
        List<String> b = Collections.nCopies(3000, "B".repeat(80));
        spool.writeLines("JOB00008", 1, null, null, "A", "JESMSGLG", a);
        AtomicBoolean stop = new AtomicBoolean();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                List<String> lines = spool.readLines("JOB00008", "001.JESMSGLG");
                if (!(lines.equals(a) || lines.equals(b))) {
                    seen.add("mixed: " + lines.size());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 30; i++) {
            spool.writeLines("JOB00008", 1, null, null, "A", "JESMSGLG", i % 2 == 0 ? b : a);
        }
        stop.set(true);
        reader.join();
        assertThat(seen).isEmpty();
        try (Stream<Path> files = Files.list(dir.resolve("JOB00008"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("001.JESMSGLG");
        }
    }
}
