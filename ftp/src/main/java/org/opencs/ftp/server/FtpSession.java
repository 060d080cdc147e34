package org.opencs.ftp.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.time.ZoneOffset;
import java.util.Locale;
import org.opencs.core.ZosException;

/**
 * One control connection: reads command lines and hands each to the command group that owns it (security, logon,
 * z/OS UNIX files, MVS data sets, information). The state they share lives in {@link SessionState}.
 *
 * <p>A command that moves data returns while its transfer goes on; the lines that arrive meanwhile wait, in order,
 * until it ends (RFC 959 section 5.4), except ABOR, which ends the transfer at once (426 for it, then 226). Nothing
 * here waits on a thread, so one slow or silent client holds up no other session. An unexpected failure gets a 451
 * reply and a log line naming the session, and the session goes on.
 */
final class FtpSession extends SimpleChannelInboundHandler<String> {
    /** Command lines kept while a transfer runs; past this the connection stops reading until it ends. */
    private static final int MAX_WAITING = 16;

    private final FtpSessionContext context;
    private final boolean implicitTls;
    private SessionState s;
    private SecurityCommands security;
    private LogonCommands logon;
    private DataConnections data;
    private HfsCommands hfs;
    private DatasetCommands datasets;
    private InfoCommands info;
    private JesCommands jes;
    /** The transfer in progress, or null. */
    private java.util.concurrent.CompletableFuture<?> busy;
    /** The command whose transfer is in progress, for the FLO trace. */
    private String busyCommand;
    private final java.util.ArrayDeque<String> waiting = new java.util.ArrayDeque<>();
    private boolean abortReplyPending;

    /** This session in the node's live sessions. */
    private final org.opencs.core.sessions.LiveSession live;

    /**
     * The user event that ends the session from the console (docs/ftp.md "Sessions ended from the console"):
     * {@code request} says who asks, with what authority, and why; the session checks it against its user when the
     * event runs and answers through the request's outcome.
     */
    record OperatorEnd(org.opencs.core.sessions.EndRequest request) {
        String reason() {
            return request.reason();
        }
    }

