package org.opencs.ftp.server;

import io.netty.util.NetUtil;
import java.net.Inet4Address;
import java.net.InetAddress;
import org.opencs.core.SystemHome;
import org.opencs.core.Values;
import org.opencs.core.ZosException;
import org.opencs.pki.net.TrustedBalancers;

/**
 * What stands in front of the FTP server (docs/deployment.md "Behind a load balancer"): the load balancers whose
 * connections carry the PROXY protocol (system.conf {@code proxy.protocol.from}, {@link TrustedBalancers}) and the
 * address the PASV reply names (system.conf {@code ftp.passive.address}; null: the address the client connected to).
 *
 * <p>z/OS's server names the local address of the control connection in its 227 reply (IBM, "227: Entering Passive
 * Mode": "h1-h4 are the host IP address", https://www.ibm.com/docs/en/SSLTBW_2.2.0/com.ibm.zos.v2r2.cs3cod0/ftp227-02.htm);
 * behind Sysplex Distributor that is the distributed DVIPA the client connected to. FTP.DATA has no statement that
 * changes it (PASSIVEIGNOREADDR is the client's), so {@code ftp.passive.address} is OpenCS's own, for NAT without the
 * PROXY protocol; with the PROXY protocol the header's destination is the address the client connected to.
 */
public record FtpFrontEnd(TrustedBalancers balancers, InetAddress passiveAddress) {
    /** The system.conf key of the PASV reply's address. */
    public static final String PASSIVE_ADDRESS_KEY = "ftp.passive.address";

    /** Clients connect to this node directly: no PROXY protocol, PASV names the control connection's local address. */
    public static final FtpFrontEnd DIRECT = new FtpFrontEnd(TrustedBalancers.none(), null);

    public FtpFrontEnd {
        java.util.Objects.requireNonNull(balancers, "balancers");
    }

    /**
     * Both keys from {@code home}'s system.conf.
     *
     * @throws ZosException OCS0006E for a balancer list or passive address that is not valid
     */
    public static FtpFrontEnd load(SystemHome home) {
        java.util.Properties properties = new java.util.Properties();
        try (var reader = java.nio.file.Files.newBufferedReader(home.systemConf(), java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (java.io.IOException e) {
            return DIRECT; // SystemConfig has reported a system.conf that cannot be read
        }
        return new FtpFrontEnd(TrustedBalancers.parse(properties.getProperty(TrustedBalancers.KEY)),
                passiveAddress(properties.getProperty(PASSIVE_ADDRESS_KEY)));
    }

    /**
     * {@code ftp.passive.address}: an IPv4 address (PASV's reply has room for no other), or null when absent.
     *
     * @throws ZosException OCS0006E otherwise (host names are not looked up: the reply carries an address)
     */
    public static InetAddress passiveAddress(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        InetAddress address = NetUtil.createInetAddressFromIpAddressString(text.trim());
        if (!(address instanceof Inet4Address)) {
            throw new ZosException("OCS0006E", "system.conf: " + PASSIVE_ADDRESS_KEY + " '"
                    + Values.quoteForMessage(text.trim()) + "' is not an IPv4 address (PASV replies carry one).");
        }
        return address;
    }
}
