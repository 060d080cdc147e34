package org.opencs.ftp.server;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import org.opencs.ftp.config.FtpData;

/**
 * Data connections: PASV/EPSV listeners and PORT/EPRT targets (only ever the control client's address: RFC 2577), the client's connection with TLS under PROT P, the
 * SECURE_SESSION_REUSE check, and streaming a download. Everything here blocks, so it runs on the session workers,
 * never on an event loop.
 */
final class DataConnections {
    static final int TIMEOUT_SECONDS = 30;
    private static final int CHUNK = 256 * 1024;
    private static final io.netty.buffer.ByteBufAllocator HEAP = new io.netty.buffer.PooledByteBufAllocator(false);

    private final SessionState s;

    DataConnections(SessionState session) {
        this.s = session;
    }

    void passive(boolean extended) {
        s.closePassive();
        InetSocketAddress local = (InetSocketAddress) s.ctx.channel().localAddress();
        InetSocketAddress remote = (InetSocketAddress) s.ctx.channel().remoteAddress();
        try {
            s.passive = new PassiveListener(s.context.dataGroup(), local.getAddress(), remote.getAddress(),
                    s.context.config().passiveDataPorts());
        } catch (InterruptedException | IllegalStateException e) {
            s.reply("425 Cannot open a passive data port: " + e.getMessage());
            return;
        }
        int port = s.passive.port();
        if (extended) {
            s.reply("229 Entering Extended Passive Mode (|||" + port + "|)");
        } else {
            String h = local.getAddress().getHostAddress().replace('.', ',');
            s.reply("227 Entering Passive Mode (" + h + "," + (port >> 8) + "," + (port & 0xFF) + ")");
        }
    }

    /**
     * The data connection the client opened after PASV/EPSV, with TLS when PROT P is in force and {@code sink} (for
     * uploads) behind it; reading starts only once both are in place. Null (after a 425 or 522 reply) when there is
     * none to use.
     */
    SocketChannel open(ChannelHandler sink, String startReply) throws InterruptedException {
        if (s.passive == null && s.activeTarget == null) {
            s.reply("425 Use PASV, EPSV or PORT first.");
            return null;
        }
        if (!s.protectData && s.context.config().secureDataconn().compareTo(FtpData.Protection.CLEAR) > 0) {
            s.reply(FtpReplies.PROTECTED_DATA_REQUIRED + "\r\n425 Send PROT P first.");
            s.closePassive();
            s.activeTarget = null;
            return null;
        }
        SocketChannel data = s.passive != null ? s.passive.await(TIMEOUT_SECONDS) : connectActive(s.activeTarget);
        s.closePassive();
        s.activeTarget = null;
        if (data == null) {
            s.reply("425 Can't open data connection.");
            return null;
        }
        SslHandler ssl = s.protectData ? new SslHandler(dataEngine(data)) : null;
        if (ssl != null) {
            data.pipeline().addFirst(ssl);
        }
        if (sink != null) {
            data.pipeline().addLast(sink);
        }
        data.config().setAutoRead(true);
        // The 1xx reply goes out before the data connection's TLS handshake, as z/OS does: clients such as lftp
        // start that handshake only once they have it.
        s.reply(startReply);
        if (ssl != null) {
            if (!ssl.handshakeFuture().await(TIMEOUT_SECONDS, TimeUnit.SECONDS) || !ssl.handshakeFuture().isSuccess()) {
                data.close();
                s.reply("425 TLS handshake on the data connection failed.");
                return null;
            }
            if (!reuseSatisfied(ssl.engine().getSession())) {
                data.close();
                s.activity("EZYFS54I", "SECURE FAILED Reason=data connection did not reuse the control session");
                s.reply("522 Data connections must reuse the TLS session of the control connection"
                        + " (SECURE_SESSION_REUSE REQUIRED).");
                return null;
            }
        }
        return data;
    }

