package org.opencs.bench;

import io.netty.bootstrap.Bootstrap;
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
import io.netty.handler.ssl.SslContextBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencs.tn3270.telnet.TelnetDecoder;
import org.opencs.tn3270.telnet.TelnetEncoder;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * Issue 12's reconnect storm: N TLS TN3270E terminals (default 3,000) connect to one server's SECUREPORT (CONNTYPE
 * SECURE, direct TLS) at the same instant, as after a network outage, and each counts as reached only when its first
 * screen (the logon panel's data stream, after TLS and TN3270E negotiation) arrives. The server runs in a child JVM
 * ({@link Tn3270SessionsBenchmark}'s); the terminals are non-blocking Netty clients on two event-loop threads (3,000
 * threads would measure the scheduler). Everything is prepared first (TLS context, bootstraps); then a latch releases
 * every connect at once. Prints reached and dropped (with the reasons the clients saw), the time from the release to
 * the last first screen, p50 and p99 of the time to first screen, and the server's message IDs counted from its log.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.opencs.bench.Tn3270ReconnectStorm [terminals]}. Each terminal
 * is a socket on both sides: {@code ulimit -n} must exceed twice the count (plus the JVMs' own files).
 */
public final class Tn3270ReconnectStorm {
    /** How long a terminal waits for its first screen before it counts as dropped. */
    private static final long GIVE_UP_SECONDS = 120;

    private Tn3270ReconnectStorm() {
    }

    public static void main(String[] args) throws Exception {
        int terminals = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        Path dir = Files.createTempDirectory("opencs-tn3270-storm");
        BenchHome.create(dir);
        // -Dserver.opts="..." passes JVM options to the server (e.g. -Dio.netty.handler.ssl.noOpenSsl=true: the JDK's
        // TLS engine instead of BoringSSL's).
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        String extra = System.getProperty("server.opts", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(java.util.List.of(extra.split("\\s+")));
        }
        command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"),
                Tn3270SessionsBenchmark.class.getName(), "server", dir.resolve("home").toString()));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        Map<String, Integer> serverMessages = new ConcurrentHashMap<>();
        try {
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = serverOut.readLine();
            while (line != null && !line.startsWith("port=")) {
                line = serverOut.readLine();
            }
            if (line == null) {
                throw new IllegalStateException("the server did not start");
            }
            int port = Integer.parseInt(line.substring(5));
            Thread drain = new Thread(() -> countMessages(serverOut, serverMessages), "server-log");
            drain.setDaemon(true);
            drain.start();

            SslContext tls = SslContextBuilder.forClient().trustManager(dir.resolve("ca.pem").toFile()).build();
            AtomicLongArray firstScreen = new AtomicLongArray(terminals);
            AtomicLongArray connected = new AtomicLongArray(terminals);
            AtomicLongArray secured = new AtomicLongArray(terminals);
            Map<String, Integer> reasons = new ConcurrentHashMap<>();
            CountDownLatch done = new CountDownLatch(terminals);
            Bootstrap[] bootstraps = new Bootstrap[terminals];
            long[] released = new long[1];
            for (int i = 0; i < terminals; i++) {
                int id = i;
                bootstraps[i] = new Bootstrap().group(group).channel(NioSocketChannel.class)
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TimeUnit.SECONDS.toMillis(GIVE_UP_SECONDS))
                        .handler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                // A terminal waits as long as it takes (Netty's default gives up after 10 s).
                                io.netty.handler.ssl.SslHandler ssl = tls.newHandler(ch.alloc(), "localhost", port);
                                ssl.setHandshakeTimeout(GIVE_UP_SECONDS, TimeUnit.SECONDS);
                                ch.pipeline().addLast(ssl);
                                ch.pipeline().addLast(new TelnetDecoder());
                                ch.pipeline().addLast(TelnetEncoder.INSTANCE);
                                ch.pipeline().addLast(new Terminal(
                                        () -> connected.set(id, System.nanoTime() - released[0]),
                                        () -> secured.set(id, System.nanoTime() - released[0]), () -> {
                                    firstScreen.set(id, System.nanoTime() - released[0]);
                                    done.countDown();
                                }, reason -> {
                                    reasons.merge(reason, 1, Integer::sum);
                                    done.countDown();
                                }));
                            }
                        });
            }
            CountDownLatch release = new CountDownLatch(1);
            Thread releaser = new Thread(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < terminals; i++) {
                    bootstraps[i].connect("127.0.0.1", port).addListener(f -> {
                        if (!f.isSuccess()) {
                            reasons.merge("connect failed: " + f.cause().getMessage(), 1, Integer::sum);
                            done.countDown();
                        }
                    });
                }
            }, "release");
            releaser.start();
            released[0] = System.nanoTime();
            release.countDown();
            boolean all = done.await(GIVE_UP_SECONDS + 10, TimeUnit.SECONDS);

            long[] times = new long[terminals];
            int reached = 0;
            for (int i = 0; i < terminals; i++) {
                if (firstScreen.get(i) > 0) {
                    times[reached++] = firstScreen.get(i);
                }
            }
            long[] sorted = Arrays.copyOf(times, reached);
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%d TLS TN3270E terminals released at once: %d reached their first screen, "
                    + "%d dropped%s%n", terminals, reached, terminals - reached, all ? "" : " (some still waiting: given up)");
            if (reached > 0) {
                System.out.printf(Locale.ROOT, "time to first screen: last %.2f s, p50 %.2f s, p99 %.2f s%n",
                        sorted[reached - 1] / 1e9, percentile(sorted, 50) / 1e9, percentile(sorted, 99) / 1e9);
                long[] tcp = reachedTimes(connected);
                long[] handshaken = reachedTimes(secured);
                System.out.printf(Locale.ROOT, "  of which TCP connected: p50 %.2f s, last %.2f s; TLS handshake done: "
                        + "p50 %.2f s, last %.2f s%n", percentile(tcp, 50) / 1e9, tcp[tcp.length - 1] / 1e9,
                        percentile(handshaken, 50) / 1e9, handshaken[handshaken.length - 1] / 1e9);
            }
            new TreeMap<>(reasons).forEach((reason, count) -> System.out.printf(Locale.ROOT, "dropped: %d %s%n", count,
                    reason));
            Thread.sleep(500);
            System.out.println("server messages: " + new TreeMap<>(serverMessages));
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            FtpThroughputBenchmark.deleteTree(dir);
        }
    }

    /** The recorded times (nanoseconds since the release), sorted. */
    private static long[] reachedTimes(AtomicLongArray times) {
        return java.util.stream.IntStream.range(0, times.length()).mapToLong(times::get).filter(t -> t > 0).sorted()
                .toArray();
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Counts the OCSTnnnx message IDs the server logs (OCST023W, OCST071E ...) until its output ends. */
    private static void countMessages(BufferedReader out, Map<String, Integer> counts) {
        Pattern id = Pattern.compile("\\b(OCST\\d{3}[IWE])\\b");
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = id.matcher(line);
                if (m.find() && counts.merge(m.group(1), 1, Integer::sum) == 1) {
                    System.out.println("server's first " + m.group(1) + ": " + line.substring(m.start()));
                }
            }
        } catch (java.io.IOException e) {
            // the server ended
        }
    }

    /** Just enough of a TN3270E terminal to get the logon screen; reports it, or why it never came, once. */
    private static final class Terminal extends SimpleChannelInboundHandler<TelnetMessage> {
        private final Runnable connected;
        private final Runnable secured;
        private final Runnable reached;
        private final java.util.function.Consumer<String> dropped;
        private boolean over;

        Terminal(Runnable connected, Runnable secured, Runnable reached, java.util.function.Consumer<String> dropped) {
            this.connected = connected;
            this.secured = secured;
            this.reached = reached;
            this.dropped = dropped;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            connected.run();
            ctx.fireChannelActive();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TelnetMessage m) {
            if (TerminalNegotiation.answer(ctx, m)) {
                return;
            }
            if (m instanceof TelnetMessage.Record && !over) {
                over = true;
                reached.run(); // the session stays open, as a terminal's would
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            drop(cause.getClass().getSimpleName() + ": " + String.valueOf(cause.getMessage()).replaceAll("\\d+", "n"));
            ctx.close();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent e && e.isSuccess()) {
                secured.run();
            } else if (event instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent e && !e.isSuccess()) {
                String why = e.cause().getMessage() == null ? "the server closed the connection (" + e.cause().getClass()
                        .getSimpleName() + ")" : e.cause().getMessage().replaceAll("\\d+", "n");
                drop("TLS handshake failed: " + why);
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            drop("closed by the server before the first screen");
        }

        private void drop(String reason) {
            if (!over) {
                over = true;
                dropped.accept(reason);
            }
        }
    }
}
