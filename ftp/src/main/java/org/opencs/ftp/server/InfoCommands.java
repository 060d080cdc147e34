package org.opencs.ftp.server;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        features.append(" SIZE\r\n MDTM\r\n REST STREAM\r\n MLST ");
        for (String fact : HfsPaths.FACTS) {
            features.append(fact).append(s.mlstFacts.contains(fact) ? "*;" : ";");
        }
        features.append("\r\n EPSV\r\n211 End");
        return features.toString();
    }

    /**
     * OPTS: {@code OPTS MLST fact;fact;} selects the facts MLST and MLSD give (RFC 3659 section 7.9: unknown facts
     * are ignored, the reply names those in force); UTF8 is refused as z/OS refuses it.
     */
    String opts(String argument) {
        String[] words = argument.trim().split("\\s+", 2);
        String option = words[0].toUpperCase(Locale.ROOT);
        if (option.equals("MLST")) {
            java.util.Set<String> asked = new java.util.HashSet<>();
            for (String fact : (words.length > 1 ? words[1] : "").split(";")) {
                asked.add(fact.trim().toLowerCase(Locale.ROOT));
            }
            java.util.Set<String> selected = new java.util.LinkedHashSet<>();
            HfsPaths.FACTS.stream().filter(asked::contains).forEach(selected::add);
            s.mlstFacts = selected;
            StringBuilder reply = new StringBuilder("200 MLST OPTS ");
            selected.forEach(fact -> reply.append(fact).append(';'));
            return reply.toString().strip();
        }
        if (option.startsWith("UTF8")) {
            return "501 command OPTS aborted -- no options supported for UTF8";
        }
        return "501 OPTS " + org.opencs.core.Values.quoteForMessage(argument) + " not supported";
    }

    String help(String argument) {
        if (argument.toUpperCase(Locale.ROOT).startsWith("SITE")) {
            return "214-SITE parameters:\r\n"
                    + "214-RECFM={F|FA|FB|FBA|V|VA|VB|VBA|U}  LRECL=n  BLKSIZE=n\r\n"
                    + "214-PRIMARY=n  SECONDARY=n  DIRECTORY=n  TRACKS  CYLINDERS  BLOCKS\r\n"
                    + "214-TRUNCATE | NOTRUNCATE  WRAPRECORD | NOWRAPRECORD  TRAILINGBLANKS | NOTRAILINGBLANKS\r\n"
                    + "214-FILETYPE=SEQ  SBDATACONN=(fs_cp,net_cp)  ENCODING=SBCS  PDSTYPE=PDS\r\n"
                    + "214-RDW | NORDW  SBSENDEOL={CRLF|LF|CR|NONE}  LISTLEVEL={0|1|2}  DATASETMODE | DIRECTORYMODE\r\n"
                    + "214-QUOTESOVERRIDE | NOQUOTESOVERRIDE  ISPFSTATS | NOISPFSTATS  UMASK ooo  CHMOD mode file\r\n"
                    + (s.context.jes() == null ? "" : "214-FILETYPE=JES  JESJOBNAME=pattern  JESOWNER=pattern"
                    + "  JESSTATUS={ALL|INPUT|ACTIVE|OUTPUT}\r\n"
                    + "214-JESENTRYLIMIT=n  JESGETBYDSN | NOJESGETBYDSN  JESPUTGETTO=seconds\r\n")
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

    /**
     * STAT without an argument: one setting per 211- line, ending "211 *** end of status ***". {@code STAT (NAME}
     * (the z/OS client's STATUS (option) form) gives that site variable alone, IBM's abbreviations accepted:
     * {@code 211-Server site variable LISTLEVEL is set to 1} (IBM IP and SNA Codes, ftp211-20; IBM support
     * swg21468733). STAT of a file name is not implemented, as on z/OS.
     */
    String stat(String argument) {
        String a = argument.trim();
        if (a.startsWith("(")) {
            return variable(a.substring(1).replace(")", "").trim());
        }
        if (!a.isEmpty()) {
            return "504 STAT file-identifier: not implemented";
        }
        FtpData config = s.context.config();
        InetSocketAddress remote = org.opencs.pki.net.Endpoints.client(s.ctx.channel());
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
        out.append("211-Outbound SBCS ASCII data uses ").append(s.site.sbSendEol.name()).append(" line terminator\r\n");
        out.append(s.site.directoryMode ? "211-Directory mode. (Treat each qualifier as a directory.)\r\n"
                : "211-Data set mode. (Do not treat each qualifier as a directory.)\r\n");
        out.append("211-ISPFSTATS is set to ").append(s.site.ispfStats ? "TRUE" : "FALSE").append("\r\n");
        out.append("211-UMASK value is ").append(SiteSettings.octal(s.site.umask)).append("\r\n");
        for (String name : List.of("TRUNCATE", "WRAPRECORD", "TRAILINGBLANKS", "FILETYPE", "RDW", "LISTLEVEL",
                "QUOTESOVERRIDE", "SBSENDEOL")) {
            out.append(siteVariable(name, s.site.variables().get(name)));
        }
        out.append(siteVariable("INACTIVE", String.valueOf(config.inactiveSeconds())));
        // The session's general traces, in the words of SITE DEBUG's reply (IBM IP and SNA Codes, 200 reply codes:
        // "Active server traces - value_1 value_2 ... value_n").
        out.append("211-Active server traces - ").append(s.trace.active()).append("\r\n");
        if (s.context.jes() != null) {
            out.append(jesLines());
        }
        return out.append("211 *** end of status ***").toString();
    }

    /**
     * The JES interface's settings as z/OS's STAT shows them ("211-JESINTERFACELEVEL is 2", "211-JESOWNER is
     * USER1", "211-JESJOBNAME is USER1*": IP User's Guide and Commands, "Steps for submitting a job"); the filters
     * only once a user is logged on, since their defaults are the user's.
     */
    private String jesLines() {
        StringBuilder out = new StringBuilder();
        out.append("211-JESINTERFACELEVEL is ").append(s.context.config().jes().interfaceLevel()).append("\r\n");
        if (s.user != null) {
            out.append("211-JESOWNER is ").append(s.site.jesOwner(s.user.userid())).append("\r\n");
            out.append("211-JESJOBNAME is ").append(s.site.jesJobName(s.user.userid())).append("\r\n");
        }
        out.append("211-JESSTATUS is ").append(s.site.jesStatus).append("\r\n");
        out.append("211-JESENTRYLIMIT is ").append(s.site.jesEntryLimit).append("\r\n");
        out.append(siteVariable("JESGETBYDSN", s.site.jesGetByDsn ? "TRUE" : "FALSE"));
        out.append(siteVariable("JESPUTGETTO", String.valueOf(s.site.jesPutGetTo)));
        return out.toString();
    }

    /** STAT (NAME: one site variable, by its name or an IBM abbreviation of it. */
    private String variable(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        String full = SiteParser.fullName(upper);
        Map<String, String> variables = new LinkedHashMap<>(s.site.variables());
        variables.put("INACTIVE", String.valueOf(s.context.config().inactiveSeconds()));
        variables.put("JESINTERFACELEVEL", String.valueOf(s.context.config().jes().interfaceLevel()));
        if (s.user != null) {
            variables.put("JESOWNER", s.site.jesOwner(s.user.userid()));
            variables.put("JESJOBNAME", s.site.jesJobName(s.user.userid()));
        }
        String key = full != null && variables.containsKey(full) ? full : upper;
        if (full != null && full.equals("BLOCKSIZE")) {
            key = "BLKSIZE";
        } else if (full != null && List.of("TRACKS", "CYLINDERS", "BLOCKS").contains(full)) {
            key = "SPACETYPE";
        }
        String value = variables.get(key);
        if (value == null) {
            return "211 The value of option " + org.opencs.core.Values.quoteForMessage(name) + " is undefined";
        }
        return siteVariable(key, value) + "211 *** end of status ***";
    }

    private static String siteVariable(String name, String value) {
        return "211-Server site variable " + name + " is set to " + value + "\r\n";
    }
}
