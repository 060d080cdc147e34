package org.opencs.jes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetName;

/**
 * Jobs from submission to the OUTPUT queue on a real system home: the spool files and their lines as z/OS shows
 * them (layouts after real z/OS 2.x output: "$HASP373 JCL1     STARTED - INIT 1    - CLASS A        - SYS S0W1",
 * "IEF142I JCL1 HELLO - STEP WAS EXECUTED - COND CODE 0000", "$HASP395 JCL1     ENDED - RC=0000"), completions,
 * abends (S806 with CSV003I, z/OS MVS System Codes), JCL errors at conversion and at allocation (IEF212I).
 */
class JesRunTest {
    @TempDir
    Path dir;

    private JesFixture system;
    private Jes jes;

    @BeforeEach
    void start() throws Exception {
        system = new JesFixture(dir);
        jes = system.start(2);
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void jobRunsToOutputWithItsSpool() throws Exception {
        JobSummary job = system.run(jes, system.user("USER1"), JesFixture.jcl(
                "//USER1A   JOB (ACCT),'A PROGRAMMER',CLASS=A,MSGCLASS=H,NOTIFY=&SYSUID",
                "//STEP1    EXEC PGM=COPY",
                "//SYSUT1   DD *",
                "HELLO WORLD",
                "SECOND LINE",
                "/*",
                "//SYSUT2   DD SYSOUT=*",
                "//STEP2    EXEC PGM=RC,PARM='4'",
                "//NEWDS    DD DSN=USER1.NEW.DATA,DISP=(NEW,CATLG),RECFM=FB,LRECL=80",
                "//TEMP     DD DSN=&&WORK,DISP=(NEW,PASS)"));
        assertThat(job.status()).isEqualTo(JobStatus.OUTPUT);
        assertThat(job.completion()).isEqualTo(new Completion.ReturnCode(4));
        assertThat(job.completion().text()).isEqualTo("RC=0004");
        assertThat(job.jobId()).matches("JOB\\d{5}");
        assertThat(job.owner()).isEqualTo("USER1");
        String id = job.jobId();

        List<SpoolFile> files = jes.spoolFiles(system.user("USER1"), id);
        assertThat(files).extracting(SpoolFile::ddName).containsExactly("JESMSGLG", "JESJCL", "JESYSMSG", "SYSUT2");
        assertThat(files).extracting(SpoolFile::id).containsExactly(1, 2, 3, 4);
        assertThat(files.get(3).stepName()).isEqualTo("STEP1");
        assertThat(files.get(3).sysoutClass()).isEqualTo("H");
        assertThat(files.get(3).recordCount()).isEqualTo(2);
        assertThat(files.get(0).stepName()).isEqualTo("JES2");
        assertThat(job.spoolFileCount()).isEqualTo(4);

        assertThat(jes.spoolLines(system.user("USER1"), id, 4)).containsExactly("HELLO WORLD", "SECOND LINE");

        List<String> log = jes.spoolLines(system.user("USER1"), id, 1);
        assertThat(log.get(0)).startsWith("1").endsWith("J E S 2  J O B  L O G  --  S Y S T E M  O P E N C S  --  N O D E  N 1");
        assertThat(log.get(1)).isEqualTo("0 ");
        assertThat(log.get(2)).matches(" \\d\\d\\.\\d\\d\\.\\d\\d " + id + " ---- [A-Z]+, +\\d\\d [A-Z]{3} \\d{4} ----");
        String stamp = " \\d\\d\\.\\d\\d\\.\\d\\d " + id + "  ";
        assertThat(log.get(3)).matches(stamp + "IRR010I  USERID USER1    IS ASSIGNED TO THIS JOB\\.");
        assertThat(log.get(4)).matches(stamp + "\\$HASP373 USER1A   STARTED - INIT [12]    - CLASS A        - SYS OPENCS");
        assertThat(log.get(5)).matches(stamp + "IEF403I USER1A - STARTED - TIME=\\d\\d\\.\\d\\d\\.\\d\\d");
        assertThat(log.get(6)).matches(stamp + "-                                      -----TIMINGS \\(MINS\\.\\)------ +-----PAGING COUNTS----");
        assertThat(log.get(7)).matches(stamp + "-STEPNAME PROCSTEP    RC   EXCP   CONN       TCB       SRB  CLOCK          SERV  WORKLOAD  PAGE  SWAP   VIO SWAPS");
        assertThat(log.get(8)).matches(stamp + "-STEP1                00      4      0       \\.00       \\.00 +[\\d.]+ {16}BATCH        0     0     0     0");
        assertThat(log.get(9)).matches(stamp + "-STEP2                04 +\\d+ .*");
        assertThat(log.get(10)).matches(stamp + "IEF404I USER1A - ENDED - TIME=\\d\\d\\.\\d\\d\\.\\d\\d");
        assertThat(log.get(11)).matches(stamp + "-USER1A   ENDED\\.  NAME-A PROGRAMMER         TOTAL TCB CPU TIME=      \\.00 TOTAL ELAPSED TIME= +[\\d.]+");
        assertThat(log.get(12)).matches(stamp + "\\$HASP395 USER1A   ENDED - RC=0004");
        assertThat(log.get(13)).isEqualTo("0------ JES2 JOB STATISTICS ------");
        assertThat(log.get(14)).matches("-  \\d\\d [A-Z]{3} \\d{4} JOB EXECUTION DATE");
        assertThat(log.get(15)).isEqualTo("-           10 CARDS READ");
        assertThat(log.get(16)).matches("- +\\d+ SYSOUT PRINT RECORDS");
        assertThat(log.get(17)).isEqualTo("-            0 SYSOUT PUNCH RECORDS");
        assertThat(log.get(18)).matches("- +\\d+ SYSOUT SPOOL KBYTES");
        assertThat(log.get(19)).matches("- +\\d+\\.\\d\\d MINUTES EXECUTION TIME");
        assertThat(log).hasSize(20);

        List<String> jesjcl = jes.spoolLines(system.user("USER1"), id, 2);
        assertThat(jesjcl.get(0)).hasSize(90).startsWith("        1 //USER1A   JOB").endsWith(id);
        assertThat(jesjcl.get(1)).isEqualTo("        2 //STEP1    EXEC PGM=COPY");

        List<String> sysmsg = jes.spoolLines(system.user("USER1"), id, 3);
        String jesName = "USER1.USER1A." + id + ".D00001";
        String temp = "SYS\\d{5}\\.T\\d{6}\\.RA000\\.USER1A\\.WORK";
        assertThat(sysmsg.get(0)).isEqualTo(" IEF236I ALLOC. FOR USER1A STEP1");
        assertThat(sysmsg.get(1)).isEqualTo(" IEF237I JES2 ALLOCATED TO SYSUT1");
        assertThat(sysmsg.get(2)).isEqualTo(" IEF237I JES2 ALLOCATED TO SYSUT2");
        assertThat(sysmsg.get(3)).isEqualTo(" IEF142I USER1A STEP1 - STEP WAS EXECUTED - COND CODE 0000");
        assertThat(sysmsg.get(4)).isEqualTo(String.format(" IEF285I   %-44s SYSIN", jesName + "01.?"));
        assertThat(sysmsg.get(5)).isEqualTo(String.format(" IEF285I   %-44s SYSOUT", jesName + "02.?"));
        assertThat(sysmsg.get(6)).matches(" IEF373I STEP/STEP1   /START \\d{7}\\.\\d{4}");
        assertThat(sysmsg.get(7)).matches(" IEF374I STEP/STEP1   /STOP  \\d{7}\\.\\d{4} CPU    0MIN 00\\.00SEC SRB    0MIN 00\\.00SEC");
        assertThat(sysmsg.get(8)).isEqualTo(" IEF236I ALLOC. FOR USER1A STEP2");
        assertThat(sysmsg.get(9)).isEqualTo(" IEF237I DASD ALLOCATED TO NEWDS");
        assertThat(sysmsg.get(10)).isEqualTo(" IEF237I VIO  ALLOCATED TO TEMP");
        assertThat(sysmsg.get(11)).isEqualTo(" IEF142I USER1A STEP2 - STEP WAS EXECUTED - COND CODE 0004");
        assertThat(sysmsg.get(12)).isEqualTo(String.format(" IEF285I   %-44s CATALOGED", "USER1.NEW.DATA"));
        assertThat(sysmsg.get(13)).matches(" IEF285I   " + temp + " +PASSED");
        assertThat(sysmsg.get(14)).startsWith(" IEF373I STEP/STEP2   /START ");
        assertThat(sysmsg.get(15)).startsWith(" IEF374I STEP/STEP2   /STOP  ");
        assertThat(sysmsg.get(16)).matches(" IEF285I   " + temp + " +DELETED");
        assertThat(sysmsg.get(17)).matches(" IEF375I  JOB/USER1A  /START \\d{7}\\.\\d{4}");
        assertThat(sysmsg.get(18)).matches(" IEF376I  JOB/USER1A  /STOP  \\d{7}\\.\\d{4} CPU    0MIN 00\\.00SEC SRB    0MIN 00\\.00SEC");
        assertThat(sysmsg).hasSize(19);

        Catalog catalog = new Catalog(system.registry.home(), system.registry.clock());
        assertThat(catalog.attributes(new DatasetName("USER1.NEW.DATA", null))).hasValueSatisfying(a -> {
            assertThat(a.recfm().name()).isEqualTo("FB");
            assertThat(a.lrecl()).isEqualTo(80);
        });
        assertThat(catalog.list("SYS")).isEmpty();
        assertThat(system.notices).containsExactly("USER1:$HASP165 USER1A   ENDED AT N1  MAXCC=0004 CN(INTERNAL)");
    }

    @Test
    void unknownProgramAbendsS806AndLaterStepsAreBypassedUnlessCondEven() throws Exception {
        JobSummary job = system.run(jes, system.user("USER1"), JesFixture.jcl(
                "//USER1B   JOB 1,NOTIFY=USER1",
                "//STEP1    EXEC PGM=NOSUCH",
                "//STEP2    EXEC PGM=RC,PARM='0'",
                "//STEP3    EXEC PGM=RC,PARM='2',COND=EVEN"));
        assertThat(job.completion()).isEqualTo(new Completion.Abended("806"));
        assertThat(job.completion().text()).isEqualTo("ABEND=806");
        assertThat(system.ran).containsExactly("USER1B.STEP3");
        List<String> log = jes.spoolLines(system.user("USER1"), job.jobId(), 1);
        assertThat(log).anySatisfy(l -> assertThat(l).endsWith("  CSV003I REQUESTED MODULE NOSUCH NOT FOUND"));
        assertThat(log).anySatisfy(l -> assertThat(l).matches(".*  IEF450I USER1B STEP1 - ABEND=S806 U0000 "
                + "REASON=00000004  TIME=\\d\\d\\.\\d\\d\\.\\d\\d"));
        assertThat(log).anySatisfy(l -> assertThat(l).matches(".*  -STEP1              S806 .*"));
        assertThat(log).anySatisfy(l -> assertThat(l).matches(".*  -STEP2             FLUSH .*"));
        assertThat(log).anySatisfy(l -> assertThat(l).matches(".*  -STEP3                02 .*"));
        assertThat(log).anySatisfy(l -> assertThat(l).endsWith("  $HASP395 USER1B   ENDED - ABEND=S806"));
        List<String> sysmsg = jes.spoolLines(system.user("USER1"), job.jobId(), 3);
        assertThat(sysmsg).contains(" CSV003I REQUESTED MODULE NOSUCH NOT FOUND",
                " IEF450I USER1B STEP1 - ABEND=S806 U0000 REASON=00000004",
                " IEF272I USER1B STEP2 - STEP WAS NOT EXECUTED.",
                " IEF142I USER1B STEP3 - STEP WAS EXECUTED - COND CODE 0002");
        assertThat(system.notices).containsExactly(
                "USER1:$HASP165 USER1B   ENDED AT N1 - ABEND=S806 U0000 CN(INTERNAL)");
    }

    @Test
    void userAbendAndConditionCodes() throws Exception {
        JobSummary job = system.run(jes, system.user("USER1"), JesFixture.jcl(
                "//USER1C   JOB 1",
                "//STEP1    EXEC PGM=RC,PARM='8'",
                "//STEP2    EXEC PGM=RC,PARM='0',COND=(4,LT)",
                "//STEP3    EXEC PGM=BOOM,COND=(8,GT)",
                "//STEP4    EXEC PGM=RC,PARM='0'"));
        assertThat(job.completion()).isEqualTo(new Completion.Abended("U0016"));
        assertThat(system.ran).containsExactly("USER1C.STEP1", "USER1C.STEP3");
        List<String> sysmsg = jes.spoolLines(system.user("USER1"), job.jobId(), 3);
        assertThat(sysmsg).contains(" IEF202I USER1C STEP2 - STEP WAS NOT RUN BECAUSE OF CONDITION CODES",
                " IEF272I USER1C STEP2 - STEP WAS NOT EXECUTED.",
                " IEF450I USER1C STEP3 - ABEND=S000 U0016 REASON=00000000",
                " IEF272I USER1C STEP4 - STEP WAS NOT EXECUTED.");
        assertThat(jes.spoolLines(system.user("USER1"), job.jobId(), 1))
                .anySatisfy(l -> assertThat(l).endsWith("$HASP395 USER1C   ENDED - ABEND=U0016"));
    }

    @Test
    void jclErrorAtConversionRunsNoStep() throws Exception {
        JobSummary job = jes.submit(system.user("USER1"), JesFixture.jcl(
                "//USER1D   JOB 1,NOTIFY=USER1",
                "//STEP1    EXEC PGM=RC,PARM='0'",
                "//STEP2    EXCE PGM=RC,PARM='0'"));
        assertThat(job.status()).isEqualTo(JobStatus.OUTPUT);
        assertThat(job.completion()).isEqualTo(new Completion.JclError());
        assertThat(job.completion().text()).isEqualTo("(JCL error)");
        assertThat(jes.await(system.user("USER1"), job.jobId(), java.time.Duration.ofSeconds(5)).completion())
                .isEqualTo(new Completion.JclError());
        assertThat(system.ran).isEmpty();
        assertThat(jes.spoolFiles(system.user("USER1"), job.jobId())).extracting(SpoolFile::ddName)
                .containsExactly("JESMSGLG", "JESJCL", "JESYSMSG");
        assertThat(jes.spoolLines(system.user("USER1"), job.jobId(), 3))
                .containsExactly(" STMT NO. MESSAGE", "    3 IEFC605I UNIDENTIFIED OPERATION FIELD");
        List<String> log = jes.spoolLines(system.user("USER1"), job.jobId(), 1);
        assertThat(log).anySatisfy(l -> assertThat(l).endsWith("  IEFC452I USER1D - JOB NOT RUN - JCL ERROR"));
        assertThat(log).anySatisfy(l -> assertThat(l).endsWith("  $HASP396 USER1D   TERMINATED"));
        assertThat(log).doesNotContain("-  JOB EXECUTION DATE");
        assertThat(system.notices).containsExactly("USER1:$HASP165 USER1D   ENDED AT N1 - JCL ERROR CN(INTERNAL)");
    }

    @Test
    void missingDataSetIsAJclErrorAtAllocation() throws Exception {
        JobSummary job = system.run(jes, system.user("USER1"), JesFixture.jcl(
                "//USER1E   JOB 1",
                "//STEP1    EXEC PGM=RC,PARM='0'",
                "//STEP2    EXEC PGM=COPY",
                "//SYSUT1   DD DSN=USER1.MISSING.DATA,DISP=SHR",
                "//SYSUT2   DD SYSOUT=*",
                "//STEP3    EXEC PGM=RC,PARM='0'"));
        assertThat(job.completion()).isEqualTo(new Completion.JclError());
        assertThat(system.ran).containsExactly("USER1E.STEP1");
        List<String> sysmsg = jes.spoolLines(system.user("USER1"), job.jobId(), 3);
        assertThat(sysmsg).contains(" IEF212I USER1E STEP2 SYSUT1 - DATA SET NOT FOUND",
                " IEF272I USER1E STEP2 - STEP WAS NOT EXECUTED.");
        assertThat(sysmsg).noneMatch(l -> l.contains("STEP3"));
        List<String> log = jes.spoolLines(system.user("USER1"), job.jobId(), 1);
        assertThat(log).anySatisfy(l -> assertThat(l).matches(".*  IEF453I USER1E - JOB FAILED - JCL ERROR - TIME=.*"));
        assertThat(log).anySatisfy(l -> assertThat(l).endsWith("  $HASP395 USER1E   ENDED - JCL ERROR"));
    }

    @Test
    void dataSetsAreReadAndWrittenWithTheJobUsersAuthority() throws Exception {
        Catalog catalog = new Catalog(system.registry.home(), system.registry.clock());
        DatasetName input = new DatasetName("USER2.PRIVATE.DATA", null);
        catalog.allocate(input, new org.opencs.datasets.DatasetAttributes("PS", org.opencs.datasets.RecordFormat.FB,
                80, 800, java.time.LocalDate.now(), java.time.LocalDate.now()));
        catalog.writeText(input, "SECRET\n");
        JobSummary job = system.run(jes, system.user("USER1"), JesFixture.jcl(
                "//USER1F   JOB 1",
                "//STEP1    EXEC PGM=COPY",
                "//SYSUT1   DD DSN=USER2.PRIVATE.DATA,DISP=SHR",
                "//SYSUT2   DD DSN=USER1.COPY.DATA,DISP=(NEW,CATLG,DELETE)"));
        assertThat(job.completion()).isEqualTo(new Completion.Abended("913"));
        List<String> sysmsg = jes.spoolLines(system.user("USER1"), job.jobId(), 3);
        assertThat(sysmsg).contains(" ICH408I USER(USER1) USER2.PRIVATE.DATA CL(DATASET) INSUFFICIENT ACCESS "
                        + "AUTHORITY ACCESS INTENT(READ)",
                " IEF450I USER1F STEP1 - ABEND=S913 U0000 REASON=00000038",
                String.format(" IEF285I   %-44s KEPT", "USER2.PRIVATE.DATA"),
                String.format(" IEF285I   %-44s DELETED", "USER1.COPY.DATA"));
        assertThat(catalog.exists(new DatasetName("USER1.COPY.DATA", null))).isFalse();

        JobSummary copy = system.run(jes, system.user("USER2"), JesFixture.jcl(
                "//USER2A   JOB 1",
                "//STEP1    EXEC PGM=COPY",
                "//SYSUT1   DD DSN=USER2.PRIVATE.DATA,DISP=SHR",
                "//SYSUT2   DD DSN=USER2.COPY.DATA,DISP=(NEW,CATLG,DELETE),RECFM=VB,LRECL=84",
                "//STEP2    EXEC PGM=COPY",
                "//SYSUT1   DD DSN=*.STEP1.SYSUT2,DISP=SHR",
                "//         DD *",
                "IN-STREAM",
                "//SYSUT2   DD DSN=USER2.COPY.DATA,DISP=MOD"));
        assertThat(copy.completion()).isEqualTo(new Completion.ReturnCode(0));
        assertThat(catalog.readText(new DatasetName("USER2.COPY.DATA", null)))
                .isEqualTo("SECRET\nSECRET\nIN-STREAM\n");
    }
}
