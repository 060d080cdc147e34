package org.opencs.ftp.server;

import org.opencs.ftp.config.TraceType;

/**
 * Every trace point of the FTP server: the trace type (and, for FSC and SOC, the least level) that switches it on, its
 * stable tag (two letters naming the module, four digits as z/OS's own tags carry a source line number), the routine,
 * and the text with SLF4J {@code {}} places for its values. The line in the system log is {@code <session> <tag>
 * <routine>: <text>}, as z/OS's FTP server writes {@code FR1932 ftpAuth: connect as a server requesting client
 * certificate} to syslogd. The FR17xx - FR19xx points are the ones the seed shows (z/OS's own tags); the others are
 * OpenCS's, in IBM's style, and stay as they are once published (docs/ftp.md, "DEBUG traces", lists them all).
 * No text has a place for a password, a password phrase or a PassTicket.
 */
enum TracePoint {
    // SEC: ftpAuth, the AUTH command and the control connection's TLS (z/OS's tags, from the seed).
    AUTH_ENTERED(TraceType.SEC, "FR1799", "ftpAuth", "entered"),
    AUTH_ENVIRONMENT_OPEN(TraceType.SEC, "FR1842", "ftpAuth", "environment_open()"),
    AUTH_CONNECT(TraceType.SEC, "FR1928", "ftpAuth", "connect as a server"),
    AUTH_CONNECT_CLIENT_CERTIFICATE(TraceType.SEC, "FR1932", "ftpAuth",
            "connect as a server requesting client certificate"),
    AUTH_ENVIRONMENT_INIT(TraceType.SEC, "FR1975", "ftpAuth", "environment_init()"),
    AUTH_ENVIRONMENT_COMPLETE(TraceType.SEC, "FR1984", "ftpAuth", "environment initialization complete"),
    AUTH_REFUSED(TraceType.SEC, "FR1805", "ftpAuth", "AUTH {} refused: {}"),
    HANDSHAKE_COMPLETE(TraceType.SEC, "FR2050", "ftpHandshake", "handshake complete, protocol {} cipher {}"),
    CLIENT_CERTIFICATE(TraceType.SEC, "FR2061", "ftpHandshake", "client certificate subject {} issuer {}"),
    NO_CLIENT_CERTIFICATE(TraceType.SEC, "FR2066", "ftpHandshake", "no client certificate was sent"),
    HANDSHAKE_FAILED(TraceType.SEC, "FR2090", "ftpHandshake", "handshake failed: {}"),
    PROT(TraceType.SEC, "FR2210", "ftpProt", "PROT {}: {}"),

    // ACC: the logon steps (never a password, phrase or PassTicket; only what the check decided).
    USER_ENTERED(TraceType.ACC, "AC0205", "ftpUser", "entered for user {}"),
    USER_NEEDS_TLS(TraceType.ACC, "AC0221", "ftpUser", "USER refused: SECURE_FTP {} and SECURE_CTRLCONN {} need AUTH first"),
    USER_NO_CERTIFICATE(TraceType.ACC, "AC0236", "ftpUser", "SECURE_LOGIN {}: no client certificate, user {} refused"),
    USER_CERTIFICATE_MAPS(TraceType.ACC, "AC0244", "ftpUser", "client certificate maps to user {}"),
    USER_CERTIFICATE_DOES_NOT_MAP(TraceType.ACC, "AC0251", "ftpUser",
            "SECURE_LOGIN VERIFY_USER: client certificate does not map to user {}, user refused"),
    USER_NO_PASSWORD_NEEDED(TraceType.ACC, "AC0268", "ftpUser",
            "SECURE_PASSWORD OPTIONAL: user {} logs on with the client certificate, no password"),
    PASS_ENTERED(TraceType.ACC, "AC0310", "ftpPass", "entered for user {}"),
    PASS_WITHOUT_USER(TraceType.ACC, "AC0305", "ftpPass", "PASS refused: no USER before it"),
    PASS_CHECK(TraceType.ACC, "AC0322", "ftpPass", "verifying the password of user {} for application {}"),
    PASS_CHANGE(TraceType.ACC, "AC0324", "ftpPass", "user {} asks for a password change (PASS old/new/new)"),
    PASS_REFUSED(TraceType.ACC, "AC0341", "ftpPass", "logon of user {} refused: {}"),
    PASS_ACCEPTED(TraceType.ACC, "AC0350", "ftpPass", "password of user {} verified"),
    LOGGED_ON(TraceType.ACC, "AC0390", "ftpLogin", "user {} logged on, working directory {}"),

    // CMD: each command as received (PASS masked) and each reply line as sent.
    COMMAND(TraceType.CMD, "FC0310", "ftpCmd", "received {}"),
    REPLY(TraceType.CMD, "FC0390", "ftpReply", "{}"),

