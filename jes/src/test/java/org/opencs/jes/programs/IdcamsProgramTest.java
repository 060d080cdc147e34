package org.opencs.jes.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;

/**
 * IDCAMS against a real catalog; messages as z/OS DFSMS Access Method Services Commands and MVS System Messages Vol 6
 * (GOS-IEA) "IDC messages" give them (IDC0550I, IDC3012I, IDC0001I, IDC0002I, IDC0005I).
 */
class IdcamsProgramTest {
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

    private record Result(int code, List<String> listing, TestStep step) {
    }

    private Result idcams(String userid, String... sysin) {
        TestDd print = TestDd.sysout("SYSPRINT");
        TestStep step = new TestStep(system.registry, userid, "", print, TestDd.instream("SYSIN", sysin),
                TestDd.sysout("OUT"), TestDd.dataset("INDD", system.catalog, "USER1.DATA"));
        int code = step.run(new Idcams());
        return new Result(code, print.lines(), step);
    }

    @Test
    void deleteOfAMissingDataSetIsConditionCode8AndSetMaxccResetsIt() {
        system.dataset("USER1.OLD.LIST", RecordFormat.FB, 80, "x");
        Result r = idcams("USER1",
                " DELETE 'USER1.OLD.LIST' PURGE",
                " DELETE USER1.NOT.THERE NONVSAM",
                " IF LASTCC = 8 THEN -",
                "    SET MAXCC = 0");
        assertThat(r.listing().get(0)).startsWith("IDCAMS  SYSTEM SERVICES").contains("TIME: 12:00:00", "11/25/26", "PAGE      1");
        assertThat(r.listing()).containsSubsequence(
                " DELETE 'USER1.OLD.LIST' PURGE",
                "IDC0550I ENTRY (A) USER1.OLD.LIST DELETED",
                "IDC0001I FUNCTION COMPLETED, HIGHEST CONDITION CODE WAS 0",
                " DELETE USER1.NOT.THERE NONVSAM",
                "IDC3012I ENTRY USER1.NOT.THERE NOT FOUND",
                "IDC3009I ** VSAM CATALOG RETURN CODE IS 8 - REASON CODE IS IGG0CLEG-42",
                "IDC0551I ** ENTRY USER1.NOT.THERE NOT DELETED",
                "IDC0001I FUNCTION COMPLETED, HIGHEST CONDITION CODE WAS 8",
                " IF LASTCC = 8 THEN -",
                "    SET MAXCC = 0",
                "IDC0002I IDCAMS PROCESSING COMPLETE. MAXIMUM CONDITION CODE WAS 0");
        assertThat(r.code()).isZero();
        assertThat(system.catalog.exists(new DatasetName("USER1.OLD.LIST", null))).isFalse();

        Result plain = idcams("USER1", " DELETE USER1.NOT.THERE");
        assertThat(plain.code()).isEqualTo(8);
        assertThat(plain.listing()).endsWith("IDC0002I IDCAMS PROCESSING COMPLETE. MAXIMUM CONDITION CODE WAS 8");
    }

    @Test
    void reproCopiesBetweenDataSetsAndDdsAndPrintShowsTheRecords() {
        system.dataset("USER1.DATA", RecordFormat.FB, 80, "HELLO WORLD", "SECOND LINE", "THIRD");
        system.dataset("USER1.COPY", RecordFormat.VB, 84);
        Result r = idcams("USER1",
                " /* copy and show */",
                " REPRO INDATASET(USER1.DATA) OUTDATASET('USER1.COPY') SKIP(1)",
                " REPRO INFILE(INDD) OUTFILE(OUT) COUNT(1)",
                " PRINT INDATASET(USER1.COPY) CHARACTER",
                " PRINT INFILE(INDD) COUNT(1)",
                " PRINT IDS(USER1.DATA) HEX SKIP(2)");
        assertThat(r.code()).as(String.join("\n", r.listing())).isZero();
        // FB records keep their blanks in a VB copy, as REPRO copies records whole.
        assertThat(system.text("USER1.COPY")).isEqualTo(String.format("%-80s\n%-80s\n", "SECOND LINE", "THIRD"));
        assertThat(r.step().ddOf("OUT").lines()).hasSize(1).allMatch(l -> l.startsWith("HELLO WORLD"));
        assertThat(r.listing()).containsSubsequence(
                "IDC0005I NUMBER OF RECORDS PROCESSED WAS 2",
                "IDC0005I NUMBER OF RECORDS PROCESSED WAS 1",
                "LISTING OF DATA SET -USER1.COPY",
                "RECORD SEQUENCE NUMBER - 1", "SECOND LINE", "", "RECORD SEQUENCE NUMBER - 2", "THIRD",
                "IDC0005I NUMBER OF RECORDS PROCESSED WAS 2",
                "LISTING OF DATA SET -USER1.DATA",
                "RECORD SEQUENCE NUMBER - 1");
        // DUMP: offset, hex groups of four bytes, the characters between asterisks.
        assertThat(r.listing()).anyMatch(l -> l.startsWith("000000  C8C5D3D3 D640E6D6 D9D3C440 40404040")
                && l.endsWith("*HELLO WORLD                     *"));
        assertThat(r.listing()).contains("RECORD SEQUENCE NUMBER - 3")
                .anyMatch(l -> l.startsWith("000000  E3C8C9D9 C4404040 40404040") && !l.contains("*"));
    }

