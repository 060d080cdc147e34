package org.opencs.ftp.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.ftp.config.FtpData;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.ftp.server.FtpServer;
import org.opencs.ftp.server.FtpServerLog;
import org.opencs.ftp.server.FtpTestSystem;
import org.opencs.pki.TestPki;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.tls.KeyDatabaseRing;
import org.opencs.saf.certs.DigitalCertificate;

/** The batch client against our server: the seed's batch job end to end, transfers, and failures with (EXIT. */
class BatchFtpClientTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private FtpServer server;
    private KeyDatabaseRing clientRing;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        system.close();
    }

    /** The seed's client-authentication server: VERIFY_USER, OPTIONAL passwords, BANNER and LOGINMSG files. */
    private void start(String secureLogin, String securePassword) throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        system.user("USER1");
        KeyDatabase kdb = system.keyDatabase;
        TestPki.operations().createSigned(kdb, "ABC CA", "USER1 CERT", KeyType.RSA_2048, CertificateProfile.CLIENT,
                new SubjectName("USER1 CERT", "CS Z/OS", "IBM", null, null, "US").toX500Name(), 30, List.of());
        kdb.save();
        var cert = kdb.get("USER1 CERT").certificate();
        system.registry.certificates().add(new DigitalCertificate("USER1", "USER1 CERT", cert.getEncoded(), false, "TRUST"),
                null, cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getSerialNumber().toString(16), system.clock.instant());
        clientRing = new KeyDatabaseRing(kdb, "USER1 CERT");
        Path etc = system.registry.home().hfsPath("/etc/ftp");
        Files.writeString(etc.resolve("banner"), "*\n* Welcome to the FTP server on %L\n* Your host name is %R\n*\n");
        Files.writeString(etc.resolve("loginmsg"), "*\n* %U - welcome to the FTP server on %L\n* Login time and date is %T\n"
                + "* The current working directory is %C\n*\n");
        Catalog catalog = new Catalog(system.registry.home(), system.clock);
        LocalDate today = LocalDate.now();
        DatasetName pds = new DatasetName("USER1.ALFRED.CNTL", null);
        catalog.allocate(pds, new DatasetAttributes("PO", RecordFormat.FB, 80, 3120, today, today));
        catalog.writeText(new DatasetName("USER1.ALFRED.CNTL", "FTPJOB"), "//ALFREDA JOB 1,ALFRED\n//FTP EXEC PGM=FTP\n");
        // FTPJOB was saved with ISPF (it has statistics); RACFJOB was not, and lists with its name alone.
        catalog.writeStatistics(new DatasetName("USER1.ALFRED.CNTL", "FTPJOB"), new org.opencs.datasets.MemberStatistics(1, 0,
                today, today.atTime(9, 30), 2, 2, 0, "USER1"));
        catalog.writeText(new DatasetName("USER1.ALFRED.CNTL", "RACFJOB"), "//RACF JOB 1\n");
        String ftpData = String.join("\n", "EXTENSIONS AUTH_TLS", "SECURE_FTP REQUIRED", "SECURE_LOGIN " + secureLogin,
                "SECURE_PASSWORD " + securePassword, "SECURE_CTRLCONN PRIVATE", "SECURE_DATACONN PRIVATE",
                "KEYRING /etc/ftp/server.kdb", "STARTDIRECTORY HFS", "FTPLOGGING TRUE", "BANNER /etc/ftp/banner",
                "LOGINMSG /etc/ftp/loginmsg", "INACTIVE 0");
        server = log.serve(FtpDataParser.parse(ftpData, "FTP.DATA").config(), system.registry);
    }

    private record Run(int rc, String output) {
    }

    private Run run(String clientFtpData, String parmMechanism, String input) throws Exception {
        FtpData config = FtpDataParser.parseClient(clientFtpData, "FTP.DATA.client").config();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        BatchFtpClient client = new BatchFtpClient(ClientSettings.of(config, parmMechanism, null, false), clientRing,
                "USER1", out, dir);
        int rc = client.run("FTP -a TLS", null, null, new BufferedReader(new StringReader(input)));
        return new Run(rc, bytes.toString(StandardCharsets.UTF_8));
    }

    private String seedClientFtpData() throws Exception {
        try (var in = getClass().getResourceAsStream("/seed/FTP.DATA.client")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSeedsBatchJobLogsOnWithItsCertificateAndListsThePds() throws Exception {
        start("VERIFY_USER", "OPTIONAL");
        String input = ";\n; Test of client authentication\n;\n127.0.0.1 " + server.port() + " (exit\nuser1\n"
                + "cd 'user1.alfred.cntl'\ndir\nquit\n";
        Run run = run(seedClientFtpData(), "TLS", input);
        assertThat(run.rc()).as(run.output()).isZero();
        assertThat(run.output()).contains(String.join("\n",
                "EZA1736I FTP -a TLS",
                "EZA1450I IBM FTP CS OpenCS",
                "EZA1466I FTP: using TCPCS",
                "EZA1456I Connect to ?",
                "EZA1736I 127.0.0.1 " + server.port() + " (exit",
                "EZA1554I Connecting to: 127.0.0.1 127.0.0.1 port: " + server.port() + "."));
        assertThat(run.output()).contains("220-*\n220-* Welcome to the FTP server on 127.0.0.1\n")
                .contains(String.join("\n",
                "220 Connection will not timeout.",
                "EZA1701I >>> AUTH TLS",
                "234 Security environment established - ready for negotiation",
                "EZA2895I Authentication negotiation succeeded",
                "EZA1701I >>> PBSZ 0",
                "200 Protection buffer size accepted",
                "EZA1701I >>> PROT P",
                "200 Data connection protection set to private",
                "EZA2906I Data connection protection is private",
                "EZA1459I NAME (127.0.0.1:USER1):",
                "EZA1701I >>> USER user1",
                "230-*",
                "230-* USER1 - welcome to the FTP server on 127.0.0.1"))
                .contains("230-* The current working directory is /u/user1\n230-*\n230-User USER1 is an authorized user\n"
                        + "230 USER1 is logged on.  Working directory is \"/u/user1\".\nEZA1460I Command:\n"
                        + "EZA1736I cd 'user1.alfred.cntl'\nEZA1701I >>> CWD 'user1.alfred.cntl'\n"
                        + "250 The working directory \"USER1.ALFRED.CNTL\" is a partitioned data set\n")
                .contains("EZA2284I  Name     VV.MM   Created       Changed      Size  Init   Mod   Id\n")
                .containsPattern("EZA2284I FTPJOB    01\\.00 \\d{4}/\\d\\d/\\d\\d \\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d     2     2     0 USER1\n")
                .contains("EZA2284I RACFJOB \n")
                .contains("EZA1736I quit\nEZA1701I >>> QUIT\n221 Quit command received. Goodbye.")
                .doesNotContain("EZA1701I >>> PASS");
        Path log = system.registry.home().logs().resolve("ftp-activity.log");
        // The server writes CONN ends when it sees the client's QUIT close the connection: wait for that line.
        for (int i = 0; i < 100 && !Files.readString(log).contains("CONN ends"); i++) {
            Thread.sleep(50);
        }
        String activity = Files.readString(log);
        assertThat(activity).contains("SECURE OK Mechanism=TLS-P").contains("ACCESS OK USERID=USER1")
                .containsPattern("CONN ends Input=0 bytes Output=\\d+ bytes");
    }

    @Test
    void putAndGetRoundTripTextAndBinaryFilesResumingTheControlSession() throws Exception {
        start("NO_CLIENT_AUTH", "REQUIRED");
        byte[] binary = new byte[300_000];
        new java.util.Random(7).nextBytes(binary);
        Files.write(dir.resolve("data.bin"), binary);
        Files.writeString(dir.resolve("notes.txt"), "line one\nline two\n");
        String input = "127.0.0.1 " + server.port() + "\nuser1 user1pw\nbinary\nput data.bin\nget data.bin copy.bin\n"
                + "ascii\nput notes.txt\nget notes.txt notes.copy\nmkdir sub\nrename notes.txt sub/notes.txt\nls sub\nquit\n";
        Run run = run("SECURE_MECHANISM TLS\nSECURE_DATACONN PRIVATE\n", null, input);
        assertThat(run.rc()).as(run.output()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("copy.bin"))).isEqualTo(binary);
        assertThat(Files.readAllBytes(system.registry.home().hfsPath("/u/user1/data.bin"))).isEqualTo(binary);
        assertThat(Files.readString(dir.resolve("notes.copy"))).isEqualTo("line one\nline two\n");
        // On the server the text is a z/OS UNIX text file: IBM-1047 with NL x'15' line ends.
        assertThat(Files.readAllBytes(system.registry.home().hfsPath("/u/user1/sub/notes.txt")))
                .isEqualTo(org.opencs.core.CodePage.IBM_1047.encodeText("line one\nline two\n"));
        assertThat(run.output()).contains("EZA1701I >>> PASS\n230-*\n").contains("230 USER1 is logged on.")
                .contains("EZA1617I 300000 bytes transferred in").contains("EZA2284I notes.txt")
                .contains("250 /u/user1/notes.txt renamed to /u/user1/sub/notes.txt")
                .doesNotContain("user1pw").doesNotContain("522");
    }

    @Test
    void exitStopsAtTheFirstFailureWithTheStandardReturnCode() throws Exception {
        start("NO_CLIENT_AUTH", "REQUIRED");
        String input = "127.0.0.1 " + server.port() + " (exit\nuser1 user1pw\nget missing.txt\npwd\nquit\n";
        Run run = run("SECURE_MECHANISM TLS\nSECURE_DATACONN PRIVATE\n", null, input);
        assertThat(run.rc()).isEqualTo(BatchFtpClient.SERVER_ERROR);
        assertThat(run.output()).contains("550 RETR fails: /u/user1/missing.txt")
                .contains("EZA1735I Std Return Code = 16550, Error Code = 00002").doesNotContain(">>> PWD");
        assertThat(dir.resolve("missing.txt")).doesNotExist();
    }

    @Test
    void aWrongPasswordIsALoginFailure() throws Exception {
        start("NO_CLIENT_AUTH", "REQUIRED");
        Run run = run("SECURE_MECHANISM TLS\nSECURE_DATACONN PRIVATE\n", null,
                "127.0.0.1 " + server.port() + "\nuser1 wrong\ndir\n");
        assertThat(run.rc()).isEqualTo(BatchFtpClient.LOGIN_FAILED);
        assertThat(run.output()).contains("530 PASS command failed").doesNotContain("EZA1736I dir");
    }
}
