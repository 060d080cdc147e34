package org.opencs.ftp.config;

import java.util.EnumSet;
import java.util.Set;

/**
 * The SMF records FTP.DATA's SMF statements ask the server for (z/OS Communications Server: IP Configuration
 * Reference, "SMF (FTP server) statement", SMFAPPE, SMFDEL, SMFLOGN, SMFREN, SMFRETR, SMFSTOR, SMFJES, SMFSQL;
 * IP Configuration Guide, "Configure the FTP server for SMF"). {@code type119}: the operations whose type 119 record
 * is written (subtype 70 for a transfer, rename or delete; subtype 71 for the daemon's configuration, SMFDCFG;
 * subtype 72 for a logon failure); {@code jes} and
 * {@code sql}: whether records are also written for FILETYPE=JES and FILETYPE=SQL requests (SMFJES, SMFSQL). With no
 * SMF statement, nothing is written: IBM's default.
 */
public record FtpSmf(Set<Operation> type119, boolean jes, boolean sql) {
    /** What a record is written for, and the statement that asks for it. */
    public enum Operation {
        APPEND("SMFAPPE"), DELETE("SMFDEL"), LOGON_FAILURE("SMFLOGN"), RENAME("SMFREN"), RETRIEVE("SMFRETR"),
        STORE("SMFSTOR"),
        /** The FTP daemon configuration record (subtype 71), once when the server starts; not set by SMF. */
        DAEMON_CONFIG("SMFDCFG");

        private final String statement;

        Operation(String statement) {
            this.statement = statement;
        }

        public String statement() {
            return statement;
        }
    }

    /** IBM's default: no SMF statement, no record. */
    public static final FtpSmf NONE = new FtpSmf(Set.of(), false, false);

    public FtpSmf {
        type119 = type119.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(type119));
    }

    /** Whether {@code operation}'s type 119 record is written for a request of file type {@code fileType}. */
    public boolean writes(Operation operation, String fileType) {
        if (!type119.contains(operation)) {
            return false;
        }
        return switch (fileType) {
            case "JES" -> jes;
            case "SQL" -> sql;
            default -> true;
        };
    }
}
