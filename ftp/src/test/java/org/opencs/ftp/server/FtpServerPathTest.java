package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.testkit.ExternalCommand;

/**
 * Issue 15: z/OS UNIX paths over FTP are judged where the file system takes them (symbolic links, "..") and odd
 * names get clear z/OS answers: a NUL inside a path, names at and over z/OS's 255-byte limit, MKD failures. No reply
 * shows a host path, and the session goes on after each. Raw sockets send the bytes no client sends; curl stores the
 * long name.
 */
class FtpServerPathTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        server = system.serve(log, 30, new org.opencs.core.SessionLimits(0, 0), "EXTENSIONS AUTH_TLS", "SECURE_FTP ALLOWED",
                "SECURE_DATACONN CLEAR", "KEYRING /etc/ftp/server.kdb", "INACTIVE 0", "STARTDIRECTORY HFS");
    }

    @AfterEach
    void stop() {
        system.close();
    }

    private Path hfs(String path) {
        return system.registry.home().hfsPath(path);
    }

    @Test
    void symbolicLinksAndDotDotAreJudgedWhereTheyLead() throws Exception {
        Files.writeString(hfs("/etc/ftp/secret.txt"), "server secret\n");
        Path home = hfs("/u/user1");
        Files.createSymbolicLink(home.resolve("etc"), Path.of("/etc/ftp"));
        Files.createSymbolicLink(home.resolve("host"), Path.of("/"));
        try (RawFtp client = new RawFtp(server.port()).logOn()) {
            client.write("SIZE /u/user1/etc/secret.txt");
            assertThat(client.reply()).isEqualTo("550 SIZE fails: /u/user1/etc/secret.txt does not exist.");
            client.write("SIZE /u/user1/../../etc/ftp/secret.txt");
            assertThat(client.reply()).isEqualTo("550 SIZE fails: /etc/ftp/secret.txt does not exist.");
            client.passivePort();
            client.write("RETR etc/secret.txt");
            assertThat(client.reply()).isEqualTo("550 RETR fails: /u/user1/etc/secret.txt does not exist or is not accessible.");
            // An absolute link target is the z/OS UNIX root (hfs/), never the host's: host/etc/passwd is hfs/etc/passwd.
            client.write("SIZE host/etc/passwd");
            assertThat(client.reply()).isEqualTo("550 SIZE fails: /u/user1/host/etc/passwd does not exist.");
            client.write("STOR etc/planted.txt");
            assertThat(client.reply()).isEqualTo("550 STOR fails: /u/user1/etc/planted.txt cannot be written.");
        }
        assertThat(hfs("/etc/ftp/planted.txt")).doesNotExist();
    }

    @Test
    void aNulInAPathGetsAReplyAndTheSessionGoesOn() throws Exception {
        try (RawFtp client = new RawFtp(server.port()).logOn()) {
            for (String command : List.of("SIZE", "CWD", "MKD", "RETR", "STOR", "LIST", "DELE", "MDTM", "RNFR")) {
                client.write(command + " a\u0000b");
                assertThat(client.reply()).as(command)
                        .isEqualTo("550 EDC5121I Invalid argument: a path name cannot contain a NUL character.");
            }
            client.write("NOOP");
            assertThat(client.reply()).startsWith("200");
        }
    }

    @Test
    void namesUpToZosLimitsAreStoredAndLongerOnesRefusedWithoutHostPaths() throws Exception {
        String longest = "n".repeat(251) + ".txt";
        Files.writeString(dir.resolve("long.txt"), "long name\n");
        var stored = ExternalCommand.run(dir, null, List.of("curl", "-sS", "-v", "--user", "USER1:user1pw", "-T",
                "long.txt", "ftp://127.0.0.1:" + server.port() + "/" + longest));
        assertThat(stored.exitCode()).as(stored.stderr()).isZero();
        assertThat(stored.stderr()).contains("< 250 Transfer completed successfully.");
        assertThat(hfs("/u/user1/" + longest)).hasContent("long name\n");
        try (RawFtp client = new RawFtp(server.port()).logOn()) {
            client.passivePort();
            client.write("STOR " + "x".repeat(256));
            String reply = client.reply();
            assertThat(reply).startsWith("550 EDC5126I Filename too long: xxxxxxxx").contains("(256 characters) has more than 255 bytes.");
            assertThat(reply).doesNotContain(dir.toString()).doesNotContain("hfs/");
            client.write("MKD " + "d".repeat(300));
            assertThat(client.reply()).startsWith("550 EDC5126I Filename too long");
        }
    }

    @Test
    void mkdSaysWhatFailed() throws Exception {
        Files.writeString(hfs("/u/user1/file.txt"), "x\n");
        List<String> replies = new ArrayList<>();
        try (RawFtp client = new RawFtp(server.port()).logOn()) {
            for (String argument : List.of("made", "made", "file.txt", "missing/child", "file.txt/child", "/etc/x")) {
                client.write("MKD " + argument);
                replies.add(client.reply());
            }
        }
        assertThat(replies).containsExactly(
                "257 \"/u/user1/made\" created.",
                "550 MKDIR failed: EDC5117I File exists.",
                "550 MKDIR failed: EDC5117I File exists.",
                "550 MKDIR failed: EDC5129I No such file or directory.",
                "550 MKDIR failed: EDC5135I Not a directory.",
                "550 MKDIR failed: EDC5111I Permission denied.");
    }

    @Test
    void partialUploadsLeftByAKilledServerAreRemovedAtTheNextStart() throws Exception {
        Files.writeString(hfs("/u/user1/keep.txt"), "previous\n");
        Path leftover = hfs("/u/user1/" + PartialUploads.PREFIX + "123" + PartialUploads.SUFFIX);
        Files.writeString(leftover, "half an upload");
        Path datasetLeftover = Files.createDirectories(system.registry.home().datasets()).resolve(".USER1.DATA.12345.tmp");
        Files.writeString(datasetLeftover, "half a data set write");
        server.close();
        server = system.serve(log, 30, new org.opencs.core.SessionLimits(0, 0), "INACTIVE 0");
        assertThat(leftover).doesNotExist();
        assertThat(datasetLeftover).doesNotExist();
        assertThat(hfs("/u/user1/keep.txt")).hasContent("previous\n");
    }
}