    FtpSession(FtpSessionContext context, boolean implicitTls, org.opencs.core.sessions.LiveSession live) {
        this.context = context;
        this.implicitTls = implicitTls;
        this.live = live;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        s = new SessionState(context, ctx, context.activity().newSessionId(), implicitTls, live);
        security = new SecurityCommands(s);
        logon = new LogonCommands(s);
        data = new DataConnections(s);
        hfs = new HfsCommands(s, data);
        datasets = new DatasetCommands(s, data);
        info = new InfoCommands(s);
        jes = new JesCommands(s, data, datasets);
        InetSocketAddress client = org.opencs.pki.net.Endpoints.client(ctx.channel());
        s.activity("EZYFS50I", "CONN starts Client IPaddr=" + client.getAddress().getHostAddress()
                + " hostname=" + client.getHostString());
        if (s.trace.on(TracePoint.SESSION_START)) {
            s.trace.trace(TracePoint.SESSION_START, client.getAddress().getHostAddress(), client.getPort(),
                    org.opencs.pki.net.Endpoints.server(ctx.channel()).getPort(),
                    implicitTls ? " (implicit TLS port, TLSPORT)" : "");
            s.trace.trace(TracePoint.SESSION_TRACES, s.trace.active());
        }
        String host = org.opencs.pki.net.Endpoints.server(ctx.channel()).getHostString();
        String banner = LoginMessages.lines(context.registry(), context.config().banner(), "220",
                LoginMessages.cookies(context.registry(), "", client.getHostString(), host, ""));
        String reply = FtpReplies.banner(host, context.registry().clock().instant().atZone(ZoneOffset.UTC),
                context.config().inactiveSeconds(), banner);
        if (implicitTls) {
            if (!context.config().secureImplicitZos()) {
                SecurityCommands.traceExisting(s, ctx.pipeline().get(SslHandler.class));
            } else {
                s.trace.trace(TracePoint.AUTH_ENTERED);
            }
            s.tls = true;
            s.pbsz = true;
            s.protectData = true;
            s.activity("EZYFS54I", "SECURE OK Mechanism=TLS-P implicit");
            if (context.config().secureImplicitZos()) {
                // SECUREIMPLICITZOS TRUE: z/OS's own order, the 220 in the clear and then the handshake.
                s.traceReply(reply);
                ctx.writeAndFlush(reply + "\r\n").addListener(f -> {
                    SslHandler ssl = SecurityCommands.tracedHandler(s, context.tls().newControlEngine(ctx.alloc()), false);
                    org.opencs.pki.net.ProxyProtocol.addFirst(ctx.pipeline(), "tls", ssl); // after the byte counter
                    context.tls().trace().attach(ctx.pipeline(), ssl, "FTP control");
                });
                return;
            }
        }
        s.reply(reply);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String line) {
        if (busy != null) {
            if (command(line).equals("ABOR")) {
                // RFC 959 4.1.3: the transfer ends with 426, then ABOR itself is answered with 226.
                s.abortTransfer();
                abortReplyPending = true;
                return;
            }
            waiting.add(line);
            if (waiting.size() >= MAX_WAITING) {
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        execute(line);
    }

    private static String command(String line) {
        String text = line.strip();
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /** Runs one command line; a transfer it starts makes the session busy until it ends. */
    private void execute(String line) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        int space = text.indexOf(' ');
        String command = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : text.substring(space + 1).trim();
        traceCommand(command, argument);
        java.util.concurrent.CompletableFuture<?> transfer = null;
        String renameFrom = s.renameFrom; // RNTO's first name, before the command clears it
        boolean loggedOn = s.user != null;
        try {
            transfer = handle(command, argument);
        } catch (org.opencs.ftp.jes.JesRequestException e) {
            s.reply(JesCommands.reply(e)); // JES refused: not found, not authorized, or the job was refused
        } catch (ZosException e) {
            s.reply(e.messageId().matches("\\d{3}") ? e.messageId() + " " + e.text() : "550 " + e.getMessage());
        } catch (RuntimeException e) {
            unexpected(command, e);
        }
        if (loggedOn && (command.equals("DELE") || command.equals("RNTO") && renameFrom != null)) {
            // DELE and RNTO run to their end here, successful or not: the last reply is their outcome.
            FtpSmfRecords.fileOperation(s, command, argument, renameFrom);
        }
        if (transfer != null && !transfer.isDone()) {
            if (!command.equals("PASS")) {
                s.trace.trace(TracePoint.TRANSFER_WAIT, command);
            }
            busy = transfer;
            busyCommand = command;
            transfer.whenCompleteAsync((result, error) -> {
                if (error != null) {
                    unexpected(command, Futures.cause(error));
                }
                endTransfer();
            }, s.executor());
        } else if (transfer != null && transfer.isCompletedExceptionally()) {
            transfer.exceptionally(error -> {
                unexpected(command, Futures.cause(error));
                return null;
            });
        }
    }

    /**
     * CMD and PAR: the command as received and as parsed. The password of PASS is never shown: {@code PASS ********},
     * as z/OS's traces and its client show it, whatever its length (nor a password phrase, a new password, or a
     * PassTicket).
     */
    private void traceCommand(String command, String argument) {
        boolean secret = command.equals("PASS");
        String shownArgument = secret ? "********" : argument;
        if (s.trace.on(TracePoint.COMMAND)) {
            s.trace.trace(TracePoint.COMMAND, shownArgument.isEmpty() && !secret ? command : command + " " + shownArgument);
        }
        if (s.trace.on(TracePoint.PARSE_COMMAND)) {
            s.trace.trace(TracePoint.PARSE_COMMAND, command);
            if (!argument.isEmpty() || secret) {
                s.trace.trace(TracePoint.PARSE_PARAMETER, shownArgument);
            }
        }
    }

    /** After a transfer: the data connection state is cleared and the lines that waited run in order. */
    private void endTransfer() {
        if (!"PASS".equals(busyCommand)) {
            s.trace.trace(TracePoint.TRANSFER_END, busyCommand, waiting.size());
        }
        busy = null;
        s.dataChannel = null;
        s.pendingConnection = null;
        s.aborted = false;
        if (abortReplyPending) {
            abortReplyPending = false;
            s.reply("226 Abort successful");
        }
        while (busy == null && !waiting.isEmpty() && s.ctx.channel().isActive()) {
            execute(waiting.poll());
        }
        if (busy == null) {
            s.ctx.channel().config().setAutoRead(true);
        }
    }

    /** A failure no command expects: the client hears 451, the log names the session, and the session goes on. */
    private void unexpected(String command, Throwable error) {
        if (error instanceof java.util.concurrent.RejectedExecutionException) {
            s.ctx.close(); // the server is stopping and its I/O threads are gone: nothing more can be done or said
            return;
        }
        // The reason in words for the log; the stack trace only when the log asks for debug detail (OPENCS_DEBUG=1).
        String reason = org.opencs.core.Values.quoteForMessage(Failures.describe(error));
        s.trace.trace(TracePoint.UNEXPECTED, command, reason);
        context.log().error("OCSF002E FTP session {} (client {}): {} ended with an unexpected error: {}", s.sessionId,
                Failures.client(s.ctx.channel()), command, reason);
        if (context.log().isDebugEnabled()) {
            context.log().debug("OCSF002E FTP session " + s.sessionId + ": details for the report", error);
        }
        s.activity("OCSF002E", "ERROR Command=" + command + " Reason=" + reason);
        s.reply("451 Requested action aborted: local error in processing " + command + ".");
    }

    private java.util.concurrent.CompletableFuture<?> handle(String command, String argument) {
        if (!command.equals("RNTO")) {
            s.renameFrom = null; // RFC 959: RNTO must follow RNFR at once
        }
        if (s.trace.on(TracePoint.DISPATCH)) {
            s.trace.trace(TracePoint.DISPATCH, command, realm(command, argument));
        }
        switch (command) {
            case "AUTH" -> security.auth(argument);
            case "PBSZ" -> security.pbsz(argument);
            case "PROT" -> security.prot(argument);
            case "CCC" -> security.ccc();
            case "USER" -> logon.user(argument);
            case "PASS" -> {
                return logon.pass(argument); // checked on the registry's logon pool; the session waits for it
            }
            case "QUIT" -> {
                s.traceReply(FtpReplies.QUIT);
                s.ctx.writeAndFlush(FtpReplies.QUIT + "\r\n").addListener(f -> s.ctx.close());
            }
            case "NOOP" -> s.reply(FtpReplies.NOOP);
            case "SYST" -> s.reply(s.mvs ? FtpReplies.SYST_MVS : FtpReplies.SYST);
            case "FEAT" -> s.reply(info.feat());
            case "HELP" -> s.reply(info.help(argument));
            case "STAT" -> {
                s.trace.trace(TracePoint.STAT, argument.isEmpty() ? "no name" : argument);
                s.reply(info.stat(argument));
            }
            case "SITE" -> site(argument);
            case "OPTS" -> s.reply(info.opts(argument));
            default -> {
                if (s.user == null) {
                    s.reply(FtpReplies.LOGIN_FIRST);
                    return null;
                }
                return loggedIn(command, argument);
            }
        }
        return null;
    }

    /** FLO: the part of the server a command goes to, in words. */
    private String realm(String command, String argument) {
        return switch (command) {
            case "AUTH", "PBSZ", "PROT", "CCC" -> "the security commands";
            case "USER", "PASS" -> "logon";
            case "QUIT", "NOOP", "SYST", "FEAT", "HELP", "STAT", "OPTS" -> "the information commands";
            case "SITE" -> "SITE";
            default -> s.user == null ? "none: not logged on"
                    : s.jesMode() && JES_COMMANDS.contains(command) ? "JES (FILETYPE=JES)"
                    : !FILE_COMMANDS.contains(command) ? "the session"
                    : namesDataset(argument) ? "MVS data sets" : "z/OS UNIX files";
        };
    }

    /** Whether a name is a data set's; a name that is neither is the command's to refuse, not the trace's. */
    private boolean namesDataset(String argument) {
        try {
            return s.name(argument).dataset();
        } catch (ZosException e) {
            return s.mvs;
        }
    }

    /** The commands FILETYPE=JES sends to JES. */
    private static final java.util.Set<String> JES_COMMANDS = java.util.Set.of("LIST", "NLST", "RETR", "STOR", "STOU",
            "APPE", "DELE", "SIZE", "MDTM");
    /** The commands that name a data set or a file. */
    private static final java.util.Set<String> FILE_COMMANDS = java.util.Set.of("CWD", "XCWD", "LIST", "NLST", "MLSD",
            "MLST", "RETR", "STOR", "APPE", "STOU", "SIZE", "MDTM", "DELE", "MKD", "XMKD", "RMD", "XRMD", "RNFR", "RNTO");

    /**
     * FSC, XLA: a file services command (APPE, STOR, STOU, RETR, DELE, RNFR, RNTO) starts: the command, the kind of
     * file and its name; at level 2 the transfer's type and structure; for a text transfer the code pages.
     */
    private void traceFileCommand(String command, boolean dataset, String target) {
        if (!s.trace.on(TracePoint.FILE_ENTERED) && !s.trace.on(TracePoint.XLATE)) {
            return;
        }
        s.trace.trace(TracePoint.FILE_ENTERED, command, dataset ? "MVS data set" : "z/OS UNIX file", target);
        s.trace.trace(TracePoint.FILE_ATTRIBUTES, command, s.type == 'A' ? "ASCII" : s.type == 'E' ? "EBCDIC" : "Image",
                s.recordStructure ? "Record" : "File", s.restartOffset);
        if (s.type == 'A' && !command.equals("DELE") && !command.startsWith("RN") && s.trace.on(TracePoint.XLATE)) {
            SbDataconn sbd = SbDataconn.of(s.site.sbDataconn);
            s.trace.trace(TracePoint.XLATE, command, sbd.network(), dataset ? "IBM-1047"
                    : sbd.file() + (sbd.tags() ? " or the file's tag" : ""));
        }
    }

    private java.util.concurrent.CompletableFuture<?> loggedIn(String command, String argument) {
        if (s.jesMode() && JES_COMMANDS.contains(command)) {
            s.trace.trace(TracePoint.JES_COMMAND, command, argument);
        }
        if (s.jesMode()) {
            // SITE FILETYPE=JES: these commands work on jobs and the spool; the others as always.
            switch (command) {
                case "LIST", "NLST" -> {
                    return jes.list(ListOptions.parse(argument).name(), command.equals("NLST"));
                }
                case "RETR" -> {
                    return jes.retrieve(argument);
                }
                case "STOR", "STOU", "APPE" -> {
                    return jes.submit(command);
                }
                case "DELE" -> {
                    jes.delete(argument);
                    return null;
                }
                case "SIZE", "MDTM" -> {
                    // Spool files have no size or time before they are sent; 504 (not 550) tells clients such as curl
                    // to go on with the RETR rather than report that the file does not exist.
                    s.reply("504 " + command + " is not supported when FILETYPE=JES.");
                    return null;
                }
                default -> {
                    // not a JES command: below
                }
            }
        }
        // Each name goes to the realm it names (FtpNames): a data set or a z/OS UNIX file, from either working directory.
        FtpNames.Name name = s.name(argument);
        boolean mvs = name.dataset();
        String target = name.text();
        switch (command) {
            case "PWD", "XPWD" -> s.reply(s.mvs ? datasets.pwd() : FtpReplies.pwd(s.cwd));
            case "CWD", "XCWD" -> {
                s.trace.trace(TracePoint.CWD, mvs ? "to the MVS data set prefix" : "to the z/OS UNIX directory", target);
                if (mvs) {
                    datasets.cwd(target);
                } else {
                    hfs.cwd(target);
                }
            }
            case "CDUP", "XCUP" -> {
                s.trace.trace(TracePoint.CWD, "CDUP from", s.mvs ? s.prefix : s.cwd);
                if (s.mvs) {
                    datasets.cwd(datasets.parent());
                } else {
                    hfs.cwd("..");
                }
            }
            case "ACCT" -> s.reply("202 ACCT not necessary; you may proceed");
            case "TYPE" -> type(argument);
            case "MODE" -> s.reply(argument.equalsIgnoreCase("S") ? "200 Data transfer mode is Stream"
                    : "504 Data transfer mode " + argument + " is not supported");
            case "STRU" -> structure(argument);
            case "PASV" -> {
                s.activeTarget = null;
                data.passive(false);
            }
            case "EPSV" -> {
                if (argument.equalsIgnoreCase("ALL") || argument.isEmpty()) {
                    s.activeTarget = null;
                    data.passive(true);
                } else {
                    s.reply("522 Network protocol not supported. Use (1,2)");
                }
            }
            case "PORT", "EPRT" -> data.active(argument, command.equals("EPRT"));
            case "REST" -> restart(argument);
            case "ABOR" -> {
                s.closePassive();
                s.reply("226 Abort successful; no transfer was in progress.");
            }
            case "LIST", "NLST" -> {
                // ls-style options come first ("LIST -la sub", "LIST -a 'X(*)'"); the name after them is listed.
                ListOptions options = ListOptions.parse(argument);
                FtpNames.Name listed = s.name(options.name());
                if (listed.dataset()) {
                    return datasets.list(listed.text(), command.equals("NLST"));
                }
                return hfs.list(listed.text(), command.equals("NLST"), options.all());
            }
            case "MLSD", "MLST" -> {
                if (mvs) {
                    s.reply("501 " + command + " is available for z/OS UNIX files only; use LIST for data sets.");
                    return null;
                }
                return hfs.machineListing(target, command.equals("MLST"));
            }
            case "RETR" -> {
                traceFileCommand(command, mvs, target);
                return mvs ? datasets.retrieve(target) : hfs.retrieve(target);
            }
            case "STOR", "APPE", "STOU" -> {
                traceFileCommand(command, mvs && !command.equals("STOU"), target);
                return mvs && !command.equals("STOU") ? datasets.store(target, command)
                        : hfs.store(mvs ? argument : target, command);
            }
            case "SIZE" -> either(mvs, () -> datasets.size(target), () -> hfs.size(target));
            case "MDTM" -> {
                if (mvs) {
                    s.reply("501 command aborted -- FTP server not configured for MDTM");
                } else {
                    hfs.modificationTime(target);
                }
            }
            case "DELE" -> {
                traceFileCommand(command, mvs, target);
                either(mvs, () -> datasets.delete(target), () -> hfs.delete(target));
            }
            case "MKD", "XMKD" -> either(mvs, () -> datasets.makeDirectory(target), () -> hfs.makeDirectory(target));
            case "RMD", "XRMD" -> either(mvs, () -> datasets.removeDirectory(target), () -> hfs.removeDirectory(target));
            case "RNFR" -> {
                traceFileCommand(command, mvs, target);
                either(mvs, () -> datasets.renameFrom(target), () -> hfs.renameFrom(target));
            }
            case "RNTO" -> {
                traceFileCommand(command, mvs, target);
                renameTo(name);
            }
            default -> s.reply("500 unknown command " + org.opencs.core.Values.quoteForMessage(command));
        }
        return null;
    }

    /** Data set or z/OS UNIX file: the same command goes to the namespace its argument names. */
    private static void either(boolean mvs, Runnable dataset, Runnable file) {
        (mvs ? dataset : file).run();
    }

    private void renameTo(FtpNames.Name to) {
        String from = s.renameFrom;
        s.renameFrom = null;
        boolean fromDataset = from != null && from.startsWith("'");
        if (from == null) {
            s.reply("503 RNFR must come first.");
        } else if (fromDataset != to.dataset()) {
            s.reply("550 RNTO fails: " + org.opencs.core.Values.quoteForMessage(to.text()) + " and " + from
                    + " are not both data sets or both z/OS UNIX files.");
        } else if (fromDataset) {
            datasets.renameTo(from, to.text());
        } else {
            hfs.renameTo(from, to.text());
        }
    }

    /** REST n (RFC 3659 stream mode): the next RETR starts at byte n, the next STOR keeps the first n bytes. */
    private void restart(String argument) {
        try {
            long offset = Long.parseLong(argument.trim());
            if (offset < 0) {
                throw new NumberFormatException(argument);
            }
            s.restartOffset = offset;
            s.reply("350 Restarting at " + offset + ". Send STORE or RETRIEVE to initiate transfer.");
        } catch (NumberFormatException e) {
            s.reply("501 REST requires a byte offset, not '" + argument + "'");
        }
    }

    private void type(String argument) {
        String t = argument.toUpperCase(Locale.ROOT).trim();
        if (t.startsWith("A")) {
            s.type = 'A';
            s.reply(FtpReplies.TYPE_ASCII);
        } else if (t.startsWith("I") || t.equals("L 8") || t.equals("L")) {
            s.type = 'I';
            s.reply(FtpReplies.TYPE_IMAGE);
        } else if (t.startsWith("E")) {
            s.type = 'E';
            s.reply("200 Representation type is Ebcdic NonPrint");
        } else if (t.startsWith("L")) {
            s.reply("504-TYPE has unsupported format " + argument + "\r\n504 Type remains " + typeName());
        } else {
            s.reply("501-unknown type  " + argument + "\r\n501 Type remains " + typeName());
        }
    }

    private String typeName() {
        return s.type == 'A' ? "Ascii" : s.type == 'E' ? "Ebcdic" : "Image";
    }

    /** STRU F (file) and R (record: for data sets, see {@link RecordStructure}); P is not implemented, as on z/OS. */
    private void structure(String argument) {
        String a = argument.trim().toUpperCase(Locale.ROOT);
        if (a.equals("F") || a.equals("R")) {
            s.recordStructure = a.equals("R");
            s.reply("250 Data structure is " + (s.recordStructure ? "Record" : "File"));
        } else {
            s.reply("504-" + (a.equals("P") ? "Page structure not implemented" : "Structure " + argument + " is not supported")
                    + "\r\n504 Data structure remains " + (s.recordStructure ? "Record" : "File"));
        }
    }

    /**
     * SITE: the parameters are read first ({@link SiteParser}); one z/OS knows but OpenCS cannot honour refuses the
     * whole command with 504 and nothing changes, so a client can tell. Otherwise each is applied in turn, with
     * notes for ignored ones as 200- lines before the final 200.
     */
    private void site(String argument) {
        if (argument.isBlank()) {
            s.reply("202 SITE not necessary; you may proceed");
            return;
        }
        s.trace.trace(TracePoint.SITE, argument);
        java.util.List<SiteParameter> parameters = SiteParser.parse(argument, context.jes() != null,
                context.config().debugOnSite());
        if (s.trace.on(TracePoint.PARSE_SITE)) {
            for (int i = 0; i < parameters.size(); i++) {
                s.trace.trace(TracePoint.PARSE_SITE, i + 1, parameters.get(i).describe());
            }
        }
        for (SiteParameter parameter : parameters) {
            if (parameter instanceof SiteParameter.Refused refused) {
                s.trace.trace(TracePoint.SITE_REFUSED, refused.keyword());
                s.reply(refused.reply());
                return;
            }
        }
        java.util.List<String> notes = new java.util.ArrayList<>(s.site.apply(parameters));
        for (SiteParameter parameter : parameters) {
            if (parameter instanceof SiteParameter.Chmod chmod) {
                String note = hfs.changeMode(chmod);
                if (note != null) {
                    notes.add(note);
                }
            } else if (parameter instanceof SiteParameter.Debug debug) {
                // SITE DEBUG=: this session's traces only, cumulative until NONE; the reply lists the active ones.
                s.trace.set(s.trace.active().withAll(debug.options()));
                s.trace.trace(TracePoint.SITE_DEBUG, s.trace.active());
                notes.add("Active server traces - " + s.trace.active());
            }
        }
        if (s.trace.on(TracePoint.SITE_NOTE)) {
            notes.forEach(note -> s.trace.trace(TracePoint.SITE_NOTE, note));
        }
        StringBuilder reply = new StringBuilder();
        notes.forEach(note -> reply.append("200-").append(note).append("\r\n"));
        s.reply(reply + "200 SITE command was accepted");
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (s != null) {
            s.closePassive();
            if (s.pendingConnection != null || s.dataChannel != null && s.dataChannel.isActive()) {
                // The client is gone while its transfer still waits for a data connection that will never come, or
                // while the data still flows: end it now (rather than after the data connection timeout) as ABOR
                // would. An upload whose control connection is gone is never committed: its client cannot hear the
                // 226, and the data connection's end may be anyone's (a port probe, a killed client); the previous
                // content stays.
                s.abortTransfer();
            }
            try {
                datasets.sessionEnded();
            } catch (RuntimeException e) {
                context.log().warn("OCSF004W FTP session " + s.sessionId + ": its data set ENQs could not be released "
                        + "now (they go with this node's membership): " + e.getMessage());
            }
            s.activity("EZYFS52I", "CONN ends Input=" + s.bytesIn + " bytes Output=" + s.bytesOut + " bytes");
            s.trace.trace(TracePoint.SESSION_END, s.bytesIn, s.bytesOut);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == FtpServer.SHUTDOWN) {
            // The server is stopping: a transfer in progress ends (426), then the client hears 421 and is closed.
            waiting.clear();
            if (busy != null) {
                s.abortTransfer();
            }
            if (s != null) {
                s.trace.trace(TracePoint.SESSION_SHUTDOWN);
                s.traceReply("421 Service not available, the server is shutting down.");
            }
            ctx.writeAndFlush("421 Service not available, the server is shutting down.\r\n").addListener(f -> ctx.close());
        } else if (event instanceof OperatorEnd end) {
            operatorEnd(ctx, end);
        } else if (event instanceof IdleStateEvent) {
            if (busy != null) {
                return; // the control connection is quiet while its transfer runs: the data connection has its own timer
            }
            // INACTIVE: a control connection idle for that long is told so and closed (banner line 2 announces it).
            s.trace.trace(TracePoint.SESSION_IDLE, context.config().inactiveSeconds());
            s.traceReply("421 Timeout: the control connection was idle too long.");
            ctx.writeAndFlush("421 Timeout: the control connection was idle too long.\r\n").addListener(f -> ctx.close());
        } else if (event instanceof SslCloseCompletionEvent) {
            ctx.close();
        }
    }

    /**
     * Ended from the console (as an operator's VARY TCPIP,,DROP would, but with a word to the client): a transfer in
     * progress ends (426), the client hears {@code 421 OCSF040I} and the connection closes; the server log says who.
     * The requester's authority is checked here, on the session's own thread, against the user the session is logged
     * on as now (commands queued before the event, such as USER and PASS, have run): refused, nothing happens to the
     * session and the request's outcome is false.
     */
    private void operatorEnd(ChannelHandlerContext ctx, OperatorEnd end) {
        String current = s == null || s.user == null ? "" : s.user.userid();
        if (!end.request().allows(current)) {
            context.log().info("OCSF041I FTP session {} of user {} from client {} not ended: asked {}, who may end "
                    + "only their own sessions.", s == null ? "-" : s.sessionId,
                    current.isEmpty() ? "(not logged on)" : current, Failures.client(ctx.channel()), end.reason());
            end.request().refused();
            return;
        }
        waiting.clear();
        if (busy != null) {
            s.abortTransfer();
        }
        String user = s == null || s.user == null ? "(not logged on)" : s.user.userid();
        context.log().info("OCSF040I FTP session {} of user {} from client {} ended {}.", s == null ? "-" : s.sessionId,
                user, Failures.client(ctx.channel()), end.reason());
        String reply = FtpReplies.operatorEnd(end.reason());
        if (s != null) {
            s.trace.trace(TracePoint.SESSION_SHUTDOWN);
            s.traceReply(reply);
        }
        end.request().ended();
        ctx.writeAndFlush(reply + "\r\n").addListener(f -> ctx.close());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            s.reply("500 Command line too long: at most " + FtpServer.MAX_LINE + " bytes.");
            return;
        }
        if (s == null) {
            ctx.close();
            return;
        }
        Throwable root = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null
                ? cause.getCause() : cause;
        if (root instanceof javax.net.ssl.SSLException) {
            s.activity("EZYFS54I", "SECURE FAILED Reason=" + TlsFailures.describe(root));
            ctx.close();
        } else if (root instanceof java.io.IOException) {
            ctx.close(); // the client reset or dropped the connection: CONN ends says so
        } else {
            unexpected("the command", root);
        }
    }
}
