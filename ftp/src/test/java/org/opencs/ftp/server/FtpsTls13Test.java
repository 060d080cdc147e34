package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.testkit.ExternalCommand;

/**
 * Issue 10, "TLS as today's clients expect": FTPS over TLS 1.3 on control and data connections with SECURE_SESSION_REUSE
 * REQUIRED (the default), as vsftpd offers it. 100 uploads then 100 downloads in a row with each of curl, lftp and
 * Python's ftplib, every client held to TLS 1.3, while two CPU burners load the machine: every file comes back
 * byte-exact and no transfer is reset (the server sends no session ticket on data connections, so an uploading client
 * leaves nothing unread when it closes). An upload still ends with the client's close_notify (RFC 8446 section 6.1);
 * a data connection that does not resume its control connection's session gets 522 (RFC 4217 section 10.2), also
 * when it resumes a session of another control connection of the same client.
 */
class FtpsTls13Test {
    private static final int TRANSFERS = 100;

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;
    /** Busy loops that load the machine while transfers run; they stop with the test. */
    private final java.util.concurrent.atomic.AtomicBoolean burning = new java.util.concurrent.atomic.AtomicBoolean();
    private final List<Thread> burners = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        var config = FtpDataParser.parse(String.join("\n", "EXTENSIONS AUTH_TLS", "SECURE_FTP REQUIRED",
                "SECURE_DATACONN PRIVATE", "SECURE_SESSION_REUSE REQUIRED", "KEYRING /etc/ftp/server.kdb",
                "INACTIVE 0", "STARTDIRECTORY HFS", "FTPLOGGING TRUE"), "FTP.DATA").config();
        server = new FtpServer(config, system.registry, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        burning.set(false);
        for (Thread burner : burners) {
            try {
                burner.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (server != null) {
            server.close();
        }
        system.close();
    }

    /**
     * Two busy loops (one per core of the CI machine) in daemon threads of the test, so they end with the test (a
     * child process outlives a test that is killed; a wrapper such as timeout leaves its child running).
     */
    private void loadTheMachine() {
        burning.set(true);
        for (int i = 0; i < 2; i++) {
            Thread burner = new Thread(() -> {
                long spins = 0;
                while (burning.get()) {
                    spins++;
                }
                if (spins < 0) {
                    throw new IllegalStateException("unreachable: keeps the loop from being optimised away");
                }
            }, "cpu-burner-" + i);
            burner.setDaemon(true);
            burner.start();
            burners.add(burner);
        }
    }

    /** TRANSFERS local files of varied sizes (empty, odd, several TLS records), under {@code prefix}N.bin. */
    private List<byte[]> files(String prefix) throws Exception {
        Random random = new Random(prefix.hashCode());
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < TRANSFERS; i++) {
            byte[] content = new byte[i == 0 ? 0 : random.nextInt(i % 10 == 0 ? 2_000_000 : 200_000)];
            random.nextBytes(content);
            Files.write(dir.resolve(prefix + i + ".bin"), content);
            contents.add(content);
        }
        return contents;
    }

    private void assertStoredAndBack(String prefix, String backPrefix, List<byte[]> contents) throws Exception {
        for (int i = 0; i < TRANSFERS; i++) {
            assertThat(Files.readAllBytes(system.registry.home().hfsPath("/u/user1/" + prefix + i + ".bin")))
                    .as("stored %s%d.bin", prefix, i).isEqualTo(contents.get(i));
            assertThat(Files.readAllBytes(dir.resolve(backPrefix + i + ".bin")))
                    .as("downloaded %s%d.bin", backPrefix, i).isEqualTo(contents.get(i));
        }
        String log = Files.readString(system.registry.home().logs().resolve("ftp-activity.log"));
        assertThat(log).doesNotContain("TRANS FAILED").doesNotContain("SECURE FAILED");
    }

    /**
     * curl (7.88, OpenSSL 3) uses a TLS 1.3 session once, and learns a new one only from a ticket it reads. A download's
     * data connection gives it one, so one curl run downloads a hundred files; an upload's connection must not (curl
     * never reads it), so each upload is its own curl run, resuming the ticket of its own control connection. vsftpd
     * 3.0.3 fails both: "426 Failure reading network stream" for the first upload (the unread ticket), 522 for the next.
     */
    @Test
    void curlUploadsAndDownloadsAHundredFilesOverTls13UnderLoad() throws Exception {
        List<byte[]> contents = files("c");
        loadTheMachine();
        String base = "ftp://127.0.0.1:" + server.port() + "/"; // the home directory, /u/user1
        List<String> common = List.of("curl", "-sS", "-v", "--tlsv1.3", "--ssl-reqd", "--cacert", "ca.pem",
                "--user", "USER1:user1pw", "--ftp-method", "nocwd");
        for (int i = 0; i < TRANSFERS; i++) {
            List<String> up = new ArrayList<>(common);
            up.addAll(List.of("-T", "c" + i + ".bin", base + "c" + i + ".bin"));
            var upload = ExternalCommand.run(dir, null, up);
            assertThat(upload.exitCode()).as(upload.stderr()).isZero();
            assertSecureAndResumed(upload, 1);
            assertThat(upload.stderr()).contains("< 250 Transfer completed successfully.");
        }
        List<String> down = new ArrayList<>(common);
        for (int i = 0; i < TRANSFERS; i++) {
            down.addAll(List.of("-o", "cback" + i + ".bin", base + "c" + i + ".bin"));
        }
        var download = ExternalCommand.run(dir, null, down);
        assertThat(download.exitCode()).as(download.stderr()).isZero();
        assertSecureAndResumed(download, TRANSFERS);
        assertStoredAndBack("c", "cback", contents);
    }

    /**
     * Every handshake, control and data, is TLS 1.3; each data connection offered a session and was not refused (a
     * full handshake would have got 522), and none was reset or cut.
     */
    private static void assertSecureAndResumed(ExternalCommand.Result run, int dataConnections) {
        assertThat(run.stderr()).contains("SSL connection using TLSv1.3").doesNotContain("TLSv1.2")
                .doesNotContain("< 522 ").doesNotContain("< 451 ").doesNotContain("< 426 ");
        assertThat(run.stderr().lines().filter(l -> l.contains("SSL re-using session ID")).count())
                .isEqualTo(dataConnections);
        // A resumed TLS 1.3 handshake sends no certificate: only each control connection's handshake has one.
        assertThat(run.stderr().lines().filter(l -> l.contains("TLS handshake, Certificate (11)")).count())
                .isEqualTo(run.stderr().lines().filter(l -> l.startsWith("< 234 ")).count());
    }

    @Test
    void lftpUploadsAndDownloadsAHundredFilesOverTls13UnderLoad() throws Exception {
        List<byte[]> contents = files("l");
        loadTheMachine();
        List<String> commands = new ArrayList<>(List.of("set ssl:ca-file " + dir.resolve("ca.pem"),
                "set ssl:priority NORMAL:-VERS-ALL:+VERS-TLS1.3", "set ftp:ssl-force true",
                "set ftp:ssl-protect-data true", "set net:max-retries 1", "set net:timeout 30",
                "set cmd:fail-exit true", "open -u USER1,user1pw -p " + server.port() + " localhost",
                "cd /u/user1"));
        for (int i = 0; i < TRANSFERS; i++) {
            commands.add("put " + dir.resolve("l" + i + ".bin") + " -o l" + i + ".bin");
        }
        for (int i = 0; i < TRANSFERS; i++) {
            commands.add("get l" + i + ".bin -o " + dir.resolve("lback" + i + ".bin"));
        }
        var run = ExternalCommand.run(dir, null, List.of("lftp", "-d", "-c", String.join("; ", commands)));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.all()).doesNotContain("<--- 522").doesNotContain("<--- 451").doesNotContain("<--- 426");
        assertThat(run.all().lines().filter(l -> l.contains("<--- 250 Transfer completed successfully")).count())
                .isEqualTo(2L * TRANSFERS);
        assertStoredAndBack("l", "lback", contents);
    }

