package org.opencs.tn3270.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import org.opencs.tn3270.telnet.TelnetMessage;
import org.opencs.tn3270.telnet.TelnetNames;

/**
 * DEBUG DETAIL's negotiation lines: every telnet command, negotiation and subnegotiation the client sends (IN) and
 * the server sends (OUT), in words (DO TN3270E, SB TN3270E DEVICE-TYPE IS IBM-3278-2-E CONNECT TCP00001, SB START-TLS
 * FOLLOWS ...). 3270 records pass untouched: the session traces them, masked, at TRACE. It sits just before the
 * session, on the session's executor, and is in the pipeline only at DETAIL and above, so a port without it pays
 * nothing.
 */
final class TelnetTrace extends ChannelDuplexHandler {
    private final ConnectionDebug debug;

    TelnetTrace(ConnectionDebug debug) {
        this.debug = debug;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TelnetMessage m && !(m instanceof TelnetMessage.Record)) {
            debug.detail("OCSTNEGO", "IN " + TelnetNames.describe(m));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof TelnetMessage m && !(m instanceof TelnetMessage.Record)) {
            debug.detail("OCSTNEGO", "OUT " + TelnetNames.describe(m));
        }
        ctx.write(msg, promise);
    }
}
