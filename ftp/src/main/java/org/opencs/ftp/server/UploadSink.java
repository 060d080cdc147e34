package org.opencs.ftp.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * The receiving end of an upload: writes what arrives on the data connection to {@code out} (through the TYPE A
 * converter when given) and tells whether the whole upload arrived, which is the case when the client closed the
 * connection, with or without TLS close_notify. Anything else (a reset, a TLS error, a full disk) fails it.
 */
final class UploadSink extends SimpleChannelInboundHandler<ByteBuf> {
    private final OutputStream out;
    private final NetworkAscii ascii;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private long received;

    UploadSink(OutputStream out, NetworkAscii ascii) {
        this.out = out;
        this.ascii = ascii;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf chunk) throws IOException {
        int n = chunk.readableBytes();
        received += n;
        if (ascii == null) {
            chunk.readBytes(out, n);
            return;
        }
        byte[] bytes = new byte[n];
        chunk.readBytes(bytes);
        out.write(ascii.convert(bytes, 0, n, false));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        try {
            if (ascii != null) {
                out.write(ascii.convert(new byte[0], 0, 0, true));
            }
            out.flush();
            finished.complete(null);
        } catch (IOException e) {
            finished.completeExceptionally(e);
        }
    }

    /** A client that ends the upload by closing the socket without TLS close_notify (many do) is not a failure. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        boolean closeWithoutNotify = root instanceof SSLException && String.valueOf(root.getMessage()).contains("close_notify");
        if (!closeWithoutNotify) {
            finished.completeExceptionally(root);
        }
        ctx.close();
    }

    /** Bytes received on the wire (before TYPE A conversion). */
    long received() {
        return received;
    }

    /** Waits for the end of the upload; the failure's description, or null when it all arrived. */
    String await(long seconds) throws InterruptedException {
        try {
            finished.get(seconds, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause().getMessage());
        } catch (TimeoutException e) {
            return "no end of data within " + seconds + " seconds";
        }
    }
}
