package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetName;

/**
 * Issue 10, "an upload that is cut off is not committed": curl killed (SIGKILL) in the middle of a PROT P upload over
 * an existing file ends its data connection without TLS close_notify. That is a truncation (RFC 4217 section 9,
 * RFC 8446 section 6.1): the server must reply 451, keep the previous content, and log TRANS FAILED with an audit
 * record; for a z/OS UNIX file and for a data set alike. A whole upload by the same client still commits.
 */
class FtpUploadIntegrityTest {
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

    private void start() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        server = system.serve(log, org.opencs.ftp.config.FtpData.DEFAULT_DATATIMEOUT, new org.opencs.core.SessionLimits(0, 0),
                "EXTENSIONS AUTH_TLS", "SECURE_FTP REQUIRED", "SECURE_DATACONN PRIVATE", "KEYRING /etc/ftp/server.kdb",
                "INACTIVE 0", "STARTDIRECTORY HFS", "FTPLOGGING TRUE");
    }

    private List<String> curl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--ssl-reqd", "--cacert", "ca.pem",
                "--user", "USER1:user1pw", "--ftp-method", "nocwd"));
        command.addAll(List.of(arguments));
        return command;
    }

    private String url(String path) {
        return "ftp://127.0.0.1:" + server.port() + path;
    }

    /**
     * Starts a rate-limited curl upload and kills it with SIGKILL once file data is flowing on the data connection
     * (curl's trace shows it sending data after the 125 reply; however loaded the machine, not before).
     */
    private void killMidUpload(String target) throws Exception {
        byte[] big = new byte[24 * 1024 * 1024];
        new Random(7).nextBytes(big);
        Files.write(dir.resolve("big.bin"), big);
        Path trace = dir.resolve("curl.trace");
        Files.deleteIfExists(trace);
        List<String> command = curl("--limit-rate", "4M", "--trace-ascii", trace.toString(), "-T", "big.bin", url(target));
        Process curl = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("curl.out").toFile()).start();
        for (int i = 0; i < 300 && !sendingData(trace); i++) {
            Thread.sleep(100);
        }
        assertThat(sendingData(trace)).as("curl sends file data within 30 s").isTrue();
        Thread.sleep(500);
        assertThat(curl.isAlive()).as("curl still uploading (24 MB at 4 MB/s)").isTrue();
        curl.destroyForcibly();
        assertThat(curl.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Whether curl's trace shows file data sent after the server's 125 reply. */
    private static boolean sendingData(Path trace) throws java.io.IOException {
        if (!Files.exists(trace)) {
            return false;
        }
        String text = Files.readString(trace, java.nio.charset.StandardCharsets.ISO_8859_1);
        int reply = text.indexOf("125 Storing");
        return reply >= 0 && text.indexOf("=> Send data", reply) > 0;
    }

    private String waitForLog(String text) throws Exception {
        Path log = system.registry.home().logs().resolve("ftp-activity.log");
        for (int i = 0; i < 100; i++) {
            String content = Files.exists(log) ? Files.readString(log) : "";
            if (content.contains(text)) {
                return content;
            }
            Thread.sleep(100);
        }
        return Files.readString(log);
    }

    @Test
    void aKilledUploadOverAnExistingFileKeepsItsContent() throws Exception {
        start();
        Path keep = system.registry.home().hfsPath("/u/user1/keep.bin");
        byte[] previous = new byte[1024 * 1024];
        new Random(1).nextBytes(previous);
        Files.write(keep, previous);
        killMidUpload("/keep.bin");
        String log = waitForLog("TRANS FAILED");
        // killed, the client's control connection may close first: the transfer is then aborted for that reason
        assertThat(log).containsPattern("TRANS FAILED Reply=451 Transfer aborted: (the data connection ended without "
                + "TLS close_notify|the transfer was aborted)");
        assertThat(Files.readAllBytes(keep)).isEqualTo(previous);
        try (var files = Files.list(keep.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keep.bin");
        }
        assertThat(Files.readString(system.registry.home().logs().resolve("audit.jsonl")))
                .contains("\"file\":\"/u/user1/keep.bin\"").contains("\"reply\":\"451\"");
        // The same client's whole upload ends with close_notify and commits.
        Files.writeString(dir.resolve("small.txt"), "whole\n");
        var whole = org.opencs.testkit.ExternalCommand.run(dir, null, curl("-T", "small.txt", url("/keep.bin")));
        assertThat(whole.exitCode()).as(whole.stderr()).isZero();
        assertThat(keep).hasContent("whole\n");
    }

    @Test
    void aKilledUploadIntoADataSetKeepsItsRecords() throws Exception {
        start();
        Catalog catalog = new Catalog(system.registry.home(), system.clock);
        Files.writeString(dir.resolve("first.txt"), "FIRST RECORD\n");
        var first = org.opencs.testkit.ExternalCommand.run(dir, null,
                curl("--use-ascii", "-T", "first.txt", url("/%27USER1.KEEP.DATA%27")));
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        DatasetName name = new DatasetName("USER1.KEEP.DATA", null);
        String before = catalog.readText(name);
        killMidUpload("/%27USER1.KEEP.DATA%27");
        assertThat(waitForLog("TRANS FAILED")).containsPattern("TRANS FAILED Reply=451 Transfer aborted: (the data "
                + "connection ended without TLS close_notify|the transfer was aborted)");
        assertThat(catalog.readText(name)).isEqualTo(before).isEqualTo("FIRST RECORD\n");
    }

    /**
     * Python's ftplib ends a protected upload with close_notify (SSLSocket.unwrap), so it commits as a whole. Plain
     * FTP_TLS does not resume the control session on data connections (SECURE_SESSION_REUSE REQUIRED answers 522), so
     * the script uses the usual subclass that passes the control connection's session, as z/OS users do.
     */
    @Test
    void ftplibUploadsOverProtPCommit() throws Exception {
        start();
        String script = String.join("\n",
                "import ftplib, io, ssl, sys",
                "ctx = ssl.create_default_context(cafile='ca.pem')",
                "ctx.check_hostname = False",
                "class Reusing(ftplib.FTP_TLS):",
                "    def ntransfercmd(self, cmd, rest=None):",
                "        conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)",
                "        if self._prot_p:",
                "            conn = self.context.wrap_socket(conn, server_hostname=self.host, session=self.sock.session)",
                "        return conn, size",
                "f = Reusing(context=ctx)",
                "f.connect('127.0.0.1', int(sys.argv[1]))",
                "f.login('USER1', 'user1pw')",
                "f.prot_p()",
                "print(f.storbinary('STOR /u/user1/py.bin', io.BytesIO(bytes(range(256)) * 4096)))",
                "f.quit()");
        var run = org.opencs.testkit.ExternalCommand.run(dir, null,
                List.of("python3", "-c", script, String.valueOf(server.port())));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("250 Transfer completed successfully.");
        byte[] expected = new byte[256 * 4096];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) i;
        }
        assertThat(Files.readAllBytes(system.registry.home().hfsPath("/u/user1/py.bin"))).isEqualTo(expected);
    }
}
