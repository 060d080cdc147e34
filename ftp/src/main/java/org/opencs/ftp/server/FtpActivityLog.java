package org.opencs.ftp.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FTPLOGGING TRUE: the EZYFS activity records z/OS writes to syslogd (shared/reference/zos-ftp.md section 5), one
 * line each in {@code logs/ftp-activity.log} with a syslog-style time stamp. The session ID is the server name and a
 * counter: ID=FTPD100001.
 */
final class FtpActivityLog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", java.util.Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    private final boolean enabled;
    private final AtomicInteger sessions = new AtomicInteger();

    FtpActivityLog(Path file, Clock clock, boolean enabled) {
        this.file = file;
        this.clock = clock;
        this.enabled = enabled;
    }

    String newSessionId() {
        return String.format("FTPD1%05d", sessions.incrementAndGet() % 100000);
    }

    void write(String messageId, String sessionId, String text) {
        if (!enabled) {
            return;
        }
        String line = STAMP.format(clock.instant()) + " opencs ftpd: " + messageId + " ID=" + sessionId + " " + text + "\n";
        synchronized (this) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // The activity log must never stop a transfer; the audit records still hold every transfer.
            }
        }
    }
}
