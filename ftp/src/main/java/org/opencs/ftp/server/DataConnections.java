package org.opencs.ftp.server;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import org.opencs.ftp.config.FtpData;
import org.opencs.pki.tls.DataConnectionGate;

/**
 * Data connections: PASV/EPSV listeners and PORT/EPRT targets (only ever the control client's address: RFC 2577), the
 * client's connection with TLS under PROT P, the SECURE_SESSION_REUSE check, and streaming a download. Nothing here
 * waits on a thread: each step returns a {@link CompletableFuture} whose continuation runs on the session's own
 * executor, so a client that never connects its data port or stalls a transfer holds up no other session. Each step
 * is bounded: the client's data connection must arrive, and data must keep flowing, within the data connection
 * timeout ({@link FtpSessionContext#dataTimeoutSeconds()}), else 425 or 426.
 */
final class DataConnections {
    private static final int CHUNK = 256 * 1024;
    private static final io.netty.buffer.ByteBufAllocator HEAP = new io.netty.buffer.PooledByteBufAllocator(false);
    /**
     * Reads of an upload grow up to 512 KiB at a time (Netty's default stops at 64 KiB): fewer reads, and fewer passes
     * through TLS and the sink, for the same bytes. The socket's own buffer stays under the kernel's autotuning.
     */
    private static final io.netty.channel.RecvByteBufAllocator BULK_READS =
            new io.netty.channel.AdaptiveRecvByteBufAllocator(2048, 64 * 1024, 512 * 1024);

    private final SessionState s;

    DataConnections(SessionState session) {
        this.s = session;
    }

    void passive(boolean extended) {
        s.closePassive();
        // The listener is on this node's own address; the reply names the address the client connected to (the
        // balancer's, from the PROXY header) or ftp.passive.address, as z/OS names the DVIPA behind Sysplex Distributor.
        InetSocketAddress local = (InetSocketAddress) s.ctx.channel().localAddress();
        InetSocketAddress remote = org.opencs.pki.net.Endpoints.client(s.ctx.channel());
        java.net.InetAddress advertised = s.context.frontEnd().passiveAddress() != null
                ? s.context.frontEnd().passiveAddress() : org.opencs.pki.net.Endpoints.server(s.ctx.channel()).getAddress();
        try {
            s.passive = new PassiveListener(s.context.dataGroup(), local.getAddress(), remote.getAddress(),
                    s.context.config().passiveDataPorts(), s.context.frontEnd().balancers(),
                    reason -> s.context.log().warn("OCSF030W FTP data connection for client {} ended: it {}.",
                            remote.getAddress().getHostAddress(), reason),
                    s.protectData ? this::startTls : channel -> {
                    });
        } catch (InterruptedException | IllegalStateException e) {
            s.reply("425 Cannot open a passive data port: " + (e instanceof IllegalStateException ? e.getMessage()
                    : "the server is stopping") + ".");
            return;
        }
        int port = s.passive.port();
        s.trace.trace(TracePoint.DATA_PASSIVE, port);
        if (extended) {
            s.reply("229 Entering Extended Passive Mode (|||" + port + "|)");
        } else {
            String h = advertised.getHostAddress().replace('.', ',');
            s.reply("227 Entering Passive Mode (" + h + "," + (port >> 8) + "," + (port & 0xFF) + ")");
        }
    }

    /**
     * The data connection the client opened after PASV/EPSV (or the server opened after PORT/EPRT), with TLS when PROT
     * P is in force and {@code sink} (for uploads) behind it; reading starts only once both are in place. Completes
     * with null (after a 425 or 522 reply) when there is none to use: none asked for, none within the timeout, a
     * failed handshake, an abort.
     */
    CompletableFuture<SocketChannel> open(ChannelHandler sink, String startReply) {
        if (s.passive == null && s.activeTarget == null) {
            s.reply("425 Use PASV, EPSV or PORT first.");
            return CompletableFuture.completedFuture(null);
        }
        if (!s.protectData && s.context.config().secureDataconn().compareTo(FtpData.Protection.CLEAR) > 0) {
            s.reply(FtpReplies.PROTECTED_DATA_REQUIRED + "\r\n425 Send PROT P first.");
            s.closePassive();
            s.activeTarget = null;
            return CompletableFuture.completedFuture(null);
        }
        PassiveListener passive = s.passive;
        InetSocketAddress target = s.activeTarget;
        s.passive = null;
        s.activeTarget = null;
        CompletableFuture<SocketChannel> connected = passive != null ? passive.accepted() : connectActive(target);
        // ABOR (or the server's shutdown) while the client has not connected yet ends the wait at once.
        s.pendingConnection = connected;
        int timeout = s.context.dataTimeoutSeconds();
        CompletableFuture<SocketChannel> bounded = timeout > 0 ? connected.completeOnTimeout(null, timeout, TimeUnit.SECONDS)
                : connected;
        return bounded.handle((data, error) -> error == null ? data : null)
                .thenComposeAsync(data -> {
                    s.pendingConnection = null;
                    if (passive != null) {
                        passive.close(data != null);
                    }
                    if (data == null || s.aborted) {
                        if (data != null) {
                            data.close();
                        }
                        s.trace.trace(TracePoint.DATA_NONE, s.aborted ? "the transfer was aborted"
                                : "none arrived within " + timeout + " seconds");
                        s.reply("425 Can't open data connection" + (s.aborted ? "; the transfer was aborted."
                                : timeout > 0 ? " within " + timeout + " seconds." : "."));
                        return CompletableFuture.completedFuture(null);
                    }
                    return attach(data, sink, startReply);
                }, s.executor());
    }

