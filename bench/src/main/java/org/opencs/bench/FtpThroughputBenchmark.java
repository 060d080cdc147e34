package org.opencs.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * RETR and STOR throughput over FTPS with TLS 1.3 (PROT P, session reuse required) with curl and lftp as clients:
 * OpenCS against Debian's vsftpd set up the same way on the same machine (TLS required on control and data,
 * require_ssl_reuse=YES), in the same run, each transfer timed end to end (client start to exit), after one
 * unrecorded warm-up round for the JIT; before each transfer {@code sync} writes back what the one before left in
 * the page cache, and who goes first alternates from round to round. Both clients are held to TLS 1.3 (curl {@code
 * --tlsv1.3}, lftp's GnuTLS priority {@code -VERS-ALL:+VERS-TLS1.3}), so a server that cannot do TLS 1.3 with
 * session reuse fails the run. Each stored file's size is checked. Each transfer is timed over the whole client run
 * and from the RETR or STOR command on (seen in the client's trace; this leaves out the logon, where OpenCS checks a
 * password with a slow hash; vsftpd's anonymous logon checks none, its local user's logon checks a yescrypt hash
 * through PAM). Prints MB/s per round with the 1-minute load average, then the medians and the ratios OpenCS/vsftpd
 * (above 1: OpenCS is faster) per size, client and direction.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.opencs.bench.FtpThroughputBenchmark [MiB[,MiB...]] [rounds]
 * [clients] [anonymous|local]}, e.g. {@code 512,1024 3 curl,lftp local}. The last argument is how vsftpd's client
 * logs on: {@code anonymous} (the default; no password checked) or {@code local}, as a local user whose
 * /etc/shadow entry is Debian's default yescrypt, checked by PAM, as OpenCS checks its user's password (the user
 * {@code ocsbench} of {@link FtpLogonBenchmark}, created if missing; needs root).
 */
public final class FtpThroughputBenchmark {
    private static final String OPENCS_USER = FtpBenchSystem.USER + ":" + FtpBenchSystem.PASSWORD;

    private FtpThroughputBenchmark() {
    }

    /** The two FTP clients measured. */
    enum Client { CURL, LFTP }

