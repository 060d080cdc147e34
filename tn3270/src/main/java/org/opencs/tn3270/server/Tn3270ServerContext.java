package org.opencs.tn3270.server;

import io.netty.handler.ssl.SslContext;
import java.nio.charset.Charset;
import org.opencs.saf.Registry;
import org.opencs.tn3270.apps.HostServices;
import org.opencs.tn3270.apps.Terminal;
import org.opencs.tn3270.apps.Transaction;
import org.opencs.tn3270.config.TelnetPort;
import org.slf4j.Logger;

/**
 * What every session of one port shares: the port's configuration, the host's services (registry, JES2 when there is
 * one, the TSO processor), VTAM (LU names, printers), code page,
 * TLS context, the first
 * transaction (given the user ID a SAFCERT certificate maps to and the Express Logon application, each or null)
 * the log, the count of open sessions that close() waits for, how long a connection may take to its first
 * screen, the port's DEBUG setting at work, whether the server is closing (a connection it ends then was dropped
 * by the shutdown, not by its client), and the System SSL trace (GSK_TRACE; off unless given) every TLS connection is
 * attached to; on a SECUREPORT how long a silent client has before START_TLS is offered ({@code clientHelloWait}),
 * and where TLS engines run their delegated tasks (key operations), off the I/O threads ({@code handshakeTasks}).
 */
record Tn3270ServerContext(TelnetPort port, HostServices services, Vtam vtam, Charset codePage, SslContext tls,
                           FirstTransaction firstTransaction, Logger log, OpenSessions open,
                           java.time.Duration negotiationTimeout, DebugLog debug,
                           java.util.function.BooleanSupplier closing, org.opencs.pki.tls.trace.TlsTrace trace,
                           java.time.Duration clientHelloWait, java.util.concurrent.Executor handshakeTasks) {

    Registry registry() {
        return services.registry();
    }

    /** The application a bound session starts with. */
    interface FirstTransaction {
        Transaction start(String certificateUser, String expressLogonApplid, String luName, Terminal terminal);
    }
}
