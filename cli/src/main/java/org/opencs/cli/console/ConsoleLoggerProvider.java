package org.opencs.cli.console;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J binding of the {@code opencs} command: every logger of every module and library writes
 * {@link ConsoleLine}s, so the console has one format (no Java logger format beside z/OS messages).
 */
public final class ConsoleLoggerProvider implements SLF4JServiceProvider {
    private ILoggerFactory factory;
    private IMarkerFactory markers;

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return new NOPMDCAdapter();
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        boolean debug = "1".equals(System.getenv("OPENCS_DEBUG"));
        ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
        factory = name -> loggers.computeIfAbsent(name, n -> new ConsoleLogger(n, debug));
        markers = new BasicMarkerFactory();
    }
}
