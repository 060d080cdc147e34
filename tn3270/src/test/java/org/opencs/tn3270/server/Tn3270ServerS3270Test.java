package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.config.TelnetPort;

/** Debian's s3270 against the TN3270E server over direct TLS: negotiation, the TSO/E logon panel, logon, READY. */
class Tn3270ServerS3270Test {
    @org.junit.jupiter.api.extension.RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;
    private Tn3270Server server;

    @BeforeEach
    void start() throws Exception {
        registry = TestHost.open(dir, clock);
        String profile = String.join("\n", "TelnetParms", "  SecurePort 0", "  Conntype secure", "  Clientauth none",
                "  Keyring HFS /etc/tn3270/server.kdb", "  Inactive 0", "EndTelnetParms");
        TelnetPort port = ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0);
        server = log.serve(port, registry);
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    private ExternalCommand.Result s3270(String... actions) {
        return s3270(List.of("-model", "3278-2"), actions);
    }

    private ExternalCommand.Result s3270(List<String> options, String... actions) {
        String script = String.join("\n", actions) + "\n";
        List<String> command = new java.util.ArrayList<>(List.of("timeout", "60", "s3270", "-cafile",
                dir.resolve("ca.pem").toString()));
        command.addAll(options);
        return ExternalCommand.run(dir, script.getBytes(StandardCharsets.US_ASCII), command);
    }

    private static final String[] LOGON = {"Wait(20,InputField)", "String(\"user1\")", "Tab()", "String(\"user1pw\")",
        "Enter()", "Wait(20,InputField)"};

    private static String[] actions(String connect, String[] first, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(connect));
        all.addAll(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private void sixtyLines() {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            lines.append("LINE ").append(i).append(" END\n");
        }
        TestHost.dataset(registry, clock, "USER1.LONG", lines.toString());
    }

    /** A model 4 (43x80): the menu's lists and BROWSE fill the alternate screen (Erase/Write Alternate), 39 lines a page. */
    @Test
    void aModel4TerminalBrowsesFortyThreeRowPages() {
        sixtyLines();
        var result = s3270(List.of("-model", "3278-4"), actions("Connect(L:localhost:" + server.port() + ")", LOGON,
                "Ascii()", "String(\"1\")", "Enter()", "Wait(20,InputField)", "String(\"B\")", "Enter()",
                "Wait(20,InputField)", "Query(ScreenCurSize)", "Ascii()", "PF(8)", "Wait(20,InputField)", "Ascii()",
                "Quit()"));
        String out = result.all();
        assertThat(out).contains("Screen  . : 43x80").contains("data: 43 80").contains("BROWSE    USER1.LONG")
                .contains("LINE 39 END").contains("LINE 60 END").contains("Bottom of Data");
        // The first page ends with line 39, the second starts with line 40: 39 lines a page.
        String firstPage = out.substring(out.indexOf("BROWSE    USER1.LONG"), out.lastIndexOf("BROWSE    USER1.LONG"));
        assertThat(firstPage).contains("LINE 39 END").doesNotContain("LINE 40 END");
        assertThat(out.substring(out.lastIndexOf("BROWSE    USER1.LONG"))).contains("LINE 40 END")
                .doesNotContain("LINE 39 END");
    }

