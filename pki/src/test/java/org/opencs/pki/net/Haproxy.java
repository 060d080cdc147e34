package org.opencs.pki.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real HAProxy (the Debian package, which .ci/run installs) run by a test in TCP mode as a child process in the
 * foreground ({@code haproxy -f cfg -db}), stopped by {@link #close()}. A machine without it fails the test, saying
 * so: the load balancer tests are never skipped.
 */
public final class Haproxy implements AutoCloseable {
    /** The address the balancer listens on: the "distributed" address clients connect to, not the nodes' 127.0.0.1. */
    public static final String FRONT = "127.0.0.2";
    /** The address the balancer connects to the nodes from, so a node that ignored the header would see this one. */
    public static final String SOURCE = "127.0.0.3";

    private final Process process;
    private final Path output;

    private Haproxy(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** The haproxy executable, or an AssertionError that says how to install it. */
    public static Path executable() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "haproxy"));
            }
        }
        candidates.add(Path.of("/usr/sbin/haproxy"));
        candidates.add(Path.of("/usr/local/sbin/haproxy"));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(
                "haproxy is not installed (apt-get install haproxy; .ci/run installs it): the load balancer tests run"
                        + " the real one and are not skipped"));
    }

    /**
     * Writes {@code config} to {@code dir}/haproxy.cfg, starts HAProxy on it and waits until {@code FRONT:readyPort}
     * accepts connections.
     */
    public static Haproxy start(Path dir, String config, int readyPort) throws IOException, InterruptedException {
        Path cfg = dir.resolve("haproxy.cfg");
        Files.writeString(cfg, config, StandardCharsets.UTF_8);
        Path output = dir.resolve("haproxy.out");
        Process process = new ProcessBuilder(executable().toString(), "-f", cfg.toString(), "-db")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        Haproxy haproxy = new Haproxy(process, output);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("haproxy ended with exit code " + process.exitValue() + ":\n"
                        + haproxy.output() + "\nconfiguration:\n" + config);
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(FRONT, readyPort), 500);
                return haproxy;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        haproxy.close();
        throw new AssertionError("haproxy did not listen on " + FRONT + ":" + readyPort + " within 20 seconds:\n"
                + haproxy.output());
    }

    /** What HAProxy has written (its warnings and alerts). */
    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(" + output + " cannot be read: " + e.getMessage() + ")";
        }
    }

    /** The start of a TCP-mode configuration: timeouts, no logging, one process. */
    public static String globalAndDefaults() {
        return String.join("\n",
                "global",
                "    maxconn 256",
                "defaults",
                "    mode tcp",
                "    timeout connect 5s",
                "    timeout client 60s",
                "    timeout server 60s",
                "    timeout check 2s",
                "");
    }

    /**
     * {@code count} consecutive ports, free on 127.0.0.1 and on {@link #FRONT}, from a random base (other tests and
     * other builds on the machine use ports of their own): the first port.
     */
    public static int freeRange(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20000, 30000);
            if (free(base, count)) {
                return base;
            }
        }
        throw new AssertionError("no " + count + " consecutive free ports between 20000 and 30000");
    }

    private static boolean free(int base, int count) {
        for (int port = base; port < base + count; port++) {
            for (String host : List.of("127.0.0.1", FRONT)) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
                } catch (IOException e) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
