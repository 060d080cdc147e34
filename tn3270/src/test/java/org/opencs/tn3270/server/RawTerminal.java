package org.opencs.tn3270.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.opencs.tn3270.client.TelnetConnection;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * A terminal made of raw telnet messages, for tests where no real client would send the bytes: it answers what the
 * server asks, TN3270E (RFC 2355) or, when TN3270E was refused, traditional TN3270 (RFC 1576), up to the first screen.
 */
final class RawTerminal {
    private static final Set<Integer> WILLING = Set.of(Telnet.TN3270E, Telnet.TERMINAL_TYPE, Telnet.BINARY,
            Telnet.END_OF_RECORD);

    private RawTerminal() {
    }

    /** Negotiates TN3270E up to DEVICE-TYPE IS or REJECT and returns that reply (null if the server closed first). */
    static TelnetMessage.Subnegotiation deviceType(TelnetConnection c) throws IOException {
        for (TelnetMessage m = c.next(10_000); m != null; m = c.next(10_000)) {
            if (m instanceof TelnetMessage.Negotiation n && n.verb() == Telnet.DO) {
                c.send(new TelnetMessage.Negotiation(Telnet.WILL, n.option()));
            } else if (m instanceof TelnetMessage.Subnegotiation s && s.data()[0] == 0x08) {
                c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                        ("\u0002\u0007IBM-3278-2-E").getBytes(StandardCharsets.ISO_8859_1)));
            } else if (m instanceof TelnetMessage.Subnegotiation s && s.data()[0] == 0x02) {
                return s;
            }
        }
        return null;
    }

    /**
     * Answers whatever the server negotiates, as a 3278 that takes TN3270E or else traditional TN3270, and returns
     * the first record (the logon screen, or a BIND first under BIND-IMAGE); null when the server closed instead.
     */
    static TelnetMessage.Record firstScreen(TelnetConnection c) throws IOException {
        for (TelnetMessage m = c.next(10_000); m != null; m = c.next(10_000)) {
            if (m instanceof TelnetMessage.Record r) {
                return r;
            }
            if (m instanceof TelnetMessage.Negotiation n && n.verb() == Telnet.DO) {
                c.send(new TelnetMessage.Negotiation(WILLING.contains(n.option()) ? Telnet.WILL : Telnet.WONT, n.option()));
            } else if (m instanceof TelnetMessage.Negotiation n && n.verb() == Telnet.WILL) {
                c.send(new TelnetMessage.Negotiation(WILLING.contains(n.option()) ? Telnet.DO : Telnet.DONT, n.option()));
            } else if (m instanceof TelnetMessage.Subnegotiation s && s.option() == Telnet.TERMINAL_TYPE) {
                c.send(new TelnetMessage.Subnegotiation(Telnet.TERMINAL_TYPE,
                        ("\u0000IBM-3278-2").getBytes(StandardCharsets.ISO_8859_1)));
            } else if (m instanceof TelnetMessage.Subnegotiation s && s.option() == Telnet.TN3270E && s.data().length > 1) {
                if (s.data()[0] == 0x08) {
                    c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                            ("\u0002\u0007IBM-3278-2-E").getBytes(StandardCharsets.ISO_8859_1)));
                } else if (s.data()[0] == 0x02 && s.data()[1] == 0x04) {
                    c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x03, 0x07}));
                }
            }
        }
        return null;
    }

    /** A well-behaved TN3270E client connecting to {@code port} now still gets its logon screen. */
    static void assertServed(int port) throws IOException {
        try (TelnetConnection c = new TelnetConnection(new Socket("127.0.0.1", port))) {
            assertThat(deviceType(c).data()[1]).as("DEVICE-TYPE IS").isEqualTo((byte) 0x04);
            c.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x03, 0x07}));
            TelnetMessage m = c.next(10_000);
            while (m != null && !(m instanceof TelnetMessage.Record)) {
                m = c.next(10_000);
            }
            assertThat(m).as("the logon screen").isInstanceOf(TelnetMessage.Record.class);
        }
    }
}
