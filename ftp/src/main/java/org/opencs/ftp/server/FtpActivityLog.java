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
 * line each in {@code logs/ftp-activity.log} with a syslog-style time stamp, and each also to the logger
 * {@value FtpServer#ACTIVITY_LOG_NAME} at INFO, which {@code opencs start} writes to {@code logs/syslog} only (an
 * {@code X} record, never on the console: docs/diagnostics.md "System log"). The session ID is the server name and a
 * counter: ID=FTPD100001.
 */
final class FtpActivityLog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", java.util.Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    private final boolean enabled;
    private final AtomicInteger sessions = new AtomicInteger();
    private final org.slf4j.Logger records;

    /** Records in {@code file} and on {@code records} when {@code enabled} (FTPLOGGING TRUE), stamped by {@code clock}. */
    FtpActivityLog(Path file, Clock clock, boolean enabled, org.slf4j.Logger records) {
        this.file = file;
        this.clock = clock;
        this.enabled = enabled;
        this.records = records;
    }

    String newSessionId() {
        return String.format("FTPD1%05d", sessions.incrementAndGet() % 100000);
    }

    void write(String messageId, String sessionId, String text) {
        if (!enabled) {
            return;
        }
        String record = messageId + " ID=" + sessionId + " " + text;
        records.info(record);
        String line = STAMP.format(clock.instant()) + " opencs ftpd: " + record + "\n";
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
