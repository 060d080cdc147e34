package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.FileTag;
import org.opencs.core.UnixFileTags;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.testkit.ExternalCommand;

/**
 * Issue 10 section 2b: what z/OS clients depend on in z/OS UNIX files and data sets, with the real clients named in
 * each test: DELE of directories (curl), a bare LF inside a TYPE A line (raw sockets sending exact bytes, records
 * checked on disk), text stored in EBCDIC and converted back (curl, lftp, raw sockets), symbolic links in LIST
 * (curl) and MLSD (Python's ftplib), and LIST of the members of a missing PDS (ftplib).
 */
class FtpZosFilesTest {
    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        var config = FtpDataParser.parse(String.join("\n", "EXTENSIONS AUTH_TLS", "SECURE_FTP ALLOWED",
                "SECURE_DATACONN CLEAR", "KEYRING /etc/ftp/server.kdb", "INACTIVE 0", "STARTDIRECTORY HFS"),
                "FTP.DATA").config();
        server = new FtpServer(config, system.registry, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        system.close();
    }

    private Path home(String file) {
        return system.registry.home().hfsPath("/u/user1/" + file);
    }

    private String url(String path) {
        return "ftp://127.0.0.1:" + server.port() + path;
    }

    private ExternalCommand.Result curl(String... arguments) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-v", "--user", "USER1:user1pw"));
        command.addAll(List.of(arguments));
        return ExternalCommand.run(dir, null, command);
    }

    private ExternalCommand.Result python(String script) {
        return ExternalCommand.run(dir, null, List.of("python3", "-c", script, String.valueOf(server.port())));
    }

    private Catalog catalog() {
        return new Catalog(system.registry.home(), system.registry.clock());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** ftp550-19: "The delete and rename subcommands support a directory name but the directory must be empty." */
    @Test
    void curlDeletesAnEmptyDirectoryAndIsToldWhenOneIsNotEmpty() throws Exception {
        var empty = curl("-Q", "MKD /u/user1/d", "-Q", "DELE /u/user1/d", url("/"));
        assertThat(empty.exitCode()).as(empty.all()).isZero();
        assertThat(empty.stderr()).contains("< 257 \"/u/user1/d\" created.").contains("< 250 /u/user1/d deleted.");
        assertThat(home("d")).doesNotExist();

        Files.createDirectories(home("full"));
        Files.writeString(home("full/x.txt"), "x");
        var full = curl("-Q", "DELE /u/user1/full", url("/"));
        assertThat(full.exitCode()).isNotZero();
        assertThat(full.stderr()).contains("< 550 DELE fails: /u/user1/full is a directory and is not empty.");
        assertThat(home("full/x.txt")).exists();

        var missing = curl("-Q", "DELE /u/user1/nothing", url("/"));
        assertThat(missing.stderr()).contains("< 550 DELE fails: /u/user1/nothing does not exist or is not accessible.");
        var homeDir = curl("-Q", "DELE /u/user1", url("/"));
        assertThat(homeDir.stderr()).contains("< 550 DELE fails: /u/user1 does not exist or is not accessible.");
        assertThat(home("")).isDirectory();
    }

    /**
     * Only CRLF ends a line of a TYPE A upload (ftp211-11: "The z/OS server and client can receive ASCII data only in
     * this format"): a bare LF or CR stays a character of its record, x'25' or x'0D', and comes back as itself.
     */
    @Test
    void aBareLfInsideATypeALineStaysInItsRecord() throws Exception {
        LocalDate today = LocalDate.now();
        catalog().allocate(new DatasetName("USER1.LF.TEXT", null),
                new DatasetAttributes("PS", RecordFormat.VB, 256, 27998, today, today));
        byte[] sent = "hello\nworld\r\ncarriage\rreturn\r\nlast".getBytes(StandardCharsets.US_ASCII);
        try (RawFtp client = new RawFtp(server.port()).logOn()) {
            assertThat(client.send("TYPE A")).startsWith("200");
            assertThat(client.upload("STOR 'USER1.LF.TEXT'", sent)).isEqualTo("250 Transfer completed successfully.");
            List<byte[]> records = catalog().readRecords(new DatasetName("USER1.LF.TEXT", null));
            assertThat(records).extracting(FtpZosFilesTest::hex)
                    .containsExactly("8885939396" + "25" + "a6969993 84".replace(" ", ""),
                            "8381999989818785" + "0d" + "9985a3a49995", "9381a2a3");
            String[] back = client.download("RETR 'USER1.LF.TEXT'");
            assertThat(back[0]).isEqualTo("hello\nworld\r\ncarriage\rreturn\r\nlast\r\n");

            // The same rule for a z/OS UNIX file: CRLF becomes the file's new line x'15', the bare LF is x'25'.
            assertThat(client.upload("STOR /u/user1/lf.txt", sent)).isEqualTo("250 Transfer completed successfully.");
            assertThat(hex(Files.readAllBytes(home("lf.txt"))))
                    .isEqualTo("888593939625a696999384" + "15" + "83819999898187850d9985a3a49995" + "15" + "9381a2a3");
            assertThat(client.download("RETR /u/user1/lf.txt")[0]).isEqualTo("hello\nworld\r\ncarriage\rreturn\r\nlast");

            // TYPE E: x'15' ends a line, x'25' is a character.
            assertThat(client.send("TYPE E")).startsWith("200");
            byte[] ebcdic = HexFormat.of().parseHex("c1250d15c2");
            assertThat(client.upload("STOR 'USER1.LF.TEXT'", ebcdic)).isEqualTo("250 Transfer completed successfully.");
            assertThat(catalog().readRecords(new DatasetName("USER1.LF.TEXT", null))).extracting(FtpZosFilesTest::hex)
                    .containsExactly("c1250d", "c2");
        }
    }

    /**
     * z/OS stores text uploaded in TYPE A to a z/OS UNIX file in EBCDIC (IBM-1047) and, with SBDATACONN giving the
     * file system code page, tags the file with it (IBM z/OS IP Configuration Guide, "ASCII file transfers"); a TYPE A
     * download converts it back.
     */
    @Test
    void textUploadedInAsciiIsStoredInEbcdicAndComesBack() throws Exception {
        Files.writeString(dir.resolve("hello.txt"), "Hello\n");
        var up = curl("--use-ascii", "-T", "hello.txt", url("/hello.txt"));
        assertThat(up.exitCode()).as(up.all()).isZero();
        assertThat(hex(Files.readAllBytes(home("hello.txt")))).isEqualTo("c88593939615");
        assertThat(UnixFileTags.read(home("hello.txt"))).contains(FileTag.text("IBM-1047"));

        var binary = curl("-o", "binary.out", url("/hello.txt"));
        assertThat(binary.exitCode()).as(binary.all()).isZero();
        assertThat(hex(Files.readAllBytes(dir.resolve("binary.out")))).isEqualTo("c88593939615");
        var ascii = curl("--use-ascii", "-o", "ascii.out", url("/hello.txt"));
        assertThat(ascii.stderr()).contains("< 125-Tagged EBCDIC file translated with table built using file system "
                + "cp=IBM-1047, network transfer cp=ISO8859-1");
        // curl turns the CRLF line ends of an ASCII download into the local LF: the original comes back.
        assertThat(Files.readString(dir.resolve("ascii.out"))).isEqualTo("Hello\n");

        // lftp's ASCII mode turns line ends into CRLF and back: the original comes back byte for byte.
        Files.writeString(dir.resolve("two.txt"), "line one\nline [two] {3}\n");
        String script = String.join("; ", "set net:max-retries 1", "set net:timeout 20", "set ftp:ssl-allow false",
                "open -u USER1,user1pw -p " + server.port() + " 127.0.0.1", "put -a " + dir.resolve("two.txt") + " -o two.txt",
                "get -a two.txt -o " + dir.resolve("two.back"), "get two.txt -o " + dir.resolve("two.bin"));
        var lftp = ExternalCommand.run(dir, null, List.of("lftp", "-c", script));
        assertThat(lftp.exitCode()).as(lftp.all()).isZero();
        assertThat(Files.readString(dir.resolve("two.back"))).isEqualTo("line one\nline [two] {3}\n");
        assertThat(new String(Files.readAllBytes(dir.resolve("two.bin")), "IBM1047")).isEqualTo("line one\nline [two] {3}\n");
        assertThat(Files.readAllBytes(home("two.txt"))).contains(0xAD, 0xBD, 0xC0, 0xD0); // IBM-1047 [ ] { }
    }

    /**
     * The seed's flow on a z/OS UNIX file: a certificate request uploaded in ASCII (curl) is stored in EBCDIC and
     * read by gskkyman's reader (the one {@code gskkyman -g -cr} uses) as the request it was.
     */
    @Test
    void aRequestUploadedInAsciiIsReadByGskkyman() throws Exception {
        var pair = org.opencs.pki.cert.KeyType.RSA_2048.generate(new java.security.SecureRandom());
        String pem = org.opencs.pki.cert.CertificateRequests.toPem(org.opencs.pki.cert.CertificateRequests.create(pair,
                new org.opencs.pki.cert.SubjectName("USER1", null, "ABC", null, null, "US").toX500Name(), List.of()));
        Files.writeString(dir.resolve("certreq.arm"), pem);
        var up = curl("--use-ascii", "-T", "certreq.arm", url("/certreq.arm"));
        assertThat(up.exitCode()).as(up.all()).isZero();
        byte[] stored = Files.readAllBytes(home("certreq.arm"));
        assertThat(stored).isEqualTo(org.opencs.core.CodePage.IBM_1047.encodeText(pem));
        var request = org.opencs.pki.cert.CertificateRequests.read(org.opencs.core.UnixText.readPemOrBinary(home("certreq.arm")),
                "/u/user1/certreq.arm");
        assertThat(request.getSubject().toString()).contains("CN=USER1");
    }

    /** SBDATACONN=(ISO8859-1,ISO8859-1) stores ASCII and tags it so; the tag decides every later conversion. */
    @Test
    void aFileTaggedAsciiIsStoredAndSentByItsTag() throws Exception {
        try (RawFtp client = new RawFtp(server.port()).logOn()) {
            client.send("TYPE A");
            assertThat(client.send("SITE SBDATACONN=(ISO8859-1,ISO8859-1)")).startsWith("200");
            assertThat(client.upload("STOR /u/user1/a.txt", "ASCII text\r\n".getBytes(StandardCharsets.US_ASCII)))
                    .isEqualTo("250 Transfer completed successfully.");
            assertThat(Files.readString(home("a.txt"))).isEqualTo("ASCII text\n");
            assertThat(UnixFileTags.read(home("a.txt"))).contains(FileTag.text("ISO8859-1"));
            assertThat(client.send("SITE SBDATACONN=(IBM-1047,ISO8859-1)")).startsWith("200");
            // APPE keeps the file's code page (its tag), not SBDATACONN's.
            assertThat(client.upload("APPE /u/user1/a.txt", "more\r\n".getBytes(StandardCharsets.US_ASCII)))
                    .isEqualTo("250 Transfer completed successfully.");
            assertThat(Files.readString(home("a.txt"))).isEqualTo("ASCII text\nmore\n");
            String[] back = client.download("RETR /u/user1/a.txt");
            assertThat(back[0]).isEqualTo("ASCII text\r\nmore\r\n");
            assertThat(client.send("TYPE E")).startsWith("200");
            assertThat(hex(client.download("RETR /u/user1/a.txt")[0].getBytes(StandardCharsets.ISO_8859_1)))
                    .isEqualTo("c1e2c3c9c940a385a7a3159496998515");
        }
    }

    /** z/OS's /bin/ls shows links as links; one dangling link never fails the listing or shows a host path. */
    @Test
    void symbolicLinksAreListedAsLinks() throws Exception {
        Files.writeString(home("log.txt"), "x");
        Files.createDirectories(home("sub"));
        Files.createSymbolicLink(home("tolog"), Path.of("log.txt"));
        Files.createSymbolicLink(home("dangling"), Path.of("missing.txt"));
        Files.createSymbolicLink(home("todir"), Path.of("/u/user1/sub"));
        var list = curl(url("/"));
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.stdout()).containsPattern("(?m)^lrwxrwxrwx +1 USER1 +SYS1 +11 .* dangling -> missing\\.txt$")
                .containsPattern("(?m)^lrwxrwxrwx +1 USER1 +SYS1 +7 .* tolog -> log\\.txt$")
                .containsPattern("(?m)^lrwxrwxrwx .* todir -> /u/user1/sub$")
                .containsPattern("(?m)^-rw-r--r-- .* log\\.txt$").containsPattern("(?m)^drwxr-xr-x .* sub$")
                .doesNotContain(dir.toString());

        var mlsd = python(String.join("\n", "import ftplib, sys",
                "f = ftplib.FTP()", "f.connect('127.0.0.1', int(sys.argv[1]))", "f.login('USER1', 'user1pw')",
                "for name, facts in f.mlsd('/u/user1'):", "    print(name, facts['type'])",
                "print(f.sendcmd('MLST /u/user1/dangling'))", "f.quit()"));
        assertThat(mlsd.exitCode()).as(mlsd.all()).isZero();
        assertThat(mlsd.stdout()).contains("dangling OS.unix=slink:missing.txt", "tolog OS.unix=slink:log.txt",
                "todir OS.unix=slink:/u/user1/sub", "log.txt file", "sub dir")
                .contains("type=OS.unix=slink:missing.txt;");
    }

    /** LIST of members of a PDS that does not exist says so, in z/OS's words for a missing PDS. */
    @Test
    void listingMembersOfAMissingPdsSaysThePdsDoesNotExist() throws Exception {
        LocalDate today = LocalDate.now();
        catalog().allocate(new DatasetName("USER1.SEQ", null), new DatasetAttributes("PS", RecordFormat.FB, 80, 3200, today, today));
        var result = python(String.join("\n", "import ftplib, sys",
                "f = ftplib.FTP()", "f.connect('127.0.0.1', int(sys.argv[1]))", "f.login('USER1', 'user1pw')",
                "for pattern in (\"'NOT.EXIST(*)'\", \"'USER1.SEQ(*)'\"):",
                "    try:", "        f.retrlines('LIST ' + pattern)", "    except ftplib.error_perm as e:", "        print(e)",
                "f.quit()"));
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stdout()).contains("550 LIST fails: NOT.EXIST(*) requests a nonexistent partitioned data set.")
                .contains("550 LIST fails: USER1.SEQ is not a partitioned data set.")
                .doesNotContain("No data sets found");
    }
}
