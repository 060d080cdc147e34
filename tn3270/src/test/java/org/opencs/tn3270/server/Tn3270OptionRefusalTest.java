package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.saf.MutableClock;
import org.opencs.saf.Registry;
import org.opencs.saf.TestRegistries;
import org.opencs.tn3270.client.TelnetConnection;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * A refused option is an answer, not a reason to disconnect (RFC 854, RFC 1143): WONT and DONT of any option, offered
 * or not, are recorded and negotiation goes on; only a client that refuses everything a 3270 session is made of is
 * refused, with a log line giving the reason (OCST007E). Raw sockets: no real client sends these.
 */
class Tn3270OptionRefusalTest {
    @RegisterExtension
    final ServerLog log = new ServerLog();

    @TempDir
    java.nio.file.Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private Registry registry;
    private Tn3270Server basic;

    @BeforeEach
    void start() throws Exception {
        registry = TestRegistries.open(TestRegistries.init(dir, TestRegistries.Store.H2, clock), clock);
        basic = log.serve(ProfileParser.parse("TELNETPARMS\n PORT 0\n CONNTYPE BASIC\nENDTELNETPARMS\n", "P").config()
                .ports().get(0), registry);
    }

    @AfterEach
    void stop() {
        basic.close();
        registry.close();
    }

    private static final int UNKNOWN_OPTION = 0x99;

    /** Each option the server offers, might offer or does not know, refused both ways before negotiation. */
    @Test
    void aRefusedOptionOnABasicPortIsRecordedAndNegotiationGoesOn() throws Exception {
        for (int option : List.of(Telnet.START_TLS, Telnet.TN3270E, Telnet.BINARY, Telnet.END_OF_RECORD,
                Telnet.TERMINAL_TYPE, Telnet.NEW_ENVIRON, Telnet.TIMING_MARK, UNKNOWN_OPTION)) {
            for (int verb : List.of(Telnet.WONT, Telnet.DONT)) {
                try (TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", basic.port()))) {
                    c.send(new TelnetMessage.Negotiation(verb, option));
                    assertThat(RawTerminal.firstScreen(c)).as("a screen after %s %02X", Telnet.verbName(verb), option)
                            .isNotNull();
                }
            }
        }
        assertThat(log.lines()).noneMatch(l -> l.contains("OCST021E") || l.contains("OCST007E")
                || l.contains("OCST003I"));
    }

