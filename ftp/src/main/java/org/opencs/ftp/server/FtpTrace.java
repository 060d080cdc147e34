package org.opencs.ftp.server;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Where the FTP server's general trace lines go: the system log, through the SLF4J logger {@value #LOG_NAME} at INFO
 * (docs/diagnostics.md, "System log": trace lines are {@code <server>.TRACE} records, written as given). Lines are
 * handed to one writer thread, in order, so that a trace point on an event loop or a session's executor never waits
 * for the log's disk: the queue holds {@value #QUEUE} lines, and when it is full (a log that cannot keep up) lines
 * are dropped and the next line that gets through is preceded by one saying how many were lost.
 */
final class FtpTrace implements AutoCloseable {
    /** The trace lines' logger: the system log's {@code FTPD.TRACE}. */
    static final String LOG_NAME = FtpServer.LOG_NAME + ".TRACE";
    private static final int QUEUE = 16384;
    private static final long CLOSE_MILLIS = 5000;

    private final Logger log;
    private final ThreadPoolExecutor writer;
    private final AtomicLong dropped = new AtomicLong();

    FtpTrace(Logger log) {
        this.log = log;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "ftp-trace");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues one line for the log; never waits. */
    void write(String line) {
        long lost = dropped.get();
        try {
            if (lost > 0 && dropped.compareAndSet(lost, 0)) {
                String note = "FT0010 ftpTrace: " + lost + " trace line(s) were dropped: the system log could not keep up";
                writer.execute(() -> log.info("{}", note));
            }
            writer.execute(() -> log.info("{}", line));
        } catch (RejectedExecutionException e) {
            dropped.incrementAndGet();
        }
    }

    /** Writes what is queued (for a few seconds at most), then stops the writer thread. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(CLOSE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
