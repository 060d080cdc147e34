package org.opencs.ftp.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;

/**
 * The receiving end of an upload: writes what arrives on the data connection to {@code out} (through the TYPE A
 * converter when given) and tells whether the whole upload arrived.
 *
 * <p>In stream mode the end of the data is the end of the connection (RFC 959 section 3.4.1). On a protected data
 * connection that end must be the client's TLS close_notify: a connection that ends without one may have been cut
 * by anyone on the path, so it is a truncation and the upload fails (RFC 4217 section 9, RFC 8446 section 6.1). A
 * reset, a TLS error, a stall longer than the data connection timeout or a full disk fail it too.
 */
final class UploadSink extends SimpleChannelInboundHandler<ByteBuf> {
    private final OutputStream out;
    private final ChunkConverter ascii;
    private final java.nio.channels.FileChannel file;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private long received;
    private boolean protectedConnection;
    private boolean closeNotifyReceived;

    UploadSink(OutputStream out, ChunkConverter ascii) {
        this.out = out;
        this.ascii = ascii;
        this.file = null;
    }

    /**
     * A binary upload written straight to {@code file} (opened for writing at its end): each decrypted buffer goes to
     * the file with one write, without a copy through the Java heap. The caller closes the file.
     */
    UploadSink(java.nio.channels.FileChannel file) {
        this.out = null;
        this.ascii = null;
        this.file = file;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        protectedConnection = ctx.pipeline().get(SslHandler.class) != null;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf chunk) throws IOException {
        int n = chunk.readableBytes();
        received += n;
        if (file != null) {
            while (chunk.isReadable()) {
                chunk.readBytes(file, chunk.readableBytes());
            }
            return;
        }
        if (ascii == null) {
            chunk.readBytes(out, n);
            return;
        }
        byte[] bytes = new byte[n];
        chunk.readBytes(bytes);
        out.write(ascii.convert(bytes, 0, n, false));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslCloseCompletionEvent close && close.isSuccess()) {
            // The client's close_notify ends the upload: answer with ours and close (RFC 8446 section 6.1), so a
            // client that waits for the server to close first is not kept waiting.
            closeNotifyReceived = true;
            ctx.close();
        } else if (event instanceof IdleStateEvent) {
            fail(ctx, new IOException("no data arrived for the data connection timeout"));
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (finished.isDone()) {
            return;
        }
        if (protectedConnection && !closeNotifyReceived) {
            finished.completeExceptionally(new IOException(
                    "the data connection ended without TLS close_notify after " + received + " bytes (truncated)"));
            return;
        }
        try {
            if (ascii != null) {
                out.write(ascii.convert(new byte[0], 0, 0, true));
            }
            if (out != null) {
                out.flush();
            }
            finished.complete(null);
        } catch (IOException e) {
            finished.completeExceptionally(e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        fail(ctx, root);
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        finished.completeExceptionally(cause);
        ctx.close();
    }

    /** Bytes received on the wire (before TYPE A conversion). */
    long received() {
        return received;
    }

    /**
     * Completes when the upload ends: normally when all of it arrived, exceptionally with the reason when it did not
     * (a close without close_notify on a protected connection, a reset, a stall, a write error).
     */
    CompletableFuture<Void> finished() {
        return finished;
    }

    /** The reason an upload failed, for the 451 reply and the log: no class names, never "null". */
    static String describe(Throwable error) {
        Throwable t = Futures.cause(error);
        if (t instanceof IOException io && !(t instanceof javax.net.ssl.SSLException)) {
            String m = io.getMessage();
            if (io instanceof java.nio.file.FileSystemException) {
                return org.opencs.core.UnixErrors.describe(io);
            }
            return m == null ? "the data connection failed" : m.startsWith("Connection reset") ? "the client reset the data connection" : m;
        }
        String text = TlsFailures.describe(t);
        return text.contains("close_notify") ? "the data connection ended without TLS close_notify (truncated)" : text;
    }
}
