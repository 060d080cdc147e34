package org.opencs.pki.net;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;

/**
 * A connection's real ends: the client's address and port and the address and port the client connected to. On a
 * direct connection these are the socket's own; behind a load balancer that sends the PROXY protocol they are the
 * header's source and destination ({@link ProxyProtocol}), so logs, SMF records, audit records, session limits and the
 * FTP PASV reply name the client and the balancer's address rather than the balancer's connection to this node.
 */
public record Endpoints(InetSocketAddress client, InetSocketAddress server) {
    /** The channel attribute that holds a PROXY header's endpoints; absent on a direct connection. */
    static final AttributeKey<Endpoints> KEY = AttributeKey.valueOf(Endpoints.class, "proxied");

    /** {@code channel}'s real endpoints: the PROXY header's when it had one, else the socket's. */
    public static Endpoints of(Channel channel) {
        Endpoints proxied = channel.attr(KEY).get();
        return proxied != null ? proxied
                : new Endpoints((InetSocketAddress) channel.remoteAddress(), (InetSocketAddress) channel.localAddress());
    }

    /** The real client of {@code channel} (null only for a channel that never connected). */
    public static InetSocketAddress client(Channel channel) {
        return of(channel).client();
    }

    /** The address and port the client of {@code channel} connected to (the balancer's, behind one). */
    public static InetSocketAddress server(Channel channel) {
        return of(channel).server();
    }

    /** Whether {@code channel}'s endpoints came from a PROXY header. */
    public static boolean proxied(Channel channel) {
        return channel.attr(KEY).get() != null;
    }
}
