package org.opencs.pki.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The data connection gate lets TLS records through up to the client's first encrypted one (type 23, RFC 8446 section
 * 5), holds from there until it is opened, then passes everything in order and leaves the pipeline, however the bytes
 * are cut into reads (a record header may span two reads; body bytes that look like a type are not headers).
 */
class DataConnectionGateTest {
    private static final int APPLICATION_DATA = 23;

    /** A TLS record: its content type and body. */
    record Record(int type, byte[] body) {
        byte[] bytes() {
            byte[] out = new byte[5 + body.length];
            out[0] = (byte) type;
            out[1] = 3;
            out[2] = 3;
            out[3] = (byte) (body.length >> 8);
            out[4] = (byte) body.length;
            System.arraycopy(body, 0, out, 5, body.length);
            return out;
        }
    }

    @Provide
    Arbitrary<List<Record>> records() {
        Arbitrary<Integer> type = Arbitraries.of(20, 21, 22, APPLICATION_DATA);
        // Bodies full of 23s and 22s: a gate that took body bytes for record types would split in the wrong place.
        Arbitrary<byte[]> body = Arbitraries.bytes().array(byte[].class).ofMaxSize(600)
                .map(b -> {
                    for (int i = 0; i < b.length; i += 3) {
                        b[i] = (byte) APPLICATION_DATA;
                    }
                    return b;
                });
        return Combinators.combine(type, body).as(Record::new).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 300)
    void passesUpToTheFirstEncryptedRecordThenAllInOrderOnceOpen(@ForAll("records") List<Record> records,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 700) Integer> cuts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int firstEncrypted = -1;
        for (Record r : records) {
            if (r.type() == APPLICATION_DATA && firstEncrypted < 0) {
                firstEncrypted = all.size();
            }
            all.writeBytes(r.bytes());
        }
        byte[] bytes = all.toByteArray();
        DataConnectionGate gate = new DataConnectionGate(null);
        EmbeddedChannel channel = new EmbeddedChannel(gate);
        int at = 0;
        int cut = 0;
        while (at < bytes.length) {
            int n = Math.min(cuts.get(cut++ % cuts.size()), bytes.length - at);
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, at, n));
            at += n;
        }
        byte[] beforeOpen = drain(channel);
        if (firstEncrypted < 0) {
            assertThat(beforeOpen).isEqualTo(bytes);
        } else {
            assertThat(beforeOpen).isEqualTo(java.util.Arrays.copyOf(bytes, firstEncrypted));
            assertThat(channel.config().isAutoRead()).as("reading stops while the gate holds").isFalse();
        }
        gate.open(true);
        byte[] afterOpen = drain(channel);
        ByteArrayOutputStream together = new ByteArrayOutputStream();
        together.writeBytes(beforeOpen);
        together.writeBytes(afterOpen);
        assertThat(together.toByteArray()).isEqualTo(bytes);
        if (firstEncrypted >= 0) {
            assertThat(channel.pipeline().get(DataConnectionGate.class)).as("the gate left").isNull();
        }
        channel.finishAndReleaseAll();
    }

    /** Opened before anything came (lftp sends its ClientHello only after the 125 reply): nothing is held. */
    @Test
    void openedEarlyItHoldsNothing() {
        DataConnectionGate gate = new DataConnectionGate(null);
        EmbeddedChannel channel = new EmbeddedChannel(gate);
        gate.open(false);
        byte[] hello = new Record(22, new byte[] {1, 2, 3}).bytes();
        byte[] finished = new Record(APPLICATION_DATA, new byte[] {9, 9}).bytes();
        channel.writeInbound(Unpooled.wrappedBuffer(hello));
        channel.writeInbound(Unpooled.wrappedBuffer(finished));
        assertThat(drain(channel)).isEqualTo(concat(hello, finished));
        assertThat(channel.pipeline().get(DataConnectionGate.class)).isNull();
        assertThat(channel.config().isAutoRead()).isTrue();
        channel.finishAndReleaseAll();
    }

    /** A connection that closes while the gate holds releases what it held. */
    @Test
    void heldBuffersAreReleasedWhenTheConnectionEnds() {
        DataConnectionGate gate = new DataConnectionGate(null);
        EmbeddedChannel channel = new EmbeddedChannel(gate);
        ByteBuf finished = Unpooled.wrappedBuffer(new Record(APPLICATION_DATA, new byte[] {1}).bytes());
        channel.writeInbound(finished);
        assertThat(finished.refCnt()).isEqualTo(1);
        channel.close();
        assertThat(finished.refCnt()).isZero();
    }

    private static byte[] drain(EmbeddedChannel channel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object msg = channel.readInbound(); msg != null; msg = channel.readInbound()) {
            ByteBuf buf = (ByteBuf) msg;
            byte[] b = new byte[buf.readableBytes()];
            buf.readBytes(b);
            buf.release();
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
