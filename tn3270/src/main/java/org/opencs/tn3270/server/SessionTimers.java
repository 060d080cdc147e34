package org.opencs.tn3270.server;

import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.opencs.tn3270.config.TelnetPort;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;
import org.slf4j.Logger;

/**
 * One session's timers, as TELNETPARMS sets them (seconds; 0 = never): INACTIVE drops a terminal without input (3270
 * data, not telnet chatter), PRTINACTIVE a printer without a print job; TIMEMARK asks a client silent that long
 * (nothing at all heard) DO TIMING-MARK, and SCANINTERVAL drops it when the probe goes unanswered that long. All calls
 * come from the session's event loop.
 */
final class SessionTimers {
    private final TelnetPort port;
    private final Logger log;
    private long lastData = System.nanoTime();
    private long lastHeard = lastData;
    private long timeMarkSent;
    private ScheduledFuture<?> future;
    /** Told why a timer drops the session (EZZ6034I's CONN DROP reason: INACT-S, INACT-P, TIMEMARK). */
    private final java.util.function.Consumer<String> dropping;

    SessionTimers(TelnetPort port, Logger log, java.util.function.Consumer<String> dropping) {
        this.port = port;
        this.log = log;
        this.dropping = dropping;
    }

    /**
     * {@code name} (how log lines name the session: its LU, or before it has one its client) and {@code printer} are
     * read at each check: both are known only after negotiation.
     */
    void start(ChannelHandlerContext ctx, Supplier<String> name, BooleanSupplier printer) {
        long tick = IntStream.of(port.inactiveSeconds(), port.prtInactiveSeconds(), port.timeMarkSeconds(),
                port.scanIntervalSeconds()).filter(t -> t > 0).min().orElse(0);
        if (tick == 0) {
            return;
        }
        long period = Math.max(200, tick * 1000 / 4);
        // Scheduled on the channel's event loop, run on the session's executor like everything else of the session.
        future = ctx.channel().eventLoop().scheduleAtFixedRate(() -> ctx.executor().execute(() -> check(ctx,
                name.get(), printer.getAsBoolean())), period, period,
                TimeUnit.MILLISECONDS);
    }

    /** Anything from the client: it is alive (an outstanding TIMEMARK probe is answered). */
    void heard() {
        lastHeard = System.nanoTime();
        timeMarkSent = 0;
    }

    /** Terminal input, or a print job sent to a printer: the session is in use. */
    void data() {
        lastData = System.nanoTime();
    }

    void stop() {
        if (future != null) {
            future.cancel(false);
        }
    }

    private void check(ChannelHandlerContext ctx, String name, boolean printer) {
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        int inactive = printer ? port.prtInactiveSeconds() : port.inactiveSeconds();
        if (inactive > 0 && (now - lastData) / 1_000_000_000L >= inactive) {
            log.info("OCST002I {} dropped after {} {} seconds without {}", name, printer ? "PRTINACTIVE" : "INACTIVE",
                    inactive, printer ? "a print job" : "input");
            dropping.accept(printer ? "INACT-P" : "INACT-S");
            ctx.close();
        } else if (timeMarkSent != 0 && port.scanIntervalSeconds() > 0
                && (now - timeMarkSent) / 1_000_000_000L >= port.scanIntervalSeconds()) {
            log.info("OCST005I {} did not answer TIMEMARK within SCANINTERVAL {} seconds; dropped", name,
                    port.scanIntervalSeconds());
            dropping.accept("TIMEMARK");
            ctx.close();
        } else if (timeMarkSent == 0 && port.timeMarkSeconds() > 0
                && (now - lastHeard) / 1_000_000_000L >= port.timeMarkSeconds()) {
            timeMarkSent = now;
            ctx.writeAndFlush(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TIMING_MARK));
        }
    }
}
