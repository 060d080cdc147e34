package org.opencs.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * RETR and STOR throughput over FTPS (PROT P) with curl as the client: OpenCS against Debian's vsftpd set up the
 * same way on the same machine (TLS required on control and data, session reuse required), in the same run, each
 * transfer timed end to end (curl start to exit), after one unrecorded warm-up round for the JIT. Prints MB/s per
 * round, the medians and the ratio.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.opencs.bench.FtpThroughputBenchmark [MiB] [rounds]}
 */
public final class FtpThroughputBenchmark {
    private FtpThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("opencs-ftp-bench");
        Process vsftpd = null;
        try (FtpBenchSystem system = new FtpBenchSystem(dir, "SECURE_SESSION_REUSE REQUIRED")) {
            Path big = dir.resolve("big.bin");
            writeRandom(big, mib);
            Files.copy(big, system.home("big.bin"));
            Path root = Files.createDirectories(dir.resolve("vsroot"));
            Files.copy(big, root.resolve("big.bin"));
            Path incoming = Files.createDirectories(root.resolve("incoming"));
            incoming.toFile().setWritable(true, false);
            int vsPort = freePort();
            vsftpd = Vsftpd.start(dir, root, vsPort);

            String opencs = "ftp://127.0.0.1:" + system.server.port() + "/";
            String vs = "ftp://127.0.0.1:" + vsPort + "/";
            List<Double> oRetr = new ArrayList<>();
            List<Double> vRetr = new ArrayList<>();
            List<Double> oStor = new ArrayList<>();
            List<Double> vStor = new ArrayList<>();
            System.out.printf(Locale.ROOT, "%d MiB over FTPS (PROT P), curl %s%n", mib, curlVersion());
            // One unrecorded round first: the JIT compiles OpenCS's TLS and transfer paths during it.
            rate(mib, dir, FtpBenchSystem.USER + ":" + FtpBenchSystem.PASSWORD, "-o", "/dev/null", opencs + "big.bin");
            rate(mib, dir, FtpBenchSystem.USER + ":" + FtpBenchSystem.PASSWORD, "-T", big.toString(), opencs + "warm.bin");
            Files.deleteIfExists(system.home("warm.bin"));
            for (int round = 1; round <= rounds; round++) {
                oRetr.add(rate(mib, dir, FtpBenchSystem.USER + ":" + FtpBenchSystem.PASSWORD, "-o", "/dev/null", opencs + "big.bin"));
                vRetr.add(rate(mib, dir, "anonymous:", "-o", "/dev/null", vs + "big.bin"));
                oStor.add(rate(mib, dir, FtpBenchSystem.USER + ":" + FtpBenchSystem.PASSWORD, "-T", big.toString(),
                        opencs + "up" + round + ".bin"));
                vStor.add(rate(mib, dir, "anonymous:", "-T", big.toString(), vs + "incoming/up" + round + ".bin"));
                System.out.printf(Locale.ROOT, "round %d: RETR OpenCS %.0f MB/s, vsftpd %.0f MB/s; STOR OpenCS %.0f MB/s, vsftpd %.0f MB/s%n",
                        round, oRetr.get(round - 1), vRetr.get(round - 1), oStor.get(round - 1), vStor.get(round - 1));
                Files.deleteIfExists(system.home("up" + round + ".bin"));
                Files.deleteIfExists(incoming.resolve("up" + round + ".bin"));
            }
            System.out.printf(Locale.ROOT, "median RETR: OpenCS %.0f MB/s, vsftpd %.0f MB/s, ratio %.2f%n",
                    median(oRetr), median(vRetr), median(oRetr) / median(vRetr));
            System.out.printf(Locale.ROOT, "median STOR: OpenCS %.0f MB/s, vsftpd %.0f MB/s, ratio %.2f%n",
                    median(oStor), median(vStor), median(oStor) / median(vStor));
        } finally {
            if (vsftpd != null) {
                vsftpd.destroy();
                vsftpd.waitFor(10, TimeUnit.SECONDS);
            }
            deleteTree(dir);
        }
    }

    /** Runs one curl transfer and returns MB/s (10^6 bytes per second) over its whole run, handshakes included. */
    private static double rate(int mib, Path dir, String user, String... transfer) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--ssl-reqd", "--cacert", dir.resolve("ca.pem").toString(),
                "--user", user));
        command.addAll(Arrays.asList(transfer));
        long start = System.nanoTime();
        Process curl = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!curl.waitFor(30, TimeUnit.MINUTES) || curl.exitValue() != 0) {
            throw new IllegalStateException("curl failed (" + curl.exitValue() + "): " + command);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return mib * 1048576.0 / seconds / 1e6;
    }

    private static String curlVersion() throws Exception {
        Process p = new ProcessBuilder("curl", "--version").start();
        String first = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("?");
        p.waitFor();
        return first.split(" ").length > 1 ? first.split(" ")[1] : first;
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

    /** Debian's vsftpd as the reference server: anonymous FTPS only, TLS required on control and data, reuse required. */
    static final class Vsftpd {
        private Vsftpd() {
        }

        static Process start(Path dir, Path root, int port) throws Exception {
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
                    "run_as_launching_user=YES", "anonymous_enable=YES", "anon_root=" + root, "no_anon_password=YES",
                    "anon_upload_enable=YES", "write_enable=YES", "anon_umask=022", "local_enable=NO", "ssl_enable=YES",
                    "allow_anon_ssl=YES", "force_anon_logins_ssl=YES", "force_anon_data_ssl=YES", "require_ssl_reuse=YES",
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
