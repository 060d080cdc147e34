package org.opencs.pki.tls.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.ZosException;

/** The trace file's writer: a full queue drops and counts, runs append, and a file that is not a trace is refused. */
class TlsTraceWriterTest {
    @TempDir
    Path dir;

    private static TraceRecord record(long n) {
        return new TraceRecord(n, 1, n, TraceEvent.CONNECTION, List.of(new TraceRecord.Field("n", Long.toString(n))));
    }

    @Test
    void aFullQueueDropsRecordsAndTheTraceSaysHowMany() throws Exception {
        Path file = dir.resolve("t.trc");
        AtomicLong droppedSeen = new AtomicLong();
        TraceWriter[] writer = new TraceWriter[1];
        writer[0] = new TraceWriter(file, 2, () -> {
            long n = writer[0].takeDropped();
            droppedSeen.addAndGet(n);
            return new TraceRecord(99, 1, 0, TraceEvent.RECORDS_DROPPED, List.of(new TraceRecord.Field("dropped",
                    Long.toString(n))));
        });
        assertThat(writer[0].offer(record(1))).isTrue();
        assertThat(writer[0].offer(record(2))).isTrue();
        assertThat(writer[0].offer(record(3))).isFalse(); // the writer has not started: the queue is full
        writer[0].start();
        writer[0].close(new TraceRecord(100, 1, 0, TraceEvent.TRACE_END, List.of()));
        List<TraceRecord> records = TlsTraceCodecTest.decodeAll(Files.readAllBytes(file));
        assertThat(records).extracting(TraceRecord::event).containsExactly(TraceEvent.CONNECTION, TraceEvent.CONNECTION,
                TraceEvent.RECORDS_DROPPED, TraceEvent.TRACE_END);
        assertThat(records.get(2).field("dropped")).isEqualTo("1");
        assertThat(droppedSeen).hasValue(1);
        assertThat(writer[0].offer(record(4))).as("closed").isFalse();
    }

    @Test
    void eachRunAppendsToTheSameFile() throws Exception {
        Path file = dir.resolve("gsk.trc");
        Clock clock = Clock.fixed(Instant.parse("2025-05-17T14:03:07.412Z"), ZoneOffset.UTC);
        for (int run = 0; run < 2; run++) {
            TlsTrace.open(new TraceSettings(file, 0xff), clock, "run " + run).close();
        }
        List<TraceRecord> records = TlsTraceCodecTest.decodeAll(Files.readAllBytes(file));
        assertThat(records).extracting(TraceRecord::event).containsExactly(TraceEvent.TRACE_START, TraceEvent.TRACE_END,
                TraceEvent.TRACE_START, TraceEvent.TRACE_END);
        assertThat(records.get(2).field("program")).isEqualTo("run 1");
        assertThat(records.get(0).epochMillis()).isEqualTo(clock.millis());
    }

    @Test
    void aFileThatIsNotATraceIsNotOverwritten() throws Exception {
        Path file = dir.resolve("precious.txt");
        Files.writeString(file, "keep me");
        assertThatThrownBy(() -> TlsTrace.open(new TraceSettings(file, 0xff), Clock.systemUTC(), "test"))
                .isInstanceOfSatisfying(ZosException.class, e -> assertThat(e.getMessage())
                        .startsWith("OCSK053W The System SSL trace file " + file + " cannot be written")
                        .contains("not a System SSL trace file"));
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void anOffTraceAddsNoHandler() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel();
        javax.net.ssl.SSLEngine engine = javax.net.ssl.SSLContext.getDefault().createSSLEngine();
        engine.setUseClientMode(true);
        SslHandler ssl = new SslHandler(engine);
        channel.pipeline().addLast("tls", ssl);
        TlsTrace.off().attach(channel.pipeline(), ssl, "TEST");
        assertThat(channel.pipeline().names()).containsExactly("tls", "DefaultChannelPipeline$TailContext#0");
        assertThat(TlsTrace.off().enabled()).isFalse();
        channel.finishAndReleaseAll();
    }

    @Test
    void attachNeedsTheHandlerInThePipeline() throws Exception {
        try (TlsTrace trace = TlsTrace.open(new TraceSettings(dir.resolve("a.trc"), 0xff), Clock.systemUTC(), "test")) {
            EmbeddedChannel channel = new EmbeddedChannel();
            SslHandler ssl = new SslHandler(javax.net.ssl.SSLContext.getDefault().createSSLEngine());
            assertThatThrownBy(() -> trace.attach(channel.pipeline(), ssl, "TEST"))
                    .isInstanceOf(IllegalArgumentException.class);
            channel.finishAndReleaseAll();
        }
    }
}