    /** ftplib with the usual subclass that resumes the control session on data connections (see FtpUploadIntegrityTest). */
    @Test
    void ftplibUploadsAndDownloadsAHundredFilesOverTls13UnderLoad() throws Exception {
        List<byte[]> contents = files("p");
        loadTheMachine();
        var run = python(String.join("\n",
                "import ftplib, ssl, sys",
                "ctx = ssl.create_default_context(cafile='ca.pem')",
                "ctx.check_hostname = False",
                "ctx.minimum_version = ssl.TLSVersion.TLSv1_3",
                "class Reusing(ftplib.FTP_TLS):",
                "    def ntransfercmd(self, cmd, rest=None):",
                "        conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)",
                "        if self._prot_p:",
                "            conn = self.context.wrap_socket(conn, server_hostname=self.host, session=self.sock.session)",
                "            versions.add(conn.version())",
                "            reused.append(conn.session_reused)",
                "        return conn, size",
                "versions, reused = set(), []",
                "f = Reusing(context=ctx)",
                "f.connect('127.0.0.1', int(sys.argv[1]))",
                "f.login('USER1', 'user1pw')",
                "f.prot_p()",
                "f.cwd('/u/user1')",
                "for i in range(" + TRANSFERS + "):",
                "    with open('p%d.bin' % i, 'rb') as data:",
                "        assert f.storbinary('STOR p%d.bin' % i, data).startswith('250 '), i",
                "for i in range(" + TRANSFERS + "):",
                "    with open('pback%d.bin' % i, 'wb') as out:",
                "        assert f.retrbinary('RETR p%d.bin' % i, out.write).startswith('250 '), i",
                "print('control', f.sock.version(), 'data', sorted(versions), 'resumed', sum(reused), 'of', len(reused))",
                "f.quit()"));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("control TLSv1.3 data ['TLSv1.3'] resumed " + 2 * TRANSFERS + " of "
                + 2 * TRANSFERS);
        assertStoredAndBack("p", "pback", contents);
    }

