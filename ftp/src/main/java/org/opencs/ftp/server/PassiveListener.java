package org.opencs.ftp.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * One passive data connection: a listener on the control connection's local address that accepts a single
 * connection, and only from the control connection's client address (RFC 2577: no third party can take the data).
 * Nobody waits on a thread for it: {@link #accepted()} completes when the client connects.
 */
final class PassiveListener implements AutoCloseable {
    private final Channel listener;
    private final Promise<SocketChannel> accepted;

    PassiveListener(EventLoopGroup group, InetAddress localAddress, InetAddress clientAddress, int[] portRange)
            throws InterruptedException {
        this.accepted = group.next().newPromise();
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        // Nothing is read until the session has put its handlers (TLS, the upload sink) in place.
                        ch.config().setAutoRead(false);
                        InetAddress peer = ch.remoteAddress().getAddress();
                        if (!peer.equals(clientAddress) || !accepted.trySuccess(ch)) {
                            ch.close();
                        }
                    }
                });
        this.listener = bind(bootstrap, localAddress, portRange);
    }

    private static Channel bind(ServerBootstrap bootstrap, InetAddress address, int[] range) throws InterruptedException {
        if (range == null) {
            return bootstrap.bind(address, 0).sync().channel();
        }
        for (int port = range[0]; port <= range[1]; port++) {
            var future = bootstrap.bind(address, port).await();
            if (future.isSuccess()) {
                return future.channel();
            }
        }
        throw new IllegalStateException("all PASSIVEDATAPORTS are in use");
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Completes with the client's data connection when it arrives (never on the caller's thread by waiting). */
    CompletableFuture<SocketChannel> accepted() {
        return Futures.of(accepted);
    }

    /**
     * Stops listening. A connection accepted but never taken ({@code taken} false: the wait timed out or the
     * transfer was abandoned) is closed too, so none is left open behind the session's back.
     */
    void close(boolean taken) {
        listener.close();
        if (!accepted.cancel(false) && !taken && accepted.isSuccess()) {
            accepted.getNow().close();
        }
    }

    @Override
    public void close() {
        close(false);
    }
}