    /**
     * The example: BROWSE of 120 records showed "Line 00000001 of 000001", its count cut off by the screen's
     * edge. s3270 as a model 2 (24x80) and a model 5 (27x132) reads the whole position.
     */
    @Test
    void browseShowsTheWholeLineCountOnModels2And5() {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 120; i++) {
            lines.append("RECORD ").append(i).append('\n');
        }
        TestHost.dataset(registry, clock, "USER1.ABCDEFGH.ABCDEFGH.ABCDEFGH.ABCDEFGH.AB", lines.toString());
        for (String model : List.of("3278-2", "3278-5")) {
            var result = s3270(List.of("-model", model), actions("Connect(L:localhost:" + server.port() + ")", LOGON,
                    "String(\"1\")", "Enter()", "Wait(20,InputField)", "String(\"B\")", "Enter()",
                    "Wait(20,InputField)", "Ascii()", "PF(8)", "Wait(20,InputField)", "Ascii()", "Quit()"));
            assertThat(result.all()).as(model).contains("BROWSE    USER1.ABCDEFGH.ABCDEFGH.ABCDEFGH.ABCDEFGH.AB")
                    .contains("Line 00000001 of 00000120")
                    .contains(model.equals("3278-2") ? "Line 00000021 of 00000120" : "Line 00000024 of 00000120");
        }
    }

    /** OpenCS's own client as a model 4: the host's Erase/Write Alternate switches it to 43x80. */
    @Test
    void ourClientAsAModel4GetsTheAlternateScreen() throws Exception {
        sixtyLines();
        var client = new org.opencs.tn3270.client.Tn3270Client(org.opencs.pki.tls.SystemSsl.jsseClient(
                new org.opencs.pki.tls.KeyDatabaseRing(KeyDatabase.openStashed(
                        registry.home().hfsPath("/etc/tn3270/server.kdb"), new java.security.SecureRandom()), null)),
                null, java.nio.charset.Charset.forName("IBM1047"));
        client.model(4);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        String script = String.join("\n", actions("Connect(L:localhost:" + server.port() + ")", LOGON,
                "Query(ScreenCurSize)", "String(\"1\")", "Enter()", "String(\"B\")", "Enter()", "Query(ScreenCurSize)",
                "Ascii()", "Quit()")) + "\n";
        int rc = new org.opencs.tn3270.client.ScriptRunner(client, new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(new java.io.BufferedReader(new java.io.StringReader(script)));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(out).isZero();
        assertThat(out).contains("data: 24 80").contains("data: 43 80").contains("LINE 39 END")
                .doesNotContain("LINE 40 END");
    }

    /** IBM-DYNAMIC (s3270 -oversize): the server asks with Read Partition Query and draws the size the reply gives. */
    @Test
    void anIbmDynamicTerminalIsAskedForItsSize() {
        sixtyLines();
        var result = s3270(List.of("-model", "3278-4", "-oversize", "100x50"), actions(
                "Connect(L:localhost:" + server.port() + ")", LOGON, "Query(TerminalName)", "Ascii()",
                "String(\"1\")", "Enter()", "Wait(20,InputField)", "String(\"B\")", "Enter()",
                "Wait(20,InputField)", "Query(ScreenCurSize)", "Ascii()", "Quit()"));
        assertThat(result.all()).contains("data: IBM-DYNAMIC").contains("Screen  . : 50x100").contains("data: 50 100")
                .contains("LINE 46 END").doesNotContain("LINE 47 END");
    }

    /**
     * TN3270E SYSREQ: the key hands the screen to the SSCP-LU session (pressed again, back to the application as it was);
     * LOGOFF there ends the application session (UNBIND) and the terminal gets a fresh logon panel.
     */
    @Test
    void sysreqSwitchesToTheSscpWhereLogoffEndsTheApplication() {
        // s3270 switches its own mode when SysReq is pressed, which satisfies Wait(Output) at once: the script gives
        // the host a second to answer instead.
        var result = s3270(actions("Connect(L:localhost:" + server.port() + ")", LOGON,
                "SysReq()", "Wait(1,Seconds)", "Query(ConnectionState)", "Ascii()", "SysReq()", "Wait(1,Seconds)",
                "Wait(20,InputField)", "Query(ConnectionState)", "Ascii()", "SysReq()", "Wait(1,Seconds)",
                "String(\"LOGOFF\")", "Enter()", "Wait(1,Seconds)", "Wait(20,InputField)", "Query(ConnectionState)",
                "Ascii()", "Quit()"));
        String out = result.all();
        assertThat(out).contains("data: connected-sscp").contains("SSCP-LU session of TCP00001 (application TSO)")
                .contains("Enter LOGOFF to end the application session, or press SYSREQ to return to it");
        int back = out.indexOf("OpenCS Primary Option Menu", out.indexOf("SSCP-LU session of"));
        int fresh = out.indexOf("TSO/E LOGON", out.lastIndexOf("SSCP-LU session of"));
        assertThat(back).as("SYSREQ again returns to the menu in %s", out).isPositive();
        assertThat(fresh).as("LOGOFF from the SSCP-LU session shows a new logon panel in %s", out).isPositive();
        assertThat(out.substring(fresh)).contains("Userid    ===>");
    }

    @Test
    void s3270LogsOnToTsoOverTlsWithTn3270e() {
        var result = s3270(List.of("-model", "3279-2"), "Connect(L:localhost:" + server.port() + ")", "Wait(20,InputField)", "Query(Tls)",
                "Query(LuName)", "Ascii()", "String(\"user1\")", "Tab()", "String(\"user1pw\")", "Enter()",
                "Wait(20,InputField)", "Ascii()", "ReadBuffer(Ascii)", "String(\"6\")", "Enter()", "Wait(20,InputField)",
                "String(\"listuser\")", "Enter()", "Wait(20,InputField)", "Ascii()", "Attn()", "Wait(20,Output)",
                "Ascii()", "String(\"logoff\")", "Enter()", "Quit()");
        String out = result.all();
        assertThat(out).contains("data: secure host-verified").contains("data: TCP00001")
                .contains("TSO/E LOGON").contains("Userid    ===>")
                .contains("USER1 LOGON IN PROGRESS AT").contains("OpenCS Primary Option Menu").contains("data:  READY")
                .contains("data:  listuser").contains("USER=USER1");
        // ATTN (IAC IP) reaches TSO as attention: a new READY prompt below the command's output.
        String afterAttention = out.substring(out.lastIndexOf("USER=USER1"));
        assertThat(afterAttention).contains("data:  READY");
        // A 3279 (colour) with an -E type takes extended attributes: the menu's title is turquoise (SFE, x'42' = x'F5').
        assertThat(out).containsPattern("SF\\(c0=[0-9a-f]{2},42=f5\\)");
        assertThat(Files.exists(registry.home().logs().resolve("audit.jsonl"))).isTrue();
    }

    @Test
    void aWrongPasswordGetsRacfsMessageAndTheTraditionalModeWorksToo() {
        var result = s3270("Connect(N:L:localhost:" + server.port() + ")", "Wait(20,InputField)",
                "String(\"user1\")", "Tab()", "String(\"wrong\")", "Enter()", "Wait(20,InputField)", "Ascii()", "PF(3)",
                "Quit()");
        assertThat(result.all()).contains("IKJ56421I PASSWORD NOT AUTHORIZED FOR USERID USER1");
    }

    /**
     * Enter on the logon panel while the registry's logon pool is full (its threads busy, its queue filled for real
     * with tasks waiting on a latch): the panel stays with OCST014E, the refusal is audited, and once the queue
     * drains the same logon works.
     */
    @Test
    void aFullLogonQueueKeepsThePanelWithAMessage() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        try {
            int submitted = 0;
            try {
                for (; submitted < 100_000; submitted++) {
                    registry.logonExecutor().execute(() -> {
                        try {
                            release.await(5, java.util.concurrent.TimeUnit.MINUTES);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            } catch (java.util.concurrent.RejectedExecutionException full) {
                assertThat(submitted).isGreaterThanOrEqualTo(Registry.LOGONS_WAITING);
            }
            var refused = s3270(actions("Connect(L:localhost:" + server.port() + ")", LOGON, "Ascii()", "PF(3)", "Quit()"));
            assertThat(refused.all()).contains("OCST014E LOGON QUEUE FULL - LOGON NOT DONE, TRY AGAIN LATER")
                    .contains("TSO/E LOGON").doesNotContain("LOGON IN PROGRESS");
            assertThat(Files.readString(registry.home().logs().resolve("audit.jsonl")))
                    .contains("\"reason\":\"LOGON QUEUE FULL\"");
            assertThat(String.join("\n", log.lines())).contains("OCST014E");
        } finally {
            release.countDown();
        }
        var accepted = s3270(actions("Connect(L:localhost:" + server.port() + ")", LOGON, "Ascii()", "Quit()"));
        assertThat(accepted.all()).contains("USER1 LOGON IN PROGRESS AT");
    }

    private Tn3270Server serve(String connType) throws Exception {
        String profile = String.join("\n", "TelnetParms", "  " + (connType.equals("BASIC") ? "Port" : "SecurePort") + " 0",
                "  Conntype " + connType, "  Keyring HFS /etc/tn3270/server.kdb", "EndTelnetParms");
        return log.serve(ProfileParser.parse(profile, "PROFILE.TCPIP").config().ports().get(0), registry);
    }

    /** A client that does not start with a handshake gets START_TLS: on NEGTSECURE at once, on SECURE after a wait. */
    @Test
    void startTlsSecuresAPlainConnectOnNegtsecureAndSecurePorts() throws Exception {
        for (String connType : List.of("NEGTSECURE", "SECURE")) {
            try (Tn3270Server plainFirst = serve(connType)) {
                var result = s3270("Connect(localhost:" + plainFirst.port() + ")", "Wait(20,InputField)", "Query(Tls)",
                        "Ascii()", "Quit()");
                assertThat(result.all()).as(connType).contains("data: secure host-verified").contains("TSO/E LOGON");
            }
        }
        try (Tn3270Server any = serve("ANY")) {
            var result = s3270("Connect(localhost:" + any.port() + ")", "Wait(20,InputField)", "Query(Tls)", "Quit()");
            assertThat(result.all()).contains("data: secure host-verified");
        }
        try (Tn3270Server basic = serve("BASIC")) {
            var result = s3270("Connect(localhost:" + basic.port() + ")", "Wait(20,InputField)", "Query(Tls)",
                    "Ascii()", "Quit()");
            assertThat(result.all()).contains("data: not secure").contains("TSO/E LOGON");
        }
    }

    /** BEGINVTAM without DEFAULTAPPL: the USS logon screen, then LOGON APPLID(TSO) DATA(USER1) opens the TSO logon. */
    @Test
    void theUssScreenStartsTsoWithTheUserGiven() throws Exception {
        String profile = String.join("\n", "TelnetParms", "  SecurePort 0", "  Keyring HFS /etc/tn3270/server.kdb",
                "EndTelnetParms");
        try (Tn3270Server uss = log.serve(ProfileParser.parse(profile, "P").config().ports().get(0), registry,
                new Vtam(org.opencs.tn3270.config.VtamConfig.defaultAppl(null)))) {
            // With BIND-IMAGE (s3270 asks for it) the USS screen is SSCP-LU data: Enter does not lock the keyboard, so
            // the script waits for the host's output.
            var result = s3270("Connect(L:localhost:" + uss.port() + ")", "Wait(20,InputField)",
                    "Query(ConnectionState)", "Ascii()", "String(\"FOO\")", "Enter()", "Wait(20,Output)", "Ascii()",
                    "String(\"logon applid(tso) data(user1)\")", "Enter()", "Wait(20,Output)", "Wait(20,InputField)",
                    "Query(ConnectionState)", "Query(BindPluName)", "Ascii()", "String(\"user1pw\")", "Enter()",
                    "Wait(20,InputField)", "Ascii()", "Quit()");
            assertThat(result.all()).contains("data: connected-sscp").contains("data: connected-tn3270e").contains("data: TSO")
                    .contains("Terminal TCP0000").contains("Enter LOGON APPLID(applid) DATA(userid)")
                    .contains("IST453I LOGON REJECTED, APPLID(FOO) UNKNOWN").contains("Userid    ===> USER1")
                    .contains("USER1 LOGON IN PROGRESS AT");
        }
    }

    /**
     * The seed's first scenario: gskkyman builds abckey.kdb in USER1's SSLcase1 directory (the seed's session), the seed's
     * first TelnetParms block names it as it is printed, and s3270, trusting the exported mvs098_self_signed.crt as PCOMM
     * does, reaches the logon panel over TLS. The certificate names no host, so s3270 accepts any name in it.
     */
    @Test
    void theSeedsGskkymanKeyDatabaseServesTheSeedsFirstTelnetParms() throws Exception {
        String blocks;
        try (var in = getClass().getResourceAsStream("/seed/PROFILE.TCPIP.blocks")) {
            blocks = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        TelnetPort seedPort = ProfileParser.parse(blocks, "PROFILE.TCPIP").config().ports().get(0);
        Path kdbDir = Files.createDirectories(registry.home().hfsPath("/u/user1/SSLcase1"));
        var session = org.opencs.pki.gskkyman.GskkymanSession.interactive(kdbDir,
                org.opencs.pki.gskkyman.GskkymanSession.SEED_SESSION.toArray(new String[0]));
        assertThat(session.exitCode()).as(session.transcript()).isZero();
        try (Tn3270Server seed = log.serve(seedPort, registry)) {
            String script = String.join("\n", "Connect(L:localhost:" + seed.port() + ")", "Wait(20,InputField)",
                    "Query(Tls)", "Ascii()", "Quit()") + "\n";
            var result = ExternalCommand.run(dir, script.getBytes(StandardCharsets.US_ASCII), List.of("timeout", "60",
                    "s3270", "-cafile", kdbDir.resolve("mvs098_self_signed.crt").toString(), "-accepthostname", "any",
                    "-model", "3278-2"));
            assertThat(result.all()).contains("data: secure").contains("TSO/E LOGON");
            // Without the exported certificate as a trusted root the handshake fails, as PCOMM's would.
            var untrusted = ExternalCommand.run(dir, script.getBytes(StandardCharsets.US_ASCII), List.of("timeout", "60",
                    "s3270", "-cafile", dir.resolve("ca.pem").toString(), "-accepthostname", "any", "-model", "3278-2"));
            assertThat(untrusted.all()).doesNotContain("TSO/E LOGON");
        }
    }

    /** The primary menu: a data set list, a PDS's members, browsing with PF8/PF3, the user's certificates. */
    @Test
    void theMenuBrowsesDataSetsAndMembers() throws Exception {
        var catalog = new org.opencs.datasets.Catalog(registry.home(), clock);
        var today = java.time.LocalDate.now();
        catalog.allocate(new org.opencs.datasets.DatasetName("USER1.ALFRED.CNTL", null), new org.opencs.datasets
                .DatasetAttributes("PO", org.opencs.datasets.RecordFormat.FB, 80, 3120, today, today));
        catalog.writeText(new org.opencs.datasets.DatasetName("USER1.ALFRED.CNTL", "FTPJOB"), "//ALFREDA JOB 1,ALFRED\n");
        catalog.allocate(new org.opencs.datasets.DatasetName("USER1.DATA", null), new org.opencs.datasets
                .DatasetAttributes("PS", org.opencs.datasets.RecordFormat.VB, 84, 27998, today, today));
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            lines.append("LINE ").append(i).append('\n');
        }
        catalog.writeText(new org.opencs.datasets.DatasetName("USER1.DATA", null), lines.toString());
        var result = s3270("Connect(L:localhost:" + server.port() + ")", "Wait(20,InputField)", "String(\"user1\")", "Tab()",
                "String(\"user1pw\")", "Enter()", "Wait(20,InputField)", "String(\"1\")", "Enter()", "Wait(20,InputField)",
                "Ascii()", "String(\"S\")", "Enter()", "Wait(20,InputField)", "Ascii()", "String(\"B\")", "Enter()",
                "Wait(20,InputField)", "Ascii()", "PF(3)", "Wait(20,InputField)", "PF(3)", "Wait(20,InputField)", "Tab()",
                "String(\"B\")", "Enter()", "Wait(20,InputField)", "PF(8)", "Wait(20,InputField)", "Ascii()", "PF(3)",
                "Wait(20,InputField)", "PF(3)", "Wait(20,InputField)", "String(\"2\")", "Enter()", "Wait(20,InputField)",
                "Ascii()", "Quit()");
        assertThat(result.all()).contains("DATA SET LIST  Level USER1").contains("USER1.ALFRED.CNTL").contains("USER1.DATA")
                .contains("MEMBER LIST  USER1.ALFRED.CNTL").contains("FTPJOB")
                .contains("BROWSE    USER1.ALFRED.CNTL(FTPJOB)").contains("//ALFREDA JOB 1,ALFRED")
                .contains("BROWSE    USER1.DATA").contains("LINE 21").contains("LINE 30").contains("Bottom of Data")
                .contains("CERTIFICATES  USER1");
    }
}
