package org.opencs.bench;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencs.ftp.client.BatchFtpClient;
import org.opencs.ftp.client.ClientSettings;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.pki.keydb.KeyDatabase;
import org.opencs.pki.tls.KeyDatabaseRing;

/**
 * Logons per second with full TLS handshakes, and many concurrent sessions each uploading and downloading a small
 * file, against one OpenCS FTP server. The clients are OpenCS's batch client (one JVM, one thread per session), each
 * with its own TLS context, so every control connection makes a full handshake.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.opencs.bench.FtpSessionsBenchmark [logons] [sessions]}
 */
public final class FtpSessionsBenchmark {
    private FtpSessionsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int logons = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path dir = Files.createTempDirectory("opencs-ftp-sessions");
        try (FtpBenchSystem system = new FtpBenchSystem(dir, "SECURE_SESSION_REUSE REQUIRED")) {
            KeyDatabaseRing ring = new KeyDatabaseRing(KeyDatabase.openStashed(
                    system.registry.home().hfsPath(BenchHome.KEYRING), new SecureRandom()), null);
            ClientSettings settings = ClientSettings.of(FtpDataParser.parseClient(
                    "SECURE_MECHANISM TLS\nSECURE_FTP REQUIRED\nSECURE_DATACONN PRIVATE\n", "bench").config(), null, null, true);
            Files.write(dir.resolve("small.txt"), new byte[4096]);
            String logonOnly = "127.0.0.1 " + system.server.port() + "\n" + FtpBenchSystem.USER + " " + FtpBenchSystem.PASSWORD
                    + "\npwd\nquit\n";

            // Logons per second: 4 clients in parallel (the machine's cores are shared with the server).
            int threads = 4;
            long start = System.nanoTime();
            Result logonResult = run(threads, logons, i -> client(settings, ring, dir, logonOnly));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "logons: %d in %.1f s = %.1f logons/s (%d clients in parallel), %d failed%n",
                    logons, seconds, logons / seconds, threads, logonResult.failures);

            // Concurrent sessions: all at once, each put and get of a 4 KiB file under its own name.
            start = System.nanoTime();
            Result sessionResult = run(sessions, sessions, i -> client(settings, ring, dir, "127.0.0.1 " + system.server.port()
                    + "\n" + FtpBenchSystem.USER + " " + FtpBenchSystem.PASSWORD + "\nbinary\nput small.txt s" + i
                    + ".txt\nget s" + i + ".txt got" + i + ".txt\nquit\n"));
            seconds = (System.nanoTime() - start) / 1e9;
            long stored;
            try (var files = Files.list(system.home(""))) {
                stored = files.filter(p -> p.getFileName().toString().startsWith("s")).count();
            }
            System.out.printf(Locale.ROOT, "concurrent sessions: %d sessions in %.1f s, %d failed, %d files stored%n",
                    sessions, seconds, sessionResult.failures, stored);
            if (!sessionResult.firstFailure.isEmpty()) {
                System.out.println("first failure:\n" + sessionResult.firstFailure);
            }
        } finally {
            FtpThroughputBenchmark.deleteTree(dir);
        }
    }

    private interface Session {
        String run(int index) throws Exception;
    }

    private record Result(int failures, String firstFailure) {
    }

    /** Runs {@code count} sessions on {@code threads} threads; a session fails when the client returns nonzero. */
    private static Result run(int threads, int count, Session session) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger failures = new AtomicInteger();
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            results.add(pool.submit((Callable<String>) () -> session.run(index)));
        }
        String first = "";
        for (Future<String> f : results) {
            String failure = f.get();
            if (failure != null) {
                failures.incrementAndGet();
                first = first.isEmpty() ? failure : first;
            }
        }
        pool.shutdown();
        return new Result(failures.get(), first);
    }

    /** One batch-client session; null when it worked, else its output. */
    private static String client(ClientSettings settings, KeyDatabaseRing ring, Path dir, String input) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        BatchFtpClient client = new BatchFtpClient(settings, ring, "BENCH", new PrintStream(bytes, true), dir);
        int rc = client.run("FTP", null, null, new BufferedReader(new StringReader(input)));
        return rc == 0 ? null : bytes.toString();
    }
}