    @Test
    void listcatListsByLevelAndEntriesAndSaysWhatIsMissing() {
        system.dataset("USER1.A.ONE", RecordFormat.FB, 80, "a");
        system.dataset("USER1.B", RecordFormat.VB, 84, "b");
        Result r = idcams("USER1", " LISTCAT LEVEL(USER1) ALL", " LISTCAT ENTRIES('USER1.B' USER1.GONE)");
        assertThat(r.listing()).containsSubsequence(" LISTCAT LEVEL(USER1) ALL",
                "NONVSAM ------- USER1.A.ONE", "     IN-CAT --- CATALOG.OPENCS",
                "NONVSAM ------- USER1.B",
                "                                 NONVSAM ---------------2",
                "                                 TOTAL -----------------2",
                "IDC0001I FUNCTION COMPLETED, HIGHEST CONDITION CODE WAS 0",
                " LISTCAT ENTRIES('USER1.B' USER1.GONE)",
                "IDC3012I ENTRY USER1.GONE NOT FOUND",
                "IDC1566I ** USER1.GONE NOT LISTED",
                "NONVSAM ------- USER1.B",
                "IDC0001I FUNCTION COMPLETED, HIGHEST CONDITION CODE WAS 4");
        assertThat(r.listing()).anyMatch(l -> l.contains("RECFM-------------VB"));
        assertThat(r.code()).isEqualTo(4);
    }

    @Test
    void ifElseWithDoGroupsAndMaxcc() {
        Result r = idcams("USER1",
                " SET LASTCC = 4",
                " IF MAXCC > 0 THEN DO",
                "   DELETE USER1.NONE.N1",
                "   DELETE USER1.NONE.N2",
                " END",
                " ELSE DELETE USER1.NONE.N3",
                " IF LASTCC NE 8 THEN DELETE USER1.NONE.N4",
                " ELSE SET MAXCC = 2");
        assertThat(String.join("\n", r.listing())).contains("USER1.NONE.N1 NOT FOUND", "USER1.NONE.N2 NOT FOUND")
                .doesNotContain("USER1.NONE.N3 NOT FOUND", "USER1.NONE.N4 NOT FOUND");
        assertThat(r.code()).isEqualTo(2);
    }

    @Test
    void aBadCommandIsConditionCode12AndSixteenEndsTheStream() {
        Result r = idcams("USER1", " DELTE USER1.X", " REPRO INDATASET(USER1.X)", " SET MAXCC = 16",
                " DELETE USER1.NEVER");
        assertThat(r.listing()).containsSubsequence("IDC3211I KEYWORD 'DELTE' IS IMPROPER",
                "IDC3202I ABOVE TEXT BYPASSED UNTIL NEXT COMMAND. CONDITION CODE IS 12",
                "IDC0001I FUNCTION COMPLETED, HIGHEST CONDITION CODE WAS 12",
                "IDC3214I REQUIRED PARAMETER OUTFILE OR OUTDATASET FOR 'REPRO' IS MISSING",
                "IDC0002I IDCAMS PROCESSING COMPLETE. MAXIMUM CONDITION CODE WAS 16");
        assertThat(String.join("\n", r.listing())).doesNotContain("USER1.NEVER NOT FOUND");
        assertThat(r.code()).isEqualTo(16);
    }

    @Test
    void anotherUsersDataSetsNeedTheirProfiles() {
        system.dataset("USER2.SECRET", RecordFormat.FB, 80, "s");
        Result r = idcams("USER1", " DELETE USER2.SECRET", " REPRO IDS(USER2.SECRET) OFILE(OUT)");
        assertThat(r.listing()).contains("IDC3018I SECURITY VERIFICATION FAILED+",
                "IDC0551I ** ENTRY USER2.SECRET NOT DELETED", "IDC3300I ERROR OPENING USER2.SECRET");
        assertThat(r.step().jobLog).anyMatch(l -> l.startsWith("ICH408I USER(USER1) USER2.SECRET CL(DATASET)"));
        assertThat(system.catalog.exists(new DatasetName("USER2.SECRET", null))).isTrue();
        assertThat(r.code()).isEqualTo(12);
    }

    @Test
    void genericDeleteAndMembers() {
        system.dataset("USER1.TEMP.A", RecordFormat.FB, 80, "a");
        system.dataset("USER1.TEMP.B", RecordFormat.FB, 80, "b");
        system.dataset("USER1.KEEP", RecordFormat.FB, 80, "k");
        system.pds("USER1.LIB", "MEM1", "one", "MEM2", "two");
        Result r = idcams("USER1", " DELETE USER1.TEMP.*", " DELETE 'USER1.LIB(MEM1)'");
        assertThat(r.listing()).contains("IDC0550I ENTRY (A) USER1.TEMP.A DELETED", "IDC0550I ENTRY (A) USER1.TEMP.B DELETED",
                "IDC0549I MEMBER MEM1 DELETED");
        assertThat(system.catalog.list("USER1")).containsExactly("USER1.KEEP", "USER1.LIB");
        assertThat(system.catalog.members(new DatasetName("USER1.LIB", null))).containsExactly("MEM2");
        assertThat(r.code()).isZero();
    }

    @Test
    void withoutSysinOrSysprintNothingRuns() {
        TestStep noSysin = new TestStep(system.registry, "USER1", "", TestDd.sysout("SYSPRINT"));
        assertThat(noSysin.run(new Idcams())).isEqualTo(16);
        assertThat(noSysin.jobLog).containsExactly("IEC130I SYSIN DD STATEMENT MISSING");
        TestStep noPrint = new TestStep(system.registry, "USER1", "", TestDd.instream("SYSIN", " DELETE USER1.X"));
        assertThat(noPrint.run(new Idcams())).isEqualTo(16);
        assertThat(noPrint.jobLog).containsExactly("IEC130I SYSPRINT DD STATEMENT MISSING");
    }
}
