package org.opencs.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit file's records: one JSON object a line, time and type first, numbers as numbers, any text readable back. */
class AuditLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aRecordIsOneLineWithTimeAndTypeFirst() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user", "USER1");
        fields.put("bytes", 1024L);
        new AuditLog(file).record(Instant.parse("2026-11-30T12:00:00Z"), "LOGON", fields);
        assertThat(Files.readAllLines(file)).containsExactly(
                "{\"time\":\"2026-11-30T12:00:00Z\",\"type\":\"LOGON\",\"user\":\"USER1\",\"bytes\":1024}");
    }

    @Property(tries = 200)
    void anyTextComesBackAsWrittenOnOneLine(@ForAll String user) throws Exception {
        Path file = Files.createTempFile("audit", ".jsonl");
        try {
            new AuditLog(file).record(Instant.EPOCH, "T", Map.of("user", user));
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(1);
            JsonNode record = JSON.readTree(lines.get(0));
            assertThat(record.get("user").asText()).isEqualTo(user);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
