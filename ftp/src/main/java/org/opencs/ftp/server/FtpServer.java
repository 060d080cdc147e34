package org.opencs.ftp.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.opencs.ftp.config.FtpData;
import org.opencs.pki.tls.SystemSsl;
import org.opencs.saf.Registry;
import org.opencs.saf.certs.KeyRingResolver;

/**
 * The FTP server: a Netty pipeline per control connection (line framing, text codec, then the session on a bounded
 * worker pool, because logons hash passwords and transfers touch the disk). TLS comes from the FTP.DATA KEYRING.
 */
public final class FtpServer implements AutoCloseable {
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final EventExecutorGroup sessions = new DefaultEventExecutorGroup(16);
    private final Channel listener;

    public FtpServer(FtpData config, Registry registry, String bindAddress, int port) throws InterruptedException {
        org.opencs.pki.tls.KeyRing ring = config.tlsEnabled() ? keyRing(config, registry) : null;
        SslContext tls = ring == null ? null : SystemSsl.server(ring, clientAuth(config));
        // Data connections use TLS 1.2: a TLS 1.3 server sends session tickets after the handshake, which an uploading
        // client never reads; it then resets the connection on close, and the end of an upload cannot be trusted.
        SslContext dataTls = ring == null ? null : SystemSsl.server(ring, ClientAuth.NONE, java.util.List.of("TLSv1.2"));
        FtpActivityLog activity = new FtpActivityLog(registry.home().logs().resolve("ftp-activity.log"), registry.clock(),
                config.ftpLogging());
        FtpSessionContext context = new FtpSessionContext(config, registry, tls, dataTls, workers, activity);
        this.listener = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (config.inactiveSeconds() > 0) {
                            ch.pipeline().addLast(new io.netty.handler.timeout.IdleStateHandler(0, 0,
                                    config.inactiveSeconds()));
                        }
                        ch.pipeline().addLast(new LineBasedFrameDecoder(8192));
                        ch.pipeline().addLast(new StringDecoder(StandardCharsets.UTF_8));
                        ch.pipeline().addLast(new StringEncoder(StandardCharsets.UTF_8));
                        ch.pipeline().addLast(sessions, new FtpSession(context));
                    }
                }).bind(bindAddress, port).sync().channel();
    }

    private static org.opencs.pki.tls.KeyRing keyRing(FtpData config, Registry registry) {
        if (config.keyring() == null) {
            throw new org.opencs.core.ZosException("EZYFS12E", "EXTENSIONS AUTH_TLS needs a KEYRING statement in FTP.DATA.");
        }
        return new KeyRingResolver(registry).resolve(config.keyring());
    }

    /**
     * OPTIONAL rather than REQUIRE: a client without a certificate still completes the handshake and then gets
     * z/OS's "531 Server requires client certificate for login processing" instead of a bare TLS alert.
     */
    private static ClientAuth clientAuth(FtpData config) {
        return config.secureLogin() == FtpData.SecureLogin.NO_CLIENT_AUTH ? ClientAuth.NONE : ClientAuth.OPTIONAL;
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        sessions.shutdownGracefully();
        workers.shutdownGracefully();
        boss.shutdownGracefully();
    }
}
