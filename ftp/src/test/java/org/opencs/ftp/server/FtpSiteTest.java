package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.Ebcdic;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.testkit.ExternalCommand;

/**
 * SITE and STAT as z/OS answers them (issue 10, section 2), each with a real client: Python's ftplib, curl, lftp and
 * Apache Commons Net. Sources: z/OS IP User's Guide and Commands ("SIte subcommand", "Statistics for PDS members"),
 * IP Configuration Reference (RDW, UMASK, QUOTESOVERRIDE statements), IP and SNA Codes (200, 211 and 504 replies).
 */
class FtpSiteTest {
    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;
    private Catalog catalog;

    @BeforeEach
    void start() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        server = new FtpServer(FtpDataParser.parse("INACTIVE 0\nSTARTDIRECTORY MVS", "FTP.DATA").config(), system.registry,
                "127.0.0.1", 0);
        catalog = new Catalog(system.registry.home(), system.clock);
    }

    @AfterEach
    void stop() {
        server.close();
        system.close();
    }

    /** Runs a Python ftplib script after {@code f} is connected and logged on as USER1; returns what it printed. */
    private String ftplib(String script) {
        String program = "import ftplib, io, sys\nf = ftplib.FTP()\nf.connect('127.0.0.1', " + server.port() + ")\n"
                + "f.login('USER1', 'user1pw')\n"
                + "def cmd(c):\n    try:\n        print(f.sendcmd(c))\n    except ftplib.all_errors as e:\n        print(e)\n"
                + "def get(c):\n    b = io.BytesIO()\n    f.retrbinary(c, b.write)\n    print(b.getvalue().hex())\n"
                + "def lines(c):\n    out = []\n    try:\n        f.retrlines(c, out.append)\n    except ftplib.all_errors as e:\n"
                + "        out.append(str(e))\n    print('\\n'.join(out))\n"
                + script + "\nf.quit()\n";
        var result = ExternalCommand.run(dir, null, List.of("python3", "-c", program));
        assertThat(result.exitCode()).as(result.all()).isZero();
        return result.stdout();
    }

    private void dataset(String name, RecordFormat recfm, int lrecl, String dsorg) {
        LocalDate today = LocalDate.now();
        catalog.allocate(new DatasetName(name, null), new DatasetAttributes(dsorg, recfm, lrecl, 27998 / lrecl * lrecl,
                today, today));
    }

    @Test
    void aParameterOpenCsCannotHonourIsRefusedAndChangesNothing() {
        // FILETYPE=JES on a server without a JES interface: Zowe and scripts must see a failure, never "accepted".
        var curl = ExternalCommand.run(dir, null, List.of("curl", "-sS", "-v", "--user", "USER1:user1pw", "-Q",
                "SITE LRECL=80 FILETYPE=JES", "ftp://127.0.0.1:" + server.port() + "/"));
        assertThat(curl.exitCode()).isNotZero();
        assertThat(curl.stderr()).contains("< 504 Command SITE aborted -- FTP server not configured for parameter FILETYPE=JES.");
        String out = ftplib("cmd('SITE LRECL=80 PDSTYPE=PDSE')\ncmd('SITE RECFM=FBA')\ncmd('SITE VOLUME=SYS001')\n"
                + "cmd('STAT (LRECL')\ncmd('STAT (FILETYPE')");
        assertThat(out).contains("504 Command SITE aborted -- FTP server not configured for parameter PDSTYPE=PDSE.")
                .contains("504 Command SITE aborted -- FTP server not configured for parameter RECFM=FBA.")
                .contains("504 Command SITE aborted -- FTP server not configured for parameter VOLUME=SYS001.")
                .contains("211-Server site variable LRECL is set to 256") // the refused commands' LRECL=80 was not applied
                .contains("211-Server site variable FILETYPE is set to SEQ");
    }

    @Test
    void valuesOutOfIbmsRangesAreIgnoredWithANoteAndUnknownWordsAreNamed() {
        String out = ftplib("cmd('SITE LRECL=40000 PRIMARY=0 LISTLEVEL=3 BLKSIZE=abc FOOBAR=123 TRACKS')\ncmd('STAT (LRECL')\n"
                + "cmd('STAT (PRIMARY')\ncmd('STAT (SPACETYPE')");
        assertThat(out).contains("200-Lrecl parameter (40000) must be between 0 and 32760. Lrecl ignored.\n"
                        + "200-Primary parameter (0) must be between 1 and 16777215. Primary ignored.\n"
                        + "200-Listlevel parameter (3) must be between 0 and 2. Listlevel ignored.\n"
                        + "200-Blocksize parameter (abc) is not numeric. Blocksize ignored.\n"
                        + "200-Unrecognized parameter 'FOOBAR=123' on SITE command.\n200 SITE command was accepted")
                .contains("211-Server site variable LRECL is set to 256").contains("211-Server site variable PRIMARY is set to 1")
                .contains("211-Server site variable SPACETYPE is set to TRACK");
    }

    @Test
    void statReportsEverySiteVariableAloneOrAll() {
        String out = ftplib("cmd('SITE LISTLEVEL=2 RDW NOQUOTESOVERRIDE ISPFSTATS DIRECTORYMODE SBSENDEOL=LF UMASK=022')\n"
                + "for v in ['LISTLEVEL', 'LISTLEV', 'RDW', 'QUOTESOVERRIDE', 'ISPFSTATS', 'DIRECTORYMODE', 'DATASETMODE', "
                + "'SBSENDEOL', 'UMASK', 'NOSUCH']:\n    cmd('STAT (' + v)\ncmd('STAT')");
        assertThat(out).contains("200 SITE command was accepted")
                .contains("211-Server site variable LISTLEVEL is set to 2\n211 *** end of status ***\n"
                        + "211-Server site variable LISTLEVEL is set to 2\n211 *** end of status ***\n"
                        + "211-Server site variable RDW is set to TRUE\n211 *** end of status ***\n"
                        + "211-Server site variable QUOTESOVERRIDE is set to FALSE\n211 *** end of status ***\n"
                        + "211-Server site variable ISPFSTATS is set to TRUE\n211 *** end of status ***\n"
                        + "211-Server site variable DIRECTORYMODE is set to TRUE\n211 *** end of status ***\n"
                        + "211-Server site variable DATASETMODE is set to FALSE\n211 *** end of status ***\n"
                        + "211-Server site variable SBSENDEOL is set to LF\n211 *** end of status ***\n"
                        + "211-Server site variable UMASK is set to 022\n211 *** end of status ***\n"
                        + "211 The value of option NOSUCH is undefined\n")
                .contains("211-UMASK value is 022\n").contains("211-Outbound SBCS ASCII data uses LF line terminator\n")
                .contains("211-Directory mode. (Treat each qualifier as a directory.)\n").contains("211-ISPFSTATS is set to TRUE\n")
                .contains("211-Server site variable LISTLEVEL is set to 2\n").contains("211 *** end of status ***");
    }

    @Test
    void blockSizeIsMadeConsistentWithRecfmAndLreclAsZosDoesAndLftpNoLongerRetriesForEver() throws Exception {
        String out = ftplib("cmd('SITE LRECL=80 RECFM=F BLKSIZE=800')\ncmd('STAT (BLKSIZE')\ncmd('SITE LRECL=100 RECFM=FB')\n"
                + "cmd('SITE RECFM=VB LRECL=300 BLKSIZE=200')");
        assertThat(out).contains("200-BLOCKSIZE must equal LRECL for RECFM F\n200-BLOCKSIZE being set to 80\n"
                        + "200 SITE command was accepted\n211-Server site variable BLKSIZE is set to 80")
                .contains("200-BLOCKSIZE must be a multiple of LRECL for RECFM FB\n200-BLOCKSIZE being set to 100\n")
                .contains("200-BLOCKSIZE must be at least 4 more than LRECL for RECFM VB\n200-BLOCKSIZE being set to 304\n");
        // The reported hang: SITE LRECL=100 RECFM=FB left BLKSIZE 27998, STOR failed with a 451, and lftp retries a 4xx
        // reply for ever (it is "transient" in RFC 959). Now the block size is adjusted (27900) and the upload works,
        // with lftp's default retry settings.
        Files.writeString(dir.resolve("x.txt"), "hello\n");
        String script = String.join("; ", "open -u USER1,user1pw -p " + server.port() + " localhost",
                "quote SITE LRECL=100 RECFM=FB", "put " + dir.resolve("x.txt") + " -o \"'USER1.X'\"", "quote MKD \"'USER1.PDS'\"");
        var lftp = ExternalCommand.run(dir, null, List.of("timeout", "120", "lftp", "-d", "-c", script));
        assertThat(lftp.exitCode()).as(lftp.all()).isZero();
        assertThat(lftp.all()).contains("200-BLOCKSIZE being set to 27900").contains("<--- 250 Transfer completed successfully.")
                .contains("257 \"'USER1.PDS'\" created.");
        var x = catalog.attributes(new DatasetName("USER1.X", null)).orElseThrow();
        assertThat(List.of(x.recfm(), x.lrecl(), x.blksize())).containsExactly(RecordFormat.FB, 100, 27900);
        assertThat(catalog.attributes(new DatasetName("USER1.PDS", null)).orElseThrow().blksize()).isEqualTo(27900);
    }

    @Test
    void rdwSendsEachVariableRecordWithItsDescriptorInBinary() {
        dataset("USER1.VB", RecordFormat.VB, 84, "PS");
        catalog.writeRecords(new DatasetName("USER1.VB", null), List.of(Ebcdic.encode("ABCDEFGH"), Ebcdic.encode("XY")));
        String out = ftplib("f.voidcmd('TYPE I')\nget(\"RETR 'USER1.VB'\")\ncmd('SITE RDW')\nget(\"RETR 'USER1.VB'\")\n"
                + "cmd('SITE NORDW')\nget(\"RETR 'USER1.VB'\")\ncmd('SITE RDW')\n"
                + "f.storbinary(\"STOR 'USER1.UP'\", io.BytesIO(bytes.fromhex('000600005758')))\nget(\"RETR 'USER1.UP'\")");
        List<String> lines = out.lines().toList();
        assertThat(lines).containsSubsequence("c1c2c3c4c5c6c7c8e7e8", "000c0000c1c2c3c4c5c6c7c8" + "00060000e7e8",
                "c1c2c3c4c5c6c7c8e7e8");
        // Uploads: z/OS takes no RDW from the client; the bytes are data (IBM: "a z/OS FTP server receiving RDWs
        // interprets them as 4 extra bytes of data"): the new VB data set holds one 6-byte record.
        assertThat(catalog.readRecords(new DatasetName("USER1.UP", null))).hasSize(1)
                .first().satisfies(r -> assertThat(r).containsExactly(0, 6, 0, 0, 0x57, 0x58));
        assertThat(lines).contains("000a0000000600005758");
    }

    @Test
    void sbSendEolSetsTheLineEndOfTextDownloadsForDataSetsAndFiles() throws Exception {
        dataset("USER1.TEXT", RecordFormat.VB, 84, "PS");
        catalog.writeText(new DatasetName("USER1.TEXT", null), "line1\nline2\n");
        // A z/OS UNIX text file is IBM-1047 with NL line ends.
        Files.write(system.registry.home().hfsPath("/u/user1/t.txt"), org.opencs.core.CodePage.IBM_1047.encodeText("a\nb\n"));
        // ftplib's transfercmd keeps TYPE A (curl and retrbinary would change the type or the line ends themselves).
        String out = ftplib("f.voidcmd('TYPE A')\nfor eol in ['CRLF', 'LF', 'CR', 'NONE']:\n    cmd('SITE SBSENDEOL=' + eol)\n"
                + "    for name in [\"'USER1.TEXT'\", '/u/user1/t.txt']:\n        c = f.transfercmd('RETR ' + name)\n"
                + "        data = b''\n        while True:\n            chunk = c.recv(8192)\n            if not chunk:\n"
                + "                break\n            data += chunk\n        c.close()\n        f.voidresp()\n"
                + "        print(eol, data.hex())");
        assertThat(out).contains("CRLF 6c696e65310d0a6c696e65320d0a\nCRLF 610d0a620d0a\n", "LF 6c696e65310a6c696e65320a\nLF 610a620a\n",
                "CR 6c696e65310d6c696e65320d\nCR 610d620d\n", "NONE 6c696e65316c696e6532\nNONE 6162\n");
    }

    @Test
    void listLevelAndDirectoryModeChooseTheDataSetListLayout() {
        dataset("USER1.CERT.B64", RecordFormat.VB, 84, "PS");
        dataset("USER1.JCL", RecordFormat.FB, 80, "PO");
        dataset("USER1.A.B.C", RecordFormat.FB, 80, "PS");
        String out = ftplib("lines('LIST')\ncmd('SITE LISTLEVEL=2')\nlines('LIST')\ncmd('SITE DIRECTORYMODE')\nlines('LIST')\n"
                + "lines('NLST')\ncmd('SITE DATASETMODE LISTLEVEL=0')\nlines('NLST')");
        List<String> lines = out.lines().toList();
        assertThat(lines).contains("Volume Unit    Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname",
                "Volume Referred      Ext      Used Recfm Lrecl BlkSz Dsorg Dsname");
        String level1 = lines.stream().filter(l -> l.endsWith(" JCL") && l.contains("3390")).findFirst().orElseThrow();
        assertThat(level1.substring(51, 55)).isEqualTo(" PO ");
        assertThat(level1.substring(56)).isEqualTo("JCL");
        // LISTLEVEL 2, the columns FluentFTP reads: Referred 7-16, Used 25-33, Dsorg 53-56, Dsname from 59.
        String level2 = lines.stream().filter(l -> l.endsWith("CERT.B64") && !l.contains("3390")).findFirst().orElseThrow();
        assertThat(level2.substring(7, 17)).matches("\\d{4}/\\d\\d/\\d\\d");
        assertThat(level2.substring(25, 34).trim()).isEqualTo("1");
        assertThat(level2.substring(36, 40).trim()).isEqualTo("VB");
        assertThat(level2.substring(53, 57).trim()).isEqualTo("PS");
        assertThat(level2.substring(59)).isEqualTo("CERT.B64");
        // DIRECTORYMODE: the next qualifier only, "Pseudo Directory" for one with more below it.
        assertThat(lines).contains(String.format("%-56s%s", "Pseudo Directory", "A"), String.format("%-56s%s", "Pseudo Directory", "CERT"));
        assertThat(lines).containsSubsequence("A", "CERT", "JCL", "A.B.C", "CERT.B64", "JCL");
    }

    @Test
    void ispfStatsKeepsMemberStatisticsOnStorAndCommonsNetReadsThem() throws Exception {
        dataset("USER1.SRC", RecordFormat.FB, 80, "PO");
        FTPClient client = new FTPClient();
        client.connect("127.0.0.1", server.port());
        try {
            assertThat(client.login("USER1", "user1pw")).isTrue();
            assertThat(client.changeWorkingDirectory("'USER1.SRC'")).isTrue();
            assertThat(client.storeFile("PLAIN", new java.io.ByteArrayInputStream("one\n".getBytes()))).isTrue();
            assertThat(client.sendSiteCommand("ISPFSTATS")).isTrue();
            assertThat(client.storeFile("STATS", new java.io.ByteArrayInputStream("one\ntwo\n".getBytes()))).isTrue();
            assertThat(client.storeFile("STATS", new java.io.ByteArrayInputStream("one\ntwo\nthree\n".getBytes()))).isTrue();
            // Commons Net's MVS parser reads both kinds of member lines.
            client.configure(new org.apache.commons.net.ftp.FTPClientConfig(org.apache.commons.net.ftp.FTPClientConfig.SYST_MVS));
            assertThat(client.listFiles()).extracting(org.apache.commons.net.ftp.FTPFile::getName).containsExactly("PLAIN", "STATS");
        } finally {
            client.disconnect();
        }
        List<String> lines = ftplib("f.cwd(\"'USER1.SRC'\")\nlines('LIST')\ncmd('SITE NOISPFSTATS')\n"
                + "f.storbinary('STOR STATS', io.BytesIO(b'x'))\nlines('LIST')").lines().toList();
        assertThat(lines.get(0)).isEqualTo(" Name     VV.MM   Created       Changed      Size  Init   Mod   Id");
        assertThat(lines.get(1)).isEqualTo("PLAIN   ");
        // Written twice with ISPFSTATS: version 01, modification level 01, 3 records now, 2 at first.
        assertThat(lines.get(2)).matches("STATS     01\\.01 \\d{4}/\\d\\d/\\d\\d \\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d     3     2     0 USER1");
        // NOISPFSTATS: a member written again loses its statistics, as z/OS's STOW without user data leaves it.
        assertThat(lines).endsWith("STATS   ");
    }

    @Test
    void umaskAsZosParsesItDecidesTheModeOfNewFilesAndDirectories() throws Exception {
        Path home = system.registry.home().hfsPath("/u/user1");
        String out = ftplib("f.cwd('/u/user1')\ncmd('STAT (UMASK')\nf.storbinary('STOR default.txt', io.BytesIO(b'a'))\n"
                + "f.mkd('dflt')\ncmd('SITE UMASK 077')\nf.storbinary('STOR private.txt', io.BytesIO(b'b'))\nf.mkd('priv')\n"
                + "cmd('SITE UMASK=022')\ncmd('STAT')\nf.storbinary('STOR open.txt', io.BytesIO(b'c'))\n"
                + "f.storbinary('STOR private.txt', io.BytesIO(b'again'))\ncmd('SITE UMASK 8')\n"
                + "cmd('SITE CHMOD 755 open.txt')\ncmd('SITE CHMOD go-r private.txt')\ncmd('SITE CHMOD 644 nosuch.txt')");
        assertThat(out).contains("211-Server site variable UMASK is set to 027").contains("211-UMASK value is 022")
                .contains("200-UMASK value (8) is not valid. Specify 1-3 octal digits. UMASK ignored.")
                .contains("200-Chmod cannot access file /u/user1/nosuch.txt : EDC5129I No such file or directory.");
        assertThat(mode(home.resolve("default.txt"))).isEqualTo("rw-r-----"); // 666 less 027
        assertThat(mode(home.resolve("dflt"))).isEqualTo("rwxr-x---"); // 777 less 027
        assertThat(mode(home.resolve("priv"))).isEqualTo("rwx------");
        assertThat(mode(home.resolve("open.txt"))).isEqualTo("rwxr-xr-x"); // 644 under UMASK 022, then CHMOD 755
        // A file written again keeps its mode (600 from UMASK 077), whatever the mask is now.
        assertThat(mode(home.resolve("private.txt"))).isEqualTo("rw-------");
        assertThat(home.resolve("private.txt")).hasContent("again");
    }

    private static String mode(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void noQuotesOverrideMakesAQuoteAPartOfTheName() throws Exception {
        String out = ftplib("cmd('SITE NOQUOTESOVERRIDE')\ncmd(\"SIZE 'USER1.X'\")\nf.cwd('/u/user1')\n"
                + "f.storbinary(\"STOR 'quoted.txt'\", io.BytesIO(b'q'))\ncmd('SITE QUOTESOVERRIDE')\n"
                + "f.storbinary(\"STOR 'USER1.Q'\", io.BytesIO(b'q'))");
        assertThat(out).contains("501 Invalid data set name \"'USER1.X'\".  Use MVS Dsname conventions.");
        assertThat(system.registry.home().hfsPath("/u/user1/'quoted.txt'")).hasContent("q");
        assertThat(catalog.exists(new DatasetName("USER1.Q", null))).isTrue();
    }
}