    /** Plain FTP_TLS does not resume the control session on its data connection: 522 under REQUIRED on TLS 1.3. */
    @Test
    void aDataConnectionThatDoesNotResumeGets522() throws Exception {
        var run = python(String.join("\n",
                "import ftplib, ssl, sys",
                "ctx = ssl.create_default_context(cafile='ca.pem')",
                "ctx.check_hostname = False",
                "ctx.minimum_version = ssl.TLSVersion.TLSv1_3",
                "f = ftplib.FTP_TLS(context=ctx)",
                "f.connect('127.0.0.1', int(sys.argv[1]))",
                "f.login('USER1', 'user1pw')",
                "f.prot_p()",
                "print('control', f.sock.version())",
                "try:",
                "    f.retrlines('LIST /u/user1')",
                "except ftplib.all_errors as e:",
                "    print('refused', e) if str(e).startswith('5') else print('refused', f.getmultiline())",
                "print(f.voidcmd('NOOP'))",
                "f.quit()"));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("control TLSv1.3").contains("refused 522 Data connections must reuse the TLS "
                + "session of the control connection (SECURE_SESSION_REUSE REQUIRED).").contains("200 ");
        assertThat(Files.readString(system.registry.home().logs().resolve("ftp-activity.log")))
                .contains("SECURE FAILED Reason=data connection did not reuse the control session");
    }

