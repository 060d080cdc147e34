package org.opencs.jes.accept;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.server.FtpServer;
import org.opencs.ftp.server.FtpServerLog;
import org.opencs.jes.JobFilter;

/**
 * Apache Commons Net's FTPClient (configured SYST_MVS, as Java automation drives z/OS) against real JES2 through the
 * FTP server's JES interface: STOR submits, the JES list is parsed by Commons Net's MVS parser (its JES modes name each
 * OUTPUT job by its job ID), RETR JOBnnnnn.x brings the spool (IP User's Guide and Commands, "Interfacing with JES",
 * "Receiving individual spool files"), DELE purges; JESSPOOL keeps USER2 out of USER1's jobs.
 */
class AcceptCommonsNetTest {
    @RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private AcceptSystem system;
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        system = new AcceptSystem(dir, log);
        server = system.ftp();
    }

    @AfterEach
    void stop() {
        system.close();
    }

    @Test
    void submitListRetrieveAndDeleteJobs() throws Exception {
        FTPClient ftp = AcceptSystem.commonsNet(server, "USER1", "user1pw");
        String ok = AcceptSystem.submit(ftp, "//USER1A JOB 1,ALFRED,CLASS=A,MSGCLASS=X\n//STEP1 EXEC PGM=IEFBR14\n");
        String bad = AcceptSystem.submit(ftp, "//USER1B JOB 1,ALFRED,CLASS=A,MSGCLASS=X\n//STEP1 EXEC PGM=IEFBR14,"
                + "DYNAMNR=10\n");
        assertThat(system.awaitOutput("USER1", ok).completion().text()).isEqualTo("RC=0000");
        assertThat(system.awaitOutput("USER1", bad).completion().text()).isEqualTo("(JCL error)");

        assertThat(Arrays.stream(ftp.listFiles()).map(FTPFile::getName).toList()).containsExactly(ok, bad);
        assertThat(ftp.listNames()).containsExactly(ok, bad);
        assertThat(ftp.getReplyString()).startsWith("250 List completed successfully.");

        List<String> all = AcceptSystem.retrieve(ftp, ok + ".x");
        assertThat(all).anyMatch(l -> l.contains("$HASP373 USER1A   STARTED - INIT"))
                .anyMatch(l -> l.endsWith("$HASP395 USER1A   ENDED - RC=0000"))
                .anyMatch(l -> l.startsWith("        1 //USER1A JOB 1,ALFRED,CLASS=A,MSGCLASS=X") && l.endsWith(ok))
                .contains(" IEF142I USER1A STEP1 - STEP WAS EXECUTED - COND CODE 0000");
        assertThat(all.stream().filter(" !! END OF JES SPOOL FILE !!"::equals).count()).isEqualTo(3);
        assertThat(AcceptSystem.retrieve(ftp, bad + ".3")).containsExactly(" STMT NO. MESSAGE",
                "    2 IEFC630I UNIDENTIFIED KEYWORD DYNAMNR");

        assertThat(ftp.deleteFile(bad)).as(ftp.getReplyString()).isTrue();
        assertThat(ftp.getReplyString()).startsWith("250 Cancel successful");
        assertThat(ftp.listNames()).containsExactly(ok);
        assertThat(system.jes.jobs(system.user("USER1"), new JobFilter("*", "*", null, 0))).hasSize(1);
        ftp.logout();
        ftp.disconnect();

        // USER2 sees nothing of USER1's, even asking for every owner.
        FTPClient other = AcceptSystem.commonsNet(server, "USER2", "user2pw");
        assertThat(other.sendSiteCommand("FILETYPE=JES JESOWNER=* JESJOBNAME=*")).isTrue();
        assertThat(other.listNames()).isNullOrEmpty();
        assertThat(other.retrieveFile(ok + ".1", java.io.OutputStream.nullOutputStream())).isFalse();
        assertThat(other.getReplyString()).startsWith("550");
        other.logout();
        other.disconnect();
    }

    /** A file without a JOB statement is refused (docs/jes.md, OCS3002E): nothing reaches the queue. */
    @Test
    void textWithoutAJobStatementIsRefused() throws Exception {
        FTPClient ftp = AcceptSystem.commonsNet(server, "USER1", "user1pw");
        assertThat(ftp.sendSiteCommand("FILETYPE=JES")).isTrue();
        assertThat(ftp.storeFile("NOTJCL", new ByteArrayInputStream("hello world\nthis is no JCL\n"
                .getBytes(StandardCharsets.US_ASCII)))).isFalse();
        assertThat(ftp.getReplyString()).startsWith("550").contains("OCS3002E").doesNotContain("It is known to JES");
        assertThat(system.jes.jobs(system.user("USER1"), new JobFilter("*", "*", null, 0))).isEmpty();
        ftp.logout();
        ftp.disconnect();
    }
}
