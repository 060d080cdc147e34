package org.opencs.core.smf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencs.core.AuditLog;

/**
 * SMF 119 records as audit-log JSON lines: every field of every subtype survives encode/decode, IBM's field names are
 * the JSON names, other audit records are passed over, and a record that does not fit its layout is refused. Layouts:
 * z/OS Communications Server IP Programmer's Guide and Reference, "Type 119 SMF records".
 */
class Smf119JsonTest {
    private final Smf119Json json = new Smf119Json();

    @TempDir
    Path dir;

    @Property(tries = 300)
    void everyRecordSurvivesItsJsonLine(@ForAll("records") Smf119Record record) {
        String line = json.encode(record);
        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(json.decode(line)).contains(record);
    }

    @Provide
    Arbitrary<Smf119Record> records() {
        Arbitrary<Smf119Subtype> subtypes = Arbitraries.of(Smf119Subtype.class);
        return subtypes.flatMap(subtype -> {
            List<Smf119Field> fields = List.copyOf(subtype.fields().values());
            Arbitrary<Instant> written = Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
            Arbitrary<List<Object>> values = Combinators.combine(fields.stream().map(Smf119JsonTest::value).toList())
                    .as(list -> list);
            return Combinators.combine(written, values).as((when, list) -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    if (list.get(i) != null) {
                        map.put(fields.get(i).name(), list.get(i));
                    }
                }
                return new Smf119Record(subtype, when, map);
            });
        });
    }

    /** A value of the field's kind, or null (the field left out) one time in five. */
    private static Arbitrary<Object> value(Smf119Field field) {
        Arbitrary<Object> value = switch (field.kind()) {
            case TEXT -> Arbitraries.strings().all().ofMaxLength(60).map(s -> s);
            case NUMBER -> Arbitraries.longs().map(n -> n);
            case ADDRESS -> Arbitraries.of("127.0.0.1", "192.0.2.44", "::1", "2001:db8:0:0:0:0:0:7").map(s -> s);
            case DATE -> Arbitraries.longs().between(0, 80_000).map(LocalDate::ofEpochDay).map(d -> d);
            case TIME -> Arbitraries.integers().between(0, 8_639_999)
                    .map(h -> LocalTime.ofNanoOfDay(h * 10_000_000L)).map(t -> t);
        };
        return value.injectNull(0.2);
    }

    @Test
    void theLineNamesFieldsAsIbmDoes() {
        Smf119Origin origin = new Smf119Origin("OCS1", "OPENCS", "FTPD1", "TCPIP", ZoneOffset.UTC);
        Instant start = Instant.parse("2025-06-01T14:03:07.257Z");
        Smf119Record record = Smf119Builder.of(Smf119Subtype.FTP_SERVER_TRANSFER, start.plusSeconds(2), origin)
                .number("SMF119FT_FSOper", 5).text("SMF119FT_FSCmd", "STOR").number("SMF119FT_FSBytes", 1234)
                .dateTime("SMF119FT_FSSDate", "SMF119FT_FSSTime", start)
                .hundredths("SMF119FT_FSDur", Duration.ofMillis(2_345))
                .text("SMF119FT_FSFileName1", "/u/user1/a.txt").build();
        String line = json.encode(record);
        assertThat(line).startsWith("{\"time\":\"2025-06-01T14:03:09.257Z\",\"type\":\"SMF119\",\"SMF119STY\":70,"
                        + "\"SMF119SID\":\"OCS1\",\"SMF119TI_SYSName\":\"OPENCS\",\"SMF119TI_SysplexName\":\"LOCAL\","
                        + "\"SMF119TI_Stack\":\"TCPIP\"")
                .contains("\"SMF119TI_Comp\":\"FTPS\"", "\"SMF119TI_ASName\":\"FTPD1\"", "\"SMF119TI_Reason\":8",
                        "\"SMF119FT_FSOper\":5", "\"SMF119FT_FSCmd\":\"STOR\"", "\"SMF119FT_FSSTime\":\"14:03:07.25\"",
                        "\"SMF119FT_FSSDate\":\"2025-06-01\"", "\"SMF119FT_FSDur\":234", "\"SMF119FT_FSBytes\":1234",
                        "\"SMF119FT_FSFileName1\":\"/u/user1/a.txt\"");
        // Layout order, whatever order the builder was given the fields in.
        assertThat(line.indexOf("SMF119FT_FSSTime")).isLessThan(line.indexOf("SMF119FT_FSSDate"));
        assertThat(line.indexOf("SMF119FT_FSSDate")).isLessThan(line.indexOf("SMF119FT_FSBytes"));
    }

    @Test
    void aFieldOutsideTheLayoutOrOfTheWrongKindIsRefused() {
        assertThatThrownBy(() -> new Smf119Record(Smf119Subtype.TN3270_SESSION_INIT, Instant.EPOCH,
                Map.of("SMF119FT_FSCmd", "STOR"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SMF119FT_FSCmd is not a field of SMF 119 subtype 20");
        assertThatThrownBy(() -> new Smf119Record(Smf119Subtype.TN3270_SESSION_INIT, Instant.EPOCH,
                Map.of("SMF119TN_NIRPort", "23"))).hasMessageContaining("SMF119TN_NIRPort needs a NUMBER value");
        assertThatThrownBy(() -> new Smf119Record(Smf119Subtype.TN3270_SESSION_INIT, Instant.EPOCH,
                Map.of("SMF119TN_NITime", LocalTime.of(1, 2, 3, 4_000_000)))).hasMessageContaining("hundredths");
    }

    @Test
    void otherAuditRecordsAndBrokenLinesAreNotSmfRecords() {
        assertThat(json.decode("{\"time\":\"2025-06-01T00:00:00Z\",\"type\":\"FTP_TRANSFER\",\"bytes\":5}")).isEmpty();
        assertThat(json.decode("{\"time\":\"2025-06-01T00:00:00Z\",\"type\":\"SMF119\",\"SMF119STY\":2}")).isEmpty();
        assertThat(json.decode("{\"time\":\"2025-06-01T00:0")).isEmpty();
        assertThatThrownBy(() -> json.decode("{\"time\":\"2025-06-01T00:00:00Z\",\"type\":\"SMF119\",\"SMF119STY\":20,"
                + "\"SMF119TN_NIRPort\":\"x\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SMF119TN_NIRPort");
    }

    @Test
    void theReaderFindsTheSmfRecordsAmongTheAuditRecordsAndReportsBadLines() throws Exception {
        Path file = dir.resolve("logs").resolve(AuditLog.FILE_NAME);
        AuditLog audit = new AuditLog(file);
        Smf119Origin origin = new Smf119Origin("OCS1", "OPENCS", "TN3270", "TCPIP", ZoneId.of("UTC"));
        audit.record(Instant.EPOCH, "FTP_TRANSFER", Map.of("bytes", 5));
        new Smf119Writer(audit).write(Smf119Builder.of(Smf119Subtype.TN3270_SESSION_INIT, Instant.EPOCH, origin)
                .text("SMF119TN_NILU", "TCPLU001").build());
        audit.append("{\"time\":\"1970-01-01T00:00:00Z\",\"type\":\"SMF119\",\"SMF119STY\":21,\"SMF119TN_NTDur\":\"long\"}");
        new Smf119Writer(audit).write(Smf119Builder.of(Smf119Subtype.TN3270_SESSION_TERM, Instant.EPOCH, origin)
                .text("SMF119TN_NTLU", "TCPLU001").build());
        Smf119Reader.Result all = Smf119Reader.read(file, r -> true);
        assertThat(all.records()).extracting(r -> r.subtype().number()).containsExactly(20, 21);
        assertThat(all.warnings()).singleElement().asString().startsWith("OCS0601W Line 3 of ");
        assertThat(Smf119Reader.read(file, r -> r.subtype().number() == 21).records()).hasSize(1);
        assertThat(Smf119Reader.read(dir.resolve("none.jsonl"), r -> true).records()).isEmpty();
        assertThat(Files.readAllLines(file)).hasSize(4);
    }

    @Test
    void theReportShowsOneBlockPerRecordWithIbmNamesAndDescriptions() {
        Smf119Origin origin = new Smf119Origin("OCS1", "OPENCS", "TN3270", "TCPIP", ZoneOffset.UTC);
        Smf119Record record = Smf119Builder.of(Smf119Subtype.TN3270_SESSION_INIT,
                        Instant.parse("2025-06-01T14:03:07.25Z"), origin).text("SMF119TN_NILU", "TCPLU001")
                .dateTime("SMF119TN_NIDate", "SMF119TN_NITime", Instant.parse("2025-06-01T14:03:07.25Z")).build();
        String block = new Smf119Report(ZoneOffset.UTC).format(record);
        assertThat(block.lines().findFirst().orElseThrow())
                .startsWith("SMF 119 subtype 20  TN3270E Telnet server SNA session initiation")
                .endsWith("SID OCS1  2025-06-01 14:03:07.25");
        assertThat(block).contains("  TCP/IP identification section\n",
                        "  TN3270E Telnet server SNA session initiation section\n")
                .containsPattern("\n    SMF119TI_SYSName       System name from SYSNAME in IEASYSxx \\.{25} OPENCS\n")
                .containsPattern("\n    SMF119TN_NILU          Telnet LU name \\.{47} TCPLU001\n")
                .containsPattern("\n    SMF119TN_NITime        Time of day of session initiation \\.{28} 14:03:07.25\n")
                .doesNotContain("SMF119TN_NIRIP")
                .endsWith("\n\n");
    }
}
