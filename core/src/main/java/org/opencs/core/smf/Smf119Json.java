package org.opencs.core.smf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SMF 119 records as audit-log JSON lines (one object, no line break): {@code time} (the record's ISO-8601 instant),
 * {@code type} {@value #TYPE}, {@code SMF119STY} (the subtype number), then every field by IBM's name in layout order
 * (texts and addresses as strings, numbers as numbers, dates yyyy-MM-dd, times of day HH:mm:ss.SS). The same file holds
 * OpenCS's other audit records (FTP_TRANSFER, LOGON_FAILURE ...), which {@link #decode} passes over.
 */
public final class Smf119Json {
    /** The audit record type of every SMF 119 record. */
    public static final String TYPE = "SMF119";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SS");
    private final ObjectMapper mapper = new ObjectMapper();

    /** The record as one JSON line (without its line end). */
    public String encode(Smf119Record record) {
        try {
            return mapper.writeValueAsString(tree(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an SMF record cannot be written as JSON", e);
        }
    }

    /** The record as a JSON object, for tools that collect records into a larger document. */
    public ObjectNode tree(Smf119Record record) {
        ObjectNode node = mapper.createObjectNode();
        node.put("time", record.written().toString());
        node.put("type", TYPE);
        node.put("SMF119STY", record.subtype().number());
        for (Map.Entry<String, Object> entry : record.values().entrySet()) {
            Object value = entry.getValue();
            if (value instanceof Long number) {
                node.put(entry.getKey(), number);
            } else if (value instanceof LocalTime time) {
                node.put(entry.getKey(), TIME.format(time));
            } else {
                node.put(entry.getKey(), value.toString()); // texts, addresses, dates (ISO yyyy-MM-dd)
            }
        }
        return node;
    }

    /**
     * The SMF 119 record of an audit line; empty for another audit record, a subtype OpenCS does not write, or a line
     * that is not JSON at all (an audit file can hold a line cut short by a crash).
     *
     * @throws IllegalArgumentException for an SMF 119 line whose fields do not fit its layout (a name not in it, a
     *     value of the wrong kind)
     */
    public Optional<Smf119Record> decode(String line) {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject() || !TYPE.equals(node.path("type").asText())) {
            return Optional.empty();
        }
        Optional<Smf119Subtype> subtype = Smf119Subtype.of(node.path("SMF119STY").asInt(-1));
        if (subtype.isEmpty()) {
            return Optional.empty();
        }
        Instant written;
        try {
            written = Instant.parse(node.path("time").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time " + node.path("time").asText() + " is not an ISO-8601 instant");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Smf119Field field : subtype.get().fields().values()) {
            JsonNode value = node.get(field.name());
            if (value != null && !value.isNull()) {
                values.put(field.name(), value(field, value));
            }
        }
        return Optional.of(new Smf119Record(subtype.get(), written, values));
    }

    private static Object value(Smf119Field field, JsonNode value) {
        try {
            return switch (field.kind()) {
                case NUMBER -> {
                    if (!value.isIntegralNumber()) {
                        throw new IllegalArgumentException(field.name() + " " + value + " is not a whole number");
                    }
                    yield value.asLong();
                }
                case DATE -> LocalDate.parse(value.asText());
                case TIME -> LocalTime.parse(value.asText(), TIME);
                case TEXT, ADDRESS -> {
                    if (!value.isTextual()) {
                        throw new IllegalArgumentException(field.name() + " " + value + " is not a string");
                    }
                    yield value.asText();
                }
            };
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field.name() + " " + value + " is not a " + field.kind());
        }
    }
}