    /** A server under test: where it listens, who logs on, where a file is read and an upload lands. */
    private record Server(String name, int port, String user, String retrPath, String storDir,
                          java.util.function.LongSupplier cpuNanos) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream((args.length > 0 ? args[0] : "512,1024").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Client> clients = Arrays.stream((args.length > 2 ? args[2] : "curl,lftp").split(","))
                .map(c -> Client.valueOf(c.trim().toUpperCase(Locale.ROOT))).toList();
        boolean local = args.length > 3 && args[3].trim().equalsIgnoreCase("local");
        Path dir = Files.createTempDirectory("opencs-ftp-bench");
        Process vsftpd = null;
        try (FtpBenchSystem system = new FtpBenchSystem(dir, "SECURE_SESSION_REUSE REQUIRED")) {
            Path root = Files.createDirectories(dir.resolve("vsroot"));
            Path incoming = Files.createDirectories(root.resolve("incoming"));
            incoming.toFile().setWritable(true, false);
            int vsPort = freePort();
            String vsUser = "anonymous:";
            if (local) {
                FtpLogonBenchmark.localUser(dir);
                vsUser = FtpLogonBenchmark.LOCAL_USER + ":" + FtpBenchSystem.PASSWORD;
                // the local user's session runs as that user: it must reach the files under this root-owned temp dir
                dir.toFile().setExecutable(true, false);
                root.toFile().setExecutable(true, false);
                root.toFile().setReadable(true, false);
            }
            vsftpd = Vsftpd.start(dir, root, vsPort, local);
            Server opencs = new Server("OpenCS", system.server.port(), OPENCS_USER, "big.bin", "",
                    FtpThroughputBenchmark::ownCpuNanos);
            long vsPid = vsftpd.pid();
            Server vs = new Server("vsftpd", vsPort, vsUser, "big.bin", "incoming/", () -> processTreeCpuNanos(vsPid));
            System.out.printf(Locale.ROOT, "FTPS TLS 1.3 (PROT P, session reuse required), curl %s, %s, %d cores, load %s,"
                    + " vsftpd logon %s%n", curlVersion(), lftpVersion(), Runtime.getRuntime().availableProcessors(),
                    loadAverage(), local ? "local user (PAM, yescrypt)" : "anonymous");
            for (int mib : sizes) {
                Path big = dir.resolve("big.bin");
                Files.deleteIfExists(big);
                writeRandom(big, mib);
                Files.deleteIfExists(system.home("big.bin"));
                Files.copy(big, system.home("big.bin"));
                Files.deleteIfExists(root.resolve("big.bin"));
                Files.copy(big, root.resolve("big.bin"));
                Transfers t = new Transfers(dir, big, mib);
                // One unrecorded round first: the JIT compiles OpenCS's TLS and transfer paths during it.
                for (Client client : clients) {
                    t.retr(client, opencs);
                    t.stor(client, opencs, "warm.bin", system.home("warm.bin"));
                    Files.deleteIfExists(system.home("warm.bin"));
                }
                Map<String, List<Rate>> results = new LinkedHashMap<>();
                for (int round = 1; round <= rounds; round++) {
                    String before = loadAverage();
                    StringBuilder line = new StringBuilder();
                    for (Client client : clients) {
                        String key = client.name().toLowerCase(Locale.ROOT);
                        String up = "up" + round + ".bin";
                        // Who goes first alternates from round to round, so neither server always meets the
                        // machine as the other left it.
                        boolean opencsFirst = round % 2 == 1;
                        for (Server server : opencsFirst ? List.of(opencs, vs) : List.of(vs, opencs)) {
                            add(results, key + " RETR " + server.name(), t.retr(client, server));
                        }
                        for (Server server : opencsFirst ? List.of(opencs, vs) : List.of(vs, opencs)) {
                            Path landed = server == opencs ? system.home(up) : incoming.resolve(up);
                            add(results, key + " STOR " + server.name(), t.stor(client, server, up, landed));
                        }
                        Files.deleteIfExists(system.home(up));
                        Files.deleteIfExists(incoming.resolve(up));
                        line.append(String.format(Locale.ROOT, " | %s RETR %s/%s STOR %s/%s", key,
                                last(results, key + " RETR OpenCS"), last(results, key + " RETR vsftpd"),
                                last(results, key + " STOR OpenCS"), last(results, key + " STOR vsftpd")));
                    }
                    System.out.printf(Locale.ROOT, "%d MiB round %d (MB/s OpenCS/vsftpd, whole run(from the command)server CPU; load %s -> %s)%s%n", mib, round,
                            before, loadAverage(), line);
                }
                for (Client client : clients) {
                    String key = client.name().toLowerCase(Locale.ROOT);
                    for (String direction : List.of("RETR", "STOR")) {
                        List<Rate> o = results.get(key + " " + direction + " OpenCS");
                        List<Rate> v = results.get(key + " " + direction + " vsftpd");
                        double ow = median(o.stream().map(Rate::whole).toList());
                        double vw = median(v.stream().map(Rate::whole).toList());
                        double ot = median(o.stream().map(Rate::transfer).toList());
                        double vt = median(v.stream().map(Rate::transfer).toList());
                        double oc = median(o.stream().map(Rate::serverCpu).toList());
                        double vc = median(v.stream().map(Rate::serverCpu).toList());
                        System.out.printf(Locale.ROOT, "median %d MiB %s %s: whole run OpenCS %.0f MB/s, vsftpd %.0f MB/s, "
                                + "ratio %.2f; from %s on OpenCS %.0f MB/s, vsftpd %.0f MB/s, ratio %.2f; "
                                + "server CPU OpenCS %.2f s, vsftpd %.2f s%n",
                                mib, key, direction, ow, vw, ow / vw, direction, ot, vt, ot / vt, oc, vc);
                    }
                }
                Files.deleteIfExists(system.home("big.bin"));
                Files.deleteIfExists(root.resolve("big.bin"));
            }
        } finally {
            if (vsftpd != null) {
                vsftpd.destroy();
                vsftpd.waitFor(10, TimeUnit.SECONDS);
            }
            deleteTree(dir);
        }
    }

    private static void add(Map<String, List<Rate>> results, String key, Rate rate) {
        results.computeIfAbsent(key, k -> new ArrayList<>()).add(rate);
    }

