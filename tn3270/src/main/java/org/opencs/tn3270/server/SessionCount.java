package org.opencs.tn3270.server;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import org.opencs.core.SessionLimits;

/**
 * The connections one VTAM (every port of one server process) holds, counted from the first byte: a client that
 * connects and never finishes TLS or negotiation holds a place as much as one logged on. A connection is admitted
 * when neither {@code tn3270.max.sessions} nor, for its client address, {@code tn3270.max.sessions.per.client} is
 * reached (0 = no bound), and gives its place back when it closes.
 */
final class SessionCount {
    /** Which bound refused a connection, with the system.conf key that sets it and its value. */
    record Refusal(String key, int limit, String what) {
    }

    private final SessionLimits limits;
    private final Map<InetAddress, Integer> perClient = new HashMap<>();
    private int total;

    SessionCount(SessionLimits limits) {
        this.limits = limits;
    }

    SessionLimits limits() {
        return limits;
    }

    /** Takes a place for a connection from {@code client}; null when admitted, else the bound it would pass. */
    synchronized Refusal admit(InetAddress client) {
        if (limits.total() > 0 && total >= limits.total()) {
            return new Refusal("tn3270.max.sessions", limits.total(), "the server's sessions");
        }
        int fromClient = perClient.getOrDefault(client, 0);
        if (limits.perClient() > 0 && fromClient >= limits.perClient()) {
            return new Refusal("tn3270.max.sessions.per.client", limits.perClient(),
                    "sessions from " + client.getHostAddress());
        }
        total++;
        perClient.put(client, fromClient + 1);
        return null;
    }

    /** Gives back the place of an admitted connection from {@code client}. */
    synchronized void release(InetAddress client) {
        Integer fromClient = perClient.get(client);
        if (fromClient == null) {
            return;
        }
        total--;
        if (fromClient == 1) {
            perClient.remove(client);
        } else {
            perClient.put(client, fromClient - 1);
        }
    }

    /** Connections held now: by everyone, or by one client address. */
    synchronized int total() {
        return total;
    }

    synchronized int from(InetAddress client) {
        return perClient.getOrDefault(client, 0);
    }
}
