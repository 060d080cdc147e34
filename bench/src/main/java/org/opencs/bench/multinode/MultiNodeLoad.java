package org.opencs.bench.multinode;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Issue 12's load with a restart: two OpenCS nodes (separate JVMs, {@code opencs start}) on one PostgreSQL schema and
 * one shared directory behind HAProxy, N FTPS users and M TN3270E terminals through the balancer for a fixed time,
 * while one node (SYS2) is stopped with SIGTERM and started again in the middle (or, with {@code --kill}, SIGKILLed
 * and started again once the survivor has cleaned up after it). Prints what the clients saw: sessions started and
 * completed, errors by kind, separately for sessions on the stopped node (which must reconnect and succeed elsewhere)
 * and on the nodes that kept serving (the goal: none), sessions per node (as the clients saw them and as
 * HAProxy counted them), the restart's timeline, p50/p99 of an FTP logon and of a TN3270 Enter round trip, and the
 * nodes' console message IDs.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.opencs.bench.multinode.MultiNodeLoad [options]}, options in
 * {@link LoadOptions#USAGE}; run from the source tree (the nodes run {@code cli/target/opencs.jar}). Each session is a
 * socket in the client, two in HAProxy and one in a node: {@code ulimit -n} must be well above 2 x (FTP + TN3270).
 * Work files (node homes, consoles, haproxy.cfg) stay in the directory printed at the start.
 */
public final class MultiNodeLoad {
    private MultiNodeLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.opencsJar())) {
            System.err.println(options.opencsJar() + " is missing: build it (mvn -B -q -pl cli -am package -DskipTests)"
                    + " or name it with --jar");
            System.exit(2);
        }
        long epoch = System.nanoTime();
        Path dir = Files.createTempDirectory("opencs-multinode");
        System.out.println("work directory: " + dir);
        Ports ports = Ports.allocate(2, Math.max(100, options.ftpSessions() + 100));
        TwoNodeSystem system = TwoNodeSystem.create(dir, options, ports);
        List<NodeProcess> nodes = new ArrayList<>();
        for (int i = 0; i < TwoNodeSystem.SYSNAMES.size(); i++) {
            nodes.add(new NodeProcess(TwoNodeSystem.SYSNAMES.get(i), options.opencsJar(), options.nodeHeap(),
                    system.homes.get(i), ports.ftp(i), ports.tn3270(i), epoch));
        }
        Balancer balancer = null;
        try {
            for (NodeProcess node : nodes) {
                long started = node.start();
                if (node.awaitLine(Restart.LISTENING, started, Duration.ofSeconds(120)) == null) {
                    throw new IllegalStateException(node.sysname() + " did not start: " + node.problems(20));
                }
            }
            System.out.printf(Locale.ROOT, "nodes up after %.1f s%n", (System.nanoTime() - epoch) / 1e9);
            balancer = Balancer.start(dir, ports, TwoNodeSystem.SYSNAMES);
            run(options, dir, ports, nodes, balancer);
        } finally {
            for (NodeProcess node : nodes) {
                node.stop(false, Duration.ofSeconds(60));
            }
            if (balancer != null) {
                balancer.close();
            }
            system.dropSchema(options.registryUrl());
        }
    }

    private static void run(LoadOptions options, Path dir, Ports ports, List<NodeProcess> nodes, Balancer balancer)
            throws Exception {
        LoadTally tally = new LoadTally();
        NodeState state = new NodeState();
        long begin = System.nanoTime();
        long deadline = begin + Duration.ofSeconds(options.durationSeconds()).toNanos();
        SslContext tls = SslContextBuilder.forClient().trustManager(dir.resolve("ca.pem").toFile()).build();
        Tn3270LoadTerminals terminals = new Tn3270LoadTerminals(tls, ports.tn3270Front(), options.enterEverySeconds(),
                deadline, tally, state);
        terminals.start(options.terminals(), options.tn3270Ramp());
        TrustManager trust = trustManager(dir.resolve("ca.pem"));
        List<Thread> ftp = new ArrayList<>();
        for (int i = 0; i < options.ftpSessions(); i++) {
            int id = i;
            FtpLoadClient client = new FtpLoadClient(id, ports.ftpFront(), trust, deadline, options.rounds(),
                    Duration.ofSeconds(options.thinkSeconds()), tally, state);
            Thread thread = new Thread(() -> {
                sleepMillis(id * 1000L / options.ftpRamp());
                client.run();
            }, "ftp-" + id);
            thread.start();
            ftp.add(thread);
        }
        Restart restart = new Restart(nodes.get(1), nodes.get(0), options.kill(),
                begin + Duration.ofSeconds(options.durationSeconds()).toNanos() * 2 / 5, state, ports.ftpFront());
        Thread restarter = new Thread(restart, "restart");
        restarter.start();
        Thread progress = new Thread(() -> progress(tally, begin, deadline), "progress");
        progress.setDaemon(true);
        progress.start();

        sleepMillis(Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
        Map<String, Long> inSession = terminals.inSession();
        terminals.close();
        for (Thread thread : ftp) {
            thread.join(120_000);
        }
        restarter.join(180_000);
        Report.print(options, tally, restart, inSession, balancer.sessionTotals(), nodes,
                (System.nanoTime() - begin) / 1e9);
    }

    private static void progress(LoadTally tally, long begin, long deadline) {
        while (System.nanoTime() < deadline) {
            sleepMillis(10_000);
            System.out.printf(Locale.ROOT, "%5.0f s: ftp logons %d, rounds %d; tn3270 first screens %d, enter replies"
                    + " %d; errors %s%n", (System.nanoTime() - begin) / 1e9, tally.sampleCount("ftp logon"),
                    tally.counter("ftp rounds (STOR+RETR+NLST, data set STOR+RETR)"), tally.counter("tn3270 first screens"),
                    tally.counter("tn3270 enter replies"), tally.errors());
        }
    }

    /** Trusts the benchmark's CA (ca.pem) only. */
    private static TrustManager trustManager(Path caPem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers()[0];
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