    /** The last rate recorded under {@code key}: whole run and (in brackets) from the command on, MB/s. */
    private static String last(Map<String, List<Rate>> results, String key) {
        List<Rate> values = results.get(key);
        Rate r = values.get(values.size() - 1);
        return String.format(Locale.ROOT, "%.0f(%.0f)%.2fs", r.whole(), r.transfer(), r.serverCpu());
    }

    /**
     * One transfer's rate in MB/s: over the whole client run (connect, logon, handshakes, transfer, QUIT), and from the
     * RETR or STOR command to the client's exit (the data connection's TLS handshake, the data, the reply, QUIT),
     * which leaves out the logon: OpenCS checks a password with a deliberately slow hash, vsftpd's anonymous logon none.
     * {@code serverCpu}: the CPU seconds the server used for the whole run (OpenCS: this JVM, the logon's hash
     * included; vsftpd: its processes, the session's own once reaped), which the machine's load does not change much.
     */
    record Rate(double whole, double transfer, double serverCpu) {
    }

    /** Runs one client transfer at a time and returns MB/s (10^6 bytes per second) over its whole run. */
    private static final class Transfers {
        private final Path dir;
        private final Path big;
        private final int mib;

        Transfers(Path dir, Path big, int mib) {
            this.dir = dir;
            this.big = big;
            this.mib = mib;
        }

        Rate retr(Client client, Server server) throws Exception {
            return run(client, server, true, server.retrPath());
        }

        /** Uploads {@code name} and checks that {@code landed} (where the server stores it) has the whole size. */
        Rate stor(Client client, Server server, String name, Path landed) throws Exception {
            Rate rate = run(client, server, false, server.storDir() + name);
            long size = Files.size(landed);
            if (size != mib * 1048576L) {
                throw new IllegalStateException(client + " STOR to " + server.name() + " stored " + size + " bytes");
            }
            return rate;
        }

