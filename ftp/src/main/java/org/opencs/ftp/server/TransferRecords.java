package org.opencs.ftp.server;

import java.util.Map;

/**
 * The activity-log lines (EZYFS67I ... EZYFS80I), the audit record of one transfer and, when FTP.DATA's SMF
 * statements ask for it, its SMF 119 record ({@link FtpSmfRecords}).
 */
final class TransferRecords {
    private TransferRecords() {
    }

    /** {@code kind} is "HFS filename" or "MVS dsname"; {@code direction} is "Input" (STOR/APPE) or "Output" (RETR). */
    static void write(SessionState s, String kind, String target, String command, long bytes, String replyText) {
        String direction = command.equals("RETR") ? "Output" : "Input";
        if (s.trace.on(TracePoint.FILE_ENDED) || s.trace.on(TracePoint.DATA_BYTES)) {
            s.trace.trace(TracePoint.DATA_BYTES, Math.max(0, bytes), command.equals("RETR") ? "sent" : "received");
            s.trace.trace(TracePoint.FILE_ENDED, command, target, Math.max(0, bytes), replyText);
        }
        s.activity("EZYFS67I", "ALLOC OK Use " + kind + "=" + target);
        s.activity("EZYFS77I", "DEALL OK Release " + kind + "=" + target);
        s.activity("EZYFS82I", "TRANS " + kind + "=" + target);
        s.activity("EZYFS84I", "TRANS Stru=" + (s.recordStructure ? "R" : "F") + " Mode=S Type=" + s.type + " " + direction + "=" + Math.max(0, bytes) + " bytes");
        // A transfer that did not complete says so on its reply line, which the log's readers search for.
        s.activity("EZYFS80I", (replyText.startsWith("2") ? "TRANS Reply=" : "TRANS FAILED Reply=") + replyText);
        s.context.registry().audit().record(s.context.registry().clock().instant(), "FTP_TRANSFER", Map.of(
                "session", s.sessionId, "user", s.user.userid(), "file", target, "direction", command,
                "bytes", Math.max(0, bytes), "reply", replyText.substring(0, 3), "tls", s.tlsDescription()));
        FtpSmfRecords.transfer(s, kind, target, command, bytes, replyText.substring(0, 3));
    }
}
