package org.opencs.pki.tls.trace;

/**
 * What one trace record tells. Each event has a one-byte code in the raw file, its GSK_TRACE category, the System SSL
 * routine a z/OS trace names for that step ({@code gsk_secure_socket_init} for the handshake, {@code gsk_validate_certificate}
 * for the peer's chain ...) and the text {@code opencs gsktrace} prints. Codes never change meaning; new events get
 * new codes.
 */
public enum TraceEvent {
    TRACE_START(1, TraceCategory.INFO, "gsk_environment_open", "System SSL trace started"),
    CONNECTION(2, TraceCategory.INFO, "gsk_secure_socket_open", "TLS connection"),
    HANDSHAKE_START(3, TraceCategory.ENTRY, "gsk_secure_socket_init", "---> Entry"),
    CLIENT_HELLO(4, TraceCategory.INFO, "read_v3_client_hello", "Received CLIENT-HELLO message"),
    CLIENT_HELLO_UNREADABLE(5, TraceCategory.ERROR, "read_v3_client_hello", "CLIENT-HELLO message could not be decoded"),
    NEGOTIATED(6, TraceCategory.INFO, "send_v3_server_hello", "Sent SERVER-HELLO message"),
    SESSION(7, TraceCategory.INFO, "gsk_secure_socket_init", "Session"),
    CERTIFICATE_SENT(8, TraceCategory.INFO, "send_v3_certificate", "Sent CERTIFICATE"),
    CERTIFICATE_RECEIVED(9, TraceCategory.INFO, "read_v3_certificate", "Received CERTIFICATE"),
    NO_PEER_CERTIFICATE(10, TraceCategory.INFO, "read_v3_certificate", "No certificate received from the peer"),
    VALIDATION_OK(11, TraceCategory.INFO, "gsk_validate_certificate", "Peer certificate chain is valid"),
    VALIDATION_FAILED(12, TraceCategory.ERROR, "gsk_validate_certificate", "Peer certificate chain is not valid"),
    HANDSHAKE_FAILED(13, TraceCategory.ERROR, "gsk_secure_socket_init", "Handshake failed"),
    HANDSHAKE_END(14, TraceCategory.EXIT, "gsk_secure_socket_init", "<--- Exit"),
    ALERT_RECEIVED(15, TraceCategory.ERROR, "read_v3_alert", "Received ALERT message"),
    ALERT_SENT(16, TraceCategory.ERROR, "send_v3_alert", "Sent ALERT message"),
    CLOSE_NOTIFY_RECEIVED(17, TraceCategory.INFO, "read_v3_alert", "Received CLOSE-NOTIFY alert"),
    CLOSE_NOTIFY_SENT(18, TraceCategory.INFO, "send_v3_alert", "Sent CLOSE-NOTIFY alert"),
    CONNECTION_CLOSED(19, TraceCategory.INFO, "gsk_secure_socket_close", "Connection closed"),
    TLS_ERROR(20, TraceCategory.ERROR, "gsk_secure_socket_read", "TLS error after the handshake"),
    RECORDS_DROPPED(21, TraceCategory.ERROR, "gsk_trace", "Trace records dropped: the trace could not keep up"),
    TRACE_END(22, TraceCategory.INFO, "gsk_environment_close", "System SSL trace ended");

    private final int code;
    private final TraceCategory category;
    private final String function;
    private final String text;

    TraceEvent(int code, TraceCategory category, String function, String text) {
        this.code = code;
        this.category = category;
        this.function = function;
        this.text = text;
    }

    /** The event's code in the raw file (1-255). */
    public int code() {
        return code;
    }

    public TraceCategory category() {
        return category;
    }

    /** The System SSL routine name the formatted trace shows for this step. */
    public String function() {
        return function;
    }

    /** The formatted trace's text for this event. */
    public String text() {
        return text;
    }

    /** The event with {@code code}; {@link IllegalArgumentException} when there is none. */
    public static TraceEvent ofCode(int code) {
        for (TraceEvent e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown trace event code " + code);
    }
}
