package org.opencs.jes.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;

/** A real system home with its H2 registry, IBMUSER (SPECIAL), USER1 and USER2 with OMVS homes, and its catalog. */
final class ProgramTestSystem implements AutoCloseable {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    final Registry registry;
    final Catalog catalog;

    ProgramTestSystem(Path dir) throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        catalog = new Catalog(registry.home(), clock);
        tso("IBMUSER", "ADDUSER USER1 PASSWORD(user1pw) OMVS(UID(101) HOME(/u/user1))\n"
                + "ADDUSER USER2 PASSWORD(user2pw) OMVS(UID(102) HOME(/u/user2))");
    }

    /** Runs TSO commands as {@code userid} and requires RC 0. */
    void tso(String userid, String stream) {
        List<String> listing = new ArrayList<>();
        int rc = new TsoProcessor().runStream(stream, new TsoSession(registry, registry.users().find(userid).orElseThrow()),
                listing::add);
        assertThat(rc).as(String.join("\n", listing)).isZero();
    }

    /** A cataloged data set with these lines (RECFM=FB LRECL=80 unless {@code recfm}/{@code lrecl} say otherwise). */
    void dataset(String name, RecordFormat recfm, int lrecl, String... lines) {
        DatasetName dsn = new DatasetName(name, null);
        int blksize = recfm.fixed() ? lrecl * 10 : 27998;
        catalog.allocate(dsn, new DatasetAttributes("PS", recfm, lrecl, blksize, LocalDate.of(2026, 11, 25),
                LocalDate.of(2026, 11, 25)));
        catalog.writeText(dsn, String.join("\n", lines) + (lines.length > 0 ? "\n" : ""));
    }

    /** A partitioned data set (FB 80) with members name=text pairs. */
    void pds(String name, String... membersAndText) {
        DatasetName dsn = new DatasetName(name, null);
        catalog.allocate(dsn, new DatasetAttributes("PO", RecordFormat.FB, 80, 800, LocalDate.of(2026, 11, 25),
                LocalDate.of(2026, 11, 25)));
        for (int i = 0; i < membersAndText.length; i += 2) {
            catalog.writeText(new DatasetName(name, membersAndText[i]), membersAndText[i + 1]);
        }
    }

    String text(String name) {
        return catalog.readText(DatasetName.resolve("'" + name + "'", null));
    }

    @Override
    public void close() {
        registry.close();
    }
}
