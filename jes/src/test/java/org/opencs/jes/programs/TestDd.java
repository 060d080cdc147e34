package org.opencs.jes.programs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opencs.core.Ebcdic;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.jes.step.Abend;
import org.opencs.jes.step.DataDefinition;

/**
 * The glue a test needs in place of the initiator's DDs: data set DDs read and write a real {@link Catalog} (writes
 * are committed by {@link #commit()} at the end of the step, replacing the content, or appending for MOD), SYSOUT
 * collects lines, in-stream data is RECFM=F LRECL=80.
 */
final class TestDd implements DataDefinition {
    private enum Kind { DATASET, SYSOUT, INSTREAM, DUMMY, PATH }

    private final String ddName;
    private final Kind kind;
    private final Catalog catalog;
    private final DatasetName dataset;
    private final boolean mod;
    private final List<String> instream;
    private final String path;
    private final List<byte[]> written = new ArrayList<>();

    private TestDd(String ddName, Kind kind, Catalog catalog, DatasetName dataset, boolean mod, List<String> instream,
                   String path) {
        this.ddName = ddName;
        this.kind = kind;
        this.catalog = catalog;
        this.dataset = dataset;
        this.mod = mod;
        this.instream = instream;
        this.path = path;
    }

    static TestDd dataset(String ddName, Catalog catalog, String name) {
        return new TestDd(ddName, Kind.DATASET, catalog, DatasetName.resolve("'" + name + "'", null), false, List.of(), null);
    }

    static TestDd mod(String ddName, Catalog catalog, String name) {
        return new TestDd(ddName, Kind.DATASET, catalog, DatasetName.resolve("'" + name + "'", null), true, List.of(), null);
    }

    static TestDd sysout(String ddName) {
        return new TestDd(ddName, Kind.SYSOUT, null, null, false, List.of(), null);
    }

    static TestDd instream(String ddName, String... lines) {
        return new TestDd(ddName, Kind.INSTREAM, null, null, false, List.of(lines), null);
    }

    static TestDd dummy(String ddName) {
        return new TestDd(ddName, Kind.DUMMY, null, null, false, List.of(), null);
    }

    static TestDd path(String ddName, String path) {
        return new TestDd(ddName, Kind.PATH, null, null, false, List.of(), path);
    }

    /** What a SYSOUT DD received, as lines. */
    List<String> lines() {
        return written.stream().map(Ebcdic::decode).toList();
    }

    /** Writes what the step wrote to its data set (as the initiator does when the step ends). */
    void commit() {
        if (kind == Kind.DATASET && !written.isEmpty()) {
            List<byte[]> records = new ArrayList<>(mod ? catalog.readRecords(dataset) : List.of());
            records.addAll(written);
            catalog.writeRecords(dataset, records);
        }
    }

    @Override
    public String ddName() {
        return ddName;
    }

    @Override
    public boolean dummy() {
        return kind == Kind.DUMMY;
    }

    @Override
    public boolean sysout() {
        return kind == Kind.SYSOUT;
    }

    @Override
    public boolean instream() {
        return kind == Kind.INSTREAM;
    }

    @Override
    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    @Override
    public Optional<DatasetName> dataset() {
        return Optional.ofNullable(dataset);
    }

    @Override
    public Optional<DatasetAttributes> attributes() {
        return switch (kind) {
            case DATASET -> catalog.attributes(dataset.withoutMember());
            case INSTREAM -> Optional.of(new DatasetAttributes("PS", RecordFormat.F, 80, 80,
                    java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 1, 1)));
            default -> Optional.empty();
        };
    }

    @Override
    public List<byte[]> readRecords() {
        return switch (kind) {
            case DATASET -> {
                try {
                    yield catalog.readRecords(dataset);
                } catch (ZosException e) {
                    throw new Abend("S013", "18", e.messageId(), e.text());
                }
            }
            case INSTREAM -> instream.stream().map(l -> pad(Ebcdic.encode(l), 80)).toList();
            default -> List.of();
        };
    }

    @Override
    public List<String> readLines() {
        return readRecords().stream().map(Ebcdic::decode).toList();
    }

    @Override
    public void writeRecord(byte[] record) {
        if (kind != Kind.DUMMY) {
            written.add(record.clone());
        }
    }

    @Override
    public void writeLine(String line) {
        byte[] record = Ebcdic.encode(line);
        Optional<DatasetAttributes> a = attributes();
        if (a.isPresent() && a.get().recfm().fixed()) {
            record = pad(record, a.get().lrecl());
        }
        writeRecord(record);
    }

    private static byte[] pad(byte[] record, int length) {
        byte[] padded = Arrays.copyOf(record, length);
        if (record.length < length) {
            Arrays.fill(padded, record.length, length, Ebcdic.BLANK);
        }
        return padded;
    }
}
