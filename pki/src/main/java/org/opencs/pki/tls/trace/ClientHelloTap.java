package org.opencs.pki.tls.trace;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslClientHelloHandler;
import io.netty.util.concurrent.Future;

/**
 * Hands the connection's ClientHello, as Netty's {@link SslClientHelloHandler} assembles it (from one or more
 * records), to the trace, then leaves the pipeline, passing every byte on to the SslHandler unchanged.
 */
final class ClientHelloTap extends SslClientHelloHandler<Void> {
    private final ConnectionTrace connection;

    ClientHelloTap(ConnectionTrace connection) {
        this.connection = connection;
    }

    @Override
    protected Future<Void> lookup(ChannelHandlerContext ctx, ByteBuf clientHello) {
        connection.clientHello(clientHello == null ? null : ByteBufUtil.getBytes(clientHello));
        return ctx.executor().newSucceededFuture(null);
    }

    @Override
    protected void onLookupComplete(ChannelHandlerContext ctx, Future<Void> future) {
        ctx.pipeline().remove(this);
    }
}
