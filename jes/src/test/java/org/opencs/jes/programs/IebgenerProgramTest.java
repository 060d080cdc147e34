package org.opencs.jes.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.RecordFormat;

/** IEBGENER SYSUT1 to SYSUT2 with SYSIN DUMMY (z/OS DFSMSdfp Utilities, IEBGENER; IEB352I in MVS System Messages Vol 7). */
class IebgenerProgramTest {
    @TempDir
    Path dir;

    private ProgramTestSystem system;

    @BeforeEach
    void init() throws Exception {
        system = new ProgramTestSystem(dir);
    }

    @AfterEach
    void close() {
        system.close();
    }

    @Test
    void copiesADataSetIntoAnotherWithItsOwnDcb() {
        system.dataset("USER1.IN", RecordFormat.FB, 80, "LINE ONE", "LINE TWO");
        system.dataset("USER1.OUT", RecordFormat.VB, 84);
        TestDd print = TestDd.sysout("SYSPRINT");
        TestStep step = new TestStep(system.registry, "USER1", "", print, TestDd.dummy("SYSIN"),
                TestDd.dataset("SYSUT1", system.catalog, "USER1.IN"), TestDd.dataset("SYSUT2", system.catalog, "USER1.OUT"));
        assertThat(step.run(new Iebgener())).isZero();
        // IEBGENER copies records whole: the FB records keep their blanks in the VB data set.
        assertThat(system.text("USER1.OUT")).isEqualTo(String.format("%-80s\n%-80s\n", "LINE ONE", "LINE TWO"));
        assertThat(print.lines()).containsExactly(Iebgener.HEADING, "", "PROCESSING ENDED AT EOD");
        assertThat(print.lines().get(0)).startsWith("DATA SET UTILITY - GENERATE").endsWith("PAGE 0001");
    }

    @Test
    void sysoutWithoutDcbTakesSysut1sAndSaysSo() {
        system.dataset("USER1.IN", RecordFormat.FB, 80, "HELLO");
        TestDd print = TestDd.sysout("SYSPRINT");
        TestDd out = TestDd.sysout("SYSUT2");
        TestStep step = new TestStep(system.registry, "USER1", "", print, TestDd.instream("SYSIN"),
                TestDd.dataset("SYSUT1", system.catalog, "USER1.IN"), out);
        assertThat(step.run(new Iebgener())).isZero();
        assertThat(out.lines()).containsExactly(String.format("%-80s", "HELLO"));
        assertThat(print.lines()).contains("IEB352I WARNING: ONE OR MORE OF THE OUTPUT DCB PARMS COPIED FROM INPUT",
                "PROCESSING ENDED AT EOD");
    }

    @Test
    void instreamInputAndRefusals() {
        system.dataset("USER1.OUT", RecordFormat.FB, 80);
        TestStep step = new TestStep(system.registry, "USER1", "", TestDd.sysout("SYSPRINT"), TestDd.dummy("SYSIN"),
                TestDd.instream("SYSUT1", "CARD 1", "CARD 2"), TestDd.dataset("SYSUT2", system.catalog, "USER1.OUT"));
        assertThat(step.run(new Iebgener())).isZero();
        assertThat(system.text("USER1.OUT")).isEqualTo("CARD 1\nCARD 2\n");

        TestDd print = TestDd.sysout("SYSPRINT");
        TestStep editing = new TestStep(system.registry, "USER1", "", print, TestDd.instream("SYSIN", "  GENERATE MAXFLDS=1"),
                TestDd.instream("SYSUT1", "X"), TestDd.sysout("SYSUT2"));
        assertThat(editing.run(new Iebgener())).isEqualTo(12);
        assertThat(print.lines()).anyMatch(l -> l.startsWith("OCS0501E"));

        TestStep missing = new TestStep(system.registry, "USER1", "", TestDd.sysout("SYSPRINT"), TestDd.dummy("SYSIN"),
                TestDd.sysout("SYSUT2"));
        assertThat(missing.run(new Iebgener())).isEqualTo(12);
        assertThat(missing.jobLog).containsExactly("IEC130I SYSUT1 DD STATEMENT MISSING");
    }
}
