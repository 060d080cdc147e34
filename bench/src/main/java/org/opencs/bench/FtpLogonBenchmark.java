package org.opencs.bench;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.opencs.saf.users.Authenticator;
import org.opencs.saf.users.PasswordHasher;

/**
 * FTPS logons per second, OpenCS against Debian's vsftpd with PAM in the same run. Each logon is one curl process:
 * a full TLS handshake on the control connection (AUTH TLS), USER/PASS, PBSZ/PROT P, one NLST over a TLS data
 * connection that resumes the control session, QUIT. {@code clients} curl processes run at once, each doing its share
 * of {@code logons} one after another. vsftpd checks the password of a local user through PAM (pam_unix), whose
 * /etc/shadow entry is Debian's default yescrypt ({@code $y$j9T$}); OpenCS's user BENCH has an Argon2id hash at the
 * registry's cost. One unrecorded warm-up round of each first.
 *
 * <p>Besides the rates it prints each side's CPU per logon (OpenCS: this JVM's CPU; vsftpd: its process and the
 * children it reaped; curl: this JVM's reaped children), where OpenCS's CPU goes (kernel, GC, JIT, and a JFR execution
 * profile of an extra round of OpenCS that is not counted), and single-thread timings of the parts of a logon (hash,
 * registry, the whole Authenticator).
 *
 * <p>Needs root (it creates the local user {@value #LOCAL_USER} for vsftpd if missing and sets its password with
 * {@code chpasswd -c YESCRYPT}), curl, openssl and /usr/sbin/vsftpd.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.opencs.bench.FtpLogonBenchmark [logons] [clients] [rounds]}
 */
public final class FtpLogonBenchmark {
    static final String LOCAL_USER = "ocsbench";

