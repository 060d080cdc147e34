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
 * connection, and only from the control connection's client address (RFC 2577: no third party can take the data;
 * behind a load balancer both are the real addresses from the connections' PROXY headers).
 * Nobody waits on a thread for it: {@link #accepted()} completes when the client connects.
 */
final class PassiveListener implements AutoCloseable {
    private final Channel listener;
    private final Promise<SocketChannel> accepted;

    PassiveListener(EventLoopGroup group, InetAddress localAddress, InetAddress clientAddress, int[] portRange)
            throws InterruptedException {
        this(group, localAddress, clientAddress, portRange, org.opencs.pki.net.TrustedBalancers.none(), reason -> {
        }, channel -> {
        });
    }

    /**
     * As above, behind load balancers: a data connection from one of {@code balancers} starts with a PROXY header,
     * and the client it names must be the control connection's (PASSIVEDATACONN NOREDIRECT, z/OS's default); a
     * connection whose header is missing or wrong is ended and {@code refused} told why. {@code prepare} runs on the
     * client's connection (on its event loop) as it is accepted, before the session takes it: the place to start TLS.
     */
    PassiveListener(EventLoopGroup group, InetAddress localAddress, InetAddress clientAddress, int[] portRange,
                    org.opencs.pki.net.TrustedBalancers balancers, java.util.function.Consumer<String> refused,
                    java.util.function.Consumer<SocketChannel> prepare)
            throws InterruptedException {
        this.accepted = group.next().newPromise();
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        // Nothing is read until the session has put its handlers (TLS, the upload sink) in place;
                        // through a balancer, nothing after the PROXY header that names the real peer.
                        org.opencs.pki.net.ProxyProtocol.installHeld(ch, balancers, refused, c -> {
                            InetAddress peer = org.opencs.pki.net.Endpoints.client(c).getAddress();
                            if (!peer.equals(clientAddress) || accepted.isDone()) {
                                c.close();
                                return;
                            }
                            prepare.accept(c);
                            if (!accepted.trySuccess(c)) {
                                c.close();
                            }
                        });
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
