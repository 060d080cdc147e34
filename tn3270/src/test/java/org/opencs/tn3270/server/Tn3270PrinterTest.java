package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tn3270.client.TelnetConnection;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.config.TelnetConfig;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * BEGINVTAM's LU naming (IPGROUP, LUGROUP, PRTGROUP, LUMAP with a paired printer group) and printer sessions: Debian's
 * pr3287, associated with the s3270 terminal, prints what its user sends from BROWSE; PRTINACTIVE drops idle printers.
 */
class Tn3270PrinterTest {
    @org.junit.jupiter.api.extension.RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;
    private Tn3270Server server;
    /** A plain port of the same process (one VTAM for both): the raw telnet tests use it. */
    private Tn3270Server plain;
    private Vtam vtam;

    private static final String PROFILE = String.join("\n", "TelnetParms", "  SecurePort 0",
            "  Keyring HFS /etc/tn3270/server.kdb", "EndTelnetParms",
            "TelnetParms", "  Port 0", "  PrtInactive 2", "EndTelnetParms", "BeginVTAM",
            "  IPGROUP BRANCH1 127.0.0.2/32 127.0.0.3..127.0.0.9 ENDIPGROUP",
            "  LUGROUP BR1LUS BR1LU001..BR1LU002 ENDLUGROUP",
            "  PRTGROUP BR1PRTS BR1PR001..BR1PR002 ENDPRTGROUP",
            "  LUMAP BR1LUS BRANCH1 GENERIC BR1PRTS",
            "  DEFAULTAPPL TSO", "EndVTAM");

    @BeforeEach
    void start() throws Exception {
        registry = TestHost.open(dir, clock);
        TelnetConfig config = ProfileParser.parse(PROFILE, "PROFILE.TCPIP").config();
        vtam = new Vtam(config.vtam());
        server = log.serve(config.ports().get(0), registry, vtam);
        plain = log.serve(config.ports().get(1), registry, vtam);
    }

    @AfterEach
    void stop() {
        plain.close();
        server.close();
        registry.close();
    }

    /** Clients of IPGROUP BRANCH1 (127.0.0.2, 127.0.0.3..127.0.0.9) take LUGROUP BR1LUS, the others TCP00001 ... */
    @Test
    void luMapGivesABranchItsOwnLus() throws Exception {
        try (TelnetConnection branch = connect("127.0.0.2"); TelnetConnection other = connect("127.0.0.1")) {
            assertThat(deviceType(branch, "IBM-3278-2-E", null)).isEqualTo("IBM-3278-2-E CONNECT BR1LU001");
            assertThat(deviceType(other, "IBM-3278-2-E", null)).isEqualTo("IBM-3278-2-E CONNECT TCP00001");
        }
    }

    /** LUMAP's printer group pairs BR1LU00n with BR1PR00n: ASSOCIATE asks for the terminal's own printer. */
    @Test
    void aPrinterAssociatesWithItsTerminalsPairedPrinter() throws Exception {
        try (TelnetConnection terminal = connect("127.0.0.5");
             TelnetConnection printer = connect("127.0.0.1");
             TelnetConnection stray = connect("127.0.0.1");
             TelnetConnection twice = connect("127.0.0.1")) {
            assertThat(deviceType(terminal, "IBM-3278-2-E", null)).endsWith("BR1LU001");
            assertThat(deviceType(printer, "IBM-3287-1", "BR1LU001")).isEqualTo("IBM-3287-1 CONNECT BR1PR001");
            assertThat(deviceType(stray, "IBM-3287-1", "NOSUCHLU")).isEqualTo("REJECT INV-ASSOCIATE");
            assertThat(deviceType(twice, "IBM-3287-1", "BR1LU001")).isEqualTo("REJECT DEVICE-IN-USE");
        }
    }

