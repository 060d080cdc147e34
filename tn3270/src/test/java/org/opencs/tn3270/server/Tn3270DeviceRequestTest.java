package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.testkit.ExternalCommand;
import org.opencs.tn3270.client.TelnetConnection;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * What a client asks for is given or refused, never bent: a terminal type that is not a 3270's is asked for again with
 * TERMINAL-TYPE SEND until the client's list ends (RFC 1091, RFC 1576), then refused (OCST007E); an LU asked for by
 * name that is not the client's is DEVICE-TYPE REJECT INV-NAME, one held by another session REJECT DEVICE-IN-USE
 * (RFC 2355 section 4 and 7.1), in traditional TN3270 (RFC 1646 TYPE@LU) another TERMINAL-TYPE SEND (OCST070W).
 * s3270 for what a real terminal does, raw sockets for the lists and requests no installed client sends.
 */
class Tn3270DeviceRequestTest {
    @RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;
    private Tn3270Server server;

    @BeforeEach
    void start() throws Exception {
        registry = TestHost.open(dir, clock);
        server = log.serve(ProfileParser.parse("TELNETPARMS\n PORT 0\n CONNTYPE BASIC\nENDTELNETPARMS\n", "P").config()
                .ports().get(0), registry);
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    private ExternalCommand.Result s3270(String... actions) {
        return ExternalCommand.run(dir, (String.join("\n", actions) + "\n").getBytes(StandardCharsets.US_ASCII),
                List.of("timeout", "60", "s3270", "-model", "3278-2"));
    }

    private TelnetConnection connect() throws IOException {
        return new TelnetConnection(new Socket("127.0.0.1", server.port()));
    }

    /** WONT TN3270E, then WILL TERMINAL-TYPE: the server's DO TN3270E and DO TERMINAL-TYPE read and answered. */
    private static void traditional(TelnetConnection c) throws IOException {
        assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TN3270E));
        c.send(new TelnetMessage.Negotiation(Telnet.WONT, Telnet.TN3270E));
        assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TERMINAL_TYPE));
        c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TERMINAL_TYPE));
        assertThat(c.next(10_000)).as("TERMINAL-TYPE SEND").isEqualTo(ttypeSend());
    }

    private static TelnetMessage ttypeSend() {
        return new TelnetMessage.Subnegotiation(Telnet.TERMINAL_TYPE, new byte[] {Telnet.SEND});
    }

    private static TelnetMessage ttypeIs(String type) {
        return new TelnetMessage.Subnegotiation(Telnet.TERMINAL_TYPE,
                ("\u0000" + type).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads what the server sends until it closes; returns the messages, and the plain text it sent. */
    private static List<TelnetMessage> untilClosed(TelnetConnection c) throws IOException {
        List<TelnetMessage> all = new ArrayList<>();
        for (TelnetMessage m = c.next(10_000); m != null; m = c.next(10_000)) {
            all.add(m);
        }
        return all;
    }

    /** The issue's example: WONT TN3270E, TTYPE IS VT100 (and VT100 again at the end of its list): no logon screen. */
    @Test
    void aVt100IsAskedAgainThenRefusedWithAReason() throws Exception {
        try (TelnetConnection c = connect()) {
            traditional(c);
            c.send(ttypeIs("VT100"));
            assertThat(c.next(10_000)).as("asked again (RFC 1091)").isEqualTo(ttypeSend());
            c.send(ttypeIs("VT100")); // the list ended: its last type again
            assertThat(untilClosed(c)).as("no screen, no BINARY asked for")
                    .noneMatch(m -> m instanceof TelnetMessage.Record || m.equals(new TelnetMessage.Negotiation(
                            Telnet.DO, Telnet.BINARY)));
        }
        assertThat(log.await("OCST007E", Duration.ofSeconds(5))).containsPattern("No 3270 session can be had with "
                + "client 127\\.0\\.0\\.1:\\d+: its terminal types \\(VT100: not a 3270 terminal type");
        assertThat(registry.home().logs().resolve("audit.jsonl")).content()
                .contains("\"type\":\"TN3270_NEGOTIATION_FAILED\"").doesNotContain("TN3270_SESSION_START");
    }

    /** A plain telnet client sees why in words before the server closes (it is not in BINARY: text is text). */
    @Test
    void theRefusedClientReadsWhyAsText() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(new byte[] {(byte) Telnet.IAC, (byte) Telnet.WONT, (byte) Telnet.TN3270E, (byte) Telnet.IAC,
                (byte) Telnet.WILL, (byte) Telnet.TERMINAL_TYPE});
            byte[] is = ("\u00ff\u00fa\u0018\u0000XTERM\u00ff\u00f0").getBytes(StandardCharsets.ISO_8859_1);
            out.write(is);
            out.write(is);
            String received = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(received).contains("OCST007E This server serves 3270 terminals only");
        }
    }

    /** A client cycling through its list (RFC 1091) reaches its 3270 type: VT100, XTERM, then IBM-3278-2. */
    @Test
    void aClientCyclingThroughItsTypesReachesItsThirdOne() throws Exception {
        try (TelnetConnection c = connect()) {
            traditional(c);
            c.send(ttypeIs("VT100"));
            assertThat(c.next(10_000)).isEqualTo(ttypeSend());
            c.send(ttypeIs("XTERM"));
            assertThat(c.next(10_000)).isEqualTo(ttypeSend());
            c.send(ttypeIs("IBM-3278-2"));
            TelnetMessage.Record screen = RawTerminal.firstScreen(c);
            assertThat(screen).as("the logon screen").isNotNull();
        }
        assertThat(log.lines()).filteredOn(l -> l.contains("OCST070W")).hasSize(2);
    }

    /** A client that starts its list over (VT100, ANSI, VT100) has none: refused after the wrap. */
    @Test
    void aListThatStartsOverHasEnded() throws Exception {
        try (TelnetConnection c = connect()) {
            traditional(c);
            for (String type : List.of("VT100", "ANSI")) {
                c.send(ttypeIs(type));
                assertThat(c.next(10_000)).isEqualTo(ttypeSend());
            }
            c.send(ttypeIs("VT100"));
            assertThat(untilClosed(c)).noneMatch(m -> m instanceof TelnetMessage.Record);
        }
        assertThat(log.await("OCST007E", Duration.ofSeconds(5))).contains("VT100: not a 3270 terminal type")
                .contains("ANSI: not a 3270 terminal type");
    }

    /** A printer type in traditional TN3270 is no terminal: printers need TN3270E. */
    @Test
    void aPrinterTypeWithoutTn3270eIsRefused() throws Exception {
        try (TelnetConnection c = connect()) {
            traditional(c);
            c.send(ttypeIs("IBM-3287-1"));
            assertThat(c.next(10_000)).isEqualTo(ttypeSend());
            c.send(ttypeIs("IBM-3287-1"));
            assertThat(untilClosed(c)).noneMatch(m -> m instanceof TelnetMessage.Record);
        }
        assertThat(log.await("OCST007E", Duration.ofSeconds(5))).contains("IBM-3287-1: a printer needs TN3270E");
    }

    /** DEVICE-TYPE REQUEST IBM-3278-2-E CONNECT name, the reply (IS ... or REJECT REASON n) as words. */
    private String request(TelnetConnection c, String lu) throws IOException {
        assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TN3270E));
        c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TN3270E));
        assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x08, 0x02}));
        c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                ("\u0002\u0007IBM-3278-2-E\u0001" + lu).getBytes(StandardCharsets.ISO_8859_1)));
        TelnetMessage.Subnegotiation reply = (TelnetMessage.Subnegotiation) c.next(10_000);
        byte[] d = reply.data();
        if (d[1] == 0x06) {
            return "REJECT REASON " + d[3];
        }
        return "IS " + new String(d, 2, d.length - 2, StandardCharsets.ISO_8859_1).replace('\u0001', ' ');
    }

    /** The issue's example: CONNECT ZZZ00001 (no such LU in the client's pool) is REJECT INV-NAME, not TCP00001. */
    @Test
    void connectingAnLuThatIsNotTheClientsIsRejectedInvName() throws Exception {
        try (TelnetConnection c = connect()) {
            assertThat(request(c, "ZZZ00001")).isEqualTo("REJECT REASON 3");
        }
        assertThat(log.await("OCST070W", Duration.ofSeconds(5))).containsPattern("client 127\\.0\\.0\\.1:\\d+ refused a "
                + "device request: DEVICE-TYPE REJECT INV-NAME: CONNECT ZZZ00001: LU ZZZ00001 is not one of the "
                + "client's LUs");
        assertThat(registry.home().logs().resolve("audit.jsonl")).content().contains("TN3270_DEVICE_REJECTED");
    }

    /** CONNECT of an LU another session holds is REJECT DEVICE-IN-USE; once that session ends, the LU is given. */
    @Test
    void connectingAnLuInUseIsRejectedDeviceInUse() throws Exception {
        try (TelnetConnection holder = connect()) {
            assertThat(request(holder, "TCP00007")).isEqualTo("IS IBM-3278-2-E TCP00007");
            try (TelnetConnection second = connect()) {
                assertThat(request(second, "TCP00007")).isEqualTo("REJECT REASON 1");
                // RFC 2355: after a REJECT the client may ask again, here for a free LU.
                second.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                        "\u0002\u0007IBM-3278-2-E\u0001TCP00008".getBytes(StandardCharsets.ISO_8859_1)));
                assertThat(second.next(10_000)).isEqualTo(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                        "\u0002\u0004IBM-3278-2-E\u0001TCP00008".getBytes(StandardCharsets.ISO_8859_1)));
            }
        }
        assertThat(log.await("OCST070W", Duration.ofSeconds(5))).contains("DEVICE-TYPE REJECT DEVICE-IN-USE: CONNECT "
                + "TCP00007: LU TCP00007 is in use by another session");
        String reply;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do { // the holder's close may still be on its way to the server
            try (TelnetConnection again = connect()) {
                reply = request(again, "TCP00007");
            }
        } while (!reply.startsWith("IS") && System.nanoTime() < deadline);
        assertThat(reply).isEqualTo("IS IBM-3278-2-E TCP00007");
    }

    /**
     * Traditional TN3270 with an LU (RFC 1646: IBM-3278-2@LU): one that is not the client's is asked for again with
     * TERMINAL-TYPE SEND, the same answer again ends the list: refused, no other LU given.
     */
    @Test
    void traditionalTn3270WithAnLuThatIsNotTheClientsIsRefused() throws Exception {
        try (TelnetConnection c = connect()) {
            traditional(c);
            c.send(ttypeIs("IBM-3278-2@ZZZ00001"));
            assertThat(c.next(10_000)).isEqualTo(ttypeSend());
            c.send(ttypeIs("IBM-3278-2@ZZZ00001"));
            assertThat(untilClosed(c)).noneMatch(m -> m instanceof TelnetMessage.Record);
        }
        assertThat(log.await("OCST007E", Duration.ofSeconds(5)))
                .contains("IBM-3278-2@ZZZ00001: LU ZZZ00001 is not one of the client's LUs");
    }

    /**
     * s3270 connecting to LU ZZZ00001 (x3270's {@code LU@host}): REJECT INV-NAME in TN3270E, then, as s3270 backs off
     * to traditional TN3270 with IBM-3278-2-E@ZZZ00001, TERMINAL-TYPE SEND again, and s3270 gives up ("Cannot connect
     * to specified LU"): it never gets a screen with another LU.
     */
    @Test
    void s3270AskingForAnUnknownLuGetsNoSession() throws Exception {
        var result = s3270("Connect(ZZZ00001@127.0.0.1:" + server.port() + ")", "Wait(10,InputField)",
                "Query(LuName)", "Ascii()", "Quit()");
        assertThat(result.all()).doesNotContain("TSO/E LOGON").doesNotContain("TCP00001");
        assertThat(result.stdout()).as(result.all()).contains("Connection failed").contains("Wait(): Not connected");
        assertThat(log.await("OCST070W", Duration.ofSeconds(5))).contains("INV-NAME: CONNECT ZZZ00001");
        assertThat(registry.home().logs().resolve("audit.jsonl")).content().doesNotContain("TN3270_SESSION_START");
    }

    /** s3270 asking for the LU another s3270 holds: refused (DEVICE-IN-USE), never given another LU. */
    @Test
    void s3270AskingForAnLuInUseGetsNoSession() throws Exception {
        try (TelnetConnection holder = connect()) {
            assertThat(request(holder, "TCP00003")).isEqualTo("IS IBM-3278-2-E TCP00003");
            var result = s3270("Connect(TCP00003@127.0.0.1:" + server.port() + ")", "Wait(10,InputField)",
                    "Query(LuName)", "Ascii()", "Quit()");
            assertThat(result.all()).doesNotContain("TSO/E LOGON");
            assertThat(result.stdout()).as(result.all()).contains("Connection failed").contains("Wait(): Not connected");
        }
        assertThat(log.await("OCST070W", Duration.ofSeconds(5))).contains("DEVICE-IN-USE: CONNECT TCP00003");
        // A free LU asked for by name is given as asked.
        var free = s3270("Connect(TCP00004@127.0.0.1:" + server.port() + ")", "Wait(20,InputField)", "Query(LuName)",
                "Quit()");
        assertThat(free.stdout()).contains("data: TCP00004");
    }
}