    /** Puts TLS, the stall timer and the sink on a new data connection, sends the 1xx reply, then awaits TLS. */
    private CompletableFuture<SocketChannel> attach(SocketChannel data, ChannelHandler sink, String startReply) {
        s.dataChannel = data;
        org.opencs.pki.net.WireBytes.count(data, s.live); // the session's bytes include its data connections'
        traceDataConnection(data);
        s.dataConnectionOpened(data);
        SslHandler early = data.pipeline().get(SslHandler.class);
        if (early != null && !s.protectData) {
            // PROT C after PASV: the connection began TLS as PROT P asked when it was accepted.
            data.close();
            s.reply("425 Can't open data connection: PROT changed after PASV.");
            return CompletableFuture.completedFuture(null);
        }
        SslHandler ssl = early != null ? early : s.protectData ? addTls(data) : null;
        CompletableFuture<Handshake> handshake = new CompletableFuture<>();
        if (ssl != null) {
            if (sink == null) {
                // A download encrypts each chunk of the file as one piece (its 16 KiB records into one buffer, one
                // write to the socket) instead of one record at a time.
                ssl.setWrapDataSize(CHUNK);
            }
            // Asked on the data connection's event loop as the handshake ends, while its engine is surely still open
            // (a short upload may be over and its engine freed by the time the session's executor looks).
            s.trace.trace(TracePoint.DATA_TLS, s.context.config().secureSessionReuse());
            ssl.handshakeFuture().addListener(f -> {
                if (f.isSuccess() && s.trace.on(TracePoint.DATA_TLS_DONE)) {
                    s.trace.trace(TracePoint.DATA_TLS_DONE, ssl.engine().getSession().getProtocol(),
                            ssl.engine().getSession().getCipherSuite());
                }
                handshake.complete(new Handshake(f.cause(), f.isSuccess() && reuseSatisfied(ssl.engine())));
            });
        }
        // A transfer that moves no byte either way for the data connection timeout is ended (426).
        int timeout = s.context.dataTimeoutSeconds();
        if (timeout > 0) {
            data.pipeline().addLast("stall", new io.netty.handler.timeout.IdleStateHandler(0, 0, timeout));
        }
        if (sink != null) {
            if (ssl != null && s.context.config().secureSessionReuse() == FtpData.SessionReuse.REQUIRED) {
                // The reuse check must come before the first decrypted byte reaches the sink (the file): the session's
                // executor reads the handshake's result only later, by when a whole upload may have been written.
                data.pipeline().addLast("reuse", new ReuseGuard(ssl));
            }
            data.pipeline().addLast("sink", sink);
        } else {
            data.pipeline().addLast("stall-close", new StallCloser());
        }
        // Bytes that came through a balancer behind its PROXY header (a TLS ClientHello) go to the handlers now, and
        // the client's Finished held by the gate goes on now that the direction is known: an upload's connection
        // sends no TLS 1.3 session ticket. The client never reads, so a ticket would be left unread and the client's
        // close would become a reset that drops the end of its data. A download's connection does: the client reads
        // everything up to close_notify, and the ticket is what clients such as curl (OpenSSL uses a TLS 1.3 session
        // once) resume the next data connection with.
        boolean upload = sink != null;
        data.eventLoop().execute(() -> {
            org.opencs.pki.net.ProxyProtocol.release(data.pipeline());
            DataConnectionGate gate = data.pipeline().get(DataConnectionGate.class);
            if (gate != null) {
                gate.open(upload);
            }
            if (upload) {
                data.config().setRecvByteBufAllocator(BULK_READS);
            }
            data.config().setAutoRead(true);
        });
        // The 1xx reply goes out before the data connection's TLS handshake ends, as z/OS does: clients such as lftp
        // start that handshake only once they have it.
        s.reply(startReply);
        if (ssl == null) {
            return CompletableFuture.completedFuture(data);
        }
        return handshake.thenApplyAsync(result -> {
                    Throwable error = result.error();
                    if (error != null) {
                        data.close();
                        s.activity("EZYFS54I", "SECURE FAILED Reason=TLS handshake on the data connection failed: "
                                + TlsFailures.describe(error));
                        s.reply("425 TLS handshake on the data connection failed.");
                        return null;
                    }
                    if (!result.reuseSatisfied()) {
                        data.close();
                        s.activity("EZYFS54I", "SECURE FAILED Reason=data connection did not reuse the control session");
                        s.reply("522 Data connections must reuse the TLS session of the control connection"
                                + " (SECURE_SESSION_REUSE REQUIRED).");
                        return null;
                    }
                    return data;
                }, s.executor());
    }