    /**
     * PORT/EPRT: the server connects to the client (only ever the control connection's client address, checked when
     * the command came); the client is still the TLS client on the data connection (RFC 4217).
     */
    private SocketChannel connectActive(InetSocketAddress target) throws InterruptedException {
        var connected = new io.netty.bootstrap.Bootstrap().group(s.context.dataGroup())
                .channel(io.netty.channel.socket.nio.NioSocketChannel.class)
                .option(io.netty.channel.ChannelOption.AUTO_READ, false)
                .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, TIMEOUT_SECONDS * 1000)
                .handler(new io.netty.channel.ChannelInboundHandlerAdapter()).connect(target).await();
        return connected.isSuccess() ? (SocketChannel) connected.channel() : null;
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
        InetSocketAddress client = (InetSocketAddress) s.ctx.channel().remoteAddress();
        if (!target.getAddress().equals(client.getAddress()) || target.getPort() < 1024) {
            s.activity("EZYFS54I", "SECURE FAILED Reason=" + (extended ? "EPRT" : "PORT") + " to " + target
                    + " refused (not the client's address or a privileged port)");
            s.reply("504 Data connections go only to the client's own address and an unprivileged port.");
            return;
        }
        s.activeTarget = target;
        s.reply("200 Port request OK.");
    }

    /**
     * Protected data connections use TLS 1.2 from the control connection's own context, so they can resume its
     * session: a TLS 1.3 server sends session tickets after the handshake, which an uploading client never reads; it
     * then resets the connection on close and the end of an upload cannot be trusted.
     */
    private SSLEngine dataEngine(SocketChannel data) {
        SSLEngine engine = s.context.tls().newEngine(data.alloc());
        engine.setUseClientMode(false);
        engine.setNeedClientAuth(false);
        engine.setWantClientAuth(false);
        engine.setEnabledProtocols(new String[] {"TLSv1.2"});
        return engine;
    }

    /**
     * SECURE_SESSION_REUSE REQUIRED: the data connection must have resumed the control connection's session. With
     * session tickets a resumed session has a new ID but the same creation time, cipher suite and master secret
     * lineage, so the ID alone cannot decide (shared/reference/zos-ftp.md section 7).
     */
    private boolean reuseSatisfied(SSLSession data) {
        if (s.context.config().secureSessionReuse() != FtpData.SessionReuse.REQUIRED) {
            return true;
        }
        SSLSession control = s.tlsSession();
        if (control == null) {
            return false; // no control session to resume (PROT P needs one; this is only a safeguard)
        }
        return Arrays.equals(control.getId(), data.getId())
                || (control.getCreationTime() == data.getCreationTime()
                    && control.getCipherSuite().equals(data.getCipherSuite()));
    }

    /**
     * Streams {@code content} between the start and done replies; the bytes sent, or -1 when nothing could be. The
     * data connection's event loop pulls the chunks itself as the socket drains (ChunkedWriteHandler), so the file is
     * read, converted and encrypted without a hand-off per chunk.
     */
    long send(String start, InputStream content, NetworkAscii ascii, String done) {
        CountingInput counted = new CountingInput(ascii == null ? content : ascii.encoding(content));
        if (send(start, new io.netty.handler.stream.ChunkedStream(counted, CHUNK), done) < 0) {
            return -1;
        }
        s.bytesOut += counted.count;
        return counted.count;
    }

    /** A binary download of a z/OS UNIX file from {@code offset}: read straight into the connection's buffers. */
    long sendFile(String start, java.nio.channels.FileChannel file, long offset, String done) throws IOException {
        long length = Math.max(0, file.size() - offset);
        if (send(start, new io.netty.handler.stream.ChunkedNioFile(file, offset, length, CHUNK), done) < 0) {
            return -1;
        }
        s.bytesOut += length;
        return length;
    }

    private long send(String start, io.netty.handler.stream.ChunkedInput<io.netty.buffer.ByteBuf> chunks, String done) {
        try {
            SocketChannel data = open(null, start);
            if (data == null) {
                return -1;
            }
            if (!io.netty.handler.ssl.OpenSsl.isAvailable()) {
                // Heap buffers for the JDK's TLS engine, which encrypts from and into arrays; BoringSSL wants direct ones.
                data.config().setAllocator(HEAP);
            }
            data.pipeline().addLast(new io.netty.handler.stream.ChunkedWriteHandler());
            ChannelFuture written = data.writeAndFlush(chunks).await();
            if (!written.isSuccess()) {
                data.close();
                s.reply("426 Connection closed; transfer aborted.");
                return -1;
            }
            data.close().await();
            s.reply(done);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
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
