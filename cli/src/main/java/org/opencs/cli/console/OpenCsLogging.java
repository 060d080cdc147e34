package org.opencs.cli.console;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.slf4j.Logger;

/**
 * The logging set-up of the {@code opencs} command (Logback, found through its {@link Configurator} service): every
 * logger of every module and library writes {@link ConsoleLayout} lines on the console ({@link ConsoleStream}), as
 * {@link OperatorLevels} and {@link ConsoleRecords} let them; {@link SystemLog} adds {@code logs/syslog} once a system
 * home is known. OPENCS_DEBUG=1 in the environment adds the servers' DEBUG lines and stack traces.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class OpenCsLogging extends ContextAwareBase implements Configurator {
    /** The name of the console appender on the root logger. */
    public static final String CONSOLE = "CONSOLE";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        configure(context, "1".equals(System.getenv("OPENCS_DEBUG")), new ConsoleStream(), ZoneId.systemDefault());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Sets {@code context} up as {@code opencs} runs: the console appender on {@code console} (times in {@code zone})
     * and the levels of {@link OperatorLevels}; {@code debug} as OPENCS_DEBUG=1.
     */
    public static void configure(LoggerContext context, boolean debug, OutputStream console, ZoneId zone) {
        context.reset();
        if (context.getMDCAdapter() == null) {
            // A context of its own (a test's) has none; SLF4J's provider gives the shared one its own.
            context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        }
        context.putObject(OpenCsLogging.class.getName(), debug);
        OperatorLevels levels = new OperatorLevels(debug);
        levels.setContext(context);
        levels.start();
        context.addTurboFilter(levels);
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        ConsoleLayout layout = new ConsoleLayout(zone, debug);
        layout.setContext(context);
        layout.start();
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName(CONSOLE);
        appender.setEncoder(encoder);
        appender.setOutputStream(console);
        appender.setImmediateFlush(true);
        ConsoleRecords records = new ConsoleRecords();
        records.setContext(context);
        records.start();
        appender.addFilter(records);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.ALL);
        root.addAppender(appender);
    }

    /** Whether {@code context} was set up with OPENCS_DEBUG=1 (false when it was not set up here). */
    static boolean debug(LoggerContext context) {
        return Boolean.TRUE.equals(context.getObject(OpenCsLogging.class.getName()));
    }
}
