package org.opencs.pki.net;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.opencs.core.SystemHome;
import org.opencs.core.Values;
import org.opencs.core.ZosException;

/**
 * system.conf {@code proxy.protocol.from}: the load balancers (HAProxy with {@code send-proxy} or
 * {@code send-proxy-v2}) whose connections start with a PROXY protocol header naming the real client. A
 * comma-separated list of IP addresses and CIDR ranges ({@code 10.0.0.5, 192.168.1.0/24, 2001:db8::/32}); absent or
 * empty: off, every connection's peer is its client. A connection from a listed address MUST start with the header, one
 * from any other address MUST NOT (docs/deployment.md "Behind a load balancer"). IBM has no such statement: Sysplex
 * Distributor forwards packets with the client's own address, which a TCP proxy cannot do.
 */
public final class TrustedBalancers {
    /** The system.conf key. */
    public static final String KEY = "proxy.protocol.from";

    private final List<String> ranges;
    private final List<IpSubnetFilterRule> rules;

    private TrustedBalancers(List<String> ranges, List<IpSubnetFilterRule> rules) {
        this.ranges = List.copyOf(ranges);
        this.rules = List.copyOf(rules);
    }

    /** Off: no connection carries a PROXY header. */
    public static TrustedBalancers none() {
        return new TrustedBalancers(List.of(), List.of());
    }

    /**
     * Parses the key's value (null or blank: off).
     *
     * @throws ZosException OCS0006E naming the entry that is not an IP address or CIDR range (host names are not
     *                      accepted: a balancer is trusted by its address, never by what a resolver says)
     */
    public static TrustedBalancers parse(String text) {
        List<String> ranges = new ArrayList<>();
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return none();
        }
        for (String raw : text.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String host = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress address = NetUtil.createInetAddressFromIpAddressString(host);
            int maxPrefix = address == null ? 0 : address.getAddress().length * 8;
            int prefix = maxPrefix;
            if (slash >= 0) {
                String bits = entry.substring(slash + 1);
                prefix = bits.matches("[0-9]{1,3}") ? Integer.parseInt(bits) : -1;
            }
            if (address == null || prefix < 0 || prefix > maxPrefix) {
                throw new ZosException("OCS0006E", "system.conf: " + KEY + " entry '" + Values.quoteForMessage(entry)
                        + "' is not an IP address or CIDR range (for example 10.0.0.5, 192.168.1.0/24 or 2001:db8::/32).");
            }
            ranges.add(address.getHostAddress() + "/" + prefix);
            rules.add(new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
        }
        return new TrustedBalancers(ranges, rules);
    }

    /**
     * The key from {@code home}'s system.conf (a file that cannot be read leaves it off: SystemConfig has reported it).
     *
     * @throws ZosException OCS0006E as {@link #parse(String)}
     */
    public static TrustedBalancers load(SystemHome home) {
        return parse(property(home, KEY));
    }

    /** One key's value from {@code home}'s system.conf, or null. */
    static String property(SystemHome home, String key) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(home.systemConf(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            return null;
        }
        return properties.getProperty(key);
    }

    /** Whether any balancer is configured (the PROXY protocol is on). */
    public boolean enabled() {
        return !rules.isEmpty();
    }

    /** Whether {@code peer} (a connection's socket peer) is a listed balancer. */
    public boolean trusts(InetSocketAddress peer) {
        if (peer == null || peer.getAddress() == null) {
            return false;
        }
        for (IpSubnetFilterRule rule : rules) {
            if (rule.matches(peer)) {
                return true;
            }
        }
        return false;
    }

    /** The ranges as configured, normalised ({@code 127.0.0.1/32}), for log lines. */
    public List<String> ranges() {
        return ranges;
    }

    @Override
    public String toString() {
        return enabled() ? String.join(", ", ranges) : "(none)";
    }
}
