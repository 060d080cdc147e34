package org.opencs.ftp.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.net.ssl.SSLSession;
import org.opencs.core.smf.Smf119Builder;
import org.opencs.core.smf.Smf119Origin;
import org.opencs.core.smf.Smf119Subtype;
import org.opencs.core.smf.Smf119Writer;
import org.opencs.ftp.config.FtpSmf;
import org.opencs.saf.users.LogonResult;

/**
 * The FTP server's SMF 119 records, when FTP.DATA's SMF statements ask for them ({@link FtpSmf}): the FTP server
 * transfer completion record (subtype 70) for RETR, STOR, STOU and APPE, successful or not once data moved, for DELE
 * and RNTO (the rename) successful or not, and the
 * FTP server logon failure record (subtype 72), with IBM's fields (z/OS Communications Server: IP Programmer's Guide
 * and Reference, "FTP server transfer completion record (subtype 70)", "FTP server logon failure record (subtype
 * 72)"). The writer is the FTP daemon's address space FTPD under the servers' user ID.
 */
final class FtpSmfRecords {
    static final String AS_NAME = FtpServer.LOG_NAME;

    private FtpSmfRecords() {
    }

    /**
     * A transfer's record. {@code kind} is TransferRecords' "HFS filename", "MVS dsname" or "JES jobid";
     * {@code reply} the three-digit last reply.
     */
    static void transfer(SessionState s, String kind, String target, String command, long bytes, String reply) {
        FtpSmf.Operation operation = switch (command) {
            case "RETR" -> FtpSmf.Operation.RETRIEVE;
            case "APPE" -> FtpSmf.Operation.APPEND;
            default -> FtpSmf.Operation.STORE;
        };
        String fileType = kind.startsWith("JES") ? "JES" : "SEQ";
        if (!s.context.config().smf().writes(operation, fileType)) {
            return;
        }
        Instant ended = s.context.registry().clock().instant();
        Instant started = s.dataOpened != null && !s.dataOpened.isAfter(ended) ? s.dataOpened : ended;
        String member = kind.startsWith("MVS") && target.endsWith(")") && target.contains("(")
                ? target.substring(target.indexOf('(') + 1, target.length() - 1) : null;
        String dsType = kind.startsWith("HFS") ? "H" : kind.startsWith("MVS") ? (member != null ? "P" : "S") : null;
        Smf119Builder record = builder(s, Smf119Subtype.FTP_SERVER_TRANSFER, ended)
                .number("SMF119FT_FSOper", switch (command) {
                    case "APPE" -> 1;
                    case "RETR" -> 4;
                    case "STOU" -> 6;
                    default -> 5;
                })
                .text("SMF119FT_FSCmd", command).text("SMF119FT_FSFType", fileType)
                .endpoint("SMF119FT_FSDRIP", "SMF119FT_FSDRPort", s.dataRemote)
                .endpoint("SMF119FT_FSDLIP", "SMF119FT_FSDLPort", s.dataLocal)
                .text("SMF119FT_FSDsType", dsType)
                .dateTime("SMF119FT_FSSDate", "SMF119FT_FSSTime", started)
                .dateTime("SMF119FT_FSEDate", "SMF119FT_FSETime", ended)
                .hundredths("SMF119FT_FSDur", Duration.between(started, ended))
                .number("SMF119FT_FSBytes", Math.max(0, bytes)).text("SMF119FT_FSLReply", reply)
                .text("SMF119FT_FSM1", member)
                .text("SMF119FT_FSFileName1", target);
        session(s, record);
        new Smf119Writer(s.context.registry().audit()).write(record.build());
    }

