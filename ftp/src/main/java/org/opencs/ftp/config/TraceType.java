package org.opencs.ftp.config;

/**
 * The FTP server's general trace types, as FTP.DATA {@code DEBUG} and {@code SITE DEBUG=} name them (z/OS
 * Communications Server: IP Configuration Reference, "DEBUG (FTP client and server) statement"; IP Diagnosis Guide,
 * "Controlling general tracing"), in the order z/OS lists the active ones ({@code Active client traces - FLO CMD PAR
 * INT ACC UTL SEC FSC(1) SOC(1) SQL}, IP User's Guide and Commands, "Interpreting FTP client output"). FSC and SOC
 * have a level of detail from 1 to 8; the others are on or off.
 */
public enum TraceType {
    /** The flow of control: which services of the server a request uses. */
    FLO,
    /** Each command and the parsing of its parameters, and each reply. */
    CMD,
    /** Details of the command parser. */
    PAR,
    /** Initialization and termination of the session. */
    INT,
    /** The login process. */
    ACC,
    /** Utility functions such as CWD and SITE. */
    UTL,
    /** Security functions: TLS negotiation, client certificates. */
    SEC,
    /** File services: APPE, STOR, STOU, RETR, DELE, RNFR and RNTO (levels 1 - 8). */
    FSC,
    /** Socket level: data connections, their opening, closing and byte counts (levels 1 - 8). */
    SOC,
    /** The JES interface: submit, list, retrieve and delete jobs. */
    JES,
    /** The SQL interface (FILETYPE=SQL; OpenCS has none, so nothing is traced under it). */
    SQL,
    /** Data conversion: the code pages of a transfer. */
    XLA;

    /** The highest level FSC and SOC take. */
    public static final int MAX_LEVEL = 8;

    /** Whether this type takes a level, FSC(n) and SOC(n). */
    public boolean leveled() {
        return this == FSC || this == SOC;
    }
}
