package org.opencs.tn3270.config;

import java.util.List;

/**
 * PROFILE.TCPIP's telnet part: the ports, BEGINVTAM's DEFAULTAPPL (null: the USS logon screen) and DEFAULTLUS (LU
 * names and NAME1..NAME2 ranges; empty: TCP00001, TCP00002 ... without limit).
 */
public record TelnetConfig(List<TelnetPort> ports, String defaultAppl, boolean ussTcp, List<String> defaultLus) {
    public TelnetConfig {
        ports = List.copyOf(ports);
        defaultLus = List.copyOf(defaultLus);
    }
}
