package org.opencs.pki.tls.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The raw trace file's records: encoder and decoder round trip, and damaged files are recognised, never misread. */
class TlsTraceCodecTest {
    @Property(tries = 300)
    void recordsRoundTrip(@ForAll("records") @Size(max = 8) List<TraceRecord> records) throws Exception {
        assertThat(decodeAll(file(records))).isEqualTo(records);
    }

    @Property(tries = 200)
    void aFileCutAnywhereInsideARecordIsReportedAsTruncated(@ForAll("records") @Size(min = 1, max = 4)
                                                            List<TraceRecord> records, @ForAll("cuts") int cut)
            throws Exception {
        byte[] whole = file(records);
        byte[] lastRecord = TraceCodec.encode(records.get(records.size() - 1));
        int keep = whole.length - 1 - Math.floorMod(cut, lastRecord.length - 1); // 1 to all but one byte of it cut
        TraceCodec.Reader reader = TraceCodec.reader(new ByteArrayInputStream(Arrays.copyOf(whole, keep)));
        for (int i = 0; i < records.size() - 1; i++) {
            assertThat(reader.next()).isEqualTo(records.get(i));
        }
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(TraceCodec.MalformedTraceException.class,
                e -> assertThat(e.truncated()).isTrue());
    }

    @Property(tries = 300)
    void arbitraryBytesAfterTheMagicNeverDecodeIntoSomethingElseThanRecordsOrAnError(@ForAll byte[] junk) {
        byte[] bytes = new byte[TraceCodec.MAGIC.length + junk.length];
        System.arraycopy(TraceCodec.MAGIC, 0, bytes, 0, TraceCodec.MAGIC.length);
        System.arraycopy(junk, 0, bytes, TraceCodec.MAGIC.length, junk.length);
        TraceCodec.Reader reader = TraceCodec.reader(new ByteArrayInputStream(bytes));
        try {
            while (reader.next() != null) {
                // a record: fine
            }
        } catch (TraceCodec.MalformedTraceException e) {
            assertThat(e.getMessage()).isNotBlank();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aFileThatIsNotATraceIsRefusedAtItsFirstByte() {
        TraceCodec.Reader reader = TraceCodec.reader(new ByteArrayInputStream("-----BEGIN CERTIFICATE-----".getBytes()));
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(TraceCodec.MalformedTraceException.class, e -> {
            assertThat(e.offset()).isZero();
            assertThat(e.truncated()).isFalse();
            assertThat(e.getMessage()).isEqualTo("not a System SSL trace file written by OpenCS");
        });
    }

    @Test
    void anUnknownEventCodeIsADamagedRecord() throws Exception {
        byte[] good = TraceCodec.encode(new TraceRecord(1, 2, 3, TraceEvent.CONNECTION, List.of()));
        good[4] = (byte) 250; // the event code
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(TraceCodec.MAGIC);
        out.write(good);
        TraceCodec.Reader reader = TraceCodec.reader(new ByteArrayInputStream(out.toByteArray()));
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(TraceCodec.MalformedTraceException.class, e -> {
            assertThat(e.offset()).isEqualTo(TraceCodec.MAGIC.length);
            assertThat(e.truncated()).isFalse();
            assertThat(e.getMessage()).contains("unknown trace event code 250");
        });
    }

    @Test
    void eventCodesAreUnique() {
        assertThat(Arrays.stream(TraceEvent.values()).map(TraceEvent::code).distinct().count())
                .isEqualTo(TraceEvent.values().length);
        for (TraceEvent e : TraceEvent.values()) {
            assertThat(TraceEvent.ofCode(e.code())).isSameAs(e);
        }
    }

    static byte[] file(List<TraceRecord> records) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(TraceCodec.MAGIC);
        for (TraceRecord r : records) {
            out.write(TraceCodec.encode(r));
        }
        return out.toByteArray();
    }

    static List<TraceRecord> decodeAll(byte[] file) throws Exception {
        TraceCodec.Reader reader = TraceCodec.reader(new ByteArrayInputStream(file));
        List<TraceRecord> out = new ArrayList<>();
        for (TraceRecord r = reader.next(); r != null; r = reader.next()) {
            out.add(r);
        }
        return out;
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<List<TraceRecord>> records() {
        return record().list();
    }

    static Arbitrary<TraceRecord> record() {
        // Any text but lone surrogates (which UTF-8 cannot carry, so no string holding one is ever written).
        Arbitrary<String> text = Arbitraries.strings().all().excludeChars(surrogates()).ofMaxLength(40);
        Arbitrary<TraceRecord.Field> field = Combinators.combine(text, text).as(TraceRecord.Field::new);
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs(),
                        Arbitraries.of(TraceEvent.class), field.list().ofMaxSize(6))
                .as(TraceRecord::new);
    }

    private static char[] surrogates() {
        char[] chars = new char[0xE000 - 0xD800];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (0xD800 + i);
        }
        return chars;
    }
}