    /** SOC: the data connection is open, and (a listener on its event loop, which only queues the line) closed. */
    private void traceDataConnection(SocketChannel data) {
        if (!s.trace.on(TracePoint.DATA_OPEN)) {
            return;
        }
        InetSocketAddress peer = org.opencs.pki.net.Endpoints.client(data);
        String host = peer == null ? "the client" : peer.getAddress().getHostAddress();
        int port = peer == null ? 0 : peer.getPort();
        s.trace.trace(TracePoint.DATA_OPEN, host, port);
        data.closeFuture().addListener(f -> s.trace.trace(TracePoint.DATA_CLOSED, host, port));
    }

    /**
     * SECURE_SESSION_REUSE REQUIRED on an upload: at the first decrypted data (the handshake is over by then, on the
     * data connection's event loop, while its engine is surely open) the connection must have resumed the control
     * session; if not, that data and all after it are dropped and the connection closes, so nothing reaches the upload
     * sink, and the session's executor replies 522 as for a download. Resumed, the guard leaves the pipeline.
     */
    private final class ReuseGuard extends io.netty.channel.ChannelInboundHandlerAdapter {
        private final SslHandler ssl;
        private boolean refused;

        ReuseGuard(SslHandler ssl) {
            this.ssl = ssl;
        }

