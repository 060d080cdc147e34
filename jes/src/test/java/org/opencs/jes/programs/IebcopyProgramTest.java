package org.opencs.jes.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.MemberStatistics;
import org.opencs.jes.step.Abend;

/**
 * IEBCOPY on real partitioned data sets (z/OS DFSMSdfp Utilities, IEBCOPY; IEB messages in MVS System Messages Vol
 * 7).
 */
class IebcopyProgramTest {
    @TempDir
    Path dir;

    private ProgramTestSystem system;

    @BeforeEach
    void init() throws Exception {
        system = new ProgramTestSystem(dir);
        system.pds("USER1.SOURCE", "A", "AAA\n", "B", "BBB\n", "C", "CCC\n");
        system.pds("USER1.TARGET", "B", "OLD B\n");
    }

    @AfterEach
    void close() {
        system.close();
    }

    private TestDd in(String dd) {
        return TestDd.dataset(dd, system.catalog, "USER1.SOURCE");
    }

    private TestDd out(String dd) {
        return TestDd.dataset(dd, system.catalog, "USER1.TARGET");
    }

    @Test
    void copyAllMergesWithoutReplacingAndKeepsIspfStatistics() {
        MemberStatistics stats = new MemberStatistics(1, 3, LocalDate.of(2025, 1, 2), LocalDateTime.of(2025, 3, 4, 5, 6, 7),
                1, 1, 0, "USER1");
        system.catalog.writeStatistics(new DatasetName("USER1.SOURCE", "A"), stats);
        TestDd print = TestDd.sysout("SYSPRINT");
        TestStep step = new TestStep(system.registry, "USER1", "", print, in("INDD"), out("OUTDD"),
                TestDd.instream("SYSIN", "  COPY OUTDD=OUTDD,INDD=INDD"));
        assertThat(step.run(new Iebcopy())).isZero();
        assertThat(system.text("USER1.TARGET(A)")).isEqualTo("AAA\n");
        assertThat(system.text("USER1.TARGET(B)")).isEqualTo("OLD B\n");
        assertThat(system.text("USER1.TARGET(C)")).isEqualTo("CCC\n");
        assertThat(system.catalog.statistics(new DatasetName("USER1.TARGET", "A"))).contains(stats);
        assertThat(print.lines()).containsExactly(Iebcopy.HEADING, "",
                "  COPY OUTDD=OUTDD,INDD=INDD",
                "IEB167I FOLLOWING MEMBER(S) COPIED FROM INPUT DATA SET REFERENCED BY INDD",
                "IEB154I A        HAS BEEN SUCCESSFULLY COPIED",
                "OCS0511I B        NOT COPIED: IT IS IN THE OUTPUT DATA SET REFERENCED BY OUTDD AND REPLACE WAS NOT SPECIFIED",
                "IEB154I C        HAS BEEN SUCCESSFULLY COPIED",
                "IEB147I END OF JOB -00 WAS HIGHEST SEVERITY CODE");
    }

    @Test
    void replaceOnTheInddReplaces() {
        TestStep step = new TestStep(system.registry, "USER1", "", TestDd.sysout("SYSPRINT"), in("IN"), out("OUT"),
                TestDd.instream("SYSIN", " COPY OUTDD=OUT,INDD=((IN,R))"));
        assertThat(step.run(new Iebcopy())).isZero();
        assertThat(system.text("USER1.TARGET(B)")).isEqualTo("BBB\n");
    }

    @Test
    void selectRenamesReplacesAndReportsMissingMembers() {
        TestDd print = TestDd.sysout("SYSPRINT");
        TestStep step = new TestStep(system.registry, "USER1", "", print, in("IN"), out("OUT"),
                TestDd.instream("SYSIN", " COPY OUTDD=OUT,INDD=IN", " SELECT MEMBER=((A,NEWA),(B,,R),NOSUCH)"));
        assertThat(step.run(new Iebcopy())).isEqualTo(4);
        assertThat(system.text("USER1.TARGET(NEWA)")).isEqualTo("AAA\n");
        assertThat(system.text("USER1.TARGET(B)")).isEqualTo("BBB\n");
        assertThat(system.catalog.exists(new DatasetName("USER1.TARGET", "C"))).isFalse();
        assertThat(print.lines()).containsSubsequence(
                "IEB167I FOLLOWING MEMBER(S) COPIED FROM INPUT DATA SET REFERENCED BY IN",
                "IEB155I NEWA     HAS BEEN SUCCESSFULLY COPIED AND IS A NEW NAME",
                "IEB154I B        HAS BEEN SUCCESSFULLY COPIED",
                "IEB177I NOSUCH   WAS SELECTED BUT NOT FOUND IN ANY INPUT DATA SET",
                "IEB151I JOB HAS TERMINATED WITH ERROR(S)",
                "IEB147I END OF JOB -04 WAS HIGHEST SEVERITY CODE");
    }

