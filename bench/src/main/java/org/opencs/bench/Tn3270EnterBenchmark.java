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
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.Promise;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencs.tn3270.telnet.TelnetDecoder;
import org.opencs.tn3270.telnet.TelnetEncoder;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * Issue 14's TN3270 figures in one run: N TLS TN3270E sessions (default 3,000) held by one server in a child JVM
 * ({@link Tn3270SessionsBenchmark}'s server: CONNTYPE SECURE, TLS 1.3, the TSO/E logon panel, INACTIVE 0), first idle,
 * then each pressing Enter once a second at a random phase, as people at terminals do; each answer (the panel again,
 * with IKJ56700A) is timed by the client from the write of the Enter to the arrival of the screen.
 *
 * <p>Memory per idle session: the server runs with a fixed, pre-touched heap ({@code -Xms = -Xmx}, AlwaysPreTouch), so
 * its resident memory grows only by what is outside the Java heap (BoringSSL's native SSL objects and buffers, direct
 * buffers, thread stacks); the live Java heap is read from {@code jcmd GC.class_histogram} (a full GC first) with
 * half the sessions open, the server warm, and with all N open. Per session = (heap growth +
 * resident growth) / (sessions opened in between). The classes whose live
 * bytes grew most are printed: that is where an idle session's memory goes.
 *
 * <p>Clients are Netty with the BoringSSL engine (OpenSSL when netty-tcnative loads) on two event loops, so the
 * client costs little of the shared cores. The server's GC log is read for the pauses during the measurement.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.opencs.bench.Tn3270EnterBenchmark [sessions] [seconds]
 * [boringssl|jdk]}: the last chooses the server's TLS engine (jdk: {@code -Dio.netty.handler.ssl.noOpenSsl=true},
 * Netty's switch that makes the native engine unavailable). The first 10 s of Enters are a warm-up, not counted.
 */
