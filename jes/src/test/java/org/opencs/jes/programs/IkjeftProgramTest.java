package org.opencs.jes.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.DatasetName;
import org.opencs.jes.step.Abend;
import org.opencs.tso.racdcert.SeedJobs;

/**
 * Batch TSO (IKJEFT01/1A/1B) with the seed's RACF jobs' SYSTSIN as in-stream data; behaviour per z/OS TSO/E
 * Customization "Writing JCL for command execution" (ibm.com/docs/SSLTBW_3.1.0/com.ibm.zos.v3r1.ikjb400/xtmpjcl.htm).
 */
class IkjeftProgramTest {
    @TempDir
    Path dir;

    private ProgramTestSystem system;

    @BeforeEach
    void init() throws Exception {
        system = new ProgramTestSystem(dir);
        system.tso("IBMUSER", "ADDUSER TCPSC NAME('TCP/IP SERVER')");
    }

    @AfterEach
    void close() {
        system.close();
    }

    private static String[] lines(String systsin) {
        return systsin.split("\n");
    }

    @Test
    void theSeedsRacfJobsPrintTheirRingsInSystsprt() {
        TestDd print = TestDd.sysout("SYSTSPRT");
        TestStep step = new TestStep(system.registry, "IBMUSER", "", print,
                TestDd.instream("SYSTSIN", lines(SeedJobs.read("ca-and-server.systsin"))));
        assertThat(step.run(new Ikjeft01("IKJEFT01"))).as(String.join("\n", print.lines())).isZero();
        assertThat(print.lines()).startsWith("READY", " RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('ABC CA')) OU('CS Z/OS CA') "
                + "O('IBM') C('US')) NOTBEFORE(DATE(2004-01-01)) NOTAFTER(DATE(2010-12-31)) WITHLABEL('ABC CA')")
                .contains("Digital ring information for user TCPSC:", "       >TCPRING<",
                        "  ABC CA                             CERTAUTH       CERTAUTH     NO",
                        "  ABC TCPSEV                         ID(TCPSC)      PERSONAL     YES")
                .endsWith("READY", "END");
        assertThat(step.jobLog).isEmpty();

        TestDd print2 = TestDd.sysout("SYSTSPRT");
        assertThat(new TestStep(system.registry, "IBMUSER", "", print2,
                TestDd.instream("SYSTSIN", lines(SeedJobs.read("user1.systsin")))).run(new Ikjeft01("IKJEFT01"))).isZero();
        assertThat(print2.lines()).contains("       >USER1RING<",
                "  USER1 CERT                         ID(USER1)      PERSONAL     YES");

        TestDd print3 = TestDd.sysout("SYSTSPRT");
        assertThat(new TestStep(system.registry, "IBMUSER", "", print3,
                TestDd.instream("SYSTSIN", lines(SeedJobs.read("export-p12.systsin")))).run(new Ikjeft01("IKJEFT01"))).isZero();
        assertThat(print3.lines()).contains(" RACDCERT EXPORT (LABEL('USER1 CERT')) DSN('USER1.CERT.DER.P12') "
                + "FORMAT(PKCS12DER) PASSWORD(********)");
        assertThat(system.catalog.exists(new DatasetName("USER1.CERT.DER.P12", null))).isTrue();
    }

    @Test
    void withoutSystsinNoCommandRunsAndTheJobLogSaysWhy() {
        // The seed's last job: //SYSTSPT and //SYSYSIN, neither of which the TMP opens.
        TestStep step = new TestStep(system.registry, "USER1", "", TestDd.sysout("SYSTSPT"),
                TestDd.instream("SYSYSIN", "RACDCERT ID(USER1) ADDRING(PCOMMRING)"));
        assertThat(step.run(new Ikjeft01("IKJEFT01"))).isZero();
        assertThat(step.jobLog).containsExactly("IEC130I SYSTSPRT DD STATEMENT MISSING",
                "IEC130I SYSTSIN DD STATEMENT MISSING");
        assertThat(step.ddOf("SYSTSPT").lines()).isEmpty();
        TestDd print = TestDd.sysout("SYSTSPRT");
        new TestStep(system.registry, "USER1", "", print, TestDd.instream("SYSTSIN", "RACDCERT ID(USER1) LISTRING(*)"))
                .run(new Ikjeft01("IKJEFT01"));
        assertThat(String.join("\n", print.lines())).doesNotContain("PCOMMRING");
    }