        private Rate run(Client client, Server server, boolean retr, String path) throws Exception {
            List<String> command = switch (client) {
                case CURL -> curl(server, retr, path);
                case LFTP -> lftp(server, retr, path);
            };
            // The client's trace names each command as it goes out: "> RETR" (curl -v), "---> RETR" (lftp -d).
            String verb = retr ? "RETR " : "STOR ";
            // Each transfer starts with nothing left to write back from the one before: else an upload would be
            // slowed by the kernel writing back the previous upload's gigabyte.
            Process sync = new ProcessBuilder("sync").start();
            sync.waitFor();
            long cpuBefore = server.cpuNanos().getAsLong();
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            StringBuilder output = new StringBuilder();
            long commandSent = 0;
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (commandSent == 0 && (line.startsWith("> " + verb) || line.startsWith("---> " + verb))) {
                        commandSent = System.nanoTime();
                    }
                    output.append(line).append('\n');
                }
            }
            boolean ended = p.waitFor(30, TimeUnit.MINUTES);
            long end = System.nanoTime();
            if (!ended || p.exitValue() != 0 || commandSent == 0) {
                p.destroyForcibly();
                throw new IllegalStateException(client + " " + verb + "against " + server.name() + " failed: " + command
                        + "\n" + output);
            }
            if (client == Client.CURL && (output.indexOf("SSL connection using TLSv1.3") < 0
                    || output.indexOf("TLSv1.2 (") >= 0)) {
                throw new IllegalStateException("curl did not use TLS 1.3 throughout with " + server.name() + ":\n" + output);
            }
            Thread.sleep(300); // vsftpd's session processes end and are reaped (their CPU time counts then)
            double cpu = (server.cpuNanos().getAsLong() - cpuBefore) / 1e9;
            double bytes = mib * 1048576.0;
            return new Rate(bytes / ((end - start) / 1e9) / 1e6, bytes / ((end - commandSent) / 1e9) / 1e6, cpu);
        }

        private List<String> curl(Server server, boolean retr, String path) {
            List<String> command = new ArrayList<>(List.of("curl", "-sS", "-v", "--tlsv1.3", "--ssl-reqd", "--cacert",
                    dir.resolve("ca.pem").toString(), "--user", server.user()));
            String url = "ftp://127.0.0.1:" + server.port() + "/" + path;
            command.addAll(retr ? List.of("-o", "/dev/null", url) : List.of("-T", big.toString(), url));
            return command;
        }

        private List<String> lftp(Server server, boolean retr, String path) {
            String[] user = server.user().split(":", 2);
            String transfer = retr ? "get " + path + " -o /dev/null" : "put " + big + " -o " + path;
            return List.of("lftp", "-d", "-c", String.join("; ",
                    "set ssl:ca-file " + dir.resolve("ca.pem"), "set ssl:check-hostname false",
                    "set ssl:priority NORMAL:-VERS-ALL:+VERS-TLS1.3", "set ftp:ssl-force true",
                    "set ftp:ssl-protect-data true", "set net:max-retries 1", "set net:timeout 60",
                    "set cmd:fail-exit true", "set xfer:clobber true",
                    "open -u " + user[0] + "," + user[1] + " -p " + server.port() + " 127.0.0.1", transfer));
        }
    }

    private static String curlVersion() throws Exception {
        String first = firstLine("curl", "--version");
        return first.split(" ").length > 1 ? first.split(" ")[1] : first;
    }

    private static String lftpVersion() throws Exception {
        String first = firstLine("lftp", "--version");
        String[] parts = first.split("\\|");
        return "lftp " + (parts.length > 1 ? parts[1].replace("Version", "").trim() : first);
    }

    private static String firstLine(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
        p.waitFor();
        return first;
    }

    /** This JVM's CPU time (user and system), nanoseconds. */
    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * A process's CPU time with that of its children it has reaped (utime, stime, cutime, cstime of /proc/pid/stat),
     * nanoseconds; 0 where /proc cannot tell.
     */
    static long processTreeCpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int i = 11; i <= 14; i++) { // fields 14-17 of proc(5), counted from the state (field 3)
                ticks += Long.parseLong(f[i]);
            }
            return ticks * 10_000_000L; // USER_HZ 100
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The 1-minute load average (/proc/loadavg), "?" where there is none. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static void writeRandom(Path file, int mib) throws IOException {
        Random random = new Random(42);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mib; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Debian's vsftpd as the reference server: TLS required on control and data, reuse required; anonymous FTPS only,
     * or (local) only local users through PAM, rooted at the same directory.
     */
    static final class Vsftpd {
        private Vsftpd() {
        }

        static Process start(Path dir, Path root, int port) throws Exception {
            return start(dir, root, port, false);
        }

        static Process start(Path dir, Path root, int port, boolean local) throws Exception {
            Process openssl = new ProcessBuilder("openssl", "pkcs12", "-in", dir.resolve("server.p12").toString(), "-passin",
                    "pass:pw", "-nodes", "-out", dir.resolve("server.pem").toString()).redirectErrorStream(true).start();
            openssl.getInputStream().readAllBytes();
            if (openssl.waitFor() != 0) {
                throw new IllegalStateException("openssl could not convert the server key for vsftpd");
            }
            Files.createDirectories(dir.resolve("empty"));
            int pasv = freePort();
            Files.writeString(dir.resolve("vsftpd.conf"), String.join("\n",
                    "listen=YES", "listen_address=127.0.0.1", "listen_port=" + port, "background=NO",
                    local ? "anonymous_enable=NO\nlocal_enable=YES\nlocal_root=" + root + "\nlocal_umask=022\n"
                            + "pam_service_name=vsftpd\nforce_local_logins_ssl=YES\nforce_local_data_ssl=YES"
                        : "run_as_launching_user=YES\nanonymous_enable=YES\nanon_root=" + root + "\nno_anon_password=YES\n"
                            + "anon_upload_enable=YES\nanon_umask=022\nlocal_enable=NO\nallow_anon_ssl=YES\n"
                            + "force_anon_logins_ssl=YES\nforce_anon_data_ssl=YES",
                    "write_enable=YES", "ssl_enable=YES", "require_ssl_reuse=YES",
                    "rsa_cert_file=" + dir.resolve("server.pem"), "rsa_private_key_file=" + dir.resolve("server.pem"),
                    "pasv_enable=YES", "pasv_min_port=" + pasv, "pasv_max_port=" + pasv, "seccomp_sandbox=NO",
                    "isolate=NO", "isolate_network=NO", "max_clients=1000", "max_per_ip=1000",
                    "secure_chroot_dir=" + dir.resolve("empty"), ""));
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
    }
}
