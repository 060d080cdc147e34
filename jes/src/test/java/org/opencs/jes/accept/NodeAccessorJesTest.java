package org.opencs.jes.accept;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * IBM's zos-node-accessor 2 (unmodified, installed by the build) against JES2 through the FTP server:
 * src/test/node/accessor-jobs.js calls submitJCL, getJobStatus (until OUTPUT), listJobs, getJobLog (one spool file and
 * all), deleteJob and listJobs, and prints what each returned as JSON.
 */
class NodeAccessorJesTest {
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

    @Test
    void submitStatusListLogAndDelete() throws Exception {
        // A job submitted before, to be listed and left alone by the delete.
        String earlier = AcceptSystem.submit(AcceptSystem.commonsNet(server, "USER1", "user1pw"),
                "//USER1A JOB 1,ALFRED,CLASS=A,MSGCLASS=X\n//STEP1 EXEC PGM=IEFBR14\n");
        system.awaitOutput("USER1", earlier);
        Files.writeString(dir.resolve("job.jcl"), String.join("\n", "//USER1N JOB 1,ALFRED,CLASS=A,MSGCLASS=X",
                "//STEP1 EXEC PGM=IEBGENER", "//SYSPRINT DD SYSOUT=*", "//SYSIN DD DUMMY", "//SYSUT1 DD *",
                "HELLO FROM NODE", "/*", "//SYSUT2 DD SYSOUT=*", ""));
        ExternalCommand.Result result = NodeClients.node(dir, "accessor-jobs.js", "127.0.0.1",
                String.valueOf(server.port()), "USER1", "user1pw", dir.resolve("job.jcl").toString());
        String json = result.stdout();
        assertThat(result.exitCode()).as(result.all()).isZero();
        String jobId = json.replaceAll("(?s).*?\"jobId\": \"(JOB\\d{5})\".*", "$1");
        assertThat(jobId).matches("JOB\\d{5}").isNotEqualTo(earlier);
        // getJobStatus: OUTPUT, RC 0, the spool files from LIST JOBnnnnn.
        assertThat(json).contains("\"jobName\": \"USER1N\"", "\"status\": \"OUTPUT\"", "\"rc\": 0",
                "\"retcode\": \"RC 0000\"", "\"ddName\": \"JESMSGLG\"", "\"ddName\": \"SYSUT2\"");
        // ... with their sizes: zos-node-accessor reads BYTE-COUNT only when the table's lines end with a blank.
        assertThat(json).containsPattern("\"byteCount\": [1-9]\\d*");
        // listJobs: both jobs with their level-2 extra text.
        assertThat(json).contains("\"jobId\": \"" + earlier + "\"", "\"extra\": \"RC=0000 3 spool files\"",
                "\"extra\": \"RC=0000 5 spool files\"");
        // getJobLog: JESMSGLG alone, then every file separated by IBM's end-of-file line.
        assertThat(json).contains("$HASP395 USER1N   ENDED - RC=0000", " !! END OF JES SPOOL FILE !!",
                "HELLO FROM NODE", "\"deleted\": true");
        String afterDelete = json.substring(json.indexOf("\"jobsAfterDelete\""));
        assertThat(afterDelete).contains(earlier).doesNotContain(jobId);
        assertThat(system.jes.jobs(system.user("USER1"), JobFilter.all())).extracting(j -> j.jobId())
                .containsExactly(earlier);
    }
}