    @Test
    void ikjeft01GoesOnAfterAFailureAndEndsWithTheLastCommandsCode() {
        TestDd print = TestDd.sysout("SYSTSPRT");
        TestStep step = new TestStep(system.registry, "IBMUSER", "LISTUSER NOBODY", print,
                TestDd.instream("SYSTSIN", "LISTUSER USER1", "LISTUSER NOBODY2"));
        assertThat(step.run(new Ikjeft01("IKJEFT01"))).isEqualTo(8);
        assertThat(print.lines()).contains(" LISTUSER NOBODY", " LISTUSER USER1", " LISTUSER NOBODY2");

        TestDd print2 = TestDd.sysout("SYSTSPRT");
        assertThat(new TestStep(system.registry, "IBMUSER", "", print2,
                TestDd.instream("SYSTSIN", "LISTUSER NOBODY", "LISTUSER USER1")).run(new Ikjeft01("IKJEFT01"))).isZero();
    }

    @Test
    void ikjeft1aAnd1bEndAtTheFirstNonzeroCode() {
        for (String entry : List.of("IKJEFT1A", "IKJEFT1B")) {
            TestDd print = TestDd.sysout("SYSTSPRT");
            TestStep step = new TestStep(system.registry, "IBMUSER", "", print,
                    TestDd.instream("SYSTSIN", "LISTUSER USER1", "LISTUSER NOBODY", "ADDUSER LATE"));
            assertThat(step.run(new Ikjeft01(entry))).as(entry).isEqualTo(8);
            assertThat(print.lines()).contains(" LISTUSER NOBODY").doesNotContain(" ADDUSER LATE").endsWith("READY", "END");
            assertThat(system.registry.users().find("LATE")).isEmpty();
        }
    }

    @Test
    void aCancelledJobStopsBeforeTheNextCommand() {
        TestStep step = new TestStep(system.registry, "IBMUSER", "", TestDd.sysout("SYSTSPRT"),
                TestDd.instream("SYSTSIN", "ADDUSER LATE"));
        step.cancelled.set(true);
        assertThatThrownBy(() -> step.run(new Ikjeft01("IKJEFT01"))).isInstanceOf(Abend.class)
                .extracting(e -> ((Abend) e).code()).isEqualTo("S222");
        assertThat(system.registry.users().find("LATE")).isEmpty();
    }

    @Test
    void theLibraryFindsEveryEntryPointAndAnUnknownNameIsS806() {
        ProgramLibrary library = ProgramLibrary.builtIn();
        assertThat(library.find("ikjeft1b")).get().extracting(p -> p.names()).isEqualTo(java.util.Set.of("IKJEFT1B"));
        assertThat(library.names()).containsExactlyInAnyOrder("IEFBR14", "IKJEFT01", "IKJEFT1A", "IKJEFT1B", "FTP",
                "IEBGENER", "IDCAMS");
        assertThat(library.find("NOSUCH")).isEmpty();
        Abend abend = ProgramLibrary.notFound("nosuch");
        assertThat(abend.getMessage()).isEqualTo("CSV003I REQUESTED MODULE NOSUCH NOT FOUND");
        assertThat(abend.code()).isEqualTo("S806");
        assertThat(abend.reason()).isEqualTo("04");
        assertThat(new Iefbr14().run(new TestStep(system.registry, "USER1", ""))).isZero();
    }
}
