package org.opencs.bench.multinode;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.opencs.pki.net.Haproxy;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetDecoder;
import org.opencs.tn3270.telnet.TelnetEncoder;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * TN3270E terminals over TLS through the balancer, as people at terminals: each connects, negotiates TN3270E
 * (learning its LU name, and so its node, from DEVICE-TYPE IS), waits for its first screen (the TSO/E logon panel),
 * then presses Enter every few seconds and times the answering screen. Non-blocking Netty clients on two event-loop
 * threads (Tn3270ReconnectStorm's terminal, grown a keyboard).
 *
 * <p>Counted in the {@link LoadTally}: first screens and Enter round trips (samples "tn3270 first screen",
 * "tn3270 enter"); errors "tn3270: missing reply" (no screen within {@link #REPLY_TIMEOUT_SECONDS}; the terminal then
 * disconnects), "tn3270: session dropped" (closed by the other side in session), "tn3270: dropped before first screen"
 * and "tn3270: connection failed". A terminal whose session ended connects again a second later; one that reaches a
 * screen again after an error on the stopped node counts as "reconnected".
 */
final class Tn3270LoadTerminals implements AutoCloseable {
    static final int REPLY_TIMEOUT_SECONDS = 30;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final SslContext tls;
    private final int port;
    private final int enterEverySeconds;
    private final long deadline;
    private final LoadTally tally;
    private final NodeState state;
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private final Set<Integer> recovering = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    Tn3270LoadTerminals(SslContext tls, int port, int enterEverySeconds, long deadline, LoadTally tally,
            NodeState state) {
        this.tls = tls;
        this.port = port;
        this.enterEverySeconds = enterEverySeconds;
        this.deadline = deadline;
        this.tally = tally;
        this.state = state;
    }

    /** Starts {@code count} terminals, {@code perSecond} of them a second (a morning's log-ons, not a storm). */
    void start(int count, int perSecond) {
        for (int i = 0; i < count; i++) {
            int id = i;
            group.schedule(() -> connect(id), i * 1000L / perSecond, TimeUnit.MILLISECONDS);
        }
    }

    /** Terminals in session now, by node ("SYS1" to count). */
    java.util.Map<String, Long> inSession() {
        java.util.Map<String, Long> byNode = new java.util.TreeMap<>();
        for (Channel channel : open) {
            Terminal terminal = channel.pipeline().get(Terminal.class);
            if (terminal != null && terminal.reached) {
                byNode.merge(terminal.node, 1L, Long::sum);
            }
        }
        return byNode;
    }

    private void connect(int id) {
        if (closing || System.nanoTime() >= deadline) {
            return;
        }
        long began = System.nanoTime();
        tally.count("tn3270 connections started");
        new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler ssl = tls.newHandler(ch.alloc(), "localhost", port);
                        ssl.setHandshakeTimeout(60, TimeUnit.SECONDS);
                        ch.pipeline().addLast(ssl, new TelnetDecoder(), TelnetEncoder.INSTANCE, new Terminal(id, began));
                    }
                }).connect(Haproxy.FRONT, port).addListener(f -> {
                    if (f.isSuccess()) {
                        open.add(((io.netty.channel.ChannelFuture) f).channel());
                    } else {
                        error("", began, "tn3270: connection failed", f.cause().toString(), id);
                        reconnect(id);
                    }
                });
    }

    private void reconnect(int id) {
        if (!closing) {
            group.schedule(() -> connect(id), 1, TimeUnit.SECONDS);
        }
    }

    private void error(String node, long began, String kind, String detail, int id) {
        LoadTally.Where where = state.where(node, began, System.nanoTime());
        tally.error(where, kind, (node.isEmpty() ? "node unknown" : node) + ": " + detail);
        if (where == LoadTally.Where.STOPPED_NODE) {
            recovering.add(id);
        }
    }

    /** One terminal: negotiation, first screen, then Enter every few seconds. */
    private final class Terminal extends SimpleChannelInboundHandler<TelnetMessage> {
        private final int id;
        private final long began;
        private String node = "";
        private boolean reached;
        private boolean over;
        private long sentAt;
        private int sequence;

        Terminal(int id, long began) {
            this.id = id;
            this.began = began;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TelnetMessage m) {
            if (m instanceof TelnetMessage.Negotiation n && n.verb() == Telnet.DO) {
                ctx.writeAndFlush(new TelnetMessage.Negotiation(n.option() == Telnet.TN3270E ? Telnet.WILL : Telnet.WONT,
                        n.option()));
            } else if (m instanceof TelnetMessage.Subnegotiation s && s.option() == Telnet.TN3270E && s.data().length > 1) {
                negotiate(ctx, s.data());
            } else if (m instanceof TelnetMessage.Record) {
                screen(ctx);
            }
        }

        private void negotiate(ChannelHandlerContext ctx, byte[] data) {
            if (data[0] == 0x08) {
                ctx.writeAndFlush(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                        "\u0002\u0007IBM-3278-2-E".getBytes(StandardCharsets.ISO_8859_1)));
            } else if (data[0] == 0x02 && data[1] == 0x04) {
                // DEVICE-TYPE IS device-type CONNECT lu-name (RFC 2355 section 7.1)
                for (int i = 2; i < data.length; i++) {
                    if (data[i] == 0x01) {
                        node = TwoNodeSystem.nodeOfLu(new String(data, i + 1, data.length - i - 1,
                                StandardCharsets.ISO_8859_1));
                        break;
                    }
                }
                ctx.writeAndFlush(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x03, 0x07}));
            } else if (data[0] == 0x02 && data[1] == 0x06) {
                end(ctx, "tn3270: device rejected", "DEVICE-TYPE REJECT reason " + (data.length > 3 ? data[3] : -1));
            }
        }

        private void screen(ChannelHandlerContext ctx) {
            long now = System.nanoTime();
            if (!reached) {
                reached = true;
                tally.count("tn3270 first screens");
                tally.count("tn3270 sessions on " + node);
                tally.sample("tn3270 first screen", now - began);
                state.served(node, now);
                if (recovering.remove(id)) {
                    tally.count("tn3270 terminals reconnected after the stop");
                }
                schedule(ctx, ThreadLocalRandom.current().nextLong(enterEverySeconds * 1000L) + 1);
            } else if (sentAt != 0) {
                tally.sample("tn3270 enter", now - sentAt);
                tally.count("tn3270 enter replies");
                sentAt = 0;
                schedule(ctx, enterEverySeconds * 1000L);
            }
        }

        private void schedule(ChannelHandlerContext ctx, long millis) {
            ctx.executor().schedule(() -> enter(ctx), millis, TimeUnit.MILLISECONDS);
        }

        private void enter(ChannelHandlerContext ctx) {
            if (over || closing || System.nanoTime() >= deadline || !ctx.channel().isActive()) {
                return;
            }
            int seq = ++sequence;
            // TN3270E header (3270-DATA, no response wanted, sequence number), then AID Enter and the cursor at 0.
            byte[] record = {0x00, 0x00, 0x00, (byte) (seq >> 8), (byte) seq, 0x7D, 0x40, 0x40};
            sentAt = System.nanoTime();
            tally.count("tn3270 enters sent");
            ctx.writeAndFlush(new TelnetMessage.Record(record));
            ctx.executor().schedule(() -> {
                if (sentAt != 0 && sequence == seq && !over && !closing) {
                    end(ctx, "tn3270: missing reply", "no screen " + REPLY_TIMEOUT_SECONDS + " s after Enter");
                }
            }, REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        /** Counts an error once, closes the connection and connects again. */
        private void end(ChannelHandlerContext ctx, String kind, String detail) {
            if (!over) {
                over = true;
                error(node, began, kind, detail, id);
                ctx.close();
                reconnect(id);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            end(ctx, reached ? "tn3270: session dropped" : "tn3270: dropped before first screen", cause.toString());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            open.remove(ctx.channel());
            if (!closing) {
                end(ctx, reached ? "tn3270: session dropped" : "tn3270: dropped before first screen",
                        "connection closed by the other side");
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        open.forEach(Channel::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(15, TimeUnit.SECONDS);
    }
}
