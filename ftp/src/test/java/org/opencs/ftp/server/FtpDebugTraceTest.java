package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.pki.TestPki;
import org.opencs.pki.cert.CertificateProfile;
import org.opencs.pki.cert.KeyType;
import org.opencs.pki.cert.SubjectName;
import org.opencs.pki.codec.ExportFormat;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.saf.Registry;
import org.opencs.saf.certs.DigitalCertificate;
import org.opencs.saf.passticket.PassTicketService;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.resources.ResourceProfile;
import org.opencs.testkit.ExternalCommand;

/**
 * FTP.DATA DEBUG and SITE DEBUG= with real clients (curl with a client certificate, Python's ftplib, a raw control
 * connection): the trace lines go to the system log's FTPD.TRACE as {@code <session> <tag> <routine>: <text>}. The
 * seed's client-authentication set-up with DEBUG SEC shows the seed's own lines ("Testing WS FTP Pro with client
 * authentication": FR1799 ... FR1984), in its order; no password, password phrase or PassTicket is ever traced.
 * IBM: IP Configuration Reference, "DEBUG (FTP client and server) statement"; IP Diagnosis Guide, "Start tracing after
 * FTP initialization" (DEBUGONSITE, SITE DEBUG=); IP and SNA Codes, 200 reply codes ("Active server traces - ...").
 */
class FtpDebugTraceTest {
    /** The seed's lines, as its "Testing WS FTP Pro with client authentication" page prints them from SyslogD. */
    private static final List<String> SEED_LINES = List.of(
            "FR1799 ftpAuth: entered",
            "FR1842 ftpAuth: environment_open()",
            "FR1932 ftpAuth: connect as a server requesting client certificate",
            "FR1975 ftpAuth: environment_init()",
            "FR1984 ftpAuth: environment initialization complete");

    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private FtpTestSystem system;
    private Registry registry;
    private FtpServer server;

    @BeforeEach
    void setUp() throws Exception {
        system = new FtpTestSystem(dir, "/etc/ftp/server.kdb");
        registry = system.registry;
        system.user("USER1");
        system.user("USER2");
        KeyDatabase kdb = system.keyDatabase;
        TestPki.operations().createSigned(kdb, "ABC CA", "USER1 CERT", KeyType.RSA_2048, CertificateProfile.CLIENT,
                new SubjectName("USER1 CERT", "CS Z/OS", "IBM", null, null, "US").toX500Name(), 30, List.of());
        kdb.save();
        Files.write(dir.resolve("user1.p12"), TestPki.operations().exportWithKey(kdb, "USER1 CERT",
                ExportFormat.BINARY_PKCS12, "pw".toCharArray()));
        assertThat(ExternalCommand.run(dir, "openssl", "pkcs12", "-in", "user1.p12", "-passin", "pass:pw", "-nodes",
                "-out", "user1.pem").exitCode()).isZero();
        var cert = kdb.get("USER1 CERT").certificate();
        registry.certificates().add(new DigitalCertificate("USER1", "USER1 CERT", cert.getEncoded(), false, "TRUST"), null,
                cert.getSubjectX500Principal().getName(), cert.getIssuerX500Principal().getName(),
                cert.getSerialNumber().toString(16), system.clock.instant());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        system.close();
    }

    private void start(String... ftpData) throws InterruptedException {
        server = log.serve(FtpDataParser.parse(String.join("\n", ftpData), "FTP.DATA").config(), registry);
    }