    @Test
    void excludeAndASecondInput() {
        system.pds("USER1.MORE", "C", "OTHER C\n", "D", "DDD\n");
        TestStep step = new TestStep(system.registry, "USER1", "", TestDd.sysout("SYSPRINT"), in("IN1"),
                TestDd.dataset("IN2", system.catalog, "USER1.MORE"), out("OUT"),
                TestDd.instream("SYSIN", " COPY OUTDD=OUT,INDD=(IN1,IN2)", " EXCLUDE MEMBER=(A)"));
        assertThat(step.run(new Iebcopy())).isZero();
        assertThat(system.catalog.exists(new DatasetName("USER1.TARGET", "A"))).isFalse();
        assertThat(system.text("USER1.TARGET(C)")).isEqualTo("CCC\n"); // from IN1; IN2's C does not replace it
        assertThat(system.text("USER1.TARGET(D)")).isEqualTo("DDD\n");
    }

    @Test
    void withoutSysinStatementsSysut1IsCopiedToSysut2() {
        TestDd print = TestDd.sysout("SYSPRINT");
        TestStep step = new TestStep(system.registry, "USER1", "REPLACE", print, TestDd.dummy("SYSIN"), in("SYSUT1"),
                out("SYSUT2"));
        assertThat(step.run(new Iebcopy())).isZero();
        assertThat(system.text("USER1.TARGET(B)")).isEqualTo("BBB\n");
        assertThat(print.lines()).contains(" COPY OUTDD=SYSUT2,INDD=(SYSUT1,R)");
    }

    @Test
    void errorsEndTheOperationWithSeverity8() {
        TestDd print = TestDd.sysout("SYSPRINT");
        system.dataset("USER1.SEQ", org.opencs.datasets.RecordFormat.FB, 80, "X");
        TestStep step = new TestStep(system.registry, "USER1", "", print, in("IN"),
                TestDd.dataset("SEQ", system.catalog, "USER1.SEQ"), out("OUT"),
                TestDd.instream("SYSIN", " COPY OUTDD=NODD,INDD=IN", " COPY OUTDD=SEQ,INDD=IN",
                        " COPY OUTDD=OUT,INDD=IN", " SELECT MEMBER=A,B"));
        assertThat(step.run(new Iebcopy())).isEqualTo(8);
        assertThat(step.jobLog).containsExactly("IEC130I NODD DD STATEMENT MISSING");
        assertThat(print.lines()).contains("OCS0513E THE NODD DD STATEMENT IS MISSING: THE OPERATION IS ENDED",
                "OCS0514E SEQ IS NOT A PARTITIONED DATA SET (USER1.SEQ): UNLOAD AND LOAD ARE NOT SUPPORTED, THE OPERATION IS ENDED",
                "IEB147I END OF JOB -08 WAS HIGHEST SEVERITY CODE");
        assertThat(print.lines()).contains("OCS0510E OPERAND B IS NOT KEYWORD=VALUE");
        assertThat(system.catalog.exists(new DatasetName("USER1.TARGET", "A"))).isFalse(); // the failed operation ran not
    }

    @Test
    void anotherUsersLibraryIsRefusedByRacf() {
        system.pds("USER2.PRIVATE", "S", "SECRET\n");
        system.tso("IBMUSER", "ADDSD 'USER2.**' UACC(NONE)");
        TestStep step = new TestStep(system.registry, "USER1", "", TestDd.sysout("SYSPRINT"),
                TestDd.dataset("IN", system.catalog, "USER2.PRIVATE"), out("OUT"),
                TestDd.instream("SYSIN", " COPY OUTDD=OUT,INDD=IN"));
        assertThatThrownBy(() -> step.run(new Iebcopy())).isInstanceOfSatisfying(Abend.class, a -> {
            assertThat(a.code()).isEqualTo("S913");
            assertThat(a.getMessage()).contains("IEC150I").contains("913-38");
        });
        assertThat(step.jobLog).anyMatch(l -> l.startsWith("ICH408I"));
        assertThat(system.catalog.exists(new DatasetName("USER1.TARGET", "S"))).isFalse();
    }

    @Test
    void theLibraryFindsIt() {
        assertThat(ProgramLibrary.builtIn().find("iebcopy")).get().isInstanceOf(Iebcopy.class);
    }
}
