package org.opencs.tn3270.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import org.opencs.core.ZosException;
import org.opencs.pki.tls.SystemSsl;
import org.opencs.saf.Registry;
import org.opencs.saf.certs.KeyRingResolver;
import org.opencs.tn3270.apps.TsoLogon;
import org.opencs.tn3270.apps.UssLogon;
import org.opencs.tn3270.config.TelnetPort;
import org.opencs.tn3270.config.VtamConfig;
import org.opencs.tn3270.telnet.TelnetDecoder;
import org.opencs.tn3270.telnet.TelnetEncoder;
import org.slf4j.LoggerFactory;

/**
 * The TN3270E server for one TELNETPARMS port: under CONNTYPE SECURE a direct TLS handshake or else START_TLS,
 * under NEGTSECURE START_TLS, under ANY START_TLS when the client agrees, under BASIC none; then telnet framing, then the session on a bounded worker pool (logons hash passwords). Each session
 * starts with the TSO/E logon panel.
 */
public final class Tn3270Server implements AutoCloseable {
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final EventExecutorGroup sessions = new DefaultEventExecutorGroup(8);
    /** Every open connection, so close() can end them and wait until their last log and audit lines are written. */
    private final io.netty.channel.group.ChannelGroup connections =
            new io.netty.channel.group.DefaultChannelGroup(io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);
    private final Channel listener;

    public Tn3270Server(TelnetPort port, Registry registry, String bindAddress, int listenPort) throws InterruptedException {
        this(port, registry, bindAddress, listenPort, "TSO");
    }

    /**
     * Only DEFAULTAPPL from BEGINVTAM (LU names TCP00001 ..., printers PRT00001 ...): the application every session
     * starts (an APPLID starting TSO, e.g. TSO3090, is the built-in TSO: PassTickets in its logon panel are evaluated
     * for that APPLID unless Express Logon named another); null shows the USS logon screen, where the user names it.
     */
    public Tn3270Server(TelnetPort port, Registry registry, String bindAddress, int listenPort, String defaultAppl)
            throws InterruptedException {
        this(port, registry, bindAddress, listenPort, new Vtam(VtamConfig.defaultAppl(defaultAppl)));
    }

    /**
     * {@code vtam}: BEGINVTAM (DEFAULTAPPL, LU pools and maps) and the LUs and printers in use, shared by every port
     * of the process so that an LU name is never given twice and a printer on one port serves a terminal on another.
     */
    public Tn3270Server(TelnetPort port, Registry registry, String bindAddress, int listenPort, Vtam vtam)
            throws InterruptedException {
        String defaultAppl = vtam.config().defaultAppl();
        if (port.connType() == TelnetPort.ConnType.NONE) {
            throw new ZosException("OCST010E", "CONNTYPE NONE on port " + port.port() + ": the port accepts no connections.");
        }
        if (port.expressLogon() && port.clientAuth() != TelnetPort.ClientAuth.SAFCERT) {
            throw new ZosException("OCST012E", "EXPRESSLOGON on port " + port.port() + " needs CLIENTAUTH SAFCERT (the "
                    + "user ID comes from the client certificate).");
        }
        SslContext tls = port.connType() == TelnetPort.ConnType.BASIC ? null : tls(port, registry);
        Tn3270ServerContext context = new Tn3270ServerContext(port, registry, vtam, port.ebcdicCharset(),
                tls, (userid, applid, lu, terminal) -> defaultAppl == null && applid == null && userid == null
                        ? new UssLogon(registry, lu, null, terminal)
                        : new TsoLogon(registry, applid != null ? applid : defaultAppl != null ? defaultAppl : "TSO", userid,
                        null, terminal),
                LoggerFactory.getLogger(Tn3270Server.class));
        this.listener = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        if (port.connType() == TelnetPort.ConnType.SECURE) {
                            ch.pipeline().addLast("detect", new TlsDetector(tls, LoggerFactory.getLogger(Tn3270Server.class)));
                        }
                        ch.pipeline().addLast(new TelnetDecoder());
                        ch.pipeline().addLast(TelnetEncoder.INSTANCE);
                        ch.pipeline().addLast(sessions, new Tn3270Session(context));
                    }
                }).bind(bindAddress, listenPort).sync().channel();
    }

    private static SslContext tls(TelnetPort port, Registry registry) {
        if (port.keyring() == null) {
            throw new ZosException("OCST011E", "CONNTYPE SECURE on port " + port.port() + " needs a KEYRING statement.");
        }
        ClientAuth auth = port.clientAuth() == TelnetPort.ClientAuth.NONE ? ClientAuth.NONE : ClientAuth.REQUIRE;
        return SystemSsl.server(new KeyRingResolver(registry).resolve(port.keyring()), auth);
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly();
        // The I/O threads first: the events they still deliver (a closing connection's last exception, channelInactive)
        // go to the session executors, which stop last, once those are handled (the sessions' last audit records).
        workers.shutdownGracefully(0, 5, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        boss.shutdownGracefully(0, 5, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        sessions.shutdownGracefully(0, 5, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    }

}