    private FtpLogonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int logons = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path dir = Files.createTempDirectory("opencs-ftp-logons");
        Process vsftpd = null;
        try (FtpBenchSystem system = new FtpBenchSystem(dir, "SECURE_SESSION_REUSE REQUIRED")) {
            for (int i = 1; i <= 3; i++) {
                Files.writeString(system.home("file" + i + ".txt"), "file " + i + "\n");
            }
            String shadow = localUser(dir);
            int vsPort = FtpThroughputBenchmark.freePort();
            vsftpd = startVsftpd(dir, vsPort);
            long vsPid = vsftpd.pid();
            String opencs = "ftp://127.0.0.1:" + system.server.port() + "/";
            String vs = "ftp://127.0.0.1:" + vsPort + "/";
            String opencsUser = FtpBenchSystem.USER + ":" + FtpBenchSystem.PASSWORD;
            String vsUser = LOCAL_USER + ":" + FtpBenchSystem.PASSWORD;
            System.out.printf(Locale.ROOT, "%s: %d logons, %d curl clients in parallel, %d cores, load %s%n",
                    Instant.now(), logons, clients, Runtime.getRuntime().availableProcessors(), loadAverage());
            System.out.println("OpenCS hash: " + system.registry.users().find(FtpBenchSystem.USER).orElseThrow()
                    .passwordHash().replaceAll("\\$[^$]*\\$[^$]*$", "\\$...") + "; vsftpd's user: "
                    + shadow.replaceAll("\\$[^$]*\\$[^$]*$", "\\$..."));

            // Warm-up: the JIT compiles OpenCS's TLS, FTP and hashing paths; vsftpd's pages come into the cache.
            run(Math.max(clients * 4, logons / 4), clients, dir, opencsUser, opencs);
            run(clients * 2, clients, dir, vsUser, vs);

            // A profiled round of OpenCS alone, not counted: JFR's sampling costs CPU of its own.
            Recording recording = profile();
            Cpu before = Cpu.now(vsPid);
            Run profiled = run(logons, clients, dir, opencsUser, opencs);
            Cpu after = Cpu.now(vsPid);
            recording.stop();
            Path jfr = dir.resolve("logons.jfr");
            recording.dump(jfr);
            recording.close();
            System.out.printf(Locale.ROOT, "profiled round (not counted): OpenCS %.1f logons/s; per logon: JVM CPU %.1f ms"
                            + " (user %.1f, kernel %.1f), GC pauses %.1f ms, JIT %.1f ms; Java samples: %s%n",
                    profiled.rate(), (after.jvm - before.jvm) / 1e6 / logons, (after.jvmUser - before.jvmUser) / 1e6 / logons,
                    (after.jvmKernel - before.jvmKernel) / 1e6 / logons, (after.gcMillis - before.gcMillis) / (double) logons,
                    (after.jitMillis - before.jitMillis) / (double) logons, breakdown(jfr));

            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                Cpu start = Cpu.now(vsPid);
                Run o = run(logons, clients, dir, opencsUser, opencs);
                Cpu middle = Cpu.now(vsPid);
                Run v = run(logons, clients, dir, vsUser, vs);
                Cpu end = Cpu.now(vsPid);
                ratios.add(o.rate() / v.rate());
                System.out.printf(Locale.ROOT, "round %d: OpenCS %.1f logons/s (%d failed; server CPU %.1f ms/logon, of it"
                                + " kernel %.1f; curl %.1f ms/logon), vsftpd %.1f logons/s (%d failed; server CPU %.1f ms/logon;"
                                + " curl %.1f ms/logon), ratio %.2f, load %s%n", round, o.rate(), o.failures,
                        (middle.jvm - start.jvm) / 1e6 / logons, (middle.jvmKernel - start.jvmKernel) / 1e6 / logons,
                        (middle.children - start.children) / 1e6 / logons,
                        v.rate(), v.failures, (end.vsftpd - middle.vsftpd) / 1e6 / logons,
                        (end.children - middle.children) / 1e6 / logons, o.rate() / v.rate(), loadAverage());
                if (!o.firstFailure.isEmpty() || !v.firstFailure.isEmpty()) {
                    System.out.println("first failure: " + o.firstFailure + v.firstFailure);
                }
            }
            System.out.printf(Locale.ROOT, "ratio OpenCS/vsftpd by round: %s, median %.2f%n", ratios.stream()
                    .map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(),
                    ratios.stream().sorted().toList().get(ratios.size() / 2));
            parts(system);
        } finally {
            if (vsftpd != null) {
                vsftpd.destroy();
                vsftpd.waitFor(10, TimeUnit.SECONDS);
            }
            FtpThroughputBenchmark.deleteTree(dir);
        }
    }

    /** Single-thread timings of a logon's parts in this JVM, after the runs (so compiled): medians of 20. */
    private static void parts(FtpBenchSystem system) {
        PasswordHasher hasher = system.registry.passwordHasher();
        String stored = system.registry.users().find(FtpBenchSystem.USER).orElseThrow().passwordHash();
        char[] password = FtpBenchSystem.PASSWORD.toCharArray();
        double hash = median(() -> hasher.matches(password, stored));
        double find = median(() -> system.registry.users().find(FtpBenchSystem.USER));
        Authenticator authenticator = new Authenticator(system.registry, "127.0.0.1");
        double logon = median(() -> authenticator.logon(FtpBenchSystem.USER, password, "FTP"));
        System.out.printf(Locale.ROOT, "one logon's parts, single thread: Argon2id verification %.1f ms, user lookup %.2f ms,"
                + " Authenticator.logon in all (lookup, verification, last-logon update) %.1f ms%n", hash, find, logon);
    }

    private static double median(Runnable step) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            long start = System.nanoTime();
            step.run();
            if (i >= 5) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        return times.stream().sorted().toList().get(times.size() / 2);
    }

    private record Run(int logons, double seconds, int failures, String firstFailure) {
        double rate() {
            return logons / seconds;
        }
    }

    /** {@code logons} curl runs, {@code clients} at a time; each must exit 0 and list file1.txt. */
    private static Run run(int logons, int clients, Path dir, String user, String url) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<String>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < logons; i++) {
            results.add(pool.submit(() -> curl(dir, user, url)));
        }
        int failures = 0;
        String first = "";
        for (Future<String> result : results) {
            String failure = result.get();
            if (failure != null) {
                failures++;
                first = first.isEmpty() ? failure : first;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Run(logons, seconds, failures, first);
    }

    /** One logon with NLST; null when it worked, else what curl said. */
    private static String curl(Path dir, String user, String url) throws Exception {
        Process curl = new ProcessBuilder("curl", "-sS", "--ssl-reqd", "--cacert", dir.resolve("ca.pem").toString(),
                "--user", user, "--list-only", url).redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes());
        if (!curl.waitFor(60, TimeUnit.SECONDS) || curl.exitValue() != 0 || !output.contains("file1.txt")) {
            return "curl " + url + ": " + output.strip();
        }
        return null;
    }

    /**
     * Creates vsftpd's local user if missing (home with file1..3.txt), sets its password through chpasswd with
     * yescrypt at the default cost and returns its /etc/shadow hash, which must start with $y$j9T$.
     */
    static String localUser(Path dir) throws Exception {
        if (exec("id", LOCAL_USER) != 0) {
            check(exec("useradd", "-m", "-s", "/bin/bash", LOCAL_USER), "useradd");
        }
        Process chpasswd = new ProcessBuilder("chpasswd", "-c", "YESCRYPT").redirectErrorStream(true).start();
        chpasswd.getOutputStream().write((LOCAL_USER + ":" + FtpBenchSystem.PASSWORD + "\n").getBytes());
        chpasswd.getOutputStream().close();
        String said = new String(chpasswd.getInputStream().readAllBytes());
        check(chpasswd.waitFor(), "chpasswd " + said);
        Path home = Path.of("/home", LOCAL_USER);
        for (int i = 1; i <= 3; i++) {
            Files.writeString(home.resolve("file" + i + ".txt"), "file " + i + "\n");
        }
        String hash = Files.readAllLines(Path.of("/etc/shadow")).stream().filter(l -> l.startsWith(LOCAL_USER + ":"))
                .map(l -> l.split(":")[1]).findFirst().orElseThrow();
        if (!hash.startsWith("$y$j9T$")) {
            throw new IllegalStateException("the local user's hash is not Debian's default yescrypt: " + hash);
        }
        return hash;
    }

    /** Debian's vsftpd for local users through PAM: TLS required on control and data, session reuse required. */
    private static Process startVsftpd(Path dir, int port) throws Exception {
        Process openssl = new ProcessBuilder("openssl", "pkcs12", "-in", dir.resolve("server.p12").toString(), "-passin",
                "pass:pw", "-nodes", "-out", dir.resolve("server.pem").toString()).redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        check(openssl.waitFor(), "openssl pkcs12");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        int pasv = FtpThroughputBenchmark.freePort();
        Files.writeString(dir.resolve("vsftpd.conf"), String.join("\n",
                "listen=YES", "listen_address=127.0.0.1", "listen_port=" + port, "background=NO",
                "anonymous_enable=NO", "local_enable=YES", "write_enable=NO", "pam_service_name=vsftpd",
                "ssl_enable=YES", "force_local_logins_ssl=YES", "force_local_data_ssl=YES", "require_ssl_reuse=YES",
                "rsa_cert_file=" + dir.resolve("server.pem"), "rsa_private_key_file=" + dir.resolve("server.pem"),
                "pasv_enable=YES", "pasv_min_port=" + pasv, "pasv_max_port=" + Math.min(65535, pasv + 200),
                "seccomp_sandbox=NO", "isolate=NO", "isolate_network=NO", "max_clients=1000", "max_per_ip=1000",
                "secure_chroot_dir=" + empty, "xferlog_enable=NO", ""));
        Process vsftpd = new ProcessBuilder("/usr/sbin/vsftpd", dir.resolve("vsftpd.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("vsftpd.out").toFile()).start();
        for (int i = 0; i < 100; i++) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return vsftpd;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("vsftpd did not start: " + Files.readString(dir.resolve("vsftpd.out")));
    }

    private static int exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    private static void check(int rc, String what) {
        if (rc != 0) {
            throw new IllegalStateException(what + " failed with return code " + rc);
        }
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    /**
     * CPU time in ns: this JVM's own (and its user and kernel parts), its reaped children's (curl), and vsftpd's with
     * its reaped children; this JVM's GC pause and JIT compilation milliseconds.
     */
    private record Cpu(long jvm, long jvmUser, long jvmKernel, long children, long vsftpd, long gcMillis, long jitMillis) {
        static Cpu now(long vsftpdPid) throws IOException {
            long[] self = ticks("self");
            long[] vs = ticks(Long.toString(vsftpdPid));
            long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            long gc = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
            long jit = java.lang.management.ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            return new Cpu(jvm, self[0] * 10_000_000L, self[1] * 10_000_000L, (self[2] + self[3]) * 10_000_000L,
                    (vs[0] + vs[1] + vs[2] + vs[3]) * 10_000_000L, gc, jit);
        }

        /** utime, stime, cutime, cstime of /proc/PID/stat, in clock ticks (USER_HZ 100). */
        private static long[] ticks(String pid) throws IOException {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
        }
    }

    private static Recording profile() {
        Recording recording = new Recording();
        recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
        recording.enable("jdk.NativeMethodSample").withPeriod(java.time.Duration.ofMillis(10));
        recording.start();
        return recording;
    }

    /**
     * Execution samples by what the thread was doing, judged from the innermost frame that names a known part;
     * native samples count only inside BoringSSL (the others are threads waiting in epoll or accept).
     */
    static String breakdown(Path jfr) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            boolean nativeSample = event.getEventType().getName().equals("jdk.NativeMethodSample");
            if (event.getStackTrace() == null
                    || !(nativeSample || event.getEventType().getName().equals("jdk.ExecutionSample"))) {
                continue;
            }
            String part = classify(event.getStackTrace().getFrames());
            if (nativeSample && !part.equals("TLS")) {
                continue;
            }
            counts.merge(part, 1, Integer::sum);
            total++;
        }
        StringBuilder out = new StringBuilder(total + " samples:");
        int all = total;
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e -> out.append(
                String.format(Locale.ROOT, " %s %.0f%%;", e.getKey(), 100.0 * e.getValue() / all)));
        return out.toString();
    }

    private static String classify(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod() == null ? "" : frame.getMethod().getType().getName();
            if (type.startsWith("org.bouncycastle.crypto.generators.Argon2") || type.contains("PBKDF2")
                    || type.startsWith("com.sun.crypto.provider.Hmac")) {
                return "password hash";
            }
            if (type.startsWith("io.netty.internal.tcnative") || type.startsWith("io.netty.handler.ssl")
                    || type.startsWith("sun.security")) {
                return "TLS";
            }
            if (type.startsWith("org.h2") || type.startsWith("com.zaxxer") || type.startsWith("org.opencs.saf.store")) {
                return "registry (H2)";
            }
            if (type.startsWith("org.opencs.core.AuditLog") || type.contains("ActivityLog") || type.contains("Smf")
                    || type.startsWith("org.slf4j")) {
                return "logs and audit";
            }
            if (type.startsWith("java.lang.ProcessImpl") || type.startsWith("java.lang.ProcessHandle")
                    || type.startsWith("org.opencs.bench")) {
                return "benchmark (starting curl)";
            }
        }
        String top = frames.isEmpty() || frames.get(0).getMethod() == null ? "?" : frames.get(0).getMethod().getType().getName();
        if (top.startsWith("io.netty") || top.startsWith("sun.nio")) {
            return "network I/O";
        }
        return "other";
    }
}
