package org.opencs.ftp.server;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencs.core.SessionLimits;

/**
 * Counts a server's control connections, in all and per client address, against {@link SessionLimits}, so one
 * address cannot take the server (vsftpd's max_clients and max_per_ip). A connection is counted from accept to close.
 */
final class SessionLimiter {
    private final SessionLimits limits;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();

    SessionLimiter(SessionLimits limits) {
        this.limits = limits;
    }

    /**
     * Admits {@code channel} and counts it until it closes; or, when a limit is reached, counts nothing and returns
     * the reason for the refusal ("100 sessions from 10.1.1.1 (ftp.max.sessions.per.client)").
     */
    String admit(Channel channel) {
        InetAddress client = org.opencs.pki.net.Endpoints.client(channel).getAddress();
        int now = total.incrementAndGet();
        AtomicInteger fromClient = perClient.computeIfAbsent(client, a -> new AtomicInteger());
        int mine = fromClient.incrementAndGet();
        String refusal = null;
        if (limits.total() > 0 && now > limits.total()) {
            refusal = limits.total() + " sessions in all (ftp.max.sessions)";
        } else if (limits.perClient() > 0 && mine > limits.perClient()) {
            refusal = limits.perClient() + " sessions from " + client.getHostAddress() + " (ftp.max.sessions.per.client)";
        }
        if (refusal != null) {
            release(client, fromClient);
            return refusal;
        }
        channel.closeFuture().addListener(f -> release(client, fromClient));
        return null;
    }

    private void release(InetAddress client, AtomicInteger fromClient) {
        total.decrementAndGet();
        if (fromClient.decrementAndGet() == 0) {
            perClient.remove(client, fromClient);
        }
    }
}
