package org.opencs.jes.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opencs.core.Ebcdic;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.jes.jcl.Disposition;
import org.opencs.jes.step.Abend;
import org.opencs.jes.step.DataDefinition;
import org.opencs.saf.resources.AccessLevel;
import org.opencs.saf.users.User;

/**
 * An allocated DD as the step's program sees it. Reads go to the data sets (each element of a concatenation in
 * turn), in-stream records or nothing (DUMMY, SYSOUT); writes are kept until the step ends and then committed
 * ({@link #commit}) to the first element: a data set (replacing its records, or appending for DISP=MOD) or the
 * job's spool. The job user's authority is checked when the program first reads (READ) or writes (UPDATE), as RACF
 * checks at OPEN; a refusal abends the step S913 reason 38 with ICH408I.
 */
final class AllocatedDd implements DataDefinition {
    private final String ddName;
    private final List<Allocated> elements;
    private final Catalog catalog;
    private final DatasetAccess access;
    private final User user;
    private final List<byte[]> written = new ArrayList<>();
    private boolean writeChecked;

    AllocatedDd(String ddName, List<Allocated> elements, Catalog catalog, DatasetAccess access, User user) {
        this.ddName = ddName;
        this.elements = List.copyOf(elements);
        this.catalog = catalog;
        this.access = access;
        this.user = user;
    }

    List<Allocated> elements() {
        return elements;
    }

    Allocated first() {
        return elements.get(0);
    }

    /** The records written during the step. */
    List<byte[]> written() {
        return List.copyOf(written);
    }

    @Override
    public String ddName() {
        return ddName;
    }

    @Override
    public boolean dummy() {
        return first() instanceof Allocated.Dummy;
    }

    @Override
    public boolean sysout() {
        return first() instanceof Allocated.Sysout;
    }

    @Override
    public boolean instream() {
        return first() instanceof Allocated.Instream;
    }

    @Override
    public Optional<DatasetName> dataset() {
        return first() instanceof Allocated.Dataset d ? Optional.of(d.name()) : Optional.empty();
    }

    @Override
    public Optional<DatasetAttributes> attributes() {
        Allocated element = first();
        if (element instanceof Allocated.Dataset d) {
            return d.dcb() != null ? Optional.of(d.dcb()) : catalog.attributes(d.name().withoutMember());
        }
        if (element instanceof Allocated.Instream) {
            return Optional.of(instreamAttributes());
        }
        if (element instanceof Allocated.Sysout s) {
            return Optional.ofNullable(s.dcb());
        }
        return element instanceof Allocated.Dummy d ? Optional.ofNullable(d.dcb()) : Optional.empty();
    }

    @Override
    public Optional<String> path() {
        return first() instanceof Allocated.UnixFile f ? Optional.of(f.path()) : Optional.empty();
    }

    @Override
    public java.util.Set<String> pathOptions() {
        return first() instanceof Allocated.UnixFile f ? java.util.Set.copyOf(f.pathOptions()) : java.util.Set.of();
    }

    @Override
    public List<byte[]> readRecords() {
        List<byte[]> records = new ArrayList<>();
        for (Allocated element : elements) {
            if (element instanceof Allocated.Dataset d) {
                if (!d.temporary()) {
                    checkAuthority(d.name(), AccessLevel.READ);
                }
                if (d.name().member() != null && !catalog.exists(d.name())) {
                    throw new Abend("S013", "18", "IEC141I", "013-18," + ddName + "," + d.name().withoutMember()
                            + "(" + d.name().member() + ") MEMBER NOT FOUND");
                }
                try {
                    records.addAll(catalog.readRecords(d.name()));
                } catch (ZosException e) {
                    throw new Abend("S013", "20", "IEC141I", "013-20," + ddName + "," + d.name() + " "
                            + e.getMessage());
                }
            } else if (element instanceof Allocated.Instream in) {
                records.addAll(in.records());
            } else if (element instanceof Allocated.UnixFile f) {
                throw unixFileRecords(f);
            }
        }
        return records;
    }

    @Override
    public List<String> readLines() {
        List<String> lines = new ArrayList<>();
        for (byte[] record : readRecords()) {
            lines.add(Ebcdic.decode(record));
        }
        return lines;
    }

    @Override
    public void writeRecord(byte[] record) {
        Allocated element = first();
        if (element instanceof Allocated.Dummy) {
            return;
        }
        if (element instanceof Allocated.Instream) {
            throw new Abend("S001", "04", "IEC020I", "001-4," + ddName + " IN-STREAM DATA CANNOT BE WRITTEN");
        }
        if (element instanceof Allocated.UnixFile f) {
            throw unixFileRecords(f);
        }
        if (element instanceof Allocated.Dataset d && !writeChecked) {
            if (!d.temporary()) {
                checkAuthority(d.name(), AccessLevel.UPDATE);
            }
            writeChecked = true;
        }
        written.add(record.clone());
    }

    @Override
    public void writeLine(String line) {
        byte[] record = Ebcdic.encode(line);
        Optional<DatasetAttributes> attributes = first() instanceof Allocated.Dummy ? Optional.empty() : attributes();
        if (attributes.isPresent() && attributes.get().recfm().fixed() && record.length < attributes.get().lrecl()) {
            byte[] padded = Arrays.copyOf(record, attributes.get().lrecl());
            Arrays.fill(padded, record.length, padded.length, Ebcdic.BLANK);
            record = padded;
        }
        writeRecord(record);
    }

    /**
     * Writes what the step wrote to the first data set element (SYSOUT is committed by the runner). Throws Abend
     * S001 when a record does not fit the data set (IEC020I).
     */
    void commit() {
        if (!(first() instanceof Allocated.Dataset d) || written.isEmpty()) {
            return;
        }
        List<byte[]> records = new ArrayList<>();
        if (d.status() == Disposition.Status.MOD && !d.created() && catalog.exists(d.name())) {
            records.addAll(catalog.readRecords(d.name()));
        }
        records.addAll(written);
        try {
            catalog.writeRecords(d.name(), records);
        } catch (ZosException e) {
            throw new Abend("S001", "04", e.messageId().equals("IEC020I") ? "IEC020I" : "IEC141I", e.text());
        }
    }

    /** Record I/O on a PATH= DD: only BPXBATCH (which opens the file itself) uses them here. */
    private Abend unixFileRecords(Allocated.UnixFile file) {
        return new Abend("S013", "C4", "IEC141I", "013-C4," + ddName + "," + file.path()
                + " A Z/OS UNIX FILE (PATH=) IS READ AND WRITTEN BY BPXBATCH ONLY IN OPENCS");
    }

    private void checkAuthority(DatasetName name, AccessLevel needed) {
        try {
            access.check(user, name, needed);
        } catch (ZosException e) {
            throw new Abend("S913", "38", "ICH408I", e.text());
        }
    }

    static DatasetAttributes instreamAttributes() {
        java.time.LocalDate epoch = java.time.LocalDate.of(1970, 1, 1);
        return new DatasetAttributes("PS", RecordFormat.F, 80, 80, epoch, epoch);
    }
}
