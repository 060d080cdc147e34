package org.opencs.tn3270.config;

/**
 * TELNETPARMS (or TELNETGLOBALS) SMFINIT and SMFTERM as they decide the SMF type 119 records of a port: {@code init}
 * writes the TN3270E Telnet server SNA session initiation record (subtype 20) when a session starts, {@code term} the
 * SNA session termination record (subtype 21) when it ends. IBM's default (no statement, or NOTYPE119) writes neither.
 * Type 118 records (SMFINIT STD, SMFINIT subtype) are not written by OpenCS (z/OS Communications Server: IP
 * Configuration Reference, "SMFINIT statement", "SMFTERM statement"; docs/tn3270.md).
 */
public record TelnetSmf(boolean init, boolean term) {
    /** IBM's default: SMFINIT 0 NOTYPE119, SMFTERM 0 NOTYPE119. */
    public static final TelnetSmf NONE = new TelnetSmf(false, false);
}
