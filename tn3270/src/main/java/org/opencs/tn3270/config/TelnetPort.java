package org.opencs.tn3270.config;

/**
 * One TELNETPARMS block: the port (PORT for plain, SECUREPORT for TLS), IBM's CONNTYPE and CLIENTAUTH semantics, the
 * key ring reference (KEYRING HFS path | KEYRING SAF ring, kept as written for the key ring resolver), the code pages
 * and the timers (seconds; 0 = never): INACTIVE drops a session without input, PRTINACTIVE a printer session without
 * a print job, TIMEMARK probes a silent client with
 * DO TIMING-MARK, SCANINTERVAL is how long a probe may go unanswered before the session is dropped. {@code debug}:
 * DEBUG CONN and FULLDATATRACE (what the connections report, {@link TelnetDebug}); {@code smf}: the SMF 119 records
 * SMFINIT and SMFTERM ask for.
 */
public record TelnetPort(int port, boolean securePort, ConnType connType, ClientAuth clientAuth, String keyring,
                         String asciiCodePage, String ebcdicCodePage, int inactiveSeconds, int prtInactiveSeconds,
                         int timeMarkSeconds, int scanIntervalSeconds, boolean expressLogon, int line,
                         TelnetDebug debug, TelnetSmf smf) {

    public TelnetPort {
        java.util.Objects.requireNonNull(debug, "debug");
        java.util.Objects.requireNonNull(smf, "smf");
    }

    /** A port with IBM's initial DEBUG setting (EXCEPTION CONSOLE) and no SMF records. */
    public TelnetPort(int port, boolean securePort, ConnType connType, ClientAuth clientAuth, String keyring,
                      String asciiCodePage, String ebcdicCodePage, int inactiveSeconds, int prtInactiveSeconds,
                      int timeMarkSeconds, int scanIntervalSeconds, boolean expressLogon, int line) {
        this(port, securePort, connType, clientAuth, keyring, asciiCodePage, ebcdicCodePage, inactiveSeconds,
                prtInactiveSeconds, timeMarkSeconds, scanIntervalSeconds, expressLogon, line, TelnetDebug.DEFAULT,
                TelnetSmf.NONE);
    }

    /** The same port with another DEBUG setting. */
    public TelnetPort withDebug(TelnetDebug newDebug) {
        return new TelnetPort(port, securePort, connType, clientAuth, keyring, asciiCodePage, ebcdicCodePage,
                inactiveSeconds, prtInactiveSeconds, timeMarkSeconds, scanIntervalSeconds, expressLogon, line, newDebug,
                smf);
    }

    public enum ConnType { SECURE, NEGTSECURE, ANY, BASIC, NONE }

    public enum ClientAuth { NONE, SSLCERT, SAFCERT }

    /** CODEPAGE's EBCDIC half (IBM-1047, IBM-037, IBM-1140 ...) as the JDK names it. */
    public java.nio.charset.Charset ebcdicCharset() {
        String name = ebcdicCodePage.toUpperCase(java.util.Locale.ROOT).replace("IBM-", "").replace("CP", "");
        try {
            return java.nio.charset.Charset.forName("IBM" + String.format("%03d", Integer.parseInt(name)));
        } catch (RuntimeException e) {
            throw new org.opencs.core.ZosException("OCST013E", "CODEPAGE " + ebcdicCodePage + " on port " + port
                    + " is not an EBCDIC code page this system knows");
        }
    }

    public boolean tlsRequired() {
        return connType == ConnType.SECURE || connType == ConnType.NEGTSECURE;
    }
}
