package org.opencs.tn3270.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Debian's s3270 driven one action at a time (its stdin/stdout protocol: an action per line; the answer is "data:"
 * lines, a status line, then "ok" or "error"), for tests that must do something between two keys (submit a job and
 * wait for it, then look at the terminal). Every answer must come within a minute. Public in the test-jar: the cli
 * module's multi-node tests drive terminals through a load balancer with it.
 */
public final class S3270 implements AutoCloseable {
    private static final String END = "\u0000end";
    private final Process process;
    private final OutputStream in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder transcript = new StringBuilder();

    /** s3270 in {@code dir}, trusting {@code dir/ca.pem}, with {@code options} (its command-line options). */
    public S3270(Path dir, String... options) {
        this(dir, dir.resolve("ca.pem"), options);
    }

    /** s3270 in {@code dir}, trusting {@code caFile}, with {@code options} (its command-line options). */
    public S3270(Path dir, Path caFile, String... options) {
        List<String> command = new ArrayList<>(List.of("s3270", "-cafile", caFile.toString()));
        command.addAll(List.of(options));
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run s3270", e);
        }
        in = process.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process ended
            } finally {
                lines.add(END);
            }
        }, "s3270-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Runs one action; returns its data lines (without "data: "). An "error" answer fails the test with the data. */
    public List<String> run(String action) {
        transcript.append("> ").append(action).append('\n');
        try {
            in.write((action + "\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
            List<String> data = new ArrayList<>();
            while (true) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                if (line == null || line.equals(END)) {
                    throw new AssertionError("s3270 gave no answer to " + action + ":\n" + transcript);
                }
                transcript.append(line).append('\n');
                if (line.equals("ok")) {
                    return data;
                }
                if (line.equals("error")) {
                    throw new AssertionError("s3270 refused " + action + ": " + data + "\n" + transcript);
                }
                if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                } else if (line.equals("data:")) {
                    data.add("");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("s3270 ended:\n" + transcript, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Each action in turn. */
    public void run(String... actions) {
        for (String action : actions) {
            run(action);
        }
    }

    /** The screen as text, one string per row. */
    public List<String> screen() {
        return run("Ascii()");
    }

    /** The screen as one string (rows joined by newlines). */
    public String text() {
        return String.join("\n", screen());
    }

    /** Types {@code text} where the cursor is (s3270's String action, quotes escaped). */
    public void type(String text) {
        run("String(\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\")");
    }

    /** Everything sent and received so far (for failure messages). */
    public String transcript() {
        return transcript.toString();
    }

    @Override
    public void close() {
        try {
            in.write("Quit()\n".getBytes(StandardCharsets.US_ASCII));
            in.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
