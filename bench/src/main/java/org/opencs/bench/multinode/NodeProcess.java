package org.opencs.bench.multinode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One node as an operator runs it: {@code java -jar opencs.jar start --home HOME} in a JVM of its own. Its console is
 * read line by line, appended to {@code console.log} (each line prefixed with the seconds since the harness began),
 * its message IDs counted, and kept so that the harness can wait for a line ({@link #awaitLine}).
 */
final class NodeProcess {
    private static final Pattern MESSAGE_ID = Pattern.compile("\\b((?:OCS[A-Z]?|EZ[A-Z])\\d{3,4}[IWEA]|\\$HASP\\d{3})\\b");

    private final String sysname;
    private final List<String> command;
    private final Path log;
    private final long epoch;
    private final List<Line> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final Map<String, Integer> messages = new ConcurrentHashMap<>();
    private volatile Process process;

    /** A console line and when it was read (System.nanoTime). */
    record Line(long nanos, String text) {
    }

    /**
     * @param sysname the node's SYSNAME
     * @param jar     opencs.jar
     * @param heap    the JVM's -Xmx
     * @param home    the node's home
     * @param epoch   the harness's start (nanoTime), for the log's time stamps
     */
    NodeProcess(String sysname, Path jar, String heap, Path home, int ftpPort, int tn3270Port, long epoch) {
        this.sysname = sysname;
        this.command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap, "-jar",
                jar.toString(), "start", "--home", home.toString(), "--ftp-port", Integer.toString(ftpPort),
                "--tn3270-port", Integer.toString(tn3270Port));
        this.log = home.resolve("console.log");
        this.epoch = epoch;
    }

    String sysname() {
        return sysname;
    }

    /** Starts the process (the console is read on a daemon thread); returns when it was started (nanoTime). */
    long start() throws IOException {
        long now = System.nanoTime();
        Process started = new ProcessBuilder(command).redirectErrorStream(true).start();
        process = started;
        Thread reader = new Thread(() -> read(started), sysname + "-console");
        reader.setDaemon(true);
        reader.start();
        return now;
    }

    /**
     * Waits until a console line after {@code since} (nanoTime) matches; the line, or null after the timeout or when
     * the process ended without one.
     */
    Line awaitLine(Pattern pattern, long since, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                for (int i = checked; i < lines.size(); i++) {
                    Line line = lines.get(i);
                    if (line.nanos() >= since && pattern.matcher(line.text()).find()) {
                        return line;
                    }
                }
                checked = lines.size();
            }
            Process p = process;
            if (p != null && !p.isAlive() && checked == lines.size()) {
                Thread.sleep(200); // the reader may still be behind the end of the output
                if (checked == lines.size()) {
                    return null;
                }
            }
            Thread.sleep(50);
        }
        return null;
    }

    /** Stops the process: SIGTERM and a wait of up to {@code grace} (a clean shutdown), or SIGKILL. */
    void stop(boolean kill, Duration grace) throws InterruptedException {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        // Through the ProcessHandle: Process.destroy() would also close our end of the console pipe, losing the
        // node's shutdown messages.
        if (kill) {
            p.toHandle().destroyForcibly();
        } else {
            p.toHandle().destroy();
        }
        if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    Integer exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? null : p.exitValue();
    }

    /** Message IDs seen on the console, with their counts, sorted. */
    Map<String, Integer> messages() {
        return new TreeMap<>(messages);
    }

    /** Console lines with a message ID ending in E, W or A, the first {@code max}. */
    List<String> problems(int max) {
        synchronized (lines) {
            return lines.stream().map(Line::text).filter(t -> {
                Matcher m = MESSAGE_ID.matcher(t);
                return m.find() && "EWA".indexOf(m.group(1).charAt(m.group(1).length() - 1)) >= 0;
            }).limit(max).toList();
        }
    }

    private void read(Process p) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                long now = System.nanoTime();
                lines.add(new Line(now, text));
                Matcher m = MESSAGE_ID.matcher(text);
                if (m.find()) {
                    messages.merge(m.group(1), 1, Integer::sum);
                }
                out.printf(java.util.Locale.ROOT, "%8.2f %s%n", (now - epoch) / 1e9, text);
                out.flush();
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
