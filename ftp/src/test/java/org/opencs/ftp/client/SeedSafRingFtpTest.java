package org.opencs.ftp.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.ftp.server.FtpServer;
import org.opencs.ftp.server.FtpServerLog;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.saf.certs.KeyRingResolver;
import org.opencs.tso.TsoProcessor;
import org.opencs.tso.TsoSession;
import org.opencs.tso.racdcert.SeedJobs;

/**
 * The seed's client-authentication scenario with SAF key rings only: the seed's RACF jobs create ABC CA, the server's
 * ring TCPRING and USER1's ring USER1RING; the server runs the seed's FTP.DATA (KEYRING TCPRING, VERIFY_USER,
 * SECURE_PASSWORD OPTIONAL) and the batch client the seed's client FTP.DATA with KEYRING USER1RING, resolved as
 * USER1's own ring. USER1 logs on with no password.
 */
class SeedSafRingFtpTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final FtpServerLog log = new FtpServerLog();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;
    private FtpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        registry.close();
    }

    private void tso(String stream) {
        List<String> listing = new ArrayList<>();
        int rc = new TsoProcessor().runStream(stream, new TsoSession(registry, registry.users().find("IBMUSER").orElseThrow()),
                listing::add);
        assertThat(rc).as(String.join("\n", listing)).isZero();
    }

    private static String resource(String name) throws Exception {
        try (var in = SeedSafRingFtpTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void userOneLogsOnWithTheCertificateFromItsRingAndNoPassword() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        // The seed's jobs, with certificates valid today (the seed's expired in 2010 and TLS peers check that).
        tso(("ADDUSER TCPSC NAME('TCP/IP SERVER')\nADDUSER USER1 PASSWORD(user1pw) OMVS(UID(101) HOME('/u/user1'))\n"
                + SeedJobs.read("ca-and-server.systsin") + "\n" + SeedJobs.read("user1.systsin")).replace("2010-12-31", "2036-12-31"));
        tso("PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(TCPIP) ACCESS(UPDATE)\n"
                + "PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(USER1) ACCESS(READ)");
        String serverFtpData = resource("/seed/FTP.DATA.clientauth").replace("KEYRING TCPRING", "KEYRING TCPSC/TCPRING")
                + "\nSECURE_PASSWORD OPTIONAL\nSTARTDIRECTORY HFS\n";
        server = log.serve(FtpDataParser.parse(serverFtpData, "FTP.DATA").config(), registry);

        String clientFtpData = resource("/seed/FTP.DATA.client");
        var config = FtpDataParser.parseClient(clientFtpData, "FTPUSER1").config();
        assertThat(config.keyring()).isEqualTo("USERIRING"); // the seed's OCR of USER1RING
        var ring = new KeyRingResolver(registry).resolve("USER1RING", "USER1");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BatchFtpClient client = new BatchFtpClient(ClientSettings.of(config, "TLS", null, false), ring, "USER1",
                new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);
        int rc = client.run("FTP -a TLS", null, null, new BufferedReader(new StringReader(
                ";\n; Test of client authentication\n;\n127.0.0.1 " + server.port() + " (exit\nuser1\npwd\nquit\n")));
        String output = bytes.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(output).isZero();
        assertThat(output).contains("EZA1701I >>> USER user1\n230-User USER1 is an authorized user\n"
                + "230 USER1 is logged on.  Working directory is \"/u/user1\".").doesNotContain(">>> PASS");
        assertThat(Files.exists(registry.home().hfsPath("/u/user1"))).isTrue();
    }
}