    // PAR: the command parser.
    PARSE_COMMAND(TraceType.PAR, "PC0346", "parseCmd", "command: {}"),
    PARSE_PARAMETER(TraceType.PAR, "PC0371", "parseCmd", "parameter: {}"),
    PARSE_SITE(TraceType.PAR, "PC0530", "parseSite", "parameter {}: {}"),

    // INT: the session's start and end.
    SESSION_START(TraceType.INT, "IN0110", "ftpInit", "session starts for client {} port {} on local port {}{}"),
    SESSION_TRACES(TraceType.INT, "IN0140", "ftpInit", "active traces - {}"),
    SESSION_END(TraceType.INT, "IN0810", "ftpTerm", "session ends: control connection closed, {} bytes in, {} bytes out"),
    SESSION_SHUTDOWN(TraceType.INT, "IN0830", "ftpTerm", "the server is stopping: 421 to the client"),
    SESSION_IDLE(TraceType.INT, "IN0840", "ftpTerm", "INACTIVE: the control connection was idle for {} seconds"),

    // FLO: which part of the server handles a command.
    DISPATCH(TraceType.FLO, "FL0230", "ftpDispatch", "{} goes to {}"),
    TRANSFER_WAIT(TraceType.FLO, "FL0250", "ftpDispatch", "{} continues with its data transfer"),
    TRANSFER_END(TraceType.FLO, "FL0270", "ftpDispatch", "{} ended its data transfer, {} command(s) waiting"),
    UNEXPECTED(TraceType.FLO, "FL0290", "ftpDispatch", "{} ended with an unexpected error: {}"),

    // UTL: CWD, SITE and STAT.
    CWD(TraceType.UTL, "UT0310", "ftpCwd", "{} {}"),
    SITE(TraceType.UTL, "UT0410", "ftpSite", "entered with {}"),
    SITE_NOTE(TraceType.UTL, "UT0440", "ftpSite", "{}"),
    SITE_REFUSED(TraceType.UTL, "UT0450", "ftpSite", "SITE refused: {}"),
    SITE_DEBUG(TraceType.UTL, "UT0470", "ftpSite", "active server traces now {}"),
    STAT(TraceType.UTL, "UT0510", "ftpStat", "entered with {}"),

    // FSC(n): the file services commands APPE, STOR, STOU, RETR, DELE, RNFR, RNTO.
    FILE_ENTERED(TraceType.FSC, 1, "FS0100", "ftpFile", "{} entered for {} {}"),
    FILE_ATTRIBUTES(TraceType.FSC, 2, "FS0210", "ftpFile", "{}: type {}, structure {}, mode Stream, restart at {}"),
    FILE_ENDED(TraceType.FSC, 1, "FS0190", "ftpFile", "{} {} ended: {} bytes, reply {}"),

    // SOC(n): data connections.
    DATA_PASSIVE(TraceType.SOC, 1, "SO0210", "dataConn", "passive listener on port {}"),
    DATA_ACTIVE(TraceType.SOC, 1, "SO0230", "dataConn", "the server will connect to {} port {}"),
    DATA_NONE(TraceType.SOC, 1, "SO0250", "dataConn", "no data connection: {}"),
    DATA_OPEN(TraceType.SOC, 1, "SO0310", "dataConn", "data connection with {} port {} is open"),
    DATA_TLS(TraceType.SOC, 2, "SO0330", "dataConn", "TLS on the data connection (PROT P), SECURE_SESSION_REUSE {}"),
    DATA_TLS_DONE(TraceType.SOC, 2, "SO0340", "dataConn", "data connection handshake complete, protocol {} cipher {}"),
    DATA_CLOSED(TraceType.SOC, 1, "SO0390", "dataConn", "data connection with {} port {} is closed"),
    DATA_BYTES(TraceType.SOC, 1, "SO0410", "dataConn", "{} bytes {} on the data connection"),

    // JES: FILETYPE=JES.
    JES_COMMAND(TraceType.JES, "JS0100", "jesCmd", "{} {} (FILETYPE=JES)"),
    JES_SUBMITTED(TraceType.JES, "JS0120", "jesSubmit", "job {} submitted"),
    JES_DELETED(TraceType.JES, "JS0410", "jesDelete", "job {} cancelled and purged"),

    // XLA: data conversion.
    XLATE(TraceType.XLA, "XL0110", "xlate", "{} in text: network code page {}, host code page {}");

    final TraceType type;
    final int level;
    final String tag;
    final String routine;
    final String text;

    TracePoint(TraceType type, String tag, String routine, String text) {
        this(type, 1, tag, routine, text);
    }

    TracePoint(TraceType type, int level, String tag, String routine, String text) {
        this.type = type;
        this.level = level;
        this.tag = tag;
        this.routine = routine;
        this.text = text;
    }
}