    /** A telnet connection to the plain port from local address {@code from} (Linux answers all of 127/8). */
    private TelnetConnection connect(String from) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", plain.port()), 10_000);
        return new TelnetConnection(socket);
    }

    private static String deviceType(TelnetConnection c, String type, String associate) throws IOException {
        for (TelnetMessage m = c.next(10_000); m != null; m = c.next(10_000)) {
            if (m instanceof TelnetMessage.Negotiation n && n.verb() == Telnet.DO && n.option() == Telnet.TN3270E) {
                c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TN3270E));
            } else if (m instanceof TelnetMessage.Subnegotiation s && s.data()[0] == 0x08) {
                String request = "\u0002\u0007" + type + (associate == null ? "" : "\u0000" + associate);
                c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, request.getBytes(StandardCharsets.ISO_8859_1)));
            } else if (m instanceof TelnetMessage.Subnegotiation s && s.data()[0] == 0x02) {
                if (s.data()[1] == 0x06) {
                    return "REJECT " + List.of("CONN-PARTNER", "DEVICE-IN-USE", "INV-ASSOCIATE", "INV-NAME",
                            "INV-DEVICE-TYPE").get(s.data()[3]);
                }
                String is = new String(s.data(), 2, s.data().length - 2, StandardCharsets.ISO_8859_1);
                return is.replace("\u0001", " CONNECT ");
            }
        }
        throw new IOException("the server sent no DEVICE-TYPE answer");
    }

    /**
     * s3270 logs on (terminal TCP00001); pr3287 associates with it (-assoc TCP00001: its printer PRT00001); the user
     * types PRINT in BROWSE and pr3287's command receives the data set.
     */
    @Test
    void pr3287PrintsWhatTheAssociatedTerminalSendsFromBrowse() throws Exception {
        TestHost.dataset(registry, clock, "USER1.REPORT", "QUARTERLY REPORT\nLINE TWO OF THE REPORT\nEND OF REPORT\n");
        Path printed = dir.resolve("printed.txt");
        Process s3270 = new ProcessBuilder("timeout", "60", "s3270", "-cafile", dir.resolve("ca.pem").toString(),
                "-model", "3278-2").redirectErrorStream(true).redirectOutput(dir.resolve("s3270.out").toFile()).start();
        Process pr3287 = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (var terminal = new java.io.PrintWriter(s3270.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            terminal.println("Connect(L:localhost:" + server.port() + ")");
            terminal.println("Wait(20,InputField)");
            // Both actions done (Connect, then the logon panel): the terminal has its LU for pr3287 to associate with.
            while (Files.readString(dir.resolve("s3270.out")).split("\nok\n", -1).length < 3
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            pr3287 = new ProcessBuilder("pr3287", "-cafile", dir.resolve("ca.pem").toString(), "-codepage", "cp1047",
                    "-command", "cat >> " + printed, "-assoc", "TCP00001", "L:localhost:" + server.port())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("pr3287.log").toFile()).start();
            while (!vtam.printerConnected("PRT00001") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(vtam.printerConnected("PRT00001")).as("pr3287 connected: %s",
                    Files.readString(dir.resolve("pr3287.log"))).isTrue();
            for (String action : List.of("String(\"user1\")", "Tab()", "String(\"user1pw\")", "Enter()",
                    "Wait(20,InputField)", "String(\"1\")", "Enter()", "Wait(20,InputField)", "String(\"B\")", "Enter()",
                    "Wait(20,InputField)", "String(\"print\")", "Enter()", "Wait(20,InputField)", "Ascii()", "Quit()")) {
                terminal.println(action);
            }
            assertThat(s3270.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(dir.resolve("s3270.out"))).contains("BROWSE    USER1.REPORT")
                    .contains("Printed 3 lines on PRT00001");
            while (!(Files.exists(printed) && Files.readString(printed).contains("END OF REPORT"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.exists(printed)).as("pr3287 wrote the job: %s", Files.readString(dir.resolve("pr3287.log")))
                    .isTrue();
            assertThat(Files.readString(printed)).contains("QUARTERLY REPORT").contains("LINE TWO OF THE REPORT")
                    .contains("END OF REPORT");
            assertThat(Files.readString(registry.home().logs().resolve("audit.jsonl"))).contains("TN3270_PRINT")
                    .contains("TN3270_PRINTER_START");
        } finally {
            s3270.destroy();
            if (pr3287 != null) {
                pr3287.destroy();
                pr3287.waitFor();
            }
        }
    }

    /** PRTINACTIVE 2: a printer session that gets no print job is dropped, a terminal is not. */
    @Test
    void prtinactiveDropsAnIdlePrinter() throws Exception {
        try (TelnetConnection printer = connect("127.0.0.1")) {
            assertThat(deviceType(printer, "IBM-3287-1", null)).isEqualTo("IBM-3287-1 CONNECT PRT00001");
            printer.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x03, 0x07, 0x00, 0x02, 0x03}));
            long start = System.nanoTime();
            TelnetMessage m;
            do {
                m = printer.next(20_000);
            } while (m != null);
            assertThat((System.nanoTime() - start) / 1_000_000).as("dropped after PRTINACTIVE, not before")
                    .isGreaterThanOrEqualTo(1_500);
        }
    }
}
