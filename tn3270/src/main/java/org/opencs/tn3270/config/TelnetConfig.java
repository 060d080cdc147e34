package org.opencs.tn3270.config;

import java.util.List;

/** PROFILE.TCPIP's telnet part: the ports and BEGINVTAM's DEFAULTAPPL (null: the USS logon screen). */
public record TelnetConfig(List<TelnetPort> ports, String defaultAppl, boolean ussTcp) {
    public TelnetConfig {
        ports = List.copyOf(ports);
    }
}
