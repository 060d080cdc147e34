package org.opencs.tn3270.telnet;

/** Telnet command and option bytes (RFC 854, 885, 1091, 1572, 2355, draft-altman-telnet-starttls). */
public final class Telnet {
    public static final int IAC = 0xFF;
    public static final int DONT = 0xFE;
    public static final int DO = 0xFD;
    public static final int WONT = 0xFC;
    public static final int WILL = 0xFB;
    public static final int SB = 0xFA;
    public static final int NOP = 0xF1;
    /** Break: a TN3270 (not E) terminal's ATTN key sends PA1 and then this. */
    public static final int BREAK = 0xF3;
    /** Interrupt Process: a TN3270E terminal's ATTN key. */
    public static final int IP = 0xF4;
    /** Abort Output: with TN3270E's SYSREQ function, the client's SYSREQ key. */
    public static final int AO = 0xF5;
    public static final int SE = 0xF0;
    public static final int EOR = 0xEF;

    public static final int BINARY = 0x00;
    public static final int TIMING_MARK = 0x06;
    public static final int TERMINAL_TYPE = 0x18;
    public static final int END_OF_RECORD = 0x19;
    public static final int NEW_ENVIRON = 0x27;
    public static final int TN3270E = 0x28;
    public static final int START_TLS = 0x2E;

    /** TERMINAL-TYPE and TN3270E sub-commands. */
    public static final int IS = 0x00;
    public static final int SEND = 0x01;

    private Telnet() {
    }

    public static String verbName(int verb) {
        return switch (verb) {
            case DO -> "DO";
            case DONT -> "DONT";
            case WILL -> "WILL";
            case WONT -> "WONT";
            default -> String.format("%02X", verb);
        };
    }
}
