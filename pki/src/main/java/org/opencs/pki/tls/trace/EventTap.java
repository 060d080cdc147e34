package org.opencs.pki.tls.trace;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslCloseCompletionEvent;

/**
 * Sits right after the SslHandler and traces what it reports to the handlers behind it: the peer's close_notify
 * ({@link SslCloseCompletionEvent}) and TLS errors after the handshake. It passes everything on.
 */
final class EventTap extends ChannelInboundHandlerAdapter {
    private final ConnectionTrace connection;

    EventTap(ConnectionTrace connection) {
        this.connection = connection;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslCloseCompletionEvent close && close.isSuccess()) {
            connection.closeNotifyReceived();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        connection.exception(cause);
        ctx.fireExceptionCaught(cause);
    }
}
