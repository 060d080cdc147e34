package org.opencs.ftp.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The client's data connections. Under PROT P each one resumes the control connection's TLS session: its TLS engine
 * is created for the control connection's host and port, which is where JSSE keeps that session (a socket to the
 * data port would look it up under the data port and never find it). Servers that require reuse (vsftpd's
 * require_ssl_reuse, OpenCS's SECURE_SESSION_REUSE REQUIRED) accept nothing else.
 */
final class ClientDataConnections implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;

    /** How long an upload waits for the server to close a protected data connection after close_notify. */
    private static final int SERVER_CLOSE_SECONDS = 5;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final SslContext tls;
    private final int timeoutSeconds;

    ClientDataConnections(SSLContext context, int timeoutSeconds) {
        // The control connection's cipher suites in its order (SystemSsl.restrict): a TLS 1.3 session can only be
        // resumed with a suite of the same hash, and Netty's own default order would lead the server to pick another.
        this.tls = context == null ? null : new JdkSslContext(context, true,
                java.util.List.of(org.opencs.pki.tls.SystemSsl.supported(context.getSupportedSSLParameters().getCipherSuites())),
                IdentityCipherSuiteFilter.INSTANCE,
                null, ClientAuth.NONE, new String[] {"TLSv1.3", "TLSv1.2"}, false);
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Connects (before the transfer command is sent); nothing is read until {@link #receive} or {@link #send}. */
    Channel connect(InetSocketAddress address) throws IOException {
        ChannelFuture connected = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(io.netty.channel.ChannelOption.AUTO_READ, false)
                .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutSeconds * 1000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        // handlers come when the transfer starts
                    }
                }).connect(address).awaitUninterruptibly();
        if (!connected.isSuccess()) {
            throw new IOException("data connection to " + address + " failed: " + connected.cause().getMessage());
        }
        return connected.channel();
    }

    /**
     * After the 125/150 reply: TLS (when protected) resuming the control session, then everything into {@code out}.
     * On a protected connection the data ends with the server's close_notify; a connection that ends without one is
     * a truncation (RFC 4217 section 9, RFC 8446 section 6.1) and fails the transfer, so GET keeps the local file.
     */
    long receive(Channel data, String host, int controlPort, boolean protect, OutputStream out) throws IOException {
        CompletableFuture<Long> done = new CompletableFuture<>();
        SslHandler ssl = protect ? secure(data, host, controlPort) : null;
        data.pipeline().addLast(new SimpleChannelInboundHandler<ByteBuf>() {
            private long count;
            private boolean closeNotify;

            @Override
            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf chunk) throws IOException {
                count += chunk.readableBytes();
                chunk.readBytes(out, chunk.readableBytes());
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                if (protect && !closeNotify) {
                    done.completeExceptionally(new IOException("the data connection ended without TLS close_notify after "
                            + count + " bytes (truncated)"));
                }
                done.complete(count);
            }

            /** The server's close_notify ends the data: answer it by closing (servers such as vsftpd wait for that). */
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                if (event instanceof io.netty.handler.ssl.SslCloseCompletionEvent close) {
                    closeNotify = close.isSuccess();
                    ctx.close();
                }
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                Throwable root = cause.getCause() != null ? cause.getCause() : cause;
                if (root instanceof javax.net.ssl.SSLException && String.valueOf(root.getMessage()).contains("close_notify")) {
                    root = new IOException("the data connection ended without TLS close_notify after " + count
                            + " bytes (truncated)");
                }
                done.completeExceptionally(root);
                ctx.close();
            }
        });
        data.config().setAutoRead(true);
        handshake(ssl);
        return await(done);
    }

    /** After the 125/150 reply: TLS (when protected), the bytes of {@code in}, then close_notify and close. */
    long send(Channel data, String host, int controlPort, boolean protect, InputStream in) throws IOException {
        SslHandler ssl = protect ? secure(data, host, controlPort) : null;
        // Reading stays on so whatever the server sends (TLS 1.3 session tickets) is consumed: closing a socket with
        // unread data resets it, and the end of the upload could be lost.
        data.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                io.netty.util.ReferenceCountUtil.release(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
            }
        });
        data.config().setAutoRead(true);
        handshake(ssl);
        long count = 0;
        byte[] buffer = new byte[CHUNK];
        try {
            ChannelFuture last = null;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                last = data.writeAndFlush(Unpooled.copiedBuffer(buffer, 0, n));
                count += n;
                if (!data.isWritable()) {
                    last.await();
                }
                if (!data.isActive()) {
                    throw new IOException("the server closed the data connection");
                }
            }
            if (last != null && !last.await(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IOException("the upload did not drain within " + timeoutSeconds + " seconds");
            }
            if (last != null && !last.isSuccess()) {
                throw new IOException("the upload failed: " + last.cause().getMessage());
            }
            if (ssl != null) {
                // close_notify, then let the server answer and close first (RFC 8446 section 6.1): closing at once
                // could reset the connection before the server has read the end of the upload (vsftpd then
                // answers 426 Failure reading network stream).
                ssl.closeOutbound().await(timeoutSeconds, TimeUnit.SECONDS);
                data.closeFuture().await(Math.min(timeoutSeconds, SERVER_CLOSE_SECONDS), TimeUnit.SECONDS);
            }
            data.close().await(timeoutSeconds, TimeUnit.SECONDS);
            return count;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private SslHandler secure(Channel data, String host, int controlPort) {
        SSLEngine engine = tls.newEngine(data.alloc(), host, controlPort);
        SslHandler ssl = new SslHandler(engine);
        data.pipeline().addFirst("tls", ssl);
        return ssl;
    }

    private void handshake(SslHandler ssl) throws IOException {
        if (ssl == null) {
            return;
        }
        var handshake = ssl.handshakeFuture();
        if (!handshake.awaitUninterruptibly(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IOException("TLS handshake on the data connection did not finish within " + timeoutSeconds + " seconds");
        }
        if (!handshake.isSuccess()) {
            throw new IOException("TLS handshake on the data connection failed: " + handshake.cause().getMessage());
        }
    }

    private long await(CompletableFuture<Long> done) throws IOException {
        try {
            return done.get(Math.max(600, timeoutSeconds), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new IOException("no end of data within " + Math.max(600, timeoutSeconds) + " seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
