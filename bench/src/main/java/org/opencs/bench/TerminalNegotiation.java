package org.opencs.bench;

import io.netty.channel.ChannelHandlerContext;
import java.nio.charset.StandardCharsets;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * The least a benchmark's TN3270E terminal answers to reach its first screen (RFC 2355 sections 7.1 and 7.2): WILL
 * TN3270E and WONT every other option the server asks for, DEVICE-TYPE REQUEST IBM-3278-2-E when the server sends
 * DEVICE-TYPE SEND, and FUNCTIONS REQUEST with no functions once the server says DEVICE-TYPE IS. Shared by the
 * benchmarks' terminals so each keeps only what it measures.
 */
final class TerminalNegotiation {
    private static final byte[] DEVICE_TYPE_REQUEST = "\u0002\u0007IBM-3278-2-E".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] FUNCTIONS_REQUEST_NONE = {0x03, 0x07};

    private TerminalNegotiation() {
    }

    /**
     * Answers {@code m} when it is a negotiation this terminal takes part in.
     *
     * @return true when {@code m} was a DO or a TN3270E subnegotiation (answered or ignored), false for anything else
     *     (a record, another verb), which the caller handles
     */
    static boolean answer(ChannelHandlerContext ctx, TelnetMessage m) {
        if (m instanceof TelnetMessage.Negotiation n && n.verb() == Telnet.DO) {
            ctx.writeAndFlush(new TelnetMessage.Negotiation(n.option() == Telnet.TN3270E ? Telnet.WILL : Telnet.WONT,
                    n.option()));
            return true;
        }
        if (m instanceof TelnetMessage.Subnegotiation s && s.option() == Telnet.TN3270E && s.data().length > 1) {
            if (s.data()[0] == 0x08) {
                ctx.writeAndFlush(new TelnetMessage.Subnegotiation(Telnet.TN3270E, DEVICE_TYPE_REQUEST.clone()));
            } else if (s.data()[0] == 0x02 && s.data()[1] == 0x04) {
                ctx.writeAndFlush(new TelnetMessage.Subnegotiation(Telnet.TN3270E, FUNCTIONS_REQUEST_NONE.clone()));
            }
            return true;
        }
        return false;
    }
}
