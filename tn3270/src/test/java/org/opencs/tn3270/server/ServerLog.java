package org.opencs.tn3270.server;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opencs.saf.Registry;
import org.opencs.tn3270.config.TelnetPort;
import org.opencs.tn3270.config.VtamConfig;

/**
 * The TN3270E server's log as a test run writes it: the servers a test starts through {@link #serve} log here (each
 * line is also passed on to the console as usual). Registered as an extension, it fails the test when any line the
 * servers wrote names a Java class or exception, shows {@code null} as a value, or carries a stack trace: a log line
 * is for an operator, who should read the session and the reason in words.
 */
final class ServerLog extends org.opencs.testkit.OperatorLog implements AfterEachCallback {
    /** The DEBUG lines (EZZ6034I, EZZ6035I) of the servers started here. */
    final DebugCapture debug = new DebugCapture();

    ServerLog() {
        super("TN3270E");
    }

    /** A server for {@code port} logging here: DEFAULTAPPL TSO, the registry's system.conf session limits. */
    Tn3270Server serve(TelnetPort port, Registry registry) throws InterruptedException {
        return serve(port, registry, new Vtam(VtamConfig.defaultAppl("TSO"), registry.config().tn3270Limits()));
    }

    /** A server for {@code port} with the applications' {@code services} (JES2 or none), DEFAULTAPPL TSO. */
    Tn3270Server serve(TelnetPort port, org.opencs.tn3270.apps.HostServices services) throws InterruptedException {
        return new Tn3270Server(port, services, "127.0.0.1", 0, new Vtam(VtamConfig.defaultAppl("TSO"),
                services.registry().config().tn3270Limits()), this, Tn3270Server.NEGOTIATION_TIMEOUT, debug);
    }

    Tn3270Server serve(TelnetPort port, Registry registry, Vtam vtam) throws InterruptedException {
        return new Tn3270Server(port, org.opencs.tn3270.apps.HostServices.of(registry), "127.0.0.1", 0, vtam, this,
                Tn3270Server.NEGOTIATION_TIMEOUT, debug);
    }

    /** A server whose connections must reach their first screen within {@code negotiationTimeout}. */
    Tn3270Server serve(TelnetPort port, Registry registry, Vtam vtam, Duration negotiationTimeout)
            throws InterruptedException {
        return new Tn3270Server(port, org.opencs.tn3270.apps.HostServices.of(registry), "127.0.0.1", 0, vtam, this,
                negotiationTimeout, debug);
    }

    /**
     * A server on a port whose silent clients are offered START_TLS after {@code clientHelloWait} (CONNTYPE SECURE),
     * and whose connections must reach their first screen within {@code negotiationTimeout}.
     */
    Tn3270Server serve(TelnetPort port, Registry registry, Duration negotiationTimeout, Duration clientHelloWait)
            throws InterruptedException {
        return new Tn3270Server(port, org.opencs.tn3270.apps.HostServices.of(registry), "127.0.0.1", 0,
                new Vtam(VtamConfig.defaultAppl("TSO"), registry.config().tn3270Limits()), this, negotiationTimeout,
                debug, org.opencs.pki.tls.trace.TlsTrace.off(), org.opencs.pki.net.TrustedBalancers.none(), clientHelloWait,
                Tn3270Server.BACKLOG);
    }

    /** The lines that name a Java class or exception, show null, or carry a stack trace, each with what is wrong. */
    List<String> violations() {
        List<String> all = new java.util.ArrayList<>(lines());
        // DEBUG lines too, except TRACE's data (what a screen shows is the application's text, not the server's).
        debug.lines().stream().filter(l -> !l.contains(" DEBUG CONN TRACE ")).forEach(all::add);
        return violations(all);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> bad = violations();
        if (!bad.isEmpty()) {
            throw new AssertionError("the TN3270E server's log has lines an operator cannot read:\n"
                    + String.join("\n", bad));
        }
    }
}
