package org.opencs.ftp.server;

import java.net.InetSocketAddress;
import java.util.Locale;
import org.opencs.ftp.config.FtpData;

/** FEAT, HELP and STAT: what the server offers and what this session has set, in z/OS's reply forms. */
final class InfoCommands {
    static final String COMMANDS = "ABOR ACCT APPE AUTH CCC CDUP CWD DELE EPRT EPSV FEAT HELP LIST MDTM MKD MLSD MLST "
            + "MODE NLST NOOP OPTS PASS PASV PBSZ PORT PROT PWD QUIT REST RETR RMD RNFR RNTO SITE SIZE STAT STOR "
            + "STOU STRU SYST TYPE USER XCUP XCWD XMKD XPWD XRMD";

    private final SessionState s;

    InfoCommands(SessionState session) {
        this.s = session;
    }

    String feat() {
        StringBuilder features = new StringBuilder("211- Extensions supported\r\n");
        if (s.context.tls() != null) {
            features.append(" AUTH TLS\r\n PBSZ\r\n PROT\r\n");
        }
        features.append(" SIZE\r\n MDTM\r\n REST STREAM\r\n MLST type*;size*;modify*;perm*;\r\n EPSV\r\n211 End");
        return features.toString();
    }

    String help(String argument) {
        if (argument.toUpperCase(Locale.ROOT).startsWith("SITE")) {
            return "214-SITE parameters:\r\n"
                    + "214-RECFM={F|FA|FB|FBA|V|VA|VB|VBA|U}  LRECL=n  BLKSIZE=n\r\n"
                    + "214-PRIMARY=n  SECONDARY=n  DIRECTORY=n  TRACKS  CYLINDERS  BLOCKS\r\n"
                    + "214-TRUNCATE | NOTRUNCATE  WRAPRECORD | NOWRAPRECORD  TRAILINGBLANKS | NOTRAILINGBLANKS\r\n"
                    + "214-FILETYPE=SEQ  SBDATACONN=(fs_cp,net_cp)  ENCODING=SBCS\r\n"
                    + "214 HELP command successful.";
        }
        StringBuilder out = new StringBuilder("214-The following commands are recognized:\r\n");
        String[] names = COMMANDS.split(" ");
        for (int i = 0; i < names.length; i += 8) {
            out.append("214-");
            for (int j = i; j < Math.min(names.length, i + 8); j++) {
                out.append(String.format("   %-5s", names[j]));
            }
            out.append("\r\n");
        }
        return out.append("214 HELP command successful.").toString();
    }

    /** STAT without an argument: one setting per 211- line, ending "211 *** end of status ***". */
    String stat(String argument) {
        if (!argument.isBlank()) {
            return "504 STAT file-identifier: not implemented";
        }
        FtpData config = s.context.config();
        InetSocketAddress remote = (InetSocketAddress) s.ctx.channel().remoteAddress();
        StringBuilder out = new StringBuilder();
        out.append("211-Server FTP talking to host ").append(remote.getAddress().getHostAddress()).append(", port ")
                .append(remote.getPort()).append("\r\n");
        if (s.user != null) {
            out.append("211-User: ").append(s.user.userid()).append("  Working directory: ")
                    .append(s.mvs ? s.prefix : s.cwd).append("\r\n");
        }
        out.append("211-The control connection has transferred ").append(s.bytesIn + s.bytesOut).append(" bytes\r\n");
        out.append("211-Data connections are ").append(s.protectData ? "private" : "clear").append("\r\n");
        out.append("211-TLS security is supported at the ").append(config.tlsRfcLevel()).append(" level\r\n");
        out.append("211-Control connection security: ").append(s.tls ? s.tlsDescription() : "clear").append("\r\n");
        out.append("211-Data transfer type is ").append(s.ascii() ? "ASCII" : "Image").append(", structure File, mode Stream\r\n");
        out.append("211-Record format ").append(s.site.recfm).append(", Lrecl: ").append(s.site.lrecl)
                .append(", Blocksize: ").append(s.site.blksize).append("\r\n");
        out.append("211-Outbound SBCS ASCII data uses CRLF line terminator\r\n");
        out.append("211-Server site variable TRUNCATE is set to ").append(s.site.truncate ? "TRUE" : "FALSE").append("\r\n");
        out.append("211-Server site variable WRAPRECORD is set to ").append(s.site.wrapRecord ? "TRUE" : "FALSE").append("\r\n");
        out.append("211-Server site variable FILETYPE is set to ").append(s.site.fileType).append("\r\n");
        out.append("211-Server site variable INACTIVE is set to ").append(config.inactiveSeconds()).append("\r\n");
        return out.append("211 *** end of status ***").toString();
    }
}
