package org.opencs.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencs.core.ZosException;

/**
 * The filters of {@code GET /api/audit?type=&user=&since=}: a record type (exact, case-insensitive; null: all), a
 * user ID (null: all the requester may see) and a start time (an ISO-8601 instant such as 2026-11-30T17:00:00Z or a
 * date, meaning its start in UTC; null: no start). Empty parameters mean "not given". The parser performs nothing.
 */
public record AuditQuery(String type, String user, Instant since) {
    /** The most records one answer holds. */
    public static final int LIMIT = 200;

    /**
     * The query of the decoded URL parameters {@code parameters}.
     *
     * @throws ZosException OCSW040E for a parameter given twice, a type or user that is not a name, or a since that is
     *                      neither an instant nor a date
     */
    public static AuditQuery parse(Map<String, List<String>> parameters) {
        String type = one(parameters, "type");
        String user = one(parameters, "user");
        String since = one(parameters, "since");
        if (type != null && !type.matches("[A-Za-z0-9_]{1,40}")) {
            throw bad("type", type, "a record type such as WEB_LOGON");
        }
        if (user != null && !user.matches("[A-Za-z0-9#$@]{1,8}")) {
            throw bad("user", user, "a user ID of 1 to 8 characters");
        }
        return new AuditQuery(type == null ? null : type.toUpperCase(Locale.ROOT),
                user == null ? null : user.toUpperCase(Locale.ROOT), since == null ? null : instant(since));
    }

    /** Whether {@code record} (one audit line, parsed) passes the type, user and since filters. */
    public boolean matches(Map<String, Object> record) {
        if (type != null && !type.equalsIgnoreCase(String.valueOf(record.get("type")))) {
            return false;
        }
        if (user != null && !user.equalsIgnoreCase(String.valueOf(record.get("user")))) {
            return false;
        }
        if (since != null) {
            Instant time = time(record);
            return time != null && !time.isBefore(since);
        }
        return true;
    }

    /** The record's {@code time}, or null when it has none that parses. */
    static Instant time(Map<String, Object> record) {
        try {
            return record.get("time") instanceof String text ? Instant.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw bad("since", text, "an instant such as 2026-11-30T17:00:00Z or a date such as 2026-11-30");
            }
        }
    }

    private static String one(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new ZosException("OCSW040E", "The audit filter " + name + " is given more than once.");
        }
        String value = values.get(0).trim();
        return value.isEmpty() ? null : value;
    }

    private static ZosException bad(String name, String value, String expected) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return new ZosException("OCSW040E", "The audit filter " + name + "=" + shown + " is not valid: give " + expected + ".");
    }
}
