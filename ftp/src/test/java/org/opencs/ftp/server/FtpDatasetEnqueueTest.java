package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.SessionLimits;
import org.opencs.saf.grs.EnqMode;
import org.opencs.saf.grs.EnqOwner;
import org.opencs.saf.grs.EnqResult;

/**
 * Data set serialization through real FTP clients (Apache Commons Net): while one client's upload into a data set is
 * still receiving (the test feeds its data connection and holds it open), a second client's STOR, RETR, DELE and
 * RNFR of that data set get z/OS's in-use reply (IBM APAR PM52007: "450 Data set ... is allocated to another job and
 * is unavailable for STOU command"); other data sets, and other members of a PDS whose member is being written, are
 * served. The ENQs go with the transfer, and a job's (or another node's) ENQ refuses FTP the same way.
 */
class FtpDatasetEnqueueTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;

    @AfterEach
    void stop() {
        system.close();
    }

    private FTPClient client() throws Exception {
        FTPClient ftp = new FTPClient();
        ftp.connect("127.0.0.1", server.port());
        assertThat(ftp.login("USER1", "user1pw")).isTrue();
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        ftp.enterLocalPassiveMode();
        return ftp;
    }

    private void start() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        server = system.serve(log, 60, new SessionLimits(0, 0), "SECURE_FTP ALLOWED", "SECURE_DATACONN CLEAR",
                "INACTIVE 0", "STARTDIRECTORY MVS");
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aDataSetBeingUploadedIsRefusedToOtherSessionsUntilTheUploadEnds() throws Exception {
        start();
        FTPClient writer = client();
        FTPClient other = client();
        try {
            assertThat(other.storeFile("'USER1.SLOW.DATA'", bytes("OLD CONTENT\n"))).isTrue();
            OutputStream upload = writer.storeFileStream("'USER1.SLOW.DATA'");
            assertThat(upload).as(writer.getReplyString()).isNotNull();
            upload.write("NEW CONTENT PART 1\n".getBytes(StandardCharsets.US_ASCII));
            upload.flush();

            assertThat(other.storeFile("'USER1.SLOW.DATA'", bytes("THIRD\n"))).isFalse();
            assertThat(other.getReplyCode()).isEqualTo(450);
            assertThat(other.getReplyString()).contains("450-EZZ9819I FTP unable to obtain EXCLUSIVE use of "
                    + "USER1.SLOW.DATA which is held by: UNKNOWN USER1 EXCLUSIVE on SYSDSN",
                    "450 Data set USER1.SLOW.DATA is allocated to another job and is unavailable for STOR command");
            assertThat(other.retrieveFile("'USER1.SLOW.DATA'", new ByteArrayOutputStream())).isFalse();
            assertThat(other.getReplyString()).contains("unavailable for RETR command");
            assertThat(other.deleteFile("'USER1.SLOW.DATA'")).isFalse();
            assertThat(other.getReplyString()).contains("450 Data set USER1.SLOW.DATA is allocated to another job");
            assertThat(other.rename("'USER1.SLOW.DATA'", "'USER1.MOVED.DATA'")).isFalse();
            assertThat(other.getReplyString()).contains("unavailable for RNFR command");
            // Another data set is not in the way.
            assertThat(other.storeFile("'USER1.FREE.DATA'", bytes("FREE\n"))).isTrue();

            upload.write("NEW CONTENT PART 2\n".getBytes(StandardCharsets.US_ASCII));
            upload.close();
            assertThat(writer.completePendingCommand()).isTrue();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            assertThat(other.retrieveFile("'USER1.SLOW.DATA'", read)).isTrue();
            assertThat(read.toString(StandardCharsets.US_ASCII)).startsWith("NEW CONTENT PART 1");
            assertThat(system.registry.enqueues().all()).isEmpty();
        } finally {
            writer.disconnect();
            other.disconnect();
        }
    }

    @Test
    void aMemberBeingWrittenBlocksItsWritersButNotOtherMembersOrReaders() throws Exception {
        start();
        FTPClient writer = client();
        FTPClient other = client();
        try {
            assertThat(writer.makeDirectory("'USER1.LIB'")).isTrue();
            assertThat(other.storeFile("'USER1.LIB(MEM1)'", bytes("MEM1 V1\n"))).isTrue();
            OutputStream upload = writer.storeFileStream("'USER1.LIB(MEM1)'");
            assertThat(upload).as(writer.getReplyString()).isNotNull();
            upload.write("MEM1 V2\n".getBytes(StandardCharsets.US_ASCII));
            upload.flush();

            assertThat(other.storeFile("'USER1.LIB(MEM2)'", bytes("MEM2\n"))).isTrue();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            assertThat(other.retrieveFile("'USER1.LIB(MEM1)'", read)).isTrue();
            assertThat(read.toString(StandardCharsets.US_ASCII)).startsWith("MEM1 V1");
            assertThat(other.storeFile("'USER1.LIB(MEM1)'", bytes("MEM1 V3\n"))).isFalse();
            assertThat(other.getReplyString()).contains(
                    "450 Data set USER1.LIB(MEM1) is allocated to another job and is unavailable for STOR command");

            upload.close();
            assertThat(writer.completePendingCommand()).isTrue();
            assertThat(other.storeFile("'USER1.LIB(MEM1)'", bytes("MEM1 V3\n"))).isTrue();
        } finally {
            writer.disconnect();
            other.disconnect();
        }
    }

    @Test
    void aDataSetAJobHoldsIsRefusedAndServedOnceReleased() throws Exception {
        start();
        FTPClient ftp = client();
        try {
            assertThat(ftp.storeFile("'USER1.JOB.DATA'", bytes("DATA\n"))).isTrue();
            EnqOwner job = new EnqOwner("another-node-instance", "PAYROLL/JOB00042");
            EnqResult held = system.registry.enqueues().enq("SYSDSN", "USER1.JOB.DATA", EnqMode.SHARED, job);
            assertThat(held).isInstanceOf(EnqResult.Granted.class);
            // Readers share with the job's DISP=SHR; a writer is refused, naming the job.
            assertThat(ftp.retrieveFile("'USER1.JOB.DATA'", new ByteArrayOutputStream())).isTrue();
            assertThat(ftp.appendFile("'USER1.JOB.DATA'", bytes("MORE\n"))).isFalse();
            assertThat(ftp.getReplyString()).contains("held by: UNKNOWN PAYROLL SHARED on SYSDSN",
                    "unavailable for APPE command");
            ((EnqResult.Granted) held).enq().close();
            assertThat(ftp.appendFile("'USER1.JOB.DATA'", bytes("MORE\n"))).isTrue();
        } finally {
            ftp.disconnect();
        }
    }
}
