package org.opencs.pki.tls.trace;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Sits between the socket and the SslHandler and watches the TLS record headers going both ways, never changing or
 * holding a byte: a plain-text alert (a record of type 21 whose body is the 2 bytes level and description; RFC 8446
 * section 5.1 and 6) is traced as sent or received. Encrypted alerts are longer and are not read (close_notify is
 * traced from the SslHandler's own events). It also tells the trace when the connection is being closed, after the
 * SslHandler has written its close_notify.
 */
final class RecordTap extends ChannelDuplexHandler {
    private final ConnectionTrace connection;
    private final AlertScanner inbound;
    private final AlertScanner outbound;

    RecordTap(ConnectionTrace connection) {
        this.connection = connection;
        this.inbound = new AlertScanner((level, description) -> connection.alert(false, level, description));
        this.outbound = new AlertScanner((level, description) -> connection.alert(true, level, description));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf bytes) {
            inbound.scan(bytes);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof ByteBuf bytes) {
            outbound.scan(bytes);
        }
        ctx.write(msg, promise);
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
        connection.closing();
        ctx.close(promise);
    }
}