public final class Tn3270EnterBenchmark {
    private static final int WARMUP_SECONDS = 10;
    private static final long REPLY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private Tn3270EnterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String engine = args.length > 2 ? args[2] : "boringssl";
        String heap = System.getProperty("server.heap", "1g");
        Path dir = Files.createTempDirectory("opencs-tn3270-enter");
        BenchHome.create(dir);
        Path gcLog = dir.resolve("gc.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap, "-XX:+AlwaysPreTouch", "-Xlog:gc:file=" + gcLog));
        String extra = System.getProperty("server.opts", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        if (engine.equals("jdk")) {
            command.add("-Dio.netty.handler.ssl.noOpenSsl=true");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Tn3270SessionsBenchmark.class.getName(),
                "server", dir.resolve("home").toString()));
        ProcessBuilder serverProcess = new ProcessBuilder(command).redirectErrorStream(true);
        if (System.getProperty("server.malloc.arenas") != null) {
            serverProcess.environment().put("MALLOC_ARENA_MAX", System.getProperty("server.malloc.arenas"));
        }
        Process server = serverProcess.start();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        List<Channel> open = new ArrayList<>();
        try {
            BufferedReader serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = serverOut.readLine();
            while (line != null && !line.startsWith("port=")) {
                System.out.println("server: " + line);
                line = serverOut.readLine();
            }
            if (line == null) {
                throw new IllegalStateException("the server did not start");
            }
            int port = Integer.parseInt(line.substring(5));
            AtomicInteger shown = new AtomicInteger();
            // Read all the server writes (a full pipe would stop it), show the first 20 messages and exceptions.
            Thread drain = new Thread(() -> serverOut.lines().filter(l -> l.contains("OCST") || l.contains("Exception"))
                    .forEach(l -> {
                        if (shown.incrementAndGet() <= 20) {
                            System.out.println("server: " + l);
                        }
                    }), "server-log");
            drain.setDaemon(true);
            drain.start();

            SslProvider clientEngine = OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
            SslContext tls = SslContextBuilder.forClient().sslProvider(clientEngine)
                    .trustManager(dir.resolve("ca.pem").toFile()).build();
            System.out.printf(Locale.ROOT, "server engine %s, client engine %s, %d sessions, %d s of Enters, heap %s, "
                    + "load %s%n", engine, clientEngine, sessions, seconds, heap, load());
            AtomicLongArray samples = new AtomicLongArray(sessions * (seconds + 2));
            AtomicInteger sampleCount = new AtomicInteger();
            AtomicInteger missing = new AtomicInteger();
            long[] window = {Long.MAX_VALUE, Long.MAX_VALUE};
            Recorder recorder = (sentAt, rtt) -> {
                if (sentAt >= window[0] && sentAt < window[1]) {
                    int i = sampleCount.getAndIncrement();
                    if (i < samples.length()) {
                        samples.set(i, rtt);
                    }
                }
            };
            List<Terminal> terminals = new ArrayList<>();
            // The baseline has half the sessions open: the server's code paths are warm (compiled code, classes, the
            // allocators' arenas and the TLS library's first allocations are in place), so the growth from there to N
            // is what each further idle session costs. (With a fifth as the baseline, compilation still going on
            // under load added up to 10 KiB a session, run to run.)
            int warm = Math.max(1, sessions / 2);
            for (int done = 0; done < warm; ) {
                int batch = Math.min(100, warm - done);
                open.addAll(connect(group, tls, port, batch, recorder, terminals));
                done += batch;
            }
            Thread.sleep(2000);
            Histogram one = histogram(server.pid());
            long rssOne = rssKiB(server.pid());
            int baseline = open.size();
            long start = System.nanoTime();
            for (int done = warm; done < sessions; ) {
                int batch = Math.min(100, sessions - done);
                open.addAll(connect(group, tls, port, batch, recorder, terminals));
                done += batch;
            }
            double setUp = (System.nanoTime() - start) / 1e9;
            Thread.sleep(2000);
            Histogram all = histogram(server.pid());
            long rssAll = rssKiB(server.pid());
            int n = Math.max(1, open.size() - baseline);
            System.out.printf(Locale.ROOT, "%d idle sessions (%d failed) set up in %.1f s%n", open.size(),
                    sessions - open.size(), setUp);
            System.out.printf(Locale.ROOT, "idle session memory, from %d to %d sessions: %.1f KiB each (live Java "
                            + "heap %.1f KiB: %d -> %d MiB; outside the heap %.1f KiB: resident %d -> %d MiB)%n",
                    baseline, open.size(),
                    (all.total - one.total) / 1024.0 / n + (rssAll - rssOne) / (double) n,
                    (all.total - one.total) / 1024.0 / n, one.total >> 20, all.total >> 20,
                    (rssAll - rssOne) / (double) n, rssOne >> 10, rssAll >> 10);
            all.growthOver(one, n).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(Integer.getInteger("classes", 15)).forEach(e -> System.out.printf(Locale.ROOT, "  %8.0f B  %s%n",
                            e.getValue() / (double) n, e.getKey()));

            long now = System.nanoTime();
            window[0] = now + TimeUnit.SECONDS.toNanos(WARMUP_SECONDS);
            window[1] = window[0] + TimeUnit.SECONDS.toNanos(seconds);
            for (Terminal t : terminals) {
                t.startEntering(ThreadLocalRandom.current().nextLong(TimeUnit.SECONDS.toNanos(1)), missing);
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(WARMUP_SECONDS) + 200);
            String loadAtStart = load();
            long cpuStart = cpuTicks(server.pid());
            long gcStart = Files.size(gcLog);
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds / 2));
            String loadMid = load();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds - seconds / 2) + 1000);
            long cpuEnd = cpuTicks(server.pid());
            String loadEnd = load();
            terminals.forEach(Terminal::stopEntering);
            int count = Math.min(sampleCount.get(), samples.length());
            long[] rtt = new long[count];
            for (int i = 0; i < count; i++) {
                rtt[i] = samples.get(i);
            }
            Arrays.sort(rtt);
            System.out.printf(Locale.ROOT, "%d Enters answered in %d s (%.0f/s), %d missing (no answer in 30 s)%n",
                    count, seconds, count / (double) seconds, missing.get());
            if (count > 0) {
                System.out.printf(Locale.ROOT, "round trip: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, "
                        + "max %.1f ms%n", ms(percentile(rtt, 50)), ms(percentile(rtt, 90)), ms(percentile(rtt, 99)),
                        ms(percentile(rtt, 99.9)), ms(rtt[count - 1]));
            }
            System.out.printf(Locale.ROOT, "server CPU %.1f%% of one core (%.0f us per Enter); load average at the "
                    + "start, middle and end of the measurement: %s | %s | %s%n",
                    (cpuEnd - cpuStart) / (seconds + 1.0), (cpuEnd - cpuStart) * 10_000.0 / Math.max(1, count),
                    loadAtStart, loadMid, loadEnd);
            gcPauses(gcLog, gcStart);
        } finally {
            open.forEach(Channel::close);
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
            FtpThroughputBenchmark.deleteTree(dir);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    /** The GC pauses logged since {@code from} (bytes into the log): how many, their total and the longest. */
    private static void gcPauses(Path gcLog, long from) throws Exception {
        byte[] all = Files.readAllBytes(gcLog);
        String text = new String(all, (int) Math.min(from, all.length), (int) (all.length - Math.min(from, all.length)),
                StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("Pause (\\S+).* ([0-9.]+)ms").matcher(text);
        int pauses = 0;
        double total = 0;
        double max = 0;
        Map<String, Integer> kinds = new TreeMap<>();
        while (m.find()) {
            pauses++;
            double ms = Double.parseDouble(m.group(2));
            total += ms;
            max = Math.max(max, ms);
            kinds.merge(m.group(1), 1, Integer::sum);
        }
        System.out.printf(Locale.ROOT, "server GC during the measurement: %d pauses %s, %.1f ms in all, longest %.1f ms%n",
                pauses, kinds, total, max);
    }

    /** The 1-, 5- and 15-minute load averages. */
    private static String load() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    /** The process's user + system CPU time in clock ticks (1/100 s). */
    private static long cpuTicks(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long rssKiB(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return -1;
    }

    /** The live Java heap by class, from {@code jcmd <pid> GC.class_histogram} (which runs a full GC first). */
    private static Histogram histogram(long pid) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "GC.class_histogram").redirectErrorStream(true).start();
        Map<String, Long> bytes = new TreeMap<>();
        long total = 0;
        Pattern row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
        try (BufferedReader out = jcmd.inputReader()) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = row.matcher(line);
                if (m.find()) {
                    bytes.merge(m.group(3), Long.parseLong(m.group(2)), Long::sum);
                } else if (line.startsWith("Total")) {
                    total = Long.parseLong(line.trim().split("\\s+")[2]);
                }
            }
        }
        jcmd.waitFor();
        return new Histogram(bytes, total);
    }

    private record Histogram(Map<String, Long> bytes, long total) {
        Map<String, Long> growthOver(Histogram before, int n) {
            Map<String, Long> growth = new TreeMap<>();
            bytes.forEach((k, v) -> growth.put(k, v - before.bytes.getOrDefault(k, 0L)));
            return growth;
        }
    }

    private interface Recorder {
        void record(long sentAt, long rtt);
    }

    /** Opens {@code count} sessions at once; returns the channels that reached the logon screen. */
    private static List<Channel> connect(EventLoopGroup group, SslContext tls, int port, int count, Recorder recorder,
                                         List<Terminal> terminals) throws Exception {
        List<Promise<Channel>> ready = new ArrayList<>();
        List<Terminal> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Promise<Channel> promise = group.next().newPromise();
            ready.add(promise);
            Terminal terminal = new Terminal(promise, recorder);
            made.add(terminal);
            new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(tls.newHandler(ch.alloc(), "localhost", port));
                    ch.pipeline().addLast(new TelnetDecoder());
                    ch.pipeline().addLast(TelnetEncoder.INSTANCE);
                    ch.pipeline().addLast(terminal);
                }
            }).connect("127.0.0.1", port).addListener(f -> {
                if (!f.isSuccess()) {
                    promise.tryFailure(f.cause());
                }
            });
        }
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Promise<Channel> p = ready.get(i);
            if (p.await(60, TimeUnit.SECONDS) && p.isSuccess()) {
                channels.add(p.getNow());
                terminals.add(made.get(i));
            }
        }
        return channels;
    }

    /**
     * A TN3270E terminal: negotiates, waits for the logon panel, and once told presses Enter every second (the first
     * after {@code phase}), timing each answer; an Enter is not pressed while the last one is unanswered.
     */
    private static final class Terminal extends SimpleChannelInboundHandler<TelnetMessage> {
        private final Promise<Channel> ready;
        private final Recorder recorder;
        private ChannelHandlerContext ctx;
        private int sequence;
        private long sentAt;
        private io.netty.util.concurrent.ScheduledFuture<?> pressing;

        Terminal(Promise<Channel> ready, Recorder recorder) {
            this.ready = ready;
            this.recorder = recorder;
        }

        void startEntering(long phaseNanos, AtomicInteger missing) {
            ctx.executor().execute(() -> pressing = ctx.executor().scheduleAtFixedRate(() -> enter(missing), phaseNanos,
                    TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS));
        }

        void stopEntering() {
            ctx.executor().execute(() -> {
                if (pressing != null) {
                    pressing.cancel(false);
                }
            });
        }

        private void enter(AtomicInteger missing) {
            long now = System.nanoTime();
            if (sentAt != 0) {
                if (now - sentAt > REPLY_TIMEOUT_NANOS) {
                    missing.incrementAndGet();
                    sentAt = 0;
                }
                return;
            }
            int seq = ++sequence;
            // TN3270E header (3270-DATA, no response wanted, sequence number), then AID Enter and the cursor at 0.
            sentAt = now;
            ctx.writeAndFlush(new TelnetMessage.Record(new byte[] {0x00, 0x00, 0x00, (byte) (seq >> 8), (byte) seq,
                0x7D, 0x40, 0x40}));
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TelnetMessage m) {
            if (TerminalNegotiation.answer(ctx, m)) {
                return;
            }
            if (m instanceof TelnetMessage.Record) {
                if (sentAt != 0) {
                    long now = System.nanoTime();
                    recorder.record(sentAt, now - sentAt);
                    sentAt = 0;
                }
                ready.trySuccess(ctx.channel());
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ready.tryFailure(cause);
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            ready.tryFailure(new java.io.IOException("closed by the server before the logon screen"));
        }
    }
}
