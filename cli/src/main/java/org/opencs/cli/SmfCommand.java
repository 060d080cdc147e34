package org.opencs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.opencs.core.AuditLog;
import org.opencs.core.Values;
import org.opencs.core.ZosException;
import org.opencs.core.smf.Smf119Json;
import org.opencs.core.smf.Smf119Reader;
import org.opencs.core.smf.Smf119Record;
import org.opencs.core.smf.Smf119Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code opencs smf}: the SMF type 119 records the servers and the FTP client wrote to the system's audit log
 * (logs/audit.jsonl), as a report (one block per record: IBM's field names, descriptions and values) or as JSON for
 * other tools (docs/diagnostics.md, "SMF type 119 records").
 */
@Command(name = "smf", mixinStandardHelpOptions = true,
        description = {"Print the SMF type 119 records of the system: TN3270E session initiation (subtype 20) and "
                + "termination (21), FTP server transfer completion (70) and logon failure (72), FTP client transfer "
                + "completion (3), each with IBM's field names (SMF119TI_SYSName, SMF119FT_FSBytes ...).",
                "Records are written only when the configuration asks for them: TELNETPARMS SMFINIT/SMFTERM TYPE119, "
                + "FTP.DATA SMF TYPE119 (or SMFAPPE, SMFLOGN, SMFRETR, SMFSTOR ...)."},
        footer = {"", "Examples:", "  opencs smf --home ~/zos", "  opencs smf --home ~/zos --subtype 70 --since 2025-06-01",
                "  opencs smf --home ~/zos --json"})
public final class SmfCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--type", paramLabel = "N", defaultValue = "119", description = "SMF record type (only 119 is written)")
    int type;

    @Option(names = "--subtype", paramLabel = "N", description = "Only records of this subtype (3, 20, 21, 70, 72)")
    Integer subtype;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only records written at or after TIME: 2025-06-01, 2025-06-01T14:00 (local time) or an "
                    + "ISO-8601 instant such as 2025-06-01T12:00:00Z")
    String since;

    @Option(names = "--json", description = "A JSON array of the records, fields named as IBM names them")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (type != 119) {
            throw new ZosException("OCS0602E", "--type " + type + ": OpenCS writes SMF type 119 records only.");
        }
        ZoneId zone = ZoneId.systemDefault();
        Instant from = since == null ? null : instant(since, zone);
        Predicate<Smf119Record> wanted = r -> (subtype == null || r.subtype().number() == subtype)
                && (from == null || !r.written().isBefore(from));
        Smf119Reader.Result result = Smf119Reader.read(home.home().logs().resolve(AuditLog.FILE_NAME), wanted);
        result.warnings().forEach(System.err::println);
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            Smf119Json codec = new Smf119Json();
            ArrayNode array = mapper.createArrayNode();
            result.records().forEach(r -> array.add(codec.tree(r)));
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array));
            return 0;
        }
        if (result.records().isEmpty()) {
            System.out.println("OCS0604I No SMF type 119 records" + (subtype == null ? "" : " of subtype " + subtype)
                    + (from == null ? "" : " since " + from) + " in " + home.home().logs().resolve(AuditLog.FILE_NAME)
                    + ".");
            return 0;
        }
        Smf119Report report = new Smf119Report(zone);
        result.records().forEach(r -> System.out.print(report.format(r)));
        System.out.println(result.records().size() + " record" + (result.records().size() == 1 ? "" : "s") + ".");
        return 0;
    }

    /** --since: a date (its midnight), a local date and time, or an instant. */
    static Instant instant(String text, ZoneId zone) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // not an instant: a local date and time or a date
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // not a local date and time
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ZosException("OCS0603E", "--since " + Values.quoteForMessage(text) + " is not a date "
                    + "(2025-06-01), a local date and time (2025-06-01T14:00) or an instant (2025-06-01T12:00:00Z).");
        }
    }
}
