package org.opencs.core.smf;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The SMF 119 report of {@code opencs smf}: one block per record, as IBM's SMF report samples print them (a heading
 * line for the record, then one line per field under the title of its section). The heading gives the subtype, IBM's
 * record name, the system ID and when the record was written (local time); each field line gives IBM's field name,
 * IBM's description (cut to fit, dotted to the value column) and the value. Sections the record has no value for are
 * left out. Example:
 * <pre>
 * SMF 119 subtype 70 FTP server transfer completion          SID OCS1  2025-06-01 14:03:07.25
 *   TCP/IP identification section
 *     SMF119TI_SYSName      System name from SYSNAME in IEASYSxx .... OPENCS
 *   ...
 * </pre>
 */
public final class Smf119Report {
    private static final int DESCRIPTION_WIDTH = 62;
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SS");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SS");
    private final ZoneId zone;

    /** {@code zone}: the time zone the headings' times are shown in. */
    public Smf119Report(ZoneId zone) {
        this.zone = zone;
    }

    /** The record's block, lines ended by a line feed, with a blank line after it. */
    public String format(Smf119Record record) {
        StringBuilder out = new StringBuilder();
        String heading = String.format("SMF 119 subtype %-3d %-45s", record.subtype().number(), record.subtype().title());
        Object sid = record.value("SMF119SID");
        out.append(heading).append(" SID ").append(String.format("%-4s", sid == null ? "" : sid)).append("  ")
                .append(WRITTEN.format(record.written().atZone(zone))).append('\n');
        Map<String, Object> values = record.values();
        for (Smf119Section section : record.subtype().sections()) {
            if (section.fields().stream().noneMatch(f -> values.containsKey(f.name()))) {
                continue;
            }
            out.append("  ").append(section.title()).append('\n');
            for (Smf119Field field : section.fields()) {
                Object value = values.get(field.name());
                if (value != null) {
                    out.append(String.format("    %-22s %s %s\n", field.name(), dotted(field.description()),
                            value instanceof LocalTime time ? TIME.format(time) : value));
                }
            }
        }
        return out.append('\n').toString();
    }

    private static String dotted(String description) {
        String text = description.length() > DESCRIPTION_WIDTH - 2
                ? description.substring(0, DESCRIPTION_WIDTH - 3) + "~" : description;
        StringBuilder line = new StringBuilder(text).append(' ');
        while (line.length() < DESCRIPTION_WIDTH) {
            line.append('.');
        }
        return line.toString();
    }
}
