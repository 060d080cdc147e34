package org.opencs.jes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.UnixText;

/**
 * PATH= DDs through the whole of JES (the real JCL reader, allocation, BPXBATCH from the built-in library): STDOUT to
 * a z/OS UNIX file with PATHOPTS, STDERR to SYSOUT. Source: z/OS MVS JCL Reference, "PATH parameter"; z/OS UNIX
 * System Services Command Reference, "BPXBATCH".
 */
class JesUnixFileDdTest {
    @TempDir
    Path dir;

    private JesFixture system;

    @BeforeEach
    void start() throws Exception {
        system = new JesFixture(dir);
        Files.createDirectories(system.registry.home().hfs().resolve("u/user1"));
        UnixText.write(system.registry.home().hfs().resolve("u/user1/in.txt"), "IN\n");
        new org.opencs.tso.TsoProcessor().run("ALTUSER USER1 OMVS(UID(101) HOME(/u/user1))",
                new org.opencs.tso.TsoSession(system.registry, system.user("IBMUSER")), line -> { });
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void bpxbatchWritesStdoutToAPathDd() throws Exception {
        try (Jes jes = Jes.builder(system.registry).initiators(1).pollInterval(Duration.ofMillis(100)).start()) {
            JobSummary job = jes.submit(system.user("USER1"), List.of(
                    "//USER1B   JOB 1,USER1,CLASS=A,MSGCLASS=X",
                    "//SHELL    EXEC PGM=BPXBATCH,PARM='SH echo hi $LOGNAME;pwd;ls in.txt'",
                    "//STDOUT   DD PATH='/u/user1/stdout.txt',",
                    "//            PATHOPTS=(OWRONLY,OCREAT,OTRUNC)",
                    "//STDERR   DD SYSOUT=*"));
            JobSummary ended = jes.await(system.user("USER1"), job.jobId(), Duration.ofSeconds(60));
            assertThat(ended.completion()).isEqualTo(new Completion.ReturnCode(0));
            assertThat(UnixText.read(system.registry.home().hfs().resolve("u/user1/stdout.txt")))
                    .isEqualTo("hi USER1\n/u/user1\nin.txt\n");
            List<String> sysmsg = jes.spoolLines(system.user("USER1"), job.jobId(), 3);
            assertThat(String.join("\n", sysmsg)).contains("IEF237I HFS  ALLOCATED TO STDOUT")
                    .contains("IEF142I USER1B SHELL - STEP WAS EXECUTED - COND CODE 0000");
        }
    }

    @Test
    void aProgramOtherThanBpxbatchCannotUseRecordsOfAPathDd() throws Exception {
        try (Jes jes = Jes.builder(system.registry).initiators(1).pollInterval(Duration.ofMillis(100)).start()) {
            JobSummary job = jes.submit(system.user("USER1"), List.of(
                    "//USER1C   JOB 1,USER1,CLASS=A,MSGCLASS=X",
                    "//COPY     EXEC PGM=IEBGENER",
                    "//SYSPRINT DD SYSOUT=*",
                    "//SYSIN    DD DUMMY",
                    "//SYSUT1   DD PATH='/u/user1/in.txt'",
                    "//SYSUT2   DD SYSOUT=*"));
            JobSummary ended = jes.await(system.user("USER1"), job.jobId(), Duration.ofSeconds(60));
            assertThat(ended.completion()).isEqualTo(new Completion.Abended("013"));
            assertThat(String.join("\n", jes.spoolLines(system.user("USER1"), job.jobId(), 1)))
                    .contains("IEC141I 013-C4,SYSUT1,/u/user1/in.txt");
        }
    }
}
