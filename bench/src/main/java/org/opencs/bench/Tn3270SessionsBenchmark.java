package org.opencs.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.Promise;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.opencs.core.SystemHome;
import org.opencs.saf.Registry;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.server.Tn3270Server;
import org.opencs.tn3270.telnet.TelnetDecoder;
import org.opencs.tn3270.telnet.TelnetEncoder;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * Idle TN3270E sessions held by one server process: the server runs in a child JVM (CONNTYPE SECURE, TLS 1.3), this
 * process opens sessions with non-blocking clients that complete the TLS handshake and TN3270E negotiation and wait
 * for the logon screen, then stay idle. Prints how many were established, how long it took, and the server's resident
 * memory per session (VmRSS from /proc before and after).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.opencs.bench.Tn3270SessionsBenchmark [sessions]}
 */
public final class Tn3270SessionsBenchmark {
    private Tn3270SessionsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("server")) {
            serve(Path.of(args[1]));
            return;
        }
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = Files.createTempDirectory("opencs-tn3270-sessions");
        BenchHome.create(dir);
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx8g",
                "-cp", System.getProperty("java.class.path"), Tn3270SessionsBenchmark.class.getName(), "server",
                dir.resolve("home").toString()).redirectErrorStream(true).start();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        List<Channel> open = new ArrayList<>();
        try {
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = serverOut.readLine();
            if (line == null || !line.startsWith("port=")) {
                throw new IllegalStateException("the server did not start: " + line);
            }
            int port = Integer.parseInt(line.substring(5));

            SslContext tls = SslContextBuilder.forClient().trustManager(dir.resolve("ca.pem").toFile()).build();
            // One session first, so the baseline includes the server's warm code paths.
            open.addAll(connect(group, tls, port, 1));
            long before = rssKiB(server.pid());
            long start = System.nanoTime();
            int failed = 0;
            for (int done = 1; done < sessions; ) {
                // 100 at a time: 500 simultaneous handshakes on two cores delay some ClientHellos past the SECURE port's
                // 1.5 s wait, and those clients are (rightly) disconnected with OCST023W.
                int batch = Math.min(100, sessions - done);
                List<Channel> made = connect(group, tls, port, batch);
                failed += batch - made.size();
                open.addAll(made);
                done += batch;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(2000);
            long after = rssKiB(server.pid());
            System.out.printf(Locale.ROOT, "%d idle TN3270E sessions over TLS established in %.1f s (%.0f/s), %d failed%n",
                    open.size(), seconds, (open.size() - 1) / seconds, failed);
            System.out.printf(Locale.ROOT, "server resident memory: %d MiB before, %d MiB after, %.1f KiB per session%n",
                    before / 1024, after / 1024, (after - before) / (double) Math.max(1, open.size() - 1));
        } finally {
            open.forEach(Channel::close);
            group.shutdownGracefully();
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            FtpThroughputBenchmark.deleteTree(dir);
        }
    }

    /** Opens {@code count} sessions at once; returns the channels that reached the logon screen. */
    private static List<Channel> connect(EventLoopGroup group, SslContext tls, int port, int count) throws Exception {
        List<Promise<Channel>> ready = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Promise<Channel> promise = group.next().newPromise();
            ready.add(promise);
            new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(tls.newHandler(ch.alloc(), "localhost", port));
                    ch.pipeline().addLast(new TelnetDecoder());
                    ch.pipeline().addLast(TelnetEncoder.INSTANCE);
                    ch.pipeline().addLast(new Terminal(promise));
                }
            }).connect("127.0.0.1", port).addListener(f -> {
                if (!f.isSuccess()) {
                    promise.tryFailure(f.cause());
                }
            });
        }
        List<Channel> made = new ArrayList<>();
        for (Promise<Channel> p : ready) {
            if (p.await(60, TimeUnit.SECONDS) && p.isSuccess()) {
                made.add(p.getNow());
            }
        }
        return made;
    }

    /** Just enough of a TN3270E terminal to get the logon screen. */
    private static final class Terminal extends SimpleChannelInboundHandler<TelnetMessage> {
        private final Promise<Channel> ready;

        Terminal(Promise<Channel> ready) {
            this.ready = ready;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TelnetMessage m) {
            if (TerminalNegotiation.answer(ctx, m)) {
                return;
            }
            if (m instanceof TelnetMessage.Record) {
                ready.trySuccess(ctx.channel());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ready.tryFailure(cause);
            ctx.close();
        }

        /** A connection the server closed before the logon screen counts as failed at once (not after a 60 s wait). */
        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            ready.tryFailure(new java.io.IOException("closed by the server before the logon screen"));
        }
    }

    private static long rssKiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    /** The child: the home's registry and a CONNTYPE SECURE port; prints the port, then serves until killed. */
    private static void serve(Path home) throws Exception {
        Registry registry = Registry.open(SystemHome.open(home), Clock.systemUTC(), new SecureRandom());
        var port = ProfileParser.parse("TELNETPARMS\n SECUREPORT 0\n CONNTYPE SECURE\n KEYRING HFS " + BenchHome.KEYRING
                + "\n INACTIVE 0\n TIMEMARK 0\nENDTELNETPARMS\n", "bench").config().ports().get(0);
        Tn3270Server server = new Tn3270Server(port, registry, "127.0.0.1", 0, "TSO");
        System.out.println("port=" + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
