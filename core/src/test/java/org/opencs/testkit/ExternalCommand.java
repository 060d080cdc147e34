package org.opencs.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a real peer program (openssl, keytool, curl, ...) with input and a time limit, capturing its output. */
public final class ExternalCommand {
    private ExternalCommand() {
    }

    public record Result(int exitCode, String stdout, String stderr, byte[] stdoutBytes) {
        public String all() {
            return stdout + stderr;
        }
    }

    public static Result run(Path dir, byte[] input, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process process = builder.start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input);
                }
            } catch (IOException e) {
                // The peer closed its input early; its exit code tells the story.
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            byte[] stdout = out.join();
            return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8), stdout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Result run(Path dir, String... command) {
        return run(dir, null, List.of(command));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
