package org.opencs.pki.tls.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Appends records to the raw trace file from one thread of its own, so that no event loop ever waits for the disk:
 * {@link #offer} puts a record on a bounded queue and returns at once; when the queue is full the record is dropped
 * and counted, and the writer records how many were dropped (a {@link TraceEvent#RECORDS_DROPPED} record) as soon as
 * it catches up. Records go to the file whole, a batch per {@code write}, straight to the file (no buffering in
 * the JVM), so a trace is readable while the server runs.
 */
final class TraceWriter {
    /** Records that may wait for the disk before new ones are dropped. */
    static final int DEFAULT_CAPACITY = 8192;
    private static final int BATCH_BYTES = 64 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final BlockingQueue<TraceRecord> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Supplier<TraceRecord> droppedRecord;
    private final Thread thread;
    private volatile boolean closing;
    private volatile IOException failure;

    /**
     * Opens {@code file} for appending (creating it, and writing {@link TraceCodec#MAGIC} when it is empty); {@link
     * #start()} starts the writer thread.
     *
     * @param droppedRecord makes the record that tells how many were dropped (it reads {@link #takeDropped()})
     * @throws IOException the file cannot be opened, or holds something other than a raw trace
     */
    TraceWriter(Path file, int capacity, Supplier<TraceRecord> droppedRecord) throws IOException {
        this.file = file;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.droppedRecord = droppedRecord;
        if (file.getParent() != null) {
            java.nio.file.Files.createDirectories(file.getParent());
        }
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        try {
            checkOrWriteMagic(file);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.thread = new Thread(this::run, "gsk-trace-writer");
        thread.setDaemon(true);
    }

    /** Starts writing what is offered. */
    void start() {
        thread.start();
    }

    private void checkOrWriteMagic(Path file) throws IOException {
        if (channel.size() == 0) {
            channel.write(ByteBuffer.wrap(TraceCodec.MAGIC));
            return;
        }
        byte[] start = new byte[TraceCodec.MAGIC.length];
        try (var in = java.nio.file.Files.newInputStream(file)) {
            int n = in.readNBytes(start, 0, start.length);
            if (n != start.length || !java.util.Arrays.equals(start, TraceCodec.MAGIC)) {
                throw new IOException("the file exists and is not a System SSL trace file");
            }
        }
    }

    /** Queues {@code record}; false (and counted) when the queue is full or the writer is closing. */
    boolean offer(TraceRecord record) {
        if (closing || !queue.offer(record)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** The number of records dropped since the last call, reset to 0. */
    long takeDropped() {
        return dropped.getAndSet(0);
    }

    /** The last write failure, or null. */
    IOException failure() {
        return failure;
    }

    private void run() {
        List<TraceRecord> batch = new ArrayList<>();
        try {
            while (!(closing && queue.isEmpty())) {
                TraceRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 1024);
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<TraceRecord> batch) {
        if (dropped.get() > 0) {
            batch.add(droppedRecord.get());
        }
        ByteBuffer buffer = ByteBuffer.allocate(BATCH_BYTES);
        try {
            for (TraceRecord r : batch) {
                byte[] bytes = TraceCodec.encode(r);
                if (bytes.length > buffer.remaining()) {
                    writeOut(buffer);
                }
                if (bytes.length > buffer.capacity()) {
                    writeFully(ByteBuffer.wrap(bytes));
                } else {
                    buffer.put(bytes);
                }
            }
            writeOut(buffer);
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Writes what {@code buffer} holds (its position is the end) and empties it. */
    private void writeOut(ByteBuffer buffer) throws IOException {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /**
     * Writes what is queued, then {@code last} (the record that ends the trace), and closes the file; records offered
     * from now on are dropped. Waits for the writer thread (a few seconds at most).
     */
    synchronized void close(TraceRecord last) {
        if (closing) {
            return;
        }
        closing = true;
        try {
            if (thread.isAlive()) {
                thread.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<TraceRecord> rest = new ArrayList<>();
        queue.drainTo(rest);
        rest.add(last);
        write(rest);
        try {
            channel.close();
        } catch (IOException e) {
            failure = e;
        }
    }

    Path file() {
        return file;
    }
}
