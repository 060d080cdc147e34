package org.opencs.tn3270.config;

import java.util.List;

/** PROFILE.TCPIP's telnet part: the ports (TELNETPARMS blocks) and BEGINVTAM. */
public record TelnetConfig(List<TelnetPort> ports, VtamConfig vtam) {
    public TelnetConfig {
        ports = List.copyOf(ports);
    }
}
