package org.opencs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import org.opencs.core.Ebcdic;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.tls.KeyDatabaseRing;
import org.opencs.pki.tls.SystemSsl;
import org.opencs.saf.Registry;
import org.opencs.tn3270.client.Tn3270Client;
import org.opencs.tn3270.config.ProfileParser;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.server.Tn3270Server;

/**
 * TN3270E logons per second (TLS handshake, TN3270E negotiation, TSO logon with a password) and screen round-trip
 * latency with many active sessions (each presses Enter on the logon panel and waits for the answering screen), with
 * OpenCS's client in the same JVM as the server.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.opencs.bench.Tn3270LogonBenchmark [logons] [sessions] [trips]}
 */
public final class Tn3270LogonBenchmark {
    private Tn3270LogonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int logons = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int trips = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dir = Files.createTempDirectory("opencs-tn3270-logons");
        try (Registry registry = Registry.open(BenchHome.create(dir), Clock.systemUTC(), new SecureRandom());
             Tn3270Server server = new Tn3270Server(ProfileParser.parse("TELNETPARMS\n SECUREPORT 0\n KEYRING HFS "
                     + BenchHome.KEYRING + "\nENDTELNETPARMS\n", "bench").config().ports().get(0), registry, "127.0.0.1", 0,
                     "TSO")) {
            SSLContext tls = SystemSsl.jsseClient(new KeyDatabaseRing(KeyDatabase.openStashed(
                    registry.home().hfsPath(BenchHome.KEYRING), new SecureRandom()), null));
            int port = server.port();

            ExecutorService four = Executors.newFixedThreadPool(4);
            long start = System.nanoTime();
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < logons; i++) {
                done.add(four.submit(() -> logon(tls, port)));
            }
            int failed = 0;
            for (Future<Boolean> f : done) {
                failed += f.get() ? 0 : 1;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            four.shutdown();
            System.out.printf(Locale.ROOT, "logons: %d in %.1f s = %.1f logons/s (4 clients in parallel), %d failed%n",
                    logons, seconds, logons / seconds, failed);

            ExecutorService all = Executors.newFixedThreadPool(sessions);
            // Every session connects first; the round trips start together, so no handshake competes with them.
            java.util.concurrent.CountDownLatch connected = new java.util.concurrent.CountDownLatch(sessions);
            // Terminals arrive over time, not in one instant: at most 50 connect at once, so that no client is starved
            // so long that its ClientHello misses the server's 1.5 s wait on the SECURE port.
            java.util.concurrent.Semaphore arriving = new java.util.concurrent.Semaphore(50);
            List<Future<List<Long>>> timings = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                timings.add(all.submit(() -> roundTrips(tls, port, trips, connected, arriving)));
            }
            List<Long> latencies = new ArrayList<>();
            int sessionFailures = 0;
            for (Future<List<Long>> f : timings) {
                List<Long> t = f.get();
                if (t == null) {
                    sessionFailures++;
                } else {
                    latencies.addAll(t);
                }
            }
            all.shutdown();
            Collections.sort(latencies);
            System.out.printf(Locale.ROOT, "round trips: %d sessions x %d Enter presses, p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                    + "%d sessions failed%n", sessions, trips, percentile(latencies, 50), percentile(latencies, 99),
                    latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1) / 1e6, sessionFailures);
        } finally {
            FtpThroughputBenchmark.deleteTree(dir);
        }
    }

    private static boolean logon(SSLContext tls, int port) {
        try (Tn3270Client client = new Tn3270Client(tls, null, Ebcdic.IBM_1047)) {
            client.connect("localhost", port, true, true, 60_000);
            client.screen().type(BenchHome.USER);
            client.screen().tab();
            client.screen().type(BenchHome.PASSWORD);
            client.press(Aid.ENTER);
            client.waitForInput(60_000);
            return String.join("", client.screen().text()).contains("LOGON IN PROGRESS");
        } catch (IOException e) {
            return false;
        }
    }

    /** Connects, then presses Enter on the empty logon panel {@code trips} times, timing each answer; null on failure. */
    private static List<Long> roundTrips(SSLContext tls, int port, int trips, java.util.concurrent.CountDownLatch connected,
                                         java.util.concurrent.Semaphore arriving) {
        try (Tn3270Client client = new Tn3270Client(tls, null, Ebcdic.IBM_1047)) {
            try {
                arriving.acquire();
                try {
                    client.connect("localhost", port, true, true, 120_000);
                } finally {
                    arriving.release();
                }
            } finally {
                connected.countDown();
            }
            connected.await();
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < trips; i++) {
                long start = System.nanoTime();
                client.press(Aid.ENTER);
                if (!client.waitForInput(60_000)) {
                    return null;
                }
                times.add(System.nanoTime() - start);
            }
            return times;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
