package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.tn3270.client.TelnetConnection;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.telnet.Telnet;

/**
 * Bounded fuzzing of a real server on a loopback port (a few seconds in CI): random and mutated telnet and TN3270E
 * byte segments (IAC sequences, subnegotiations without SE, subnegotiations over the size limit, random DEVICE-TYPE
 * names and FUNCTIONS, random records), sent during negotiation or once a session is up (random 3270 inbound data
 * after the logon screen). Whatever a try sends, the server logs no Java name, {@code null} or stack trace, no
 * handler fails with an error it does not understand (OCS0001E), and a normal client still gets its logon screen.
 */
class Tn3270FuzzTest {
    private static final int IAC = Telnet.IAC;
    private static Path dir;
    private static Registry registry;
    private static ServerLog log;
    private static Tn3270Server server;

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("tn3270-fuzz");
        MutableClock clock = new MutableClock(Instant.now());
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        log = new ServerLog();
        server = log.serve(ProfileParser.parse("TELNETPARMS\n PORT 0\nENDTELNETPARMS\n", "P").config().ports().get(0),
                registry);
    }

    @AfterContainer
    static void stop() throws IOException {
        server.close();
        registry.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** What one hostile client does: negotiate a session first or not, then send these segments. */
    record Hostile(boolean sessionFirst, List<byte[]> segments) {
        @Override
        public String toString() {
            return (sessionFirst ? "after the logon screen: " : "from the start: ")
                    + segments.stream().map(HexFormat.of()::formatHex).toList();
        }
    }

    @Property(tries = 60, shrinking = ShrinkingMode.OFF)
    void hostileBytesNeverBreakTheServer(@ForAll("hostile") Hostile hostile) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            if (hostile.sessionFirst()) {
                assertThat(RawTerminal.firstScreen(new TelnetConnection(socket))).as("the logon screen").isNotNull();
            }
            try {
                for (byte[] segment : hostile.segments()) {
                    socket.getOutputStream().write(segment);
                    socket.getOutputStream().flush();
                }
            } catch (IOException closedByTheServer) {
                // the server may end a session that sends nonsense
            }
            drain(socket);
        }
        RawTerminal.assertServed(server.port());
        assertThat(ServerLog.violations(log.lines())).as("log lines an operator cannot read").isEmpty();
        assertThat(log.lines()).as("errors the server did not understand").noneMatch(l -> l.contains("OCS0001E"));
    }

    /** Reads what the server answers until it is quiet for a moment or closes. */
    private static void drain(Socket socket) throws IOException {
        socket.setSoTimeout(40);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        long deadline = System.nanoTime() + 500_000_000L;
        try {
            while (System.nanoTime() < deadline && in.read(buffer) >= 0) {
                // keep reading
            }
        } catch (SocketTimeoutException | java.net.SocketException quietOrReset) {
            // quiet, or the server reset a connection it had closed
        }
    }

    @Provide
    Arbitrary<Hostile> hostile() {
        Arbitrary<byte[]> segment = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, option()),
                net.jqwik.api.Tuple.of(3, subnegotiation()),
                net.jqwik.api.Tuple.of(1, subnegotiationWithoutEnd()),
                net.jqwik.api.Tuple.of(1, hugeSubnegotiation()),
                net.jqwik.api.Tuple.of(3, deviceType()),
                net.jqwik.api.Tuple.of(2, functions()),
                net.jqwik.api.Tuple.of(4, record()),
                net.jqwik.api.Tuple.of(2, randomBytes()),
                net.jqwik.api.Tuple.of(2, mutatedNegotiation()));
        return Combinators.combine(Arbitraries.of(true, false), segment.list().ofMinSize(1).ofMaxSize(8))
                .as(Hostile::new);
    }

    private static Arbitrary<Integer> options() {
        return Arbitraries.oneOf(Arbitraries.of(Telnet.BINARY, Telnet.TIMING_MARK, Telnet.TERMINAL_TYPE,
                Telnet.END_OF_RECORD, Telnet.NEW_ENVIRON, Telnet.TN3270E, Telnet.START_TLS),
                Arbitraries.integers().between(0, 255));
    }

    /** IAC with a verb (or any command byte) and an option. */
    private static Arbitrary<byte[]> option() {
        Arbitrary<Integer> command = Arbitraries.oneOf(Arbitraries.of(Telnet.DO, Telnet.DONT, Telnet.WILL, Telnet.WONT,
                Telnet.SE, Telnet.EOR, Telnet.NOP, Telnet.IP, Telnet.AO, Telnet.BREAK, IAC),
                Arbitraries.integers().between(0, 255));
        return Combinators.combine(command, options()).as((c, o) -> new byte[] {(byte) IAC, c.byteValue(), o.byteValue()});
    }

    private static Arbitrary<byte[]> data(int max) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(max);
    }

    private static Arbitrary<byte[]> subnegotiation() {
        return Combinators.combine(options(), data(80)).as((o, d) -> sb(o, d, true));
    }

    private static Arbitrary<byte[]> subnegotiationWithoutEnd() {
        return Combinators.combine(options(), data(80)).as((o, d) -> sb(o, d, false));
    }

    /** Longer than the decoder's 1 KiB subnegotiation limit. */
    private static Arbitrary<byte[]> hugeSubnegotiation() {
        return Combinators.combine(options(), Arbitraries.integers().between(1025, 3000))
                .as((o, n) -> sb(o, new byte[n], true));
    }

    /** DEVICE-TYPE REQUEST with a random type, maybe CONNECT or ASSOCIATE and a random name. */
    private static Arbitrary<byte[]> deviceType() {
        Arbitrary<String> type = Arbitraries.oneOf(Arbitraries.of("IBM-3278-2-E", "IBM-DYNAMIC", "IBM-3287-1",
                "IBM-3279-5", ""), Arbitraries.strings().ofMaxLength(40));
        Arbitrary<byte[]> suffix = Arbitraries.oneOf(Arbitraries.just(new byte[0]),
                Combinators.combine(Arbitraries.of((byte) 0x00, (byte) 0x01), Arbitraries.strings().ofMaxLength(12))
                        .as((marker, name) -> concat(new byte[] {marker}, name.getBytes(StandardCharsets.UTF_8))));
        return Combinators.combine(type, suffix).as((t, s) -> sb(Telnet.TN3270E,
                concat(new byte[] {0x02, 0x07}, t.getBytes(StandardCharsets.UTF_8), s), true));
    }

    private static Arbitrary<byte[]> functions() {
        return Combinators.combine(Arbitraries.of((byte) 0x04, (byte) 0x07, (byte) 0x06), data(8))
                .as((sub, list) -> sb(Telnet.TN3270E, concat(new byte[] {0x03, sub}, list), true));
    }

    /**
     * A record: random bytes, or a TN3270E header (none, random, or 3270-DATA / SSCP-LU-DATA with a response flag) and
     * a Read Modified shaped body (AID, cursor, SBA orders with EBCDIC data), ended by IAC EOR.
     */
    private static Arbitrary<byte[]> record() {
        Arbitrary<byte[]> header = Arbitraries.oneOf(Arbitraries.just(new byte[0]),
                Arbitraries.bytes().array(byte[].class).ofSize(5),
                Combinators.combine(Arbitraries.of((byte) 0x00, (byte) 0x07), Arbitraries.of((byte) 0, (byte) 1, (byte) 2),
                        Arbitraries.bytes()).as((type, response, sequence) -> new byte[] {type, 0x00, response, 0x00,
                                sequence}));
        Arbitrary<byte[]> shaped = Combinators.combine(header,
                Arbitraries.of((byte) 0x7D, (byte) 0xF1, (byte) 0x6D, (byte) 0x88, (byte) 0x00), data(4),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(120))
                .as((h, aid, cursor, body) -> concat(h, new byte[] {aid},
                        cursor, new byte[] {0x11}, body));
        return Arbitraries.oneOf(shaped, data(300)).map(r -> concat(escaped(r), new byte[] {(byte) IAC, (byte) Telnet.EOR}));
    }

    private static Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200);
    }

    /** A normal client's negotiation with one byte changed, or cut short. */
    private static Arbitrary<byte[]> mutatedNegotiation() {
        byte[] normal = concat(new byte[] {(byte) IAC, (byte) Telnet.WILL, (byte) Telnet.TN3270E},
                sb(Telnet.TN3270E, concat(new byte[] {0x02, 0x07}, "IBM-3278-2-E".getBytes(StandardCharsets.US_ASCII)),
                        true), sb(Telnet.TN3270E, new byte[] {0x03, 0x07, 0x00, 0x02, 0x04}, true));
        return Combinators.combine(Arbitraries.integers().between(0, normal.length - 1),
                Arbitraries.integers().between(0, 255), Arbitraries.of(true, false)).as((at, value, cut) -> {
                    byte[] mutated = normal.clone();
                    mutated[at] = (byte) (int) value;
                    return cut ? java.util.Arrays.copyOf(mutated, at + 1) : mutated;
                });
    }

    private static byte[] sb(int option, byte[] data, boolean end) {
        return concat(new byte[] {(byte) IAC, (byte) Telnet.SB, (byte) option}, escaped(data),
                end ? new byte[] {(byte) IAC, (byte) Telnet.SE} : new byte[0]);
    }

    private static byte[] escaped(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : data) {
            out.write(b);
            if ((b & 0xFF) == IAC) {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
