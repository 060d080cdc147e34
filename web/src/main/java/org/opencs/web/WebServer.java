package org.opencs.web;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.opencs.saf.Registry;
import org.slf4j.Logger;

/**
 * The HTTPS server of the browser face (docs/web.md): a Netty pipeline of small handlers, each with one job: TLS
 * (TLS 1.2 and 1.3, the forward-secret AEAD suites of {@link org.opencs.pki.tls.SystemSsl}), HTTP/1.1 framing,
 * aggregation of a request of at most {@value #MAX_BODY} bytes (larger: 413), the security headers, and the request
 * handler with its routes, sessions and CSRF checks on a bounded worker pool (logons hash passwords). {@link #close()}
 * stops accepting, closes the connections and ends the thread pools.
 */
public final class WebServer implements AutoCloseable {
    /** The largest request body: a login form or a small API call. */
    public static final int MAX_BODY = 16 * 1024;
    /** How long a connection may stay without traffic before it is closed (the session outlives it). */
    private static final int CONNECTION_IDLE_SECONDS = 120;
    /** The logger of the server's operator messages (OCSWnnn). */
    public static final String LOG_NAME = "WEBSRV";

    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup io = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final EventExecutorGroup workers = new DefaultEventExecutorGroup(4);
    private final ChannelGroup connections = new DefaultChannelGroup("web", GlobalEventExecutor.INSTANCE, true);
    /** The web terminals' threads: one reader per terminal, and the keys they are sent. */
    private final java.util.concurrent.ExecutorService terminals = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "web-terminal");
        t.setDaemon(true);
        return t;
    });
    private final Channel listener;
    private final WebApp app;

    /**
     * Binds {@code bindAddress}:{@code port} (0: any free port) with TLS from {@code tls} (a server context built
     * from the key ring), sessions as {@code settings} say, logons checked by {@code registry}.
     *
     * @throws InterruptedException when interrupted while binding
     */
    public WebServer(WebSettings settings, Registry registry, SslContext tls, String bindAddress, int port, Logger log)
            throws InterruptedException {
        this(settings, registry, tls, bindAddress, port, null, log);
    }

    /**
     * The same, with the web 3270 terminal's sessions going to {@code terminalHost} (this node's TN3270E port; null:
     * the terminal page says no TN3270E port is available).
     *
     * @throws InterruptedException when interrupted while binding
     */
    public WebServer(WebSettings settings, Registry registry, SslContext tls, String bindAddress, int port,
                     TerminalHost terminalHost, Logger log) throws InterruptedException {
        this(settings, registry, tls, bindAddress, port, terminalHost, null, log);
    }

    /**
     * The same, with the console's jobs from {@code jes} (null: the console shows no jobs).
     *
     * @throws InterruptedException when interrupted while binding
     */
    public WebServer(WebSettings settings, Registry registry, SslContext tls, String bindAddress, int port,
                     TerminalHost terminalHost, org.opencs.jes.Jes jes, Logger log) throws InterruptedException {
        this(settings, registry, tls, bindAddress, port, terminalHost, jes,
                new org.opencs.core.sessions.LiveSessions(registry.clock()), log);
    }

    /**
     * The same, with the node's FTP and TN3270 sessions from {@code live} in the console's sessions view, where they
     * can be ended as web sessions are (docs/web.md "Actions and sessions").
     *
     * @throws InterruptedException when interrupted while binding
     */
    public WebServer(WebSettings settings, Registry registry, SslContext tls, String bindAddress, int port,
                     TerminalHost terminalHost, org.opencs.jes.Jes jes, org.opencs.core.sessions.LiveSessions live,
                     Logger log) throws InterruptedException {
        Tokens tokens = new Tokens(new SecureRandom());
        LoginService login = new LoginService(registry, settings.idleTimeout(), tokens);
        this.app = new WebApp(login, tokens, settings.idleTimeout(), terminalHost != null,
                new ConsoleApi(registry, jes), new ConsoleActions(registry, jes, login.sessions(), live));
        Router router = app.router();
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, io).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()))
                                .addLast("idle", new IdleStateHandler(0, 0, CONNECTION_IDLE_SECONDS) {
                                    @Override
                                    protected void channelIdle(io.netty.channel.ChannelHandlerContext ctx,
                                                               io.netty.handler.timeout.IdleStateEvent evt) {
                                        ctx.close();
                                    }
                                })
                                .addLast("http", new HttpServerCodec())
                                // before the aggregator: its own answers (413, 100 Continue) get the headers too
                                .addLast("headers", new SecurityHeaders())
                                .addLast("aggregate", new HttpObjectAggregator(MAX_BODY));
                        if (terminalHost != null) {
                            ch.pipeline().addLast("terminal-upgrade", new TerminalSocket(login.sessions(), terminalHost,
                                    registry, terminals, log));
                        }
                        ch.pipeline()
                                .addLast(workers, "app", new RequestHandler(router, login.sessions(), log));
                    }
                });
        try {
            this.listener = bootstrap.bind(new InetSocketAddress(bindAddress, port)).sync().channel();
        } catch (Exception e) { // a busy port: Netty rethrows the BindException
            shutdownGroups();
            throw e;
        }
    }

    /** The port the server listens on. */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** The live web sessions. */
    public SessionStore sessions() {
        return app.login().sessions();
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        shutdownGroups();
    }

    private void shutdownGroups() {
        // The I/O threads stop first: a closed channel's deregistration, which runs on them after its close future
        // completed, removes the handlers that live on the worker pool and so hands a task to it. Stopped together,
        // Netty logged RejectedExecutionException ("event executor terminated") with a stack trace at every stop.
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        io.shutdownGracefully(100, 1000, TimeUnit.MILLISECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        terminals.shutdownNow();
    }
}
