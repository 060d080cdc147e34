package org.opencs.tn3270.config;

/**
 * One TELNETPARMS block: the port (PORT for plain, SECUREPORT for TLS), IBM's CONNTYPE and CLIENTAUTH semantics, the
 * key ring reference (KEYRING HFS path | KEYRING SAF ring, kept as written for the key ring resolver), the code pages
 * and the timers (seconds; 0 = never): INACTIVE drops a session without input, TIMEMARK probes a silent client with
 * DO TIMING-MARK, SCANINTERVAL is how long a probe may go unanswered before the session is dropped.
 */
public record TelnetPort(int port, boolean securePort, ConnType connType, ClientAuth clientAuth, String keyring,
                         String asciiCodePage, String ebcdicCodePage, int inactiveSeconds, int timeMarkSeconds,
                         int scanIntervalSeconds, boolean expressLogon, int line) {

    public enum ConnType { SECURE, NEGTSECURE, ANY, BASIC, NONE }

    public enum ClientAuth { NONE, SSLCERT, SAFCERT }

    public boolean tlsRequired() {
        return connType == ConnType.SECURE || connType == ConnType.NEGTSECURE;
    }
}
