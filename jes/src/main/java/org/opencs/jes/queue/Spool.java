package org.opencs.jes.queue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.opencs.core.AtomicFiles;
import org.opencs.core.Ebcdic;
import org.opencs.core.ZosException;

/**
 * Spool data on disk: one directory per job, {@code spool/<jobid>/}, holding the JCL as submitted ({@code JCL}, the
 * card images as UTF-8 lines) and one data file per spool file. A spool data file holds EBCDIC (IBM-1047) records,
 * each preceded by its length in 4 bytes (big-endian), as a data set's records are kept. Every file is written whole
 * and atomically (temporary file, then a rename), so a reader never sees half a spool file.
 */
public final class Spool {
    public static final String JCL_FILE = "JCL";

    private final Path root;

    public Spool(Path root) {
        this.root = root;
    }

    public Path directory(String jobId) {
        return root.resolve(jobId);
    }

    /** Keeps the JCL as submitted (each card image a line). */
    public void writeJcl(String jobId, List<String> cards) {
        write(directory(jobId).resolve(JCL_FILE), (String.join("\n", cards) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The JCL as submitted; empty when the job's spool directory has gone. */
    public List<String> readJcl(String jobId) {
        try {
            String text = Files.readString(directory(jobId).resolve(JCL_FILE), StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : List.of(text.substring(0, text.length() - 1).split("\n", -1));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw ioError(jobId, e);
        }
    }

    /**
     * Writes one spool file from text lines (encoded to IBM-1047); returns its index row for {@code fileId}.
     */
    public SpoolRecord writeLines(String jobId, int fileId, String stepName, String procStep, String sysoutClass,
                                  String ddName, List<String> lines) {
        List<byte[]> records = new ArrayList<>(lines.size());
        for (String line : lines) {
            records.add(Ebcdic.encode(line));
        }
        return writeRecords(jobId, fileId, stepName, procStep, sysoutClass, ddName, records);
    }

    /** Writes one spool file from EBCDIC records; returns its index row. */
    public SpoolRecord writeRecords(String jobId, int fileId, String stepName, String procStep, String sysoutClass,
                                    String ddName, List<byte[]> records) {
        String fileName = String.format("%03d.%s", fileId, ddName);
        long size = 0;
        for (byte[] record : records) {
            size += 4 + record.length;
        }
        ByteBuffer data = ByteBuffer.allocate((int) size);
        long bytes = 0;
        for (byte[] record : records) {
            data.putInt(record.length).put(record);
            bytes += record.length + 1;
        }
        write(directory(jobId).resolve(fileName), data.array());
        return new SpoolRecord(fileId, stepName, procStep, sysoutClass, ddName, bytes, records.size(), fileName);
    }

    /** The records of a spool data file decoded from IBM-1047. */
    public List<String> readLines(String jobId, String fileName) {
        List<String> lines = new ArrayList<>();
        for (byte[] record : readRecords(jobId, fileName)) {
            lines.add(Ebcdic.decode(record));
        }
        return lines;
    }

    public List<byte[]> readRecords(String jobId, String fileName) {
        try {
            ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(directory(jobId).resolve(fileName)));
            List<byte[]> records = new ArrayList<>();
            while (data.remaining() >= 4) {
                byte[] record = new byte[data.getInt()];
                data.get(record);
                records.add(record);
            }
            return records;
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw ioError(jobId, e);
        }
    }

    /** Removes the job's spool directory (PURGE). */
    public void purge(String jobId) {
        Path dir = directory(jobId);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw ioError(jobId, e);
        }
    }

    private static void write(Path file, byte[] data) {
        try {
            AtomicFiles.write(file, data, false);
        } catch (IOException e) {
            throw ioError(file.getParent().getFileName().toString(), e);
        }
    }

    private static ZosException ioError(String jobId, IOException e) {
        return new ZosException("$HASP094", "I/O ERROR ON SPOOL OF " + jobId + ": " + e.getMessage());
    }
}
