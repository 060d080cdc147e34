package org.opencs.core;

import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@code logs/syslog} rolls over (system.conf {@code syslog.*} keys, docs/diagnostics.md "System log"): a new file
 * when the active one reaches {@code maxFileSize} bytes and at midnight UTC; rolled files kept {@code maxHistoryDays}
 * days (0 = for ever) and together at most {@code totalSizeCap} bytes (0 = no cap; by default 1GB, or the file size
 * when that is larger).
 *
 * @param maxFileSize    bytes, at least {@value #MIN_FILE_SIZE}
 * @param maxHistoryDays days, 0 to {@value #MAX_HISTORY_DAYS}
 * @param totalSizeCap   bytes, 0 (none) or at least {@code maxFileSize}
 */
public record SyslogSettings(long maxFileSize, int maxHistoryDays, long totalSizeCap) {
    /** The defaults: 10MB files, 7 days, 1GB in all. */
    public static final SyslogSettings DEFAULT = new SyslogSettings(10L << 20, 7, 1L << 30);
    public static final long MIN_FILE_SIZE = 1024;
    public static final int MAX_HISTORY_DAYS = 36500;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(KB|MB|GB)?");

    public SyslogSettings {
        if (maxFileSize < MIN_FILE_SIZE || maxHistoryDays < 0 || maxHistoryDays > MAX_HISTORY_DAYS || totalSizeCap < 0
                || (totalSizeCap > 0 && totalSizeCap < maxFileSize)) {
            throw new IllegalArgumentException("syslog settings out of range");
        }
    }

    /**
     * The {@code syslog.max.file.size}, {@code syslog.max.history} and {@code syslog.total.size.cap} keys of
     * system.conf, each defaulted when absent.
     *
     * @throws ZosException OCS0006E naming the key and the value when a value is not a size or number in range
     */
    static SyslogSettings from(Properties properties) {
        long fileSize = size(properties, "syslog.max.file.size", DEFAULT.maxFileSize());
        if (fileSize < MIN_FILE_SIZE) {
            throw bad("syslog.max.file.size", properties, "is less than 1KB");
        }
        String history = properties.getProperty("syslog.max.history");
        int days = DEFAULT.maxHistoryDays();
        if (history != null) {
            if (!history.trim().matches("\\d{1,5}") || Integer.parseInt(history.trim()) > MAX_HISTORY_DAYS) {
                throw bad("syslog.max.history", properties, "is not a number of days from 0 to " + MAX_HISTORY_DAYS);
            }
            days = Integer.parseInt(history.trim());
        }
        // Without a cap of its own, a system with files larger than the default cap keeps at least one of them.
        long cap = size(properties, "syslog.total.size.cap", Math.max(DEFAULT.totalSizeCap(), fileSize));
        if (cap > 0 && cap < fileSize) {
            throw bad("syslog.total.size.cap", properties, "is less than syslog.max.file.size (0 means no cap)");
        }
        return new SyslogSettings(fileSize, days, cap);
    }

    /** A size in bytes: digits and an optional KB, MB or GB (1024-based, any case). */
    private static long size(Properties properties, String key, long fallback) {
        String text = properties.getProperty(key);
        if (text == null) {
            return fallback;
        }
        Matcher matcher = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw bad(key, properties, "is not a size (a number followed by KB, MB or GB)");
        }
        long number = Long.parseLong(matcher.group(1));
        int shift = matcher.group(2) == null ? 0 : switch (matcher.group(2)) {
            case "KB" -> 10;
            case "MB" -> 20;
            default -> 30;
        };
        if (number > (Long.MAX_VALUE >> 31)) {
            throw bad(key, properties, "is too large");
        }
        return number << shift;
    }

    private static ZosException bad(String key, Properties properties, String reason) {
        return new ZosException("OCS0006E", "system.conf: " + key + " '"
                + Values.quoteForMessage(properties.getProperty(key).trim()) + "' " + reason + ".");
    }
}