        @Override
        public void channelRead(io.netty.channel.ChannelHandlerContext ctx, Object msg) {
            if (!refused && reuseSatisfied(ssl.engine())) {
                ctx.pipeline().remove(this);
                ctx.fireChannelRead(msg);
                return;
            }
            refused = true;
            io.netty.util.ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    /** How a data connection's TLS handshake ended: its failure, or whether it met SECURE_SESSION_REUSE. */
    private record Handshake(Throwable error, boolean reuseSatisfied) {
    }

    /** On a download, a connection that takes no data for the timeout is closed, which fails the write (426). */
    private static final class StallCloser extends io.netty.channel.ChannelInboundHandlerAdapter {
        @Override
        public void userEventTriggered(io.netty.channel.ChannelHandlerContext ctx, Object event) {
            if (event instanceof io.netty.handler.timeout.IdleStateEvent) {
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public void exceptionCaught(io.netty.channel.ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // the write fails and the session replies 426
        }
    }

    /**
     * PORT/EPRT: the server connects to the client (only ever the control connection's client address, checked when
     * the command came); the client is still the TLS client on the data connection (RFC 4217).
     */
    private CompletableFuture<SocketChannel> connectActive(InetSocketAddress target) {
        var connecting = new io.netty.bootstrap.Bootstrap().group(s.context.dataGroup())
                .channel(io.netty.channel.socket.nio.NioSocketChannel.class)
                .option(io.netty.channel.ChannelOption.AUTO_READ, false)
                .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, s.context.dataTimeoutSeconds() * 1000)
                .handler(new io.netty.channel.ChannelInboundHandlerAdapter()).connect(target);
        return Futures.of(connecting).thenApply(v -> (SocketChannel) connecting.channel());
    }

    /**
     * PORT h1,h2,h3,h4,p1,p2 and EPRT |1|address|port|: accepted only for the control connection's client address and
     * an unprivileged port, so the server cannot be turned against a third host (RFC 2577 bounce attack).
     */
    void active(String argument, boolean extended) {
        s.closePassive();
        s.activeTarget = null;
        InetSocketAddress target;
        try {
            if (extended) {
                String[] parts = argument.substring(1).split(java.util.regex.Pattern.quote(argument.substring(0, 1)));
                target = new InetSocketAddress(java.net.InetAddress.getByName(parts[1]), Integer.parseInt(parts[2]));
            } else {
                String[] n = argument.split(",");
                if (n.length != 6) {
                    throw new IllegalArgumentException(argument);
                }
                target = new InetSocketAddress(java.net.InetAddress.getByName(n[0] + "." + n[1] + "." + n[2] + "." + n[3]),
                        Integer.parseInt(n[4].trim()) * 256 + Integer.parseInt(n[5].trim()));
            }
        } catch (RuntimeException | java.io.IOException e) {
            s.reply("501 " + (extended ? "EPRT" : "PORT") + " parameter " + argument + " is not valid.");
            return;
        }
        InetSocketAddress client = org.opencs.pki.net.Endpoints.client(s.ctx.channel());
        if (!target.getAddress().equals(client.getAddress()) || target.getPort() < 1024) {
            s.activity("EZYFS54I", "SECURE FAILED Reason=" + (extended ? "EPRT" : "PORT") + " to " + target
                    + " refused (not the client's address or a privileged port)");
            s.reply("504 Data connections go only to the client's own address and an unprivileged port.");
            return;
        }
        s.activeTarget = target;
        s.trace.trace(TracePoint.DATA_ACTIVE, target.getAddress().getHostAddress(), target.getPort());
        s.reply("200 Port request OK.");
    }

    /**
     * TLS on a passive data connection as it is accepted under PROT P, before the client's RETR or STOR: a client that
     * begins its handshake at once (curl does, before it sends TYPE, SIZE and RETR) gets the server's half of it at
     * once, instead of waiting for it while its own control replies wait unread (curl polls only the data connection
     * then, up to a second). The client's Finished is held ({@link DataConnectionGate}) until the command says what
     * the connection carries. Runs on the connection's event loop.
     */
    private void startTls(SocketChannel data) {
        addTls(data);
        org.opencs.pki.net.ProxyProtocol.release(data.pipeline());
        data.config().setAutoRead(true);
    }

    /**
     * Puts a protected data connection's TLS handler (TLS 1.3 or 1.2, able to resume this session's control
     * connection session and no other: {@link org.opencs.pki.tls.SessionReuseTls}) and its gate in front of it.
     */
    private SslHandler addTls(SocketChannel data) {
        SslHandler control = s.ctx.pipeline().get(SslHandler.class);
        SslHandler ssl = s.context.tls().newDataHandler(data.alloc(), control == null ? null : control.engine());
        int timeout = s.context.dataTimeoutSeconds();
        // The handshake may begin before the command and end after it: bounded by the data connection timeout.
        ssl.setHandshakeTimeoutMillis(timeout > 0 ? Math.max(10_000L, timeout * 1000L) : 0);
        org.opencs.pki.net.ProxyProtocol.addFirst(data.pipeline(), "tls", ssl);
        org.opencs.pki.net.ProxyProtocol.addFirst(data.pipeline(), "tls-gate", s.context.tls().dataConnectionGate(ssl.engine()));
        s.context.tls().trace().attach(data.pipeline(), ssl, "FTP data");
        return ssl;
    }

    /**
     * SECURE_SESSION_REUSE REQUIRED: the data connection must have resumed the control connection's session (RFC
     * 4217 section 10.2). In TLS 1.3 a resumed session has a new ID and time, so "resumed" is asked of the engine.
     */
    private boolean reuseSatisfied(SSLEngine data) {
        if (s.context.config().secureSessionReuse() != FtpData.SessionReuse.REQUIRED) {
            return true;
        }
        SslHandler control = s.ctx.pipeline().get(SslHandler.class);
        if (control == null) {
            return false; // no control session to resume (PROT P needs one; this is only a safeguard)
        }
        return s.context.tls().resumedControlSession(data, control.engine());
    }

    /**
     * Streams {@code content} between the start and done replies; completes with the bytes sent, or -1 when nothing
     * could be (the failure has been replied). The data connection's event loop pulls the chunks itself as the socket
     * drains (ChunkedWriteHandler), so the file is read, converted and encrypted without a hand-off per chunk.
     */
    CompletableFuture<Long> send(String start, InputStream content, ChunkConverter ascii, String done) {
        CountingInput counted = new CountingInput(ascii == null ? content : ascii.encoding(content));
        return send(start, new io.netty.handler.stream.ChunkedStream(counted, CHUNK), done).thenApply(ok -> {
            if (!ok) {
                return -1L;
            }
            s.bytesOut += counted.count;
            return counted.count;
        });
    }

    /** A binary download of a z/OS UNIX file from {@code offset}: read straight into the connection's buffers. */
    CompletableFuture<Long> sendFile(String start, java.nio.channels.FileChannel file, long offset, String done)
            throws IOException {
        long length = Math.max(0, file.size() - offset);
        return send(start, new io.netty.handler.stream.ChunkedNioFile(file, offset, length, CHUNK), done).thenApply(ok -> {
            if (!ok) {
                return -1L;
            }
            s.bytesOut += length;
            return length;
        });
    }

    private CompletableFuture<Boolean> send(String start, io.netty.handler.stream.ChunkedInput<io.netty.buffer.ByteBuf> chunks,
                                            String done) {
        return open(null, start).thenCompose(data -> {
            if (data == null) {
                closeQuietly(chunks);
                return CompletableFuture.completedFuture(false);
            }
            return write(data, chunks, done);
        });
    }

    /**
     * Opens the data connection with the 1xx reply {@code start} at once, then, when {@code content} is ready (a job
     * that must end first: JESGETBYDSN), streams it and replies {@code done}; completes with the bytes sent, or -1.
     * When {@code content} fails the data connection is closed and the client hears {@code failed}'s reply.
     */
    CompletableFuture<Long> sendWhenReady(String start, CompletableFuture<byte[]> content, String done,
                                          java.util.function.Function<Throwable, String> failed) {
        return open(null, start).thenCompose(data -> {
            if (data == null) {
                return CompletableFuture.completedFuture(-1L);
            }
            // The data connection waits quietly for the job: its stall timer starts again when the output is sent.
            if (data.pipeline().get("stall") != null) {
                data.pipeline().remove("stall");
            }
            return content.handleAsync((bytes, error) -> {
                if (error != null || s.aborted) {
                    data.close();
                    s.reply(s.aborted ? "426 Connection closed; transfer aborted." : failed.apply(Futures.cause(error)));
                    return CompletableFuture.completedFuture(-1L);
                }
                int timeout = s.context.dataTimeoutSeconds();
                if (timeout > 0 && data.isActive()) {
                    data.pipeline().addBefore("stall-close", "stall",
                            new io.netty.handler.timeout.IdleStateHandler(0, 0, timeout));
                }
                CountingInput counted = new CountingInput(new java.io.ByteArrayInputStream(bytes));
                return write(data, new io.netty.handler.stream.ChunkedStream(counted, CHUNK), done).thenApply(ok -> {
                    if (!ok) {
                        return -1L;
                    }
                    s.bytesOut += counted.count;
                    return counted.count;
                });
            }, s.executor()).thenCompose(f -> f);
        });
    }

    /** Writes the chunks to an open data connection, closes it and replies {@code done} (426 if it failed). */
    private CompletableFuture<Boolean> write(SocketChannel data, io.netty.handler.stream.ChunkedInput<io.netty.buffer.ByteBuf> chunks,
                                             String done) {
        if (!io.netty.handler.ssl.OpenSsl.isAvailable()) {
            // Heap buffers for the JDK's TLS engine, which encrypts from and into arrays; BoringSSL wants direct ones.
            data.config().setAllocator(HEAP);
        }
        data.pipeline().addBefore("stall-close", "chunks", new io.netty.handler.stream.ChunkedWriteHandler());
        return Futures.of(data.writeAndFlush(chunks)).handle((v, error) -> error)
                .thenCompose(error -> {
                    if (error != null || s.aborted) {
                        return Futures.of(data.close()).handle((v, e) -> false);
                    }
                    return Futures.of(data.close()).handle((v, e) -> true);
                })
                .thenApplyAsync(ok -> {
                    s.reply(ok ? done : "426 Connection closed; transfer aborted.");
                    return ok;
                }, s.executor());
    }

    private static void closeQuietly(io.netty.handler.stream.ChunkedInput<?> chunks) {
        try {
            chunks.close();
        } catch (Exception e) {
            // nothing was sent from it
        }
    }

    /** Counts what the chunked writer read (after TYPE A conversion: the bytes on the wire). */
    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }
}