    /**
     * DELE's record (SMF119FT_FSOper 2, Delete) or RNTO's (3, Rename: the first name is RNFR's, the second RNTO's, in
     * the first and second associated data set name sections, members in SMF119FT_FSM1 and SMF119FT_FSM2), once the
     * command has replied, successful or not: {@link SessionState#lastReplyCode} is SMF119FT_FSLReply. No data moves,
     * so the record has no data connection, a byte count of 0, and the command's time as start and end. DELE with
     * SITE FILETYPE=JES deletes a job: file type JES (written when SMFJES is coded), its job ID as the name. A name
     * that cannot be resolved is recorded as the client sent it.
     */
    static void fileOperation(SessionState s, String command, String argument, String renameFrom) {
        boolean delete = command.equals("DELE");
        String fileType = delete && s.jesMode() ? "JES" : "SEQ";
        if (!s.context.config().smf().writes(delete ? FtpSmf.Operation.DELETE : FtpSmf.Operation.RENAME, fileType)) {
            return;
        }
        String first;
        String second = null;
        boolean dataset;
        if (fileType.equals("JES")) {
            first = argument.trim();
            dataset = false;
        } else if (delete) {
            dataset = dataset(s, argument);
            first = resolve(s, argument, dataset);
        } else {
            dataset = renameFrom.startsWith("'");
            // RNFR kept its name resolved: a data set's in quotes, a file's as an absolute path
            first = dataset ? renameFrom.substring(1, renameFrom.length() - 1) : renameFrom;
            second = resolve(s, argument, dataset(s, argument));
        }
        Instant now = s.context.registry().clock().instant();
        Smf119Builder record = builder(s, Smf119Subtype.FTP_SERVER_TRANSFER, now)
                .number("SMF119FT_FSOper", delete ? 2 : 3)
                .text("SMF119FT_FSCmd", command).text("SMF119FT_FSFType", fileType)
                .text("SMF119FT_FSDsType", fileType.equals("JES") ? null : !dataset ? "H"
                        : member(first) != null ? "P" : "S")
                .dateTime("SMF119FT_FSSDate", "SMF119FT_FSSTime", now)
                .dateTime("SMF119FT_FSEDate", "SMF119FT_FSETime", now)
                .hundredths("SMF119FT_FSDur", Duration.ZERO)
                .number("SMF119FT_FSBytes", 0).text("SMF119FT_FSLReply", s.lastReplyCode)
                .text("SMF119FT_FSM1", dataset ? member(first) : null)
                .text("SMF119FT_FSM2", dataset && second != null ? member(second) : null)
                .text("SMF119FT_FSFileName1", first)
                .text("SMF119FT_FSFileName2", second);
        session(s, record);
        new Smf119Writer(s.context.registry().audit()).write(record.build());
    }

    /** Whether an argument names a data set (FtpNames); one that names neither is taken as the session's realm. */
    private static boolean dataset(SessionState s, String argument) {
        try {
            return s.name(argument).dataset();
        } catch (org.opencs.core.ZosException e) {
            return s.mvs;
        }
    }

    /** The fully qualified data set name (no quotes) or absolute z/OS UNIX path a name resolves to. */
    private static String resolve(SessionState s, String argument, boolean dataset) {
        try {
            FtpNames.Name name = s.name(argument);
            return dataset ? MvsFiles.resolve(s.prefix, name.text()).toString() : HfsPaths.resolve(s.cwd, name.text());
        } catch (RuntimeException e) {
            return argument.trim();
        }
    }

    /** The member of "DS.NAME(MEMBER)", or null. */
    private static String member(String dsname) {
        return dsname.endsWith(")") && dsname.contains("(")
                ? dsname.substring(dsname.indexOf('(') + 1, dsname.length() - 1) : null;
    }

    /** The fields every subtype 70 record has from its session: control connection, user, type, security. */
    private static void session(SessionState s, Smf119Builder record) {
        record.endpoint("SMF119FT_FSCRIP", "SMF119FT_FSCRPort", org.opencs.pki.net.Endpoints.client(s.ctx.channel()))
                .endpoint("SMF119FT_FSCLIP", "SMF119FT_FSCLPort", org.opencs.pki.net.Endpoints.server(s.ctx.channel()))
                .text("SMF119FT_FSSUser", s.user == null ? null : s.user.userid())
                .text("SMF119FT_FSType", String.valueOf(s.type).toUpperCase(Locale.ROOT))
                .text("SMF119FT_FSMode", "S").text("SMF119FT_FSStruct", s.recordStructure ? "R" : "F")
                .text("SMF119FT_FSSessionID", s.sessionId)
                .text("SMF119FT_FSMechanism", s.tls ? "T" : "N")
                .text("SMF119FT_FSCProtect", s.tls ? "P" : "N")
                .text("SMF119FT_FSDProtect", s.protectData ? "P" : s.tls ? "C" : "N")
                .text("SMF119FT_FSLoginMech", s.user != null && s.peerCertificate() != null ? "C" : "P");
        tls(s, record, "SMF119FT_FSProtoLevel", "SMF119FT_FSCipherSpec");
    }