    /**
     * An upload on a data connection that does not resume (Python's ssl without the control's session: a full
     * handshake, done before STOR as curl orders it, the upload's bytes sent right behind the client's Finished, so the
     * server decrypts them in the same read that ends the handshake) gets 522 and nothing of it reaches the disk: the reuse check comes before the first decrypted byte
     * goes to the upload's temporary file, so that file (made at STOR) is created and removed but never written - no
     * modification is seen in the directory - and the target does not exist.
     */
    @Test
    void anUploadThatDoesNotResumeWritesNothingAndGets522() throws Exception {
        Path home = system.registry.home().hfsPath("/u/user1");
        try (var watch = home.getFileSystem().newWatchService()) {
            home.register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_CREATE,
                    java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY, java.nio.file.StandardWatchEventKinds.ENTRY_DELETE);
            var run = python(String.join("\n",
                    "import ftplib, socket, ssl, sys",
                    "ctx = ssl.create_default_context(cafile='ca.pem')",
                    "ctx.check_hostname = False",
                    "ctx.minimum_version = ssl.TLSVersion.TLSv1_3",
                    "f = ftplib.FTP_TLS(context=ctx)",
                    "f.connect('127.0.0.1', int(sys.argv[1]))",
                    "f.login('USER1', 'user1pw')",
                    "f.prot_p()",
                    "f.voidcmd('TYPE I')",
                    // a full handshake (no session=) before the command, and the upload's bytes right behind the
                    // client's Finished: the server reads them in the same read as the Finished, once STOR comes
                    "port = int(f.sendcmd('EPSV').split('|')[3])",
                    "conn = ctx.wrap_socket(socket.create_connection(('127.0.0.1', port), timeout=20),"
                            + " server_hostname='127.0.0.1')",
                    "print('data', conn.version(), 'resumed:', conn.session_reused)",
                    "conn.sendall(b'x' * 65536)",
                    "try:",
                    "    print(f.sendcmd('STOR /u/user1/noreuse.bin'))",
                    "    print(f.voidresp())",
                    "    print('stored')",
                    "except ftplib.all_errors as e:",
                    "    print('refused', e)",
                    "conn.close()",
                    "print(f.voidcmd('NOOP'))",
                    "f.quit()"));
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.stdout()).contains("data TLSv1.3 resumed: False")
                    .contains("refused 522 Data connections must reuse the TLS session of the control "
                    + "connection (SECURE_SESSION_REUSE REQUIRED).").contains("200 ").doesNotContain("stored");
            List<String> events = new ArrayList<>();
            boolean deleted = false;
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (!deleted && System.nanoTime() < deadline) {
                var key = watch.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (key == null) {
                    continue;
                }
                for (var event : key.pollEvents()) {
                    events.add(event.kind().name() + " " + event.context());
                    deleted |= event.kind() == java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
                }
                key.reset();
            }
            assertThat(events).as("the temporary file of the STOR comes and goes").anyMatch(e -> e.startsWith(
                    "ENTRY_CREATE")).anyMatch(e -> e.startsWith("ENTRY_DELETE"));
            assertThat(events).as("nothing was written to it").noneMatch(e -> e.startsWith("ENTRY_MODIFY"));
        }
        assertThat(home.resolve("noreuse.bin")).doesNotExist();
        try (var left = Files.list(home)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(PartialUploads.SUFFIX));
        }
    }

    /** curl told not to resume (--no-sessionid) is refused the same way. */
    @Test
    void curlWithoutSessionReuseGets522() throws Exception {
        var run = ExternalCommand.run(dir, null, List.of("curl", "-sS", "-v", "--tlsv1.3", "--ssl-reqd", "--no-sessionid",
                "--cacert", "ca.pem", "--user", "USER1:user1pw", "ftp://127.0.0.1:" + server.port() + "/"));
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("SSL connection using TLSv1.3").contains("< 522 Data connections must reuse");
    }

    /**
     * A data connection that resumes the session of another control connection (here the same client's other
     * session, holding a valid ticket of this server) is no reuse of its own control session: 522.
     */
    @Test
    void resumingAnotherControlConnectionsSessionGets522() throws Exception {
        var run = python(String.join("\n",
                "import ftplib, ssl, sys",
                "ctx = ssl.create_default_context(cafile='ca.pem')",
                "ctx.check_hostname = False",
                "ctx.minimum_version = ssl.TLSVersion.TLSv1_3",
                "class Foreign(ftplib.FTP_TLS):",
                "    def ntransfercmd(self, cmd, rest=None):",
                "        conn, size = ftplib.FTP.ntransfercmd(self, cmd, rest)",
                "        conn = self.context.wrap_socket(conn, server_hostname=self.host, session=self.other.sock.session)",
                "        print('offered a ticket of the other session, resumed:', conn.session_reused)",
                "        return conn, size",
                "def logon(cls):",
                "    f = cls(context=ctx)",
                "    f.connect('127.0.0.1', int(sys.argv[1]))",
                "    f.login('USER1', 'user1pw')",
                "    f.prot_p()",
                "    return f",
                "first = logon(ftplib.FTP_TLS)",
                "second = logon(Foreign)",
                "second.other = first",
                "try:",
                "    second.retrlines('LIST /u/user1')",
                "except ftplib.all_errors as e:",
                "    print('refused', e) if str(e).startswith('5') else print('refused', second.getmultiline())",
                "second.quit()",
                "first.quit()"));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout()).contains("offered a ticket of the other session, resumed: False")
                .contains("refused 522 Data connections must reuse");
    }

    /**
     * A client that completes its data connection's TLS handshake right after connecting, before it sends RETR or STOR
     * (curl's order), gets the server's half of the handshake at once: the server starts TLS on a passive connection
     * as it accepts it and holds only the client's Finished until the command. Before, the server read nothing until
     * the command, so this client's handshake (20 s limit) failed. Both directions, byte-exact, resumed.
     */
    @Test
    void aHandshakeBeforeTheCommandIsAnsweredAtOnceForDownloadsAndUploads() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(content);
        Files.write(dir.resolve("early.bin"), content);
        var run = python(String.join("\n",
                "import ftplib, ssl, sys, socket",
                "ctx = ssl.create_default_context(cafile='ca.pem')",
                "ctx.check_hostname = False",
                "ctx.minimum_version = ssl.TLSVersion.TLSv1_3",
                "f = ftplib.FTP_TLS(context=ctx)",
                "f.connect('127.0.0.1', int(sys.argv[1]))",
                "f.login('USER1', 'user1pw')",
                "f.prot_p()",
                "f.voidcmd('TYPE I')",
                "def data():",
                "    port = int(f.sendcmd('EPSV').split('|')[3])",
                "    raw = socket.create_connection(('127.0.0.1', port), timeout=20)",
                "    conn = ctx.wrap_socket(raw, server_hostname='127.0.0.1', session=f.sock.session)",
                "    print('handshake before the command:', conn.version(), 'resumed:', conn.session_reused)",
                "    return conn",
                "conn = data()",
                "print(f.sendcmd('STOR early.bin'))",
                "conn.sendall(open('early.bin', 'rb').read())",
                "conn.unwrap()",
                "conn.close()",
                "print(f.voidresp())",
                "conn = data()",
                "print(f.sendcmd('RETR early.bin'))",
                "chunks = []",
                "while True:",
                "    b = conn.recv(65536)",
                "    if not b:",
                "        break",
                "    chunks.append(b)",
                "conn.close()",
                "print(f.voidresp())",
                "open('early-back.bin', 'wb').write(b''.join(chunks))",
                "f.quit()"));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.stdout().lines().filter(l -> l.equals("handshake before the command: TLSv1.3 resumed: True"))
                .count()).as(run.all()).isEqualTo(2L);
        assertThat(run.stdout()).contains("125 Storing data set /u/user1/early.bin")
                .contains("250 Transfer completed successfully.");
        assertThat(Files.readAllBytes(system.registry.home().hfsPath("/u/user1/early.bin"))).isEqualTo(content);
        assertThat(Files.readAllBytes(dir.resolve("early-back.bin"))).isEqualTo(content);
    }

    private ExternalCommand.Result python(String script) {
        return ExternalCommand.run(dir, null, List.of("python3", "-c", script, String.valueOf(server.port())));
    }
}
