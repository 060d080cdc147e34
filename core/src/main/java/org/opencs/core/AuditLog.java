package org.opencs.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;

/**
 * SMF-style audit records: one JSON object per line in {@code logs/audit.jsonl}, each with its time and type. Values
 * are strings or numbers; secrets are never passed here.
 */
public final class AuditLog {
    /** The audit file's name in the system home's {@code logs/} directory. */
    public static final String FILE_NAME = "audit.jsonl";
    private final Path file;

    public AuditLog(Path file) {
        this.file = file;
    }

    public synchronized void record(Instant when, String type, Map<String, ?> fields) {
        StringBuilder line = new StringBuilder("{\"time\":\"").append(when).append("\",\"type\":");
        quote(line, type);
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            line.append(',');
            quote(line, field.getKey());
            line.append(':');
            if (field.getValue() instanceof Number number) {
                line.append(number);
            } else {
                quote(line, String.valueOf(field.getValue()));
            }
        }
        line.append('}');
        append(line.toString());
    }

    /**
     * Appends one JSON object (already encoded, on one line) to the file: the SMF 119 records of
     * {@link org.opencs.core.smf.Smf119Writer} go to the same file as the records above.
     */
    public synchronized void append(String jsonLine) {
        if (jsonLine.indexOf('\n') >= 0 || jsonLine.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an audit record is one line");
        }
        String line = jsonLine + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ZosException("OCS0030E", "The audit log " + file + " cannot be written: " + e.getMessage());
        }
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
