package org.opencs.tn3270.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes {@link TelnetMessage}s: data bytes x'FF' doubled, records ended with IAC EOR. */
@ChannelHandler.Sharable
public final class TelnetEncoder extends MessageToByteEncoder<TelnetMessage> {
    public static final TelnetEncoder INSTANCE = new TelnetEncoder();

    private TelnetEncoder() {
        super(TelnetMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, TelnetMessage message, ByteBuf out) {
        encode(message, out);
    }

    public static void encode(TelnetMessage message, ByteBuf out) {
        if (message instanceof TelnetMessage.Record r) {
            escaped(r.data(), out);
            out.writeByte(Telnet.IAC).writeByte(Telnet.EOR);
        } else if (message instanceof TelnetMessage.Negotiation n) {
            out.writeByte(Telnet.IAC).writeByte(n.verb()).writeByte(n.option());
        } else if (message instanceof TelnetMessage.Subnegotiation s) {
            out.writeByte(Telnet.IAC).writeByte(Telnet.SB).writeByte(s.option());
            escaped(s.data(), out);
            out.writeByte(Telnet.IAC).writeByte(Telnet.SE);
        } else if (message instanceof TelnetMessage.Command c) {
            out.writeByte(Telnet.IAC).writeByte(c.code());
        }
    }

    private static void escaped(byte[] data, ByteBuf out) {
        for (byte b : data) {
            out.writeByte(b);
            if ((b & 0xFF) == Telnet.IAC) {
                out.writeByte(Telnet.IAC);
            }
        }
    }
}