    /**
     * The FTP daemon configuration record (subtype 71), when SMFDCFG TYPE119 asks for it: written once, when the
     * server listens on its port for the first time, with the statements that decide its security and time-outs.
     * {@code port} is the control port bound, {@code tlsPort} the implicit TLS port or -1.
     */
    static void daemonConfiguration(org.opencs.ftp.config.FtpData config, org.opencs.saf.Registry registry, int port,
                                    int tlsPort) {
        if (!config.smf().writes(FtpSmf.Operation.DAEMON_CONFIG, "SEQ")) {
            return;
        }
        Instant now = registry.clock().instant();
        Smf119Builder record = Smf119Builder.of(Smf119Subtype.FTP_DAEMON_CONFIG, now, Smf119Origin.of(registry.config(),
                        AS_NAME, registry.config().serverUserid(), registry.clock().getZone()))
                .text("SMF119FT_FDJobName", AS_NAME)
                .dateTime("SMF119FT_FDSDate", "SMF119FT_FDSTime", now)
                .number("SMF119FT_FDPort", port)
                .text("SMF119FT_FDSecureFtp", config.secureFtp().name())
                .text("SMF119FT_FDSecureLogin", config.secureLogin().name())
                .text("SMF119FT_FDSecurePassword", config.securePassword().name())
                .text("SMF119FT_FDSecureCtrlConn", config.secureCtrlconn().name())
                .text("SMF119FT_FDSecureDataConn", config.secureDataconn().name())
                .number("SMF119FT_FDSecurePbsz", config.securePbsz())
                .text("SMF119FT_FDSecureReuse", config.secureSessionReuse().name())
                .text("SMF119FT_FDSecureImplicit", config.secureImplicitZos() ? "TRUE" : "FALSE")
                .text("SMF119FT_FDTlsMechanism", config.tlsMechanism())
                .text("SMF119FT_FDTlsRfcLevel", config.tlsRfcLevel())
                .number("SMF119FT_FDTlsTimeout", config.tlsTimeout())
                .number("SMF119FT_FDInactive", config.inactiveSeconds())
                .number("SMF119FT_FDDataTimeout", config.dataTimeout())
                .text("SMF119FT_FDFtpLogging", config.ftpLogging() ? "TRUE" : "FALSE")
                .text("SMF119FT_FDStartDir", config.startDirectory() == null ? null : config.startDirectory().name())
                .text("SMF119FT_FDKeyring", config.keyring() == null || config.keyring().isBlank() ? null : config.keyring())
                .text("SMF119FT_FDCipherSuite", config.cipherSuites() == null || config.cipherSuites().isEmpty() ? null
                        : String.join(" ", config.cipherSuites()));
        if (tlsPort >= 0) {
            record.number("SMF119FT_FDTlsPort", tlsPort);
        }
        new Smf119Writer(registry.audit()).write(record.build());
    }

    /** A refused logon's record: {@code status} gives IBM's reason, {@code certificate} whether a certificate was the way in. */
    static void logonFailure(SessionState s, String userid, LogonResult.Status status, boolean certificate) {
        if (!s.context.config().smf().writes(FtpSmf.Operation.LOGON_FAILURE, "SEQ")) {
            return;
        }
        Smf119Builder record = builder(s, Smf119Subtype.FTP_SERVER_LOGON_FAILURE, s.context.registry().clock().instant())
                .endpoint("SMF119FT_FFRIP", "SMF119FT_FFRPort", org.opencs.pki.net.Endpoints.client(s.ctx.channel()))
                .endpoint("SMF119FT_FFLIP", "SMF119FT_FFLPort", org.opencs.pki.net.Endpoints.server(s.ctx.channel()))
                .text("SMF119FT_FFUserID", userid)
                .number("SMF119FT_FFReason", reason(status))
                .text("SMF119FT_FFSessionID", s.sessionId)
                .text("SMF119FT_FFMechanism", s.tls ? "T" : "N")
                .text("SMF119FT_FFCProtect", s.tls ? "P" : "N")
                .text("SMF119FT_FFDProtect", s.protectData ? "P" : s.tls ? "C" : "N")
                .text("SMF119FT_FFLoginMech", certificate ? "C" : "P");
        tls(s, record, "SMF119FT_FFProtoLevel", "SMF119FT_FFCipherSpec");
        new Smf119Writer(s.context.registry().audit()).write(record.build());
    }

    /**
     * IBM's SMF119FT_FFReason: X'01' password not valid (also an unknown user ID or a replayed PassTicket, which z/OS
     * does not tell a client apart), X'02' expired, X'03' revoked, X'04' no server access (null: a client
     * certificate that is missing or maps to another user).
     */
    private static int reason(LogonResult.Status status) {
        if (status == null) {
            return 4;
        }
        return switch (status) {
            case PASSWORD_EXPIRED -> 2;
            case REVOKED -> 3;
            default -> 1;
        };
    }

    private static Smf119Builder builder(SessionState s, Smf119Subtype subtype, Instant written) {
        var registry = s.context.registry();
        return Smf119Builder.of(subtype, written, Smf119Origin.of(registry.config(), AS_NAME,
                registry.config().serverUserid(), registry.clock().getZone()));
    }

    /** IBM's protocol level (TLSV1.2, TLSV1.3) and the cipher suite, for a TLS control connection. */
    private static void tls(SessionState s, Smf119Builder record, String levelName, String cipherName) {
        SSLSession session = s.tlsSession();
        if (session != null) {
            record.text(levelName, session.getProtocol().toUpperCase(Locale.ROOT))
                    .text(cipherName, session.getCipherSuite());
        }
    }
}
