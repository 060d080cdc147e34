package org.opencs.cli.console;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.opencs.core.SyslogSettings;
import org.opencs.core.ZosException;
import org.slf4j.Logger;

/**
 * {@code <home>/logs/syslog}, the system log of one system home (docs/diagnostics.md "System log"): while it is
 * open, every line the console shows and every trace and activity record is written there too, in
 * {@link SyslogLayout}'s layout, rolled over by size and at midnight UTC as system.conf's {@code syslog.*} keys say
 * ({@link SyslogSettings}; Logback's SizeAndTimeBasedRollingPolicy: {@code syslog.yyyy-mm-dd.n}). {@link #close()}
 * detaches and closes the file.
 */
public final class SystemLog implements AutoCloseable {
    /** The name of the system log's appender on the root logger. */
    public static final String APPENDER = "SYSLOG";

    private final LoggerContext context;
    private final RollingFileAppender<ILoggingEvent> appender;

    private SystemLog(LoggerContext context, RollingFileAppender<ILoggingEvent> appender) {
        this.context = context;
        this.appender = appender;
    }

    /**
     * Opens {@code logs}/syslog for the loggers of {@code context} (set up by {@link OpenCsLogging}), records named
     * with {@code sysname}, rolled over as {@code settings} say.
     *
     * @throws ZosException OCS0091E when the file cannot be opened (the reason in words)
     */
    public static SystemLog open(LoggerContext context, Path logs, String sysname, SyslogSettings settings) {
        boolean debug = OpenCsLogging.debug(context);
        long statusBefore = context.getStatusManager().getCount();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(logs.resolve("syslog").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        // Logback's pattern treats % and \ specially: a home whose path has them keeps its rolled files in logs/ as well.
        policy.setFileNamePattern(escape(logs.toString()) + "/syslog.%d{yyyy-MM-dd,UTC}.%i");
        policy.setMaxFileSize(new FileSize(settings.maxFileSize()));
        policy.setMaxHistory(settings.maxHistoryDays());
        policy.setTotalSizeCap(new FileSize(settings.totalSizeCap()));
        policy.start();
        appender.setRollingPolicy(policy);
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        SyslogLayout layout = new SyslogLayout(sysname, debug);
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        appender.setEncoder(encoder);
        appender.start();
        if (!policy.isStarted() || !appender.isStarted()) {
            String reason = "the file cannot be created";
            var statuses = context.getStatusManager().getCopyOfStatusList();
            for (int i = (int) Math.min(statusBefore, statuses.size()); i < statuses.size(); i++) {
                Status status = statuses.get(i);
                if (status.getLevel() == Status.ERROR && status.getThrowable() != null
                        && status.getThrowable().getMessage() != null) {
                    reason = status.getThrowable().getMessage();
                }
            }
            appender.stop();
            throw new ZosException("OCS0091E", "The system log " + logs.resolve("syslog") + " cannot be written: "
                    + org.opencs.core.Values.quoteForMessage(reason) + ".");
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new SystemLog(context, appender);
    }

    /** Stops writing the system log and closes the file. */
    @Override
    public void close() {
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }

    private static String escape(String path) {
        return path.replace("\\", "\\\\").replace("%", "\\%");
    }
}
