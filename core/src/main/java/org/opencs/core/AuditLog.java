package org.opencs.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * SMF-style audit records: one JSON object per line in {@code logs/audit.jsonl} (written by Jackson), each with its
 * time and type first. Values are strings or numbers; secrets are never passed here.
 */
public final class AuditLog {
    /** The audit file's name in the system home's {@code logs/} directory. */
    public static final String FILE_NAME = "audit.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public AuditLog(Path file) {
        this.file = file;
    }

    /**
     * Appends the record {@code {"time":when,"type":type, fields...}} (a number stays a number, anything else is its
     * string); the fields in their map's order.
     *
     * @throws ZosException OCS0030E when the file cannot be written
     */
    public synchronized void record(Instant when, String type, Map<String, ?> fields) {
        ObjectNode line = JSON.createObjectNode().put("time", when.toString()).put("type", type);
        for (Map.Entry<String, ?> field : fields.entrySet()) {
            if (field.getValue() instanceof Number number) {
                line.putPOJO(field.getKey(), number);
            } else {
                line.put(field.getKey(), String.valueOf(field.getValue()));
            }
        }
        try {
            append(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new ZosException("OCS0030E", "The audit record " + type + " cannot be encoded: " + e.getOriginalMessage());
        }
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
}