    /** WILL START_TLS on a BASIC port (which has no TLS) is refused with DONT, as any option the server lacks. */
    @Test
    void startTlsOfferedOnABasicPortIsRefusedLikeAnyUnsupportedOption() throws Exception {
        try (TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", basic.port()))) {
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TN3270E));
            c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.START_TLS));
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DONT, Telnet.START_TLS));
            c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TN3270E)); // the answer to DO TN3270E read above
            assertThat(RawTerminal.firstScreen(c)).isNotNull();
        }
    }

    /** Refusing TN3270E mid-way is fine too: the client gets traditional TN3270 (TERMINAL-TYPE, EOR, BINARY). */
    @Test
    void refusingTn3270eGivesTraditionalTn3270() throws Exception {
        try (TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", basic.port()))) {
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TN3270E));
            c.send(new TelnetMessage.Negotiation(Telnet.WONT, Telnet.TN3270E));
            assertThat(c.next(10_000)).isEqualTo(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TERMINAL_TYPE));
            c.send(new TelnetMessage.Negotiation(Telnet.WILL, Telnet.TERMINAL_TYPE));
            TelnetMessage.Record screen = RawTerminal.firstScreen(c);
            assertThat(screen).isNotNull();
            assertThat(screen.data()[0]).as("no TN3270E header: an Erase/Write command first").isEqualTo((byte) 0xF5);
        }
    }

    /** WONT TN3270E and WONT TERMINAL-TYPE: no terminal type can be agreed, so the server says so and closes. */
    @Test
    void refusingBothTn3270eAndTerminalTypeIsRefusedWithAReason() throws Exception {
        try (TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", basic.port()))) {
            c.send(new TelnetMessage.Negotiation(Telnet.WONT, Telnet.TN3270E));
            c.send(new TelnetMessage.Negotiation(Telnet.WONT, Telnet.TERMINAL_TYPE));
            answerUntilClosed(c, m -> m instanceof TelnetMessage.Negotiation n && n.verb() == Telnet.DO
                    ? new TelnetMessage.Negotiation(Telnet.WONT, n.option()) : null);
        }
        String line = log.await("OCST007E", Duration.ofSeconds(5));
        assertThat(line).containsPattern("No 3270 session can be had with client 127\\.0\\.0\\.1:\\d+: it refuses both "
                + "TN3270E and TERMINAL-TYPE");
        assertThat(registry.home().logs().resolve("audit.jsonl")).content()
                .contains("\"type\":\"TN3270_NEGOTIATION_FAILED\"");
        RawTerminal.assertServed(basic.port());
    }

    /** Traditional TN3270 without BINARY cannot carry a 3270 data stream (RFC 1576). */
    @Test
    void refusingTn3270eAndThenBinaryIsRefusedWithAReason() throws Exception {
        try (TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", basic.port()))) {
            c.send(new TelnetMessage.Negotiation(Telnet.WONT, Telnet.TN3270E));
            answerUntilClosed(c, m -> {
                assertThat(m).as("no screen without BINARY").isNotInstanceOf(TelnetMessage.Record.class);
                if (m instanceof TelnetMessage.Negotiation n && (n.verb() == Telnet.DO || n.verb() == Telnet.WILL)) {
                    boolean willing = n.option() == Telnet.TERMINAL_TYPE || n.option() == Telnet.END_OF_RECORD;
                    return new TelnetMessage.Negotiation(n.verb() == Telnet.DO ? (willing ? Telnet.WILL : Telnet.WONT)
                            : (willing ? Telnet.DO : Telnet.DONT), n.option());
                }
                return m instanceof TelnetMessage.Subnegotiation s && s.option() == Telnet.TERMINAL_TYPE
                        ? new TelnetMessage.Subnegotiation(Telnet.TERMINAL_TYPE,
                        "\u0000IBM-3278-2".getBytes(StandardCharsets.ISO_8859_1)) : null;
            });
        }
        assertThat(log.await("OCST007E", Duration.ofSeconds(5))).contains("it refuses TN3270E and BINARY");
    }

    /** Answers each message from the server with {@code answer}'s (none when null) until the server closes. */
    private static void answerUntilClosed(TelnetConnection c,
                                          java.util.function.Function<TelnetMessage, TelnetMessage> answer)
            throws java.io.IOException {
        try {
            for (TelnetMessage m = c.next(10_000); m != null; m = c.next(10_000)) {
                TelnetMessage reply = answer.apply(m);
                if (reply != null) {
                    c.send(reply);
                }
            }
        } catch (java.net.SocketException closedWhileAnswering) {
            // the server closed the connection while the answer was on its way: what the test expects
        }
    }

    /** Once TLS is on (a direct handshake on a SECUREPORT), WONT START_TLS is only an answer: the session goes on. */
    @Test
    void refusingStartTlsAfterADirectHandshakeEndsNothing() throws Exception {
        org.opencs.pki.keydb.KeyDatabase kdb = org.opencs.pki.TestPki.caAndServer(registry.home().hfsPath("/etc/tn/s.kdb"));
        kdb.stash(org.opencs.pki.kdb.StashFile.Format.V8);
        try (Tn3270Server secure = log.serve(ProfileParser.parse("TELNETPARMS\n SECUREPORT 0\n KEYRING HFS /etc/tn/s.kdb\n"
                + "ENDTELNETPARMS\n", "P").config().ports().get(0), registry);
             Socket tls = TrustingTls.connect("127.0.0.1", secure.port());
             TelnetConnection c = new TelnetConnection(tls)) {
            c.send(new TelnetMessage.Negotiation(Telnet.WONT, Telnet.START_TLS));
            c.send(new TelnetMessage.Negotiation(Telnet.DONT, Telnet.START_TLS));
            assertThat(RawTerminal.firstScreen(c)).isNotNull();
        }
        assertThat(log.lines()).noneMatch(l -> l.contains("OCST021E"));
    }
}
