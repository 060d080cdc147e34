package org.opencs.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * {@code logs/start.pid}: which process runs {@code opencs start} on this home (its PID and start time), written when
 * the servers start and removed when they stop, so that another command that cannot open the embedded registry can
 * say which process holds it. A record whose process is gone (killed) is ignored.
 */
public final class StartRecord {
    private StartRecord() {
    }

    public static Path file(SystemHome home) {
        return home.logs().resolve("start.pid");
    }

    /** Records this process as the home's {@code opencs start}. */
    public static void write(SystemHome home, Instant started) throws IOException {
        String text = "pid=" + ProcessHandle.current().pid() + "\nstarted=" + started + "\n";
        AtomicFiles.write(file(home), text.getBytes(StandardCharsets.US_ASCII), false);
    }

    /** Removes the record if it is this process's own. */
    public static void remove(SystemHome home) {
        Properties record = read(home);
        if (record != null && String.valueOf(ProcessHandle.current().pid()).equals(record.getProperty("pid"))) {
            try {
                Files.deleteIfExists(file(home));
            } catch (IOException e) {
                // A stale record is ignored by readers once the process is gone.
            }
        }
    }

    /** "opencs start, PID 1234, running since 2026-...Z" when that process is alive, else "". */
    public static String describe(SystemHome home) {
        Properties record = read(home);
        if (record == null) {
            return "";
        }
        try {
            long pid = Long.parseLong(record.getProperty("pid", "").trim());
            if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                return "";
            }
            return "opencs start, PID " + pid + ", running since " + Values.quoteForMessage(record.getProperty("started", "?"));
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static Properties read(SystemHome home) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file(home), StandardCharsets.US_ASCII)) {
            properties.load(reader);
            return properties;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
