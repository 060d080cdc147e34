package org.opencs.core.smf;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.opencs.core.Values;
import org.opencs.core.ZosException;

/**
 * Reads the SMF 119 records of an audit file in the order they were written, passing over the other audit records.
 * A file that does not exist holds no records; an SMF 119 line that does not fit its layout is skipped with warning
 * OCS0601W naming its line.
 */
public final class Smf119Reader {
    /** The records that passed the filter, and the warnings for lines that could not be read. */
    public record Result(List<Smf119Record> records, List<String> warnings) {
        public Result {
            records = List.copyOf(records);
            warnings = List.copyOf(warnings);
        }
    }

    private Smf119Reader() {
    }

    /** @throws ZosException OCS0600E when the file exists but cannot be read */
    public static Result read(Path file, Predicate<Smf119Record> filter) {
        Smf119Json json = new Smf119Json();
        List<Smf119Record> records = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                try {
                    Optional<Smf119Record> record = json.decode(line);
                    if (record.isPresent() && filter.test(record.get())) {
                        records.add(record.get());
                    }
                } catch (IllegalArgumentException e) {
                    warnings.add("OCS0601W Line " + number + " of " + file + " is an SMF 119 record that cannot be read ("
                            + Values.quoteForMessage(String.valueOf(e.getMessage())) + "); it is skipped.");
                }
            }
        } catch (NoSuchFileException e) {
            return new Result(List.of(), List.of());
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ZosException("OCS0600E", "The audit log " + file + " cannot be read: " + e.getMessage());
        }
        return new Result(records, warnings);
    }
}
