package org.opencs.ftp.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import org.opencs.core.StatementFile.Statement;
import org.opencs.core.Values;
import org.opencs.core.ZosException;

/**
 * Collects FTP.DATA's SMF statements into {@link FtpSmf}. {@code SMF STD|TYPE119} sets every operation's record at
 * once; {@code SMFAPPE}, {@code SMFDEL}, {@code SMFLOGN}, {@code SMFREN}, {@code SMFRETR} and {@code SMFSTOR} take
 * {@code STD}, {@code TYPE119} or a type 118 subtype (1-255) for their own operation; a later statement overrides an
 * earlier one. TYPE119 writes IBM's type 119 record; STD, a subtype, or no value (IBM's type 118 default) ask for type
 * 118 records, which OpenCS does not write: warning OCSF119W. {@code SMFJES} and {@code SMFSQL} (no value) extend the
 * records to FILETYPE=JES and FILETYPE=SQL requests. {@code SMFDCFG TYPE119} asks for the FTP daemon configuration
 * record (subtype 71) when the server starts, {@code SMFDCFG NOTYPE119} (the default) for none; {@code SMF} leaves it
 * alone. Any other value is error EZYFT46E with its line and column.
 */
final class SmfStatements {
    static final Set<String> NAMES = Set.of("SMF", "SMFAPPE", "SMFDEL", "SMFLOGN", "SMFREN", "SMFRETR", "SMFSTOR",
            "SMFJES", "SMFSQL", "SMFDCFG");

    private final String source;
    private final List<String> warnings;
    private final BiFunction<Statement, String, ZosException> error;
    private final Set<FtpSmf.Operation> type119 = EnumSet.noneOf(FtpSmf.Operation.class);
    private boolean jes;
    private boolean sql;

    /** {@code error}: the EZYFT46E exception for a statement's first value and a reason. */
    SmfStatements(String source, List<String> warnings, BiFunction<Statement, String, ZosException> error) {
        this.source = source;
        this.warnings = warnings;
        this.error = error;
    }

    void statement(Statement s) {
        switch (s.name()) {
            case "SMFJES" -> jes = true;
            case "SMFSQL" -> sql = true;
            case "SMF" -> set(s, EnumSet.complementOf(EnumSet.of(FtpSmf.Operation.DAEMON_CONFIG)), false);
            case "SMFDCFG" -> daemonConfig(s);
            default -> {
                for (FtpSmf.Operation operation : FtpSmf.Operation.values()) {
                    if (operation.statement().equals(s.name())) {
                        set(s, EnumSet.of(operation), true);
                    }
                }
            }
        }
    }

    private void set(Statement s, Set<FtpSmf.Operation> operations, boolean subtypeAllowed) {
        String value = s.values().isEmpty() ? "STD" : s.value(0).toUpperCase(Locale.ROOT);
        if (s.values().size() > 1) {
            throw error.apply(s, s.name() + " takes one value");
        }
        if (value.equals("TYPE119")) {
            type119.addAll(operations);
            return;
        }
        if (!value.equals("STD") && !(subtypeAllowed && value.matches("[0-9]{1,3}") && Integer.parseInt(value) >= 1
                && Integer.parseInt(value) <= 255)) {
            throw error.apply(s, s.name() + " must be STD" + (subtypeAllowed ? ", TYPE119 or a subtype from 1 to 255"
                    : " or TYPE119") + ", not " + Values.quoteForMessage(s.value(0)));
        }
        type119.removeAll(operations);
        warnings.add("OCSF119W " + s.name() + (s.values().isEmpty() ? "" : " " + value) + " on line " + s.line()
                + " of " + Values.quoteForMessage(source) + " asks for SMF type 118 records, which OpenCS does not "
                + "write; code TYPE119 for type 119 records.");
    }

    /** SMFDCFG TYPE119 asks for the daemon configuration record (subtype 71), NOTYPE119 turns it off. */
    private void daemonConfig(Statement s) {
        String value = s.values().size() == 1 ? s.value(0).toUpperCase(Locale.ROOT) : "";
        switch (value) {
            case "TYPE119" -> type119.add(FtpSmf.Operation.DAEMON_CONFIG);
            case "NOTYPE119" -> type119.remove(FtpSmf.Operation.DAEMON_CONFIG);
            default -> throw error.apply(s, "SMFDCFG must be TYPE119 or NOTYPE119"
                    + (s.values().isEmpty() ? "" : ", not " + Values.quoteForMessage(s.value(0))));
        }
    }

    FtpSmf result() {
        return new FtpSmf(type119, jes, sql);
    }
}
