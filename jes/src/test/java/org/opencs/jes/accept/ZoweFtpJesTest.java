package org.opencs.jes.accept;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.server.FtpServer;
import org.opencs.ftp.server.FtpServerLog;
import org.opencs.jes.JobFilter;
import org.opencs.testkit.ExternalCommand;

/**
 * Zowe CLI 8 with the z/OS FTP plug-in (@zowe/zos-ftp-for-zowe-cli, unmodified, installed by the build) driving JES2
 * through the FTP server: every job command the plug-in has, as a z/OS user runs them against a JESINTERFACELEVEL 2
 * server (the plug-in's documented requirement).
 */
class ZoweFtpJesTest {
    private static final String JCL = String.join("\n", "//USER1G JOB 1,ALFRED,CLASS=A,MSGCLASS=X",
            "//STEP1 EXEC PGM=IEBGENER", "//SYSPRINT DD SYSOUT=*", "//SYSIN DD DUMMY", "//SYSUT1 DD *",
            "HELLO FROM ZOWE", "/*", "//SYSUT2 DD SYSOUT=*", "");
    private static final Pattern JOB_ID = Pattern.compile("\"jobId\": \"(JOB\\d{5})\"");

    @RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private AcceptSystem system;
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        NodeClients.require();
        system = new AcceptSystem(dir.resolve("system"), log);
        server = system.ftp();
    }

    @AfterEach
    void stop() {
        if (system != null) {
            system.close();
        }
    }

    private ExternalCommand.Result zowe(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--host", "127.0.0.1", "--port", String.valueOf(server.port()), "--user", "USER1",
                "--password", "user1pw", "--secure-ftp", "false"));
        ExternalCommand.Result result = NodeClients.zowe(dir, all.toArray(String[]::new));
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.all()).isZero();
        return result;
    }

    private static String jobId(String json) {
        Matcher m = JOB_ID.matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    @Test
    void everyJobCommandOfTheFtpPlugin() throws Exception {
        Files.writeString(dir.resolve("gen.jcl"), JCL);
        // submit local-file --wait-for-output: the job ID, RC=0000 and the spool files in the JSON answer.
        String submitted = zowe("submit", "local-file", "gen.jcl", "--wait-for-output", "--rfj").stdout();
        String local = jobId(submitted);
        assertThat(submitted).contains("\"success\": true", "\"jobName\": \"USER1G\"", "\"status\": \"OUTPUT\"",
                "\"extra\": \"RC=0000\"", "\"retcode\": \"CC 0000\"", "\"ddName\": \"JESMSGLG\"",
                "\"ddName\": \"SYSUT2\"");

        // submit data-set: a member of a PDS allocated through the catalog.
        system.pds("USER1.JCL", "GEN", JCL.replace("USER1G", "USER1D"));
        String fromDataSet = zowe("submit", "data-set", "USER1.JCL(GEN)", "--wait", "1,60", "--rfj").stdout();
        String member = jobId(fromDataSet);
        assertThat(fromDataSet).contains("\"jobName\": \"USER1D\"", "\"extra\": \"RC=0000\"");
        assertThat(member).isNotEqualTo(local);

        assertThat(zowe("list", "jobs").stdout().lines().toList())
                .contains(local + " USER1G USER1 OUTPUT", member + " USER1D USER1 OUTPUT");
        assertThat(zowe("list", "spool-files-by-jobid", local).stdout().lines().map(String::strip).toList())
                .containsExactly("1 JESMSGLG   JES2", "2 JESJCL     JES2", "3 JESYSMSG   JES2", "4 SYSPRINT   STEP1",
                        "5 SYSUT2     STEP1");
        assertThat(zowe("view", "spool-file-by-id", local, "5").stdout()).startsWith("HELLO FROM ZOWE");
        assertThat(zowe("view", "spool-file-by-id", local, "2").stdout())
                .contains("        2 //STEP1 EXEC PGM=IEBGENER");
        assertThat(zowe("view", "all-spool-by-jobid", local).stdout())
                .contains("$HASP395 USER1G   ENDED - RC=0000", "IEF142I USER1G STEP1 - STEP WAS EXECUTED - COND CODE 0000",
                        "PROCESSING ENDED AT EOD", "HELLO FROM ZOWE");
        assertThat(zowe("view", "job-status-by-jobid", local, "--rfj").stdout())
                .contains("\"jobId\": \"" + local + "\"", "\"status\": \"OUTPUT\"", "\"retcode\": \"CC 0000\"");

        zowe("download", "all-spool-by-jobid", local, "-d", "spool");
        Path spool = dir.resolve("spool").resolve(local);
        assertThat(Files.readString(spool.resolve("JES2/JESMSGLG.txt"))).contains("$HASP395 USER1G   ENDED - RC=0000");
        assertThat(spool.resolve("JES2/JESJCL.txt")).exists();
        assertThat(spool.resolve("JES2/JESYSMSG.txt")).exists();
        assertThat(spool.resolve("STEP1/SYSPRINT.txt")).exists();
        assertThat(Files.readString(spool.resolve("STEP1/SYSUT2.txt"))).startsWith("HELLO FROM ZOWE");

        assertThat(zowe("delete", "job", local).stdout()).contains("Successfully deleted job " + local);
        assertThat(system.jes.jobs(system.user("USER1"), JobFilter.all())).extracting(j -> j.jobId())
                .containsExactly(member);
        assertThat(zowe("list", "jobs").stdout()).doesNotContain(local).contains(member);
    }
}
