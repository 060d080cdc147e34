package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.testkit.ExternalCommand;

/**
 * MVS names and navigation and the listings of issue 10 section 2, with Python's ftplib, curl, lftp and Commons Net:
 * CWD // and CWD .., qualifiers longer than 8, every way z/OS names a data set or a z/OS UNIX file from either realm
 * (IP User's Guide and Commands, "Changing the directory of a z/OS FTP server"), LIST options before the name, a single
 * file's LIST without "total", and OPTS MLST (RFC 3659 section 7.9).
 */
class FtpNamesAndListingsTest {
    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;
    private Catalog catalog;

    @BeforeEach
    void start() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        server = new FtpServer(FtpDataParser.parse("INACTIVE 0\nSTARTDIRECTORY HFS", "FTP.DATA").config(), system.registry,
                "127.0.0.1", 0);
        catalog = new Catalog(system.registry.home(), system.clock);
        LocalDate today = LocalDate.now();
        catalog.allocate(new DatasetName("USER1.DATA", null), new DatasetAttributes("PS", RecordFormat.VB, 84, 27998, today, today));
        catalog.writeText(new DatasetName("USER1.DATA", null), "from mvs\n");
        catalog.allocate(new DatasetName("USER1.X", null), new DatasetAttributes("PO", RecordFormat.FB, 80, 3120, today, today));
        catalog.writeText(new DatasetName("USER1.X", "MEM1"), "member one\n");
        Files.write(home().resolve("test1.txt"), org.opencs.core.CodePage.IBM_1047.encodeText("from unix\n"));
        Files.createDirectories(home().resolve("sub"));
        Files.write(home().resolve("sub/.hidden"), org.opencs.core.CodePage.IBM_1047.encodeText("h\n"));
        Files.write(home().resolve("sub/seen.txt"), org.opencs.core.CodePage.IBM_1047.encodeText("s\n"));
    }

    @AfterEach
    void stop() {
        server.close();
        system.close();
    }

    private Path home() {
        return system.registry.home().hfsPath("/u/user1");
    }

    private String ftplib(String script) {
        String program = "import ftplib, io\nf = ftplib.FTP()\nf.connect('127.0.0.1', " + server.port() + ")\n"
                + "f.login('USER1', 'user1pw')\n"
                + "def cmd(c):\n    try:\n        print(f.sendcmd(c))\n    except ftplib.all_errors as e:\n        print(e)\n"
                + "def lines(c):\n    out = []\n    try:\n        f.retrlines(c, out.append)\n    except ftplib.all_errors as e:\n"
                + "        out.append(str(e))\n    print('\\n'.join(out))\n"
                + "def get(c):\n    out = []\n    try:\n        f.retrlines(c, out.append)\n        print('\\n'.join(out))\n"
                + "    except ftplib.all_errors as e:\n        print(e)\n"
                + script + "\nf.quit()\n";
        var result = ExternalCommand.run(dir, null, List.of("python3", "-c", program));
        assertThat(result.exitCode()).as(result.all()).isZero();
        return result.stdout();
    }

    @Test
    void cwdSlashSlashGoesToTheTopOfMvsAndDotDotDropsOneQualifier() {
        String out = ftplib("cmd('CWD //')\ncmd('PWD')\ncmd(\"CWD 'SYS1'\")\ncmd('CWD abc')\ncmd('CWD ..')\ncmd('CDUP')\n"
                + "cmd('CDUP')\ncmd(\"CWD 'USER1.X'\")\ncmd('CWD ..')\ncmd('CWD //USER1')\ncmd('CWD /u/user1')\ncmd('PWD')");
        assertThat(out.lines().toList()).containsExactly(
                "250 \"\" is the working directory name prefix.",
                "257 \"''\" is working directory.",
                "250 \"SYS1.\" is the working directory name prefix.",
                "250 \"SYS1.ABC.\" is the working directory name prefix.",
                "250 \"SYS1.\" is the working directory name prefix.",
                "250 \"\" is the working directory name prefix.",
                "250 \"\" is the working directory name prefix.",
                "250 The working directory \"USER1.X\" is a partitioned data set",
                "250 \"USER1.\" is the working directory name prefix.",
                "250 \"USER1.\" is the working directory name prefix.",
                "250 HFS directory /u/user1 is the current working directory",
                "257 \"/u/user1\" is the HFS working directory.");
    }

    @Test
    void aQualifierLongerThanEightCharactersIsRefusedAsZosDoes() {
        String out = ftplib("f.cwd(\"'USER1.'\")\nlines('NLST ABCDEFGHIJ')\nlines(\"LIST 'USER1.ABCDEFGHIJ.*'\")\n"
                + "get(\"RETR 'USER1.ABCDEFGHIJ'\")\ncmd('CWD ABCDEFGHIJ')\nlines('NLST DATA')");
        assertThat(out.lines().toList()).containsExactly(
                "501 Qualifier too long.  Use MVS naming conventions.",
                "501 Qualifier too long.  Use MVS naming conventions.",
                "501 Qualifier too long.  Use MVS naming conventions.",
                "501 Qualifier too long.  Use MVS naming conventions.",
                "DATA");
    }

    @Test
    void everyWayOfNamingADataSetOrAFileWorksFromEitherRealm() {
        // From a z/OS UNIX working directory: 'DSN', //DSN, //'DSN' name data sets; a relative name is a file.
        String fromUnix = ftplib("get(\"RETR 'USER1.DATA'\")\nget('RETR //USER1.DATA')\nget(\"RETR //'USER1.DATA'\")\n"
                + "get(\"RETR //'USER1.X(MEM1)'\")\nget('RETR test1.txt')\ncmd(\"SIZE //'USER1.DATA'\")\n"
                + "lines(\"NLST //'USER1.X'\")\nlines(\"NLST //'USER1.X(*)'\")\ncmd(\"MKD //'USER1.NEWPDS'\")\ncmd(\"RNFR //'USER1.NEWPDS'\")\n"
                + "cmd(\"RNTO 'USER1.OTHER'\")\ncmd(\"RNFR test1.txt\")\ncmd(\"RNTO //'USER1.NOTSAME'\")\n"
                + "cmd(\"DELE //USER1.OTHER\")");
        assertThat(fromUnix.lines().toList()).containsExactly("from mvs", "from mvs", "from mvs", "member one", "from unix",
                "501 command aborted -- FTP server not configured for SIZE", "'USER1.X'", "MEM1", "257 \"'USER1.NEWPDS'\" created.",
                "350 RNFR accepted. Please supply new name for RNTO.", "250 USER1.NEWPDS renamed to USER1.OTHER",
                "350 RNFR accepted. Please supply new name for RNTO.",
                "550 RNTO fails: 'USER1.NOTSAME' and /u/user1/test1.txt are not both data sets or both z/OS UNIX files.",
                "250 USER1.OTHER deleted.");
        // From MVS: relative names are data sets, /path is a file, and MVS names keep working.
        String fromMvs = ftplib("f.cwd(\"'USER1.'\")\nget('RETR DATA')\nget('RETR /u/user1/test1.txt')\n"
                + "cmd('SIZE /u/user1/test1.txt')\nget('RETR //USER1.DATA')\ncmd('MKD /u/user1/made')\ncmd('MDTM /u/user1/test1.txt')\n"
                + "lines('NLST /u/user1/sub')");
        assertThat(fromMvs.lines().toList()).hasSize(7).startsWith("from mvs", "from unix", "213 10", "from mvs",
                "257 \"/u/user1/made\" created.").contains("seen.txt");
        assertThat(fromMvs.lines().toList().get(5)).matches("213 \\d{14}");
    }

    @Test
    void listOptionsComeBeforeTheNameAndASingleFileHasNoTotalLine() {
        String out = ftplib("lines('LIST test1.txt')\nprint('--')\nlines('LIST -la sub')\nprint('--')\nlines('LIST sub')\nprint('--')\n"
                + "lines(\"LIST -a 'USER1.X(*)'\")\nprint('--')\nlines('NLST -a sub')");
        String[] parts = out.split("--\n");
        assertThat(parts[0].lines().toList()).hasSize(1).first().asString().matches("-rw-r--r-- +1 USER1 +SYS1 +10 .* test1\\.txt");
        assertThat(parts[1]).startsWith("total ").contains(" .hidden\n").contains(" seen.txt\n");
        assertThat(parts[2]).startsWith("total ").doesNotContain(".hidden").contains(" seen.txt\n");
        assertThat(parts[3]).startsWith(" Name     VV.MM").contains("MEM1");
        assertThat(parts[4].lines().toList()).containsExactly(".hidden", "seen.txt");
    }

    @Test
    void commonsNetListsHiddenFilesWithListDashA() throws Exception {
        FTPClient client = new FTPClient();
        client.connect("127.0.0.1", server.port());
        try {
            assertThat(client.login("USER1", "user1pw")).isTrue();
            client.setListHiddenFiles(true);
            assertThat(client.listFiles("sub")).extracting(FTPFile::getName).containsExactlyInAnyOrder(".hidden", "seen.txt");
            client.setListHiddenFiles(false);
            assertThat(client.listFiles("sub")).extracting(FTPFile::getName).containsExactly("seen.txt");
        } finally {
            client.disconnect();
        }
    }

    @Test
    void optsMlstSelectsTheFactsAsFeatAdvertises() {
        String out = ftplib("cmd('OPTS MLST type;size;modify;')\nprint(f.sendcmd('FEAT'))\ncmd('MLST test1.txt')\n"
                + "for name, facts in f.mlsd('sub', facts=['type', 'size']):\n    print(name, sorted(facts.items()))\n"
                + "cmd('OPTS MLST bogus;')\ncmd('MLST test1.txt')");
        assertThat(out).contains("200 MLST OPTS type;size;modify;").contains(" MLST type*;size*;modify*;perm;")
                .containsPattern(" type=file;size=10;modify=\\d{14}; /u/user1/test1.txt")
                .contains("seen.txt [('size', '2'), ('type', 'file')]").contains("200 MLST OPTS\n")
                .contains("\n  /u/user1/test1.txt\n");
    }

    @Test
    void lftpAndCurlWorkAcrossRealms() throws Exception {
        Files.writeString(dir.resolve("up.txt"), "lftp upload\n");
        String script = String.join("; ", "set net:max-retries 1", "open -u USER1,user1pw -p " + server.port() + " localhost",
                "cat -a test1.txt", "quote CWD //", "quote PWD", "put -a " + dir.resolve("up.txt") + " -o \"//'USER1.UP'\"");
        var lftp = ExternalCommand.run(dir, null, List.of("lftp", "-d", "-c", script));
        assertThat(lftp.exitCode()).as(lftp.all()).isZero();
        assertThat(lftp.all()).contains("250 \"\" is the working directory name prefix.").contains("from unix");
        assertThat(catalog.readText(new DatasetName("USER1.UP", null))).isEqualTo("lftp upload\n");
        var curl = ExternalCommand.run(dir, null, List.of("curl", "-sS", "--user", "USER1:user1pw", "--ftp-method", "nocwd", "-B",
                "ftp://127.0.0.1:" + server.port() + "///%27USER1.DATA%27"));
        assertThat(curl.exitCode()).as(curl.all()).isZero();
        assertThat(curl.stdout()).isEqualTo("from mvs\n");
    }
}
