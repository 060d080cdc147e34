package org.opencs.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code opencs.jar} as a separate process, the way {@code ./opencs} does. */
final class OpenCsProcess {
    record Result(int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    private OpenCsProcess() {
    }

    static Result runWithInput(Path dir, Map<String, String> env, String input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("OPENCS_KEYDB_PASSWORD");
        builder.environment().remove("OPENCS_FILE_PASSWORD");
        builder.environment().putAll(env);
        Process process = builder.start();
        var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("opencs timed out: " + command);
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    static Result run(Path dir, Map<String, String> env, String... args) throws Exception {
        return runWithInput(dir, env, null, args);
    }

    static Path jar() {
        return Paths.get(System.getProperty("opencs.jar", "target/opencs.jar")).toAbsolutePath();
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
