package org.opencs.core;

/**
 * How many sessions a server takes: {@code total} at once, and {@code perClient} from any one client IP address
 * (vsftpd's max_clients and max_per_ip; z/OS leaves this to the TCP/IP stack's traffic regulation, TCPTR). A
 * connection past either bound is refused with the protocol's own reply and a log line; 0 means no bound.
 *
 * @param total     sessions at once on the server, 0 = unbounded
 * @param perClient sessions at once from one client address, 0 = unbounded
 */
public record SessionLimits(int total, int perClient) {
    public static final SessionLimits FTP_DEFAULT = new SessionLimits(1000, 100);
    public static final SessionLimits TN3270_DEFAULT = new SessionLimits(30000, 500);

    public SessionLimits {
        if (total < 0 || perClient < 0) {
            throw new IllegalArgumentException("session limits are 0 (none) or positive");
        }
    }
}
