package org.opencs.tn3270.server;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;

/**
 * One connection's debug lines, in the shapes of IBM's Telnet messages (IP Messages Volume 4, EZZ6034I and EZZ6035I),
 * each written as one line:
 * <pre>
 * EZZ6034I TN3270E CONN 1A2B3C4D LU TCP00001 NEGOTIATED TN3270E IP..PORT: 127.0.0.1..40000
 * EZZ6035I TN3270E DEBUG CONN DETAIL IP..PORT: 127.0.0.1..40000 CONN: 1A2B3C4D LU: TCP00001 MOD: OCSTNEGO IN WILL TN3270E
 * EZZ6035I TN3270E DEBUG CONN EXCEPTION IP..PORT: 127.0.0.1..40000 CONN: 1A2B3C4D LU: **N/A** MOD: OCSTTLS RCODE: 6002-00 SSL/TLS handshake failed. PARM1: ...
 * </pre>
 * CONN is the connection's identifier (eight hex digits, as the TCP/IP stack's connection ID is), LU is {@code **N/A**}
 * until the connection has one, MOD names the part of OpenCS that reports (OCSTLSN the listener, OCSTTLS TLS and
 * certificates, OCSTNEGO telnet negotiation, OCSTELF Express Logon, OCSTSESS the session, OCSTDATA the 3270 data).
 * All calls come from the connection's session executor (the listener's from its I/O thread, before the session).
 */
final class ConnectionDebug {
    static final String NO_LU = "**N/A**";

    private final DebugLog log;
    private final String conn;
    private final String address;
    private final int serverPort;
    private String lu;

    ConnectionDebug(DebugLog log, Channel channel, int serverPort) {
        this.log = log;
        this.conn = channel.id().asShortText().toUpperCase(java.util.Locale.ROOT);
        this.address = address(channel);
        this.serverPort = serverPort;
    }

    /** IBM's IP..PORT form: 192.0.2.1..40000, 2001:db8::1..40000. */
    private static String address(Channel channel) {
        if (!((java.net.SocketAddress) org.opencs.pki.net.Endpoints.client(channel) instanceof InetSocketAddress a)) {
            return "(unknown)";
        }
        return (a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress()) + ".." + a.getPort();
    }

    DebugLog log() {
        return log;
    }

    boolean summary() {
        return log.summary();
    }

    boolean detail() {
        return log.detail();
    }

    boolean trace() {
        return log.trace();
    }

    /** The LU the connection holds from now on (null: none). */
    void lu(String name) {
        this.lu = name;
    }

    private String luName() {
        return lu == null ? NO_LU : lu;
    }

    /** EZZ6034I ACCEPTED port (SUMMARY). */
    void accepted() {
        summaryLine("ACCEPTED " + serverPort, null);
    }

    /** EZZ6034I NEGOTIATED mode, with OpenCS's additions: the TLS protocol and cipher, the client certificate. */
    void negotiated(String mode, String tls, String subject) {
        summaryLine("NEGOTIATED " + mode, (tls == null ? "" : " TLS: " + tls)
                + (subject == null ? "" : " CLIENT CERT: " + subject));
    }

    /** EZZ6034I IN SESSION appl (SUMMARY). */
    void inSession(String appl) {
        summaryLine("IN SESSION " + appl, null);
    }

    /** EZZ6034I SESS DROP reason (SUMMARY). */
    void sessionDropped(String reason) {
        summaryLine("SESS DROP " + reason, null);
    }

    /**
     * EZZ6034I CONN DROP reason: at EXCEPTION for errors and inactivity ({@code failure}), else at SUMMARY only, as
     * IBM issues it; {@code mod} names who dropped it (IBM adds the module to error drops).
     */
    void connectionDropped(String reason, boolean failure, String mod) {
        if (failure ? log.exception() : log.summary()) {
            log.write(ezz6034("CONN DROP " + reason) + " IP..PORT: " + address + (mod == null ? "" : " " + mod));
        }
    }

    private void summaryLine(String action, String extra) {
        if (log.summary()) {
            log.write(ezz6034(action) + " IP..PORT: " + address + (extra == null ? "" : extra));
        }
    }

    private String ezz6034(String action) {
        return "EZZ6034I " + DebugLog.JOBNAME + " CONN " + conn + " LU " + luName() + " " + action;
    }

    /**
     * EZZ6035I ... EXCEPTION ... RCODE: rcode description [PARM1: parm] (EXCEPTION): a failure, with IBM's return code
     * where IBM has one for it.
     */
    void exception(String mod, String rcode, String description, String parm) {
        if (log.exception()) {
            log.write(ezz6035("EXCEPTION", mod) + " RCODE: " + rcode + " " + description
                    + (parm == null ? "" : " PARM1: " + parm));
        }
    }

    /** EZZ6035I ... DETAIL ... MOD: mod text (DETAIL): one step. Callers check {@link #detail()} before formatting. */
    void detail(String mod, String text) {
        if (log.detail()) {
            log.write(ezz6035("DETAIL", mod) + " " + text);
        }
    }

    /** EZZ6035I ... TRACE ... MOD: mod text (TRACE): data. Callers check {@link #trace()} before formatting. */
    void trace(String mod, String text) {
        if (log.trace()) {
            log.write(ezz6035("TRACE", mod) + " " + text);
        }
    }

    private String ezz6035(String level, String mod) {
        return "EZZ6035I " + DebugLog.JOBNAME + " DEBUG CONN " + level + " IP..PORT: " + address + " CONN: " + conn
                + " LU: " + luName() + " MOD: " + mod;
    }
}