    /** The seed's client-authentication FTP.DATA, its KEYRING pointed at this system's key database, plus {@code more}. */
    private void startSeed(String... more) throws Exception {
        String seed;
        try (var in = getClass().getResourceAsStream("/seed/FTP.DATA.clientauth")) {
            seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = new ArrayList<>(List.of(seed.replace("KEYRING TCPRING", "KEYRING /etc/ftp/server.kdb"),
                "STARTDIRECTORY HFS"));
        lines.addAll(List.of(more));
        start(lines.toArray(new String[0]));
    }

    private ExternalCommand.Result curl(String user, boolean certificate, String... more) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "-v", "--ssl-reqd", "--cacert", "ca.pem", "--user",
                user));
        if (certificate) {
            command.addAll(List.of("--cert", "user1.pem", "--key", "user1.pem"));
        }
        command.addAll(List.of(more));
        command.add("ftp://127.0.0.1:" + server.port() + "/");
        return ExternalCommand.run(dir, null, command);
    }

    /** Stops the server (its writer writes every queued line) and returns the trace records without their session. */
    private List<String> traced() {
        server.close();
        return log.trace().records().stream().map(r -> r.substring(r.indexOf(' ') + 1)).toList();
    }

    @Test
    void debugSecShowsTheSeedsLinesInTheSeedsOrderForAClientCertificateLogon() throws Exception {
        startSeed("DEBUG SEC");
        var result = curl("USER1:user1pw", true);
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.stderr()).contains("< 230 USER1 is logged on.");
        List<String> records = log.trace().records();
        List<String> lines = traced();
        int entered = lines.indexOf(SEED_LINES.get(0));
        assertThat(entered).as(String.join("\n", lines)).isNotNegative();
        assertThat(lines.subList(entered, entered + SEED_LINES.size())).isEqualTo(SEED_LINES);
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("FR2050 ftpHandshake: handshake complete, protocol"
                + " TLSv1\\.[23] cipher TLS_\\w+"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("FR2061 ftpHandshake: client certificate subject"
                + " CN=USER1 CERT,OU=CS Z/OS,O=IBM,C=US issuer "));
        // SEC only: every line is an FR line, and each names the session as the activity records do.
        assertThat(records).allSatisfy(r -> assertThat(r).matches("FTPD1\\d{5} FR\\d{4} ftp\\w+: .+"));
    }

    @Test
    void withoutDebugOrAfterDebugNoneNothingIsTraced() throws Exception {
        startSeed();
        assertThat(curl("USER1:user1pw", true).exitCode()).isZero();
        assertThat(traced()).isEmpty();
        startSeed("DEBUG ALL", "DEBUG NONE");
        assertThat(curl("USER1:user1pw", true).exitCode()).isZero();
        assertThat(traced()).isEmpty();
    }

    @Test
    void noClientAuthConnectsAsAServerWithoutAskingForACertificate() throws Exception {
        start("EXTENSIONS AUTH_TLS", "KEYRING /etc/ftp/server.kdb", "STARTDIRECTORY HFS", "DEBUG SEC");
        assertThat(curl("USER1:user1pw", false).exitCode()).isZero();
        assertThat(traced()).containsSubsequence("FR1799 ftpAuth: entered", "FR1842 ftpAuth: environment_open()",
                "FR1928 ftpAuth: connect as a server", "FR1975 ftpAuth: environment_init()",
                "FR1984 ftpAuth: environment initialization complete", "FR2066 ftpHandshake: no client certificate was sent")
                .doesNotContain(SEED_LINES.get(2));
    }

    @Test
    void accShowsTheLogonStepsAndTheirResultsButNoPassword() throws Exception {
        start("STARTDIRECTORY MVS", "DEBUG ACC");
        try (RawFtp raw = new RawFtp(server.port())) {
            assertThat(raw.send("USER user1")).startsWith("331");
            assertThat(raw.send("PASS Wr0ngSecret")).startsWith("530");
            raw.logOn();
        }
        List<String> lines = traced();
        assertThat(lines).containsExactly(
                "AC0205 ftpUser: entered for user USER1",
                "AC0310 ftpPass: entered for user USER1",
                "AC0322 ftpPass: verifying the password of user USER1 for application FTPD",
                "AC0341 ftpPass: logon of user USER1 refused: INVALID_PASSWORD",
                "AC0205 ftpUser: entered for user USER1",
                "AC0310 ftpPass: entered for user USER1",
                "AC0322 ftpPass: verifying the password of user USER1 for application FTPD",
                "AC0350 ftpPass: password of user USER1 verified",
                "AC0390 ftpLogin: user USER1 logged on, working directory USER1.");
    }

    @Test
    void accShowsTheClientCertificateStepsOfVerifyUser() throws Exception {
        startSeed("DEBUG ACC");
        assertThat(curl("USER2:user2pw", true).stderr()).contains("< 531 Client certificate does not map to user ID USER2.");
        assertThat(traced()).containsExactly("AC0205 ftpUser: entered for user USER2",
                "AC0244 ftpUser: client certificate maps to user USER1",
                "AC0251 ftpUser: SECURE_LOGIN VERIFY_USER: client certificate does not map to user USER2, user refused");
    }

    @Test
    void cmdShowsEachCommandAndReplyWithThePasswordMasked() throws Exception {
        start("STARTDIRECTORY MVS", "DEBUG CMD");
        try (RawFtp raw = new RawFtp(server.port())) {
            raw.logOn();
            assertThat(raw.send("PWD")).startsWith("257");
            assertThat(raw.send("QUIT")).startsWith("221");
        }
        List<String> lines = traced();
        assertThat(lines).containsSubsequence(
                "FC0310 ftpCmd: received USER USER1",
                "FC0390 ftpReply: 331 Send password please.",
                "FC0310 ftpCmd: received PASS ********",
                "FC0390 ftpReply: 230 USER1 is logged on.  Working directory is \"USER1.\".",
                "FC0310 ftpCmd: received PWD",
                "FC0390 ftpReply: 257 \"'USER1.'\" is working directory.",
                "FC0310 ftpCmd: received QUIT");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("FC0390 ftpReply: 221"));
        assertThat(String.join("\n", lines)).doesNotContain("user1pw");
    }

    @Test
    void siteDebugSwitchesCmdOnForItsSessionOnlyAndNoneSwitchesItOff() throws Exception {
        start("STARTDIRECTORY MVS", "DEBUGONSITE TRUE");
        try (RawFtp traced = new RawFtp(server.port()); RawFtp other = new RawFtp(server.port())) {
            traced.logOn();
            other.logOn();
            assertThat(traced.send("SITE DEBUG=?")).isEqualTo("200-Active server traces - NONE\n200 SITE command was accepted");
            assertThat(traced.send("SITE DEBUG=(CMD)")).isEqualTo("200-Active server traces - CMD\n200 SITE command was accepted");
            assertThat(traced.send("STAT")).contains("211-Active server traces - CMD\n");
            assertThat(other.send("STAT")).contains("211-Active server traces - NONE\n");
            assertThat(traced.send("NOOP")).startsWith("200");
            assertThat(other.send("SYST")).startsWith("215");
            assertThat(traced.send("SITE DEBUG=(FSC(2),SOC)")).isEqualTo(
                    "200-Active server traces - CMD FSC(2) SOC(1)\n200 SITE command was accepted");
            assertThat(traced.send("SITE DEBUG=NONE")).isEqualTo("200-Active server traces - NONE\n200 SITE command was accepted");
            assertThat(traced.send("SYST")).startsWith("215");
        }
        List<String> records = log.trace().records();
        List<String> lines = traced();
        assertThat(lines).contains("FC0390 ftpReply: 200-Active server traces - CMD", "FC0310 ftpCmd: received STAT",
                "FC0310 ftpCmd: received NOOP", "FC0310 ftpCmd: received SITE DEBUG=NONE");
        assertThat(lines).noneMatch(l -> l.contains("SYST")).noneMatch(l -> l.contains("received USER"));
        assertThat(records.stream().map(r -> r.substring(0, r.indexOf(' '))).distinct()).as("one session").hasSize(1);
    }

    @Test
    void badSiteDebugValuesGetANoteAndChangeNothing() throws Exception {
        start("STARTDIRECTORY MVS", "DEBUGONSITE TRUE", "DEBUG ACC");
        try (RawFtp raw = new RawFtp(server.port())) {
            raw.logOn();
            assertThat(raw.send("SITE DEBUG=(CMD,FOO)")).isEqualTo("200-DEBUG parameter (CMD,FOO) is not valid: 'FOO'"
                    + " is not a trace type; use FLO, CMD, PAR, INT, ACC, UTL, SEC, FSC(n), SOC(n), JES, SQL, XLA, ALL,"
                    + " BAS or NONE. DEBUG ignored.\n200 SITE command was accepted");
            assertThat(raw.send("SITE DEBUG=FSC(9)")).isEqualTo("200-DEBUG parameter (FSC(9)) is not valid: FSC level"
                    + " must be from 1 to 8, not 9. DEBUG ignored.\n200 SITE command was accepted");
            assertThat(raw.send("SITE DEB")).isEqualTo("200-Active server traces - ACC\n200 SITE command was accepted");
        }
    }

    @Test
    void siteDebugIsRefusedUnlessDebugOnSiteIsTrue() throws Exception {
        start("STARTDIRECTORY MVS");
        try (RawFtp raw = new RawFtp(server.port())) {
            raw.logOn();
            assertThat(raw.send("SITE DEBUG=(CMD)")).isEqualTo(
                    "504 Command SITE aborted -- FTP server not configured for parameter DEBUG=(CMD).");
            assertThat(raw.send("STAT")).contains("211-Active server traces - NONE\n");
            assertThat(raw.send("NOOP")).startsWith("200");
        }
        assertThat(traced()).isEmpty();
    }

    @Test
    void everyTraceOnShowsNoPasswordPhraseOrPassTicket() throws Exception {
        ResourceProfile ptktdata = ResourceProfile.simple(PassTicketService.CLASS, "FTPD", "IBMUSER", AccessLevel.NONE)
                .withPassTicketKey(registry.masterKey().seal(HexFormat.of().parseHex("E001193519561977"),
                        PassTicketService.CLASS + ":FTPD"), false, null, null, null);
        registry.resources().add(ptktdata, system.clock.instant());
        registry.options().set("CLASSACT.PTKTDATA", "YES");
        String ticket = new PassTicketService(registry).generate("USER2", "FTPD");
        Files.write(registry.home().hfsPath("/u/user1/data.txt"),
                org.opencs.core.CodePage.IBM_1047.encodeText("traced transfer\n"));
        start("EXTENSIONS AUTH_TLS", "KEYRING /etc/ftp/server.kdb", "STARTDIRECTORY HFS", "DEBUG ALL", "DEBUG FSC(8)",
                "DEBUG SOC(8)");
        // Python's ftplib in the clear: a refused logon, a good one, a text download (16 bytes, 17 with CRLF).
        String program = "import ftplib, io\nf = ftplib.FTP()\nf.connect('127.0.0.1', " + server.port() + ")\n"
                + "try:\n    f.login('USER1', 'Wr0ngSecret')\nexcept ftplib.error_perm as e:\n    print(e)\n"
                + "f.login('USER1', 'user1pw')\nf.cwd('/u/user1')\nf.retrlines('RETR data.txt')\nf.quit()\n";
        var python = ExternalCommand.run(dir, null, List.of("python3", "-c", program));
        assertThat(python.exitCode()).as(python.all()).isZero();
        assertThat(python.stdout()).contains("530").contains("traced transfer");
        // curl over TLS: a logon and an upload.
        Files.writeString(dir.resolve("up.txt"), "uploaded\n");
        var curl = curl("USER1:user1pw", false, "-T", "up.txt");
        assertThat(curl.exitCode()).as(curl.all()).isZero();
        // A PassTicket, on a raw control connection.
        try (RawFtp raw = new RawFtp(server.port())) {
            assertThat(raw.send("USER USER2")).startsWith("331");
            assertThat(raw.send("PASS " + ticket)).startsWith("230");
        }
        List<String> records = log.trace().records();
        String all = String.join("\n", traced());
        for (String secret : List.of("user1pw", "Wr0ngSecret", ticket)) {
            assertThat(all).as("a secret in the trace").doesNotContain(secret);
        }
        assertThat(all.split("received PASS \\*\\*\\*\\*\\*\\*\\*\\*", -1)).as("four PASS commands (ftplib twice, curl, the PassTicket), masked").hasSize(5);
        // Every trace type that has points in a session like this one wrote some.
        for (String tag : List.of("FR", "AC", "FC", "PC", "IN", "FL", "UT", "FS", "SO", "XL")) {
            assertThat(records).as(tag).anySatisfy(r -> assertThat(r).matches("FTPD1\\d{5} " + tag + "\\d{4} \\w+: .+"));
        }
        assertThat(all).contains("FS0100 ftpFile: RETR entered for z/OS UNIX file data.txt")
                .contains("FS0210 ftpFile: RETR: type ASCII, structure File, mode Stream, restart at 0")
                .contains("XL0110 xlate: RETR in text: network code page ISO8859-1, host code page IBM-1047 or the file's tag")
                .contains("FS0190 ftpFile: RETR /u/user1/data.txt ended: 17 bytes, reply 250 Transfer completed successfully.")
                .contains("SO0410 dataConn: 17 bytes sent on the data connection")
                .contains("UT0310 ftpCwd: to the z/OS UNIX directory /u/user1")
                .contains("FL0270 ftpDispatch: RETR ended its data transfer, ")
                .contains("SO0330 dataConn: TLS on the data connection (PROT P)")
                .contains("IN0140 ftpInit: active traces - FLO CMD PAR INT ACC UTL SEC FSC(8) SOC(8) JES SQL XLA");
    }
}
