package org.opencs.tn3270.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * The whole pipeline of a connection refused before any telnet is spoken (a session limit reached): one line of text
 * saying why, then the connection is closed. No 3270 session exists yet, so there is nothing to negotiate or reject
 * in TN3270E terms; whatever the client sends meanwhile is dropped, and a reset is nothing to report.
 */
final class RefusedConnection extends ChannelInboundHandlerAdapter {
    private final String line;

    RefusedConnection(String line) {
        this.line = line;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(false);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.copiedBuffer(line + "\r\n", StandardCharsets.US_ASCII))
                .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
