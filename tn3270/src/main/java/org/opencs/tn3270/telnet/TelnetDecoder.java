package org.opencs.tn3270.telnet;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Splits the telnet byte stream into {@link TelnetMessage}s, byte by byte as RFC 854 reads: records end with IAC EOR,
 * IAC IAC is a data byte, options and subnegotiations are whole messages. Records and subnegotiations have a size
 * limit, so a client that never ends one cannot exhaust memory.
 */
public final class TelnetDecoder extends ByteToMessageDecoder {
    public static final int MAX_RECORD = 64 * 1024;
    public static final int MAX_SUBNEGOTIATION = 1024;

    /** FAILED: the stream broke the framing once; the connection is being closed, the rest is not read. */
    private enum State { DATA, IAC, OPTION, SB_OPTION, SB_DATA, SB_IAC, FAILED }

    private State state = State.DATA;
    private int verb;
    private int option;
    private final ByteArrayOutputStream record = new ByteArrayOutputStream();
    private final ByteArrayOutputStream sub = new ByteArrayOutputStream();

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.FAILED) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            decodeBytes(in, out);
        } catch (CorruptedFrameException e) {
            state = State.FAILED;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    private void decodeBytes(ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int b = in.readUnsignedByte();
            switch (state) {
                case DATA -> {
                    if (b == Telnet.IAC) {
                        state = State.IAC;
                    } else {
                        append(record, b, MAX_RECORD, "record");
                    }
                }
                case IAC -> iac(b, out);
                case OPTION -> {
                    out.add(new TelnetMessage.Negotiation(verb, b));
                    state = State.DATA;
                }
                case SB_OPTION -> {
                    option = b;
                    sub.reset();
                    state = State.SB_DATA;
                }
                case SB_DATA -> {
                    if (b == Telnet.IAC) {
                        state = State.SB_IAC;
                    } else {
                        append(sub, b, MAX_SUBNEGOTIATION, "subnegotiation");
                    }
                }
                case SB_IAC -> {
                    if (b == Telnet.IAC) {
                        append(sub, b, MAX_SUBNEGOTIATION, "subnegotiation");
                        state = State.SB_DATA;
                    } else if (b == Telnet.SE) {
                        out.add(new TelnetMessage.Subnegotiation(option, sub.toByteArray()));
                        state = State.DATA;
                    } else {
                        throw new CorruptedFrameException(String.format("telnet IAC %02X inside a subnegotiation", b));
                    }
                }
                default -> in.skipBytes(in.readableBytes());
            }
        }
    }

    private void iac(int b, List<Object> out) {
        switch (b) {
            case Telnet.IAC -> {
                append(record, b, MAX_RECORD, "record");
                state = State.DATA;
            }
            case Telnet.EOR -> {
                out.add(new TelnetMessage.Record(record.toByteArray()));
                record.reset();
                state = State.DATA;
            }
            case Telnet.SB -> state = State.SB_OPTION;
            case Telnet.DO, Telnet.DONT, Telnet.WILL, Telnet.WONT -> {
                verb = b;
                state = State.OPTION;
            }
            default -> {
                out.add(new TelnetMessage.Command(b));
                state = State.DATA;
            }
        }
    }

    private static void append(ByteArrayOutputStream buffer, int b, int limit, String what) {
        if (buffer.size() >= limit) {
            throw new CorruptedFrameException("telnet " + what + " longer than " + limit + " bytes");
        }
        buffer.write(b);
    }
}
