package org.opencs.datasets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.opencs.core.AtomicFiles;
import org.opencs.core.Ebcdic;
import org.opencs.core.SystemHome;
import org.opencs.core.ZosException;

/**
 * The MVS catalog of one system: each data set is a directory under {@code datasets/} named like the data set, with
 * its attributes and its records (EBCDIC, each stored with a 4-byte length), members of a PDS in {@code members/}.
 * Writes replace the whole content atomically: a failed write leaves the previous content.
 */
public final class Catalog {
    private static final String ATTRIBUTES = "attributes.properties";
    private static final String DATA = "data";
    private static final String MEMBERS = "members";
    /** ISPF statistics of members, beside them (hidden: member names never start with a dot). */
    private static final String STATISTICS = ".ispf";

    private final Path root;
    private final Clock clock;

    public Catalog(SystemHome home, Clock clock) {
        this.root = home.datasets();
        this.clock = clock;
    }

    public boolean exists(DatasetName name) {
        Path dir = directory(name);
        if (!Files.isRegularFile(dir.resolve(ATTRIBUTES))) {
            return false;
        }
        return name.member() == null || Files.isRegularFile(dir.resolve(MEMBERS).resolve(name.member()));
    }

    public Optional<DatasetAttributes> attributes(DatasetName name) {
        Path file = directory(name).resolve(ATTRIBUTES);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw ioError(name, e);
        }
        return Optional.of(new DatasetAttributes(p.getProperty("dsorg"), RecordFormat.parse(p.getProperty("recfm")),
                Integer.parseInt(p.getProperty("lrecl")), Integer.parseInt(p.getProperty("blksize")),
                LocalDate.parse(p.getProperty("created")), LocalDate.parse(p.getProperty("referenced"))));
    }

    /** Catalogs a new, empty data set. */
    public void allocate(DatasetName name, DatasetAttributes attributes) {
        DatasetName dataset = name.withoutMember();
        if (attributes(dataset).isPresent()) {
            throw new ZosException("IKJ56893I", "DATA SET " + dataset + " NOT ALLOCATED, ALREADY CATALOGED");
        }
        writeAttributes(dataset, attributes);
        if (attributes.dsorg().equals("PS")) {
            writeFile(dataset, directory(dataset).resolve(DATA), new byte[0]);
        }
    }

    public void delete(DatasetName name) {
        Path dir = directory(name);
        if (!exists(name)) {
            throw notFound(name);
        }
        try {
            if (name.member() != null) {
                Files.delete(dir.resolve(MEMBERS).resolve(name.member()));
                Files.deleteIfExists(statisticsFile(name));
                return;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw ioError(name, e);
        }
    }

    /** Data sets whose names start with the given qualifiers (LISTCAT LEVEL(...)), sorted. */
    public List<String> list(String level) {
        String prefix = level.toUpperCase(Locale.ROOT);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(p -> p.getFileName().toString())
                    .filter(n -> prefix.isEmpty() || n.equals(prefix) || n.startsWith(prefix + "."))
                    .filter(n -> Files.isRegularFile(root.resolve(n).resolve(ATTRIBUTES))).sorted().toList();
        } catch (IOException e) {
            throw new ZosException("IKJ56228I", "CATALOG CANNOT BE READ: " + e.getMessage());
        }
    }

    /** Member names of a partitioned data set, sorted. */
    public List<String> members(DatasetName name) {
        Path dir = directory(name.withoutMember()).resolve(MEMBERS);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw ioError(name, e);
        }
    }

    public List<byte[]> readRecords(DatasetName name) {
        DatasetAttributes attributes = requireAttributes(name);
        Path file = dataFile(name, attributes);
        if (!Files.isRegularFile(file)) {
            throw notFound(name);
        }
        try {
            ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file));
            List<byte[]> records = new ArrayList<>();
            while (data.remaining() >= 4) {
                byte[] record = new byte[data.getInt()];
                data.get(record);
                records.add(record);
            }
            writeAttributes(name.withoutMember(), attributes.referencedOn(today()));
            return records;
        } catch (IOException | RuntimeException e) {
            throw new ZosException("IEC141I", "013-20 DATA SET " + name + " CANNOT BE READ: " + e.getMessage());
        }
    }

    /** Replaces the content; every record is checked against RECFM and LRECL first, so a bad one changes nothing. */
    public void writeRecords(DatasetName name, List<byte[]> records) {
        DatasetAttributes attributes = requireAttributes(name);
        int max = attributes.recfm() == RecordFormat.U ? Math.max(attributes.blksize(), attributes.lrecl())
                : attributes.recfm().maxData(attributes.lrecl());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < records.size(); i++) {
            byte[] record = records.get(i);
            if (record.length > max || (attributes.recfm().fixed() && record.length != attributes.lrecl())) {
                throw new ZosException("IEC020I", "001-4 RECORD " + (i + 1) + " OF " + name + " IS " + record.length
                        + " BYTES; RECFM=" + attributes.recfm() + " LRECL=" + attributes.lrecl() + " ALLOWS "
                        + (attributes.recfm().fixed() ? "EXACTLY " + attributes.lrecl() : "AT MOST " + max));
            }
            out.writeBytes(ByteBuffer.allocate(4).putInt(record.length).array());
            out.writeBytes(record);
        }
        writeFile(name, dataFile(name, attributes), out.toByteArray());
        writeAttributes(name.withoutMember(), attributes.referencedOn(today()));
        if (name.member() != null) {
            // As a STOW without user data on z/OS: a member rewritten by anything but ISPF loses its statistics;
            // a writer that keeps them (FTP with ISPFSTATS) writes them again after the records.
            writeStatistics(name, null);
        }
    }

    /** The ISPF statistics of a member, if it has any. */
    public Optional<MemberStatistics> statistics(DatasetName member) {
        Path file = statisticsFile(member);
        if (member.member() == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
            return Optional.of(new MemberStatistics(Integer.parseInt(p.getProperty("version")),
                    Integer.parseInt(p.getProperty("level")), LocalDate.parse(p.getProperty("created")),
                    java.time.LocalDateTime.parse(p.getProperty("changed")), Integer.parseInt(p.getProperty("size")),
                    Integer.parseInt(p.getProperty("initial")), Integer.parseInt(p.getProperty("modified")),
                    p.getProperty("user")));
        } catch (IOException e) {
            throw ioError(member, e);
        } catch (RuntimeException e) {
            return Optional.empty(); // damaged statistics are shown as none, as ISPF shows a member without them
        }
    }

    /** Writes (or, with null, removes) the ISPF statistics of an existing member. */
    public void writeStatistics(DatasetName member, MemberStatistics statistics) {
        if (member.member() == null) {
            throw new IllegalArgumentException("statistics belong to members: " + member);
        }
        Path file = statisticsFile(member);
        try {
            if (statistics == null) {
                Files.deleteIfExists(file);
                return;
            }
        } catch (IOException e) {
            throw ioError(member, e);
        }
        String text = "version=" + statistics.version() + "\nlevel=" + statistics.level() + "\ncreated="
                + statistics.created() + "\nchanged=" + statistics.changed() + "\nsize=" + statistics.size()
                + "\ninitial=" + statistics.initial() + "\nmodified=" + statistics.modified() + "\nuser="
                + statistics.user() + "\n";
        writeFile(member, file, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path statisticsFile(DatasetName member) {
        return directory(member).resolve(MEMBERS).resolve(STATISTICS).resolve(member.member());
    }

    /** Text: each line becomes an EBCDIC (IBM-1047) record; fixed records are padded with blanks. */
    public void writeText(DatasetName name, String text) {
        DatasetAttributes attributes = requireAttributes(name);
        List<byte[]> records = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (String line : lines) {
            byte[] record = Ebcdic.encode(line);
            if (attributes.recfm().fixed() && record.length < attributes.lrecl()) {
                byte[] padded = Arrays.copyOf(record, attributes.lrecl());
                Arrays.fill(padded, record.length, padded.length, Ebcdic.BLANK);
                record = padded;
            }
            records.add(record);
        }
        writeRecords(name, records);
    }

    /** The records as lines of text (fixed records lose their trailing blanks), each ending with a line feed. */
    public String readText(DatasetName name) {
        DatasetAttributes attributes = requireAttributes(name);
        StringBuilder text = new StringBuilder();
        for (byte[] record : readRecords(name)) {
            String line = Ebcdic.decode(record);
            text.append(attributes.recfm().fixed() ? line.stripTrailing() : line).append('\n');
        }
        return text.toString();
    }

    /** Binary: the bytes as they are, cut into records as long as the format allows (the last one padded if fixed). */
    public void writeBinary(DatasetName name, byte[] data) {
        DatasetAttributes attributes = requireAttributes(name);
        int size = attributes.recfm() == RecordFormat.U ? Math.max(attributes.blksize(), attributes.lrecl())
                : attributes.recfm().maxData(attributes.lrecl());
        List<byte[]> records = new ArrayList<>();
        for (int offset = 0; offset < data.length; offset += size) {
            byte[] record = Arrays.copyOfRange(data, offset, Math.min(data.length, offset + size));
            records.add(attributes.recfm().fixed() ? Arrays.copyOf(record, attributes.lrecl()) : record);
        }
        writeRecords(name, records);
    }

    public byte[] readBinary(DatasetName name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        readRecords(name).forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Allocates with {@code attributes} when the data set does not exist yet (a new member needs its PDS). */
    public void ensure(DatasetName name, DatasetAttributes attributes) {
        if (attributes(name.withoutMember()).isEmpty()) {
            if (name.member() != null) {
                throw notFound(name.withoutMember());
            }
            allocate(name, attributes);
        }
    }

    /** When a data set's or member's records were last written. */
    public java.time.Instant lastModified(DatasetName name) {
        DatasetAttributes attributes = requireAttributes(name);
        try {
            return Files.getLastModifiedTime(dataFile(name, attributes)).toInstant();
        } catch (IOException e) {
            throw ioError(name, e);
        }
    }

    /** Renames a data set (with its members) or a member within its PDS; the new name must be free. */
    public void rename(DatasetName from, DatasetName to) {
        if (!exists(from)) {
            throw notFound(from);
        }
        if (exists(to) || (from.member() == null) != (to.member() == null)
                || (from.member() != null && !from.name().equals(to.name()))) {
            throw new ZosException("IDC3012I", "ENTRY " + to + " CANNOT BE USED AS THE NEW NAME OF " + from);
        }
        try {
            if (from.member() != null) {
                Path members = directory(from).resolve(MEMBERS);
                Files.move(members.resolve(from.member()), members.resolve(to.member()),
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                if (Files.isRegularFile(statisticsFile(from))) {
                    Files.move(statisticsFile(from), statisticsFile(to), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                }
            } else {
                Files.move(directory(from), directory(to), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw ioError(from, e);
        }
    }

    private DatasetAttributes requireAttributes(DatasetName name) {
        DatasetAttributes attributes = attributes(name.withoutMember()).orElseThrow(() -> notFound(name.withoutMember()));
        if (attributes.dsorg().equals("PO") && name.member() == null) {
            throw new ZosException("IKJ56709I", "DATA SET " + name + " IS PARTITIONED: NAME A MEMBER");
        }
        if (attributes.dsorg().equals("PS") && name.member() != null) {
            throw new ZosException("IKJ56709I", "DATA SET " + name.withoutMember() + " IS NOT PARTITIONED");
        }
        return attributes;
    }

    private Path dataFile(DatasetName name, DatasetAttributes attributes) {
        Path dir = directory(name);
        return attributes.dsorg().equals("PO") ? dir.resolve(MEMBERS).resolve(name.member()) : dir.resolve(DATA);
    }

    private Path directory(DatasetName name) {
        return root.resolve(name.name());
    }

    private void writeAttributes(DatasetName name, DatasetAttributes a) {
        String text = "dsorg=" + a.dsorg() + "\nrecfm=" + a.recfm() + "\nlrecl=" + a.lrecl() + "\nblksize=" + a.blksize()
                + "\ncreated=" + a.created() + "\nreferenced=" + a.referenced() + "\n";
        writeFile(name, directory(name).resolve(ATTRIBUTES), text.getBytes(StandardCharsets.UTF_8));
    }

    private void writeFile(DatasetName name, Path file, byte[] data) {
        try {
            AtomicFiles.write(file, data, false);
        } catch (IOException e) {
            throw ioError(name, e);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static ZosException notFound(DatasetName name) {
        return new ZosException("IKJ56228I", "DATA SET " + name + " NOT IN CATALOG OR CATALOG CAN NOT BE ACCESSED");
    }

    private static ZosException ioError(DatasetName name, IOException e) {
        return new ZosException("IEC141I", "013 I/O ERROR ON DATA SET " + name + ": " + e.getMessage());
    }
}
