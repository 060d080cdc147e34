package org.opencs.pki.tls.trace;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.opencs.core.ZosException;

/**
 * The System SSL trace of one server process (z/OS: GSK_TRACE and GSK_TRACE_FILE in the server's environment): every
 * TLS connection a server {@linkplain #attach attaches} writes its handshake, the protocol and cipher chosen, the
 * certificates sent and received, the validation result, alerts and close_notify, and failures with their cause, to
 * the raw trace file that {@code opencs gsktrace} formats. Nothing secret is traced: no key, no premaster or traffic
 * secret, no session ticket and no session ID (only their lengths), no application data.
 *
 * <p>Made once at start-up from {@link TraceSettings} and handed to each server; {@link #off()} traces nothing and
 * costs nothing (no handler is added). Recording never blocks the calling event loop ({@link TraceWriter}). Thread-safe.
 */
public final class TlsTrace implements AutoCloseable {
    private static final TlsTrace OFF = new TlsTrace(null, null, Clock.systemUTC());

    private final TraceSettings settings;
    private final TraceWriter writer;
    private final Clock clock;
    private final AtomicLong connections = new AtomicLong();

    private TlsTrace(TraceSettings settings, TraceWriter writer, Clock clock) {
        this.settings = settings;
        this.writer = writer;
        this.clock = clock;
    }

    /** A trace that records nothing. */
    public static TlsTrace off() {
        return OFF;
    }

    /**
     * Opens the raw trace file (appending; created with its directories when missing) and records the start of the
     * trace: mask, process ID and {@code program}.
     *
     * @param clock the time stamps' source
     * @throws ZosException OCSK053W when the file cannot be opened or is not a raw trace file
     */
    public static TlsTrace open(TraceSettings settings, Clock clock, String program) {
        return open(settings, clock, program, TraceWriter.DEFAULT_CAPACITY);
    }

    /** As {@link #open(TraceSettings, Clock, String)}, with a queue of {@code capacity} records (tests). */
    static TlsTrace open(TraceSettings settings, Clock clock, String program, int capacity) {
        TlsTrace[] self = new TlsTrace[1];
        TraceWriter writer;
        try {
            writer = new TraceWriter(settings.file(), capacity, () -> self[0].droppedRecord());
        } catch (IOException e) {
            throw new ZosException("OCSK053W", "The System SSL trace file " + settings.file() + " cannot be written ("
                    + (e.getMessage() == null ? "I/O error" : e.getMessage()) + "): no trace is written.", e);
        }
        TlsTrace trace = new TlsTrace(settings, writer, clock);
        self[0] = trace;
        writer.start();
        trace.record(0, TraceEvent.TRACE_START, List.of(
                new TraceRecord.Field("mask", mask(settings.mask())),
                new TraceRecord.Field("file", settings.file().toString()),
                new TraceRecord.Field("process", Long.toString(ProcessHandle.current().pid())),
                new TraceRecord.Field("program", program)));
        return trace;
    }

    /** Whether records are written. */
    public boolean enabled() {
        return writer != null;
    }

    /** The settings, or null when off. */
    public TraceSettings settings() {
        return settings;
    }

    /**
     * Traces the connection whose pipeline holds {@code ssl} (a server-side handler, already added): adds a watcher of
     * the TLS records before it (the ClientHello, plain-text alerts) and one of its events after it, and listens to
     * its handshake. Call it right after adding the SslHandler, before the peer can send its ClientHello. Does
     * nothing when the trace is off.
     *
     * @param role what the connection is, as the trace names it ("FTP control", "FTP data", "TN3270")
     * @throws IllegalArgumentException {@code ssl} is not in {@code pipeline}
     */
    public void attach(ChannelPipeline pipeline, SslHandler ssl, String role) {
        if (writer == null) {
            return;
        }
        ChannelHandlerContext context = pipeline.context(ssl);
        if (context == null) {
            throw new IllegalArgumentException("the SslHandler is not in the pipeline");
        }
        ConnectionTrace connection = new ConnectionTrace(this, connections.incrementAndGet(), pipeline.channel(), ssl,
                role);
        pipeline.addBefore(context.name(), "gsk-trace-records", new RecordTap(connection));
        pipeline.addBefore(context.name(), "gsk-trace-hello", new ClientHelloTap(connection));
        pipeline.addAfter(context.name(), "gsk-trace-events", new EventTap(connection));
        connection.start();
    }

    /**
     * Records {@code event} if the mask enables its category (the trace's own start, end and dropped-records records
     * always); never blocks.
     */
    void record(long connection, TraceEvent event, List<TraceRecord.Field> fields) {
        if (writer == null || connection != 0 && !event.category().enabledBy(settings.mask())) {
            return;
        }
        writer.offer(new TraceRecord(clock.millis(), Thread.currentThread().getId(), connection, event, fields));
    }

    private TraceRecord droppedRecord() {
        return new TraceRecord(clock.millis(), Thread.currentThread().getId(), 0, TraceEvent.RECORDS_DROPPED,
                List.of(new TraceRecord.Field("dropped", Long.toString(writer.takeDropped()))));
    }

    /** Writes what is queued and the end of the trace, and closes the file. Closing again does nothing. */
    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        List<TraceRecord.Field> fields = new ArrayList<>();
        fields.add(new TraceRecord.Field("connections", Long.toString(connections.get())));
        writer.close(new TraceRecord(clock.millis(), Thread.currentThread().getId(), 0, TraceEvent.TRACE_END, fields));
    }

    /** A mask as the formatted trace shows it: {@code 0x000000ff}. */
    static String mask(int mask) {
        return String.format(Locale.ROOT, "0x%08x", mask);
    }
}
