package org.opencs.tn3270.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.security.cert.X509Certificate;
import org.opencs.tn3270.config.TelnetPort;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * One connection's telnet side: START_TLS, TN3270E (or TN3270) negotiation, CLIENTAUTH SAFCERT's user mapping, Express
 * Logon's NEW-ENVIRON question and placeholder substitution, the timers, SYSREQ and ATTN, and the session's audit
 * records (start and end: user, LU, client, TLS, bytes, duration). Once the device is bound a {@link HostSession}
 * runs the applications (or, for a printer, its print jobs).
 */
final class Tn3270Session extends SimpleChannelInboundHandler<TelnetMessage> {
    private final Tn3270ServerContext context;
    private final Tn3270Negotiation negotiation;
    private Instant started;
    private boolean negotiating;
    private boolean bound;
    private boolean elfPending;
    private String elfApplid;
    private String certificateUser;
    /** The applications (or the print jobs) once the device is bound. */
    private HostSession host;
    private final SessionTimers timers;
    private java.net.InetAddress clientAddress;
    /** The client's address and port, as the holder of its LU is named across nodes. */
    private String clientName;
    /** Set once the session decided to end: nothing it still receives is acted on or logged again. */
    private boolean ending;
    /** Ends the connection when it has not reached its first screen within the negotiation timeout. */
    private java.util.concurrent.ScheduledFuture<?> deadline;
    /** The connection's DEBUG lines. */
    private final ConnectionDebug debug;
    /**
     * Why the server dropped the connection, as EZZ6034I CONN DROP names it (ERR rcode, INACT-S ...), and whether that
     * is a failure (reported at EXCEPTION); null: the server did not drop it (the client did, or the server closed).
     */
    private String dropReason;
    private boolean dropFailure;
    /** Who dropped it (the MOD of its EXCEPTION line). */
    private String dropModule;
    /** SMFINIT's and SMFTERM's records; the session they describe once it has started. */
    private final TelnetSmfRecords smf;
    private TelnetSmfRecords.Session smfSession;
    /** Whether the client asked for its LU by name (SMF119TN_NTLUSel). */
    private boolean luRequested;

    /** This connection in the node's live sessions: user ID, LU name, TLS and wire bytes go there too. */
    private final org.opencs.core.sessions.LiveSession live;
    /** Who ended the session from the console ("by ADMIN1 from the console"), or null. */
    private String endedBy;

    /**
     * The user event that ends the session from the console, as an operator's VARY TCPIP,,TELNET,CONNDROP does
     * (docs/tn3270.md "Sessions ended from the console"): {@code request} says who asks, with what authority, and
     * why; the session checks it against its user when the event runs and answers through the request's outcome.
     */
    record OperatorEnd(org.opencs.core.sessions.EndRequest request) {
    }

    Tn3270Session(Tn3270ServerContext context, ConnectionDebug debug, org.opencs.core.sessions.LiveSession live) {
        this.context = context;
        this.live = live;
        this.debug = debug;
        this.negotiation = new Tn3270Negotiation(new Tn3270Negotiation.DeviceNames() {
            @Override
            public Vtam.Assignment terminal(String requested) {
                luRequested = requested != null;
                return context.vtam().assignTerminal(clientAddress, requested, clientName);
            }

            @Override
            public Vtam.Assignment printer(String connect, String associate) {
                return context.vtam().assignPrinter(clientAddress, connect, associate, clientName);
            }

            @Override
            public void release(String lu) {
                context.vtam().release(lu);
            }
        });
        this.timers = new SessionTimers(context.port(), context.log(), reason -> dropped(reason, true, "OCSTSESS"));
        this.smf = new TelnetSmfRecords(context);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        clientAddress = org.opencs.pki.net.Endpoints.client(ctx.channel()).getAddress();
        clientName = ConnectionFacts.client(ctx.channel());
        started = context.registry().clock().instant();
        debug.accepted();
        timers.start(ctx, () -> name(ctx), negotiation::printer);
        deadline = ctx.executor().schedule(() -> negotiationTimedOut(ctx), context.negotiationTimeout().toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        switch (context.port().connType()) {
            case BASIC -> startNegotiation(ctx);
            case NEGTSECURE, ANY -> askStartTls(ctx);
            default -> {
                // SECURE: the TLS detector decides (a handshake, or START_TLS)
            }
        }
    }

    private void startNegotiation(ChannelHandlerContext ctx) {
        if (!negotiating) {
            negotiating = true;
            ctx.write(negotiation.start());
            if (context.port().expressLogon() && ctx.pipeline().get(SslHandler.class) != null) {
                // Express Logon: learn from NEW-ENVIRON whether the client plays a logon macro, and for which APPLID.
                elfPending = true;
                if (debug.detail()) {
                    debug.detail("OCSTELF", "EXPRESSLOGON: asking the client (NEW-ENVIRON) whether it plays a logon "
                            + "macro, and for which application");
                }
                ctx.write(new TelnetMessage.Negotiation(Telnet.DO, Telnet.NEW_ENVIRON));
            }
            ctx.flush();
        }
    }

    /** NEW-ENVIRON for Express Logon: SEND USERVAR IBMELF IBMAPPLID, then the client's IS. */
    private boolean newEnviron(ChannelHandlerContext ctx, TelnetMessage message) {
        if (message instanceof TelnetMessage.Negotiation n && n.option() == Telnet.NEW_ENVIRON) {
            if (n.verb() == Telnet.WILL && elfPending) {
                ctx.writeAndFlush(new TelnetMessage.Subnegotiation(Telnet.NEW_ENVIRON, ExpressLogon.SEND_REQUEST));
            } else if (n.verb() == Telnet.WONT) {
                elfPending = false;
                if (debug.detail()) {
                    debug.detail("OCSTELF", "EXPRESSLOGON: the client refused NEW-ENVIRON: no Express Logon");
                }
                showFirstScreen(ctx);
            }
            return true;
        }
        if (message instanceof TelnetMessage.Subnegotiation s && s.option() == Telnet.NEW_ENVIRON) {
            Map<String, String> vars = ExpressLogon.variables(s.data());
            if ("YES".equalsIgnoreCase(vars.get("IBMELF")) && vars.get("IBMAPPLID") != null) {
                elfApplid = vars.get("IBMAPPLID").toUpperCase(java.util.Locale.ROOT);
            }
            elfPending = false;
            if (debug.detail()) {
                debug.detail("OCSTELF", elfApplid == null ? "EXPRESSLOGON: the client plays no logon macro (IBMELF is "
                        + "not YES): no Express Logon" : "EXPRESSLOGON: the client plays a logon macro for application "
                        + elfApplid);
            }
            showFirstScreen(ctx);
            return true;
        }
        return false;
    }

    private void askStartTls(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(new TelnetMessage.Negotiation(Telnet.DO, Telnet.START_TLS));
    }

    /** Ends a connection that has not reached its first screen in time (a dead end of negotiation), saying why. */
    private void negotiationTimedOut(ChannelHandlerContext ctx) {
        if (ending || !ctx.channel().isActive() || ready()) {
            return;
        }
        String waiting = awaiting(ctx);
        String reason = "negotiation did not complete within " + context.negotiationTimeout().toSeconds()
                + " seconds (the server was waiting for " + waiting + ")";
        audit(ctx, "TN3270_NEGOTIATION_FAILED", Map.of("reason", reason));
        context.log().warn("OCST071E No 3270 session can be had with {}: {}; connection closed", name(ctx), reason);
        failed("OCSTNEGO", "OCST071E", "Negotiation did not complete in time.", "waiting for " + waiting);
        end(ctx);
    }

    /** Whether the session got where negotiation leads: a terminal's first screen, or a printer ready for jobs. */
    private boolean ready() {
        return host != null && host.started() && !host.awaitingQueryReply() || host != null && negotiation.printer();
    }

    /** What the session waits for from the client before its first screen, in words. */
    private String awaiting(ChannelHandlerContext ctx) {
        if (host != null && host.awaitingQueryReply()) {
            return "the IBM-DYNAMIC terminal's answer to Read Partition Query";
        }
        if (elfPending && bound) {
            return "the answer to DO NEW-ENVIRON or to NEW-ENVIRON SEND (Express Logon)";
        }
        if (!negotiating) {
            if (ctx.pipeline().get(TlsDetector.class) != null) {
                return "a TLS ClientHello or telnet";
            }
            return ctx.pipeline().get(SslHandler.class) != null ? "the TLS handshake to complete"
                    : "START_TLS (WILL and FOLLOWS) or WONT START_TLS";
        }
        return negotiation.awaiting();
    }

    /** How log lines name this session: its LU once it has one, before that the client's address and port. */
    private String name(ChannelHandlerContext ctx) {
        return ConnectionFacts.session(ctx.channel(), negotiation.luName());
    }

    /** Ends the session (once): what the client still sends is ignored from now on. */
    private void end(ChannelHandlerContext ctx) {
        ending = true;
        ctx.close();
    }

    /**
     * START_TLS (draft-altman-telnet-starttls): after the client's FOLLOWS the server answers FOLLOWS in the clear and
     * TLS starts on the raw connection; a client that refuses is dropped where TLS is required, and stays plain under
     * CONNTYPE ANY. Once TLS is on, and on a BASIC port (where START_TLS is an option like any other that the server
     * does not support: refused when offered, a refusal recorded), START_TLS negotiation ends nothing.
     */
    private boolean startTls(ChannelHandlerContext ctx, TelnetMessage message) {
        if (context.tls() == null) {
            return false; // BASIC: the negotiation refuses WILL/DO START_TLS and records WONT/DONT like any option
        }
        if (message instanceof TelnetMessage.Negotiation n && n.option() == Telnet.START_TLS) {
            boolean secured = ctx.pipeline().get(SslHandler.class) != null;
            if ((n.verb() == Telnet.WONT || n.verb() == Telnet.DONT) && !secured) {
                if (context.port().connType() == TelnetPort.ConnType.ANY) {
                    startNegotiation(ctx);
                } else {
                    context.log().warn("OCST021E {} refused START_TLS on port {}, which requires TLS; connection closed",
                            name(ctx), context.port().port());
                    failed("OCSTTLS", "OCST021E", "The client refused START_TLS on a port that requires TLS.", null);
                    end(ctx);
                }
            }
            return true;
        }
        if (message instanceof TelnetMessage.Subnegotiation s && s.option() == Telnet.START_TLS) {
            if (s.data().length == 1 && s.data()[0] == 0x01 && context.tls() != null
                    && ctx.pipeline().get(SslHandler.class) == null) {
                if (debug.detail()) {
                    debug.detail("OCSTTLS", "START_TLS: the client is ready (FOLLOWS): the TLS handshake begins");
                }
                SslHandler ssl = new SslHandler(context.tls().newEngine(ctx.alloc()), true, context.handshakeTasks());
                ssl.setHandshakeTimeoutMillis(0); // the negotiation deadline bounds it (not Netty's 10 s)
                org.opencs.pki.net.ProxyProtocol.addFirst(ctx.pipeline(), "tls", ssl); // after the wire byte counter
                context.trace().attach(ctx.pipeline(), ssl, "TN3270 START_TLS");
                ctx.writeAndFlush(new TelnetMessage.Subnegotiation(Telnet.START_TLS, new byte[] {0x01}));
            }
            return true;
        }
        return false;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TelnetMessage message) {
        if (ending) {
            return; // the session decided to end: what the client sent meanwhile is not acted on
        }
        timers.heard();
        if (message instanceof TelnetMessage.Negotiation n && n.option() == Telnet.TIMING_MARK
                && (n.verb() == Telnet.WILL || n.verb() == Telnet.WONT)) {
            return; // the answer to a TIMEMARK probe
        }
        if (message instanceof TelnetMessage.Record record) {
            if (!negotiation.printer()) {
                timers.data();
            }
            if (host != null && host.started()) {
                host.inbound(ctx, record.data());
            }
            return;
        }
        if (message instanceof TelnetMessage.Command command) {
            if (host != null && command.code() == Telnet.AO && host.tn3270e() && negotiation.sysreq()) {
                host.sysreq(ctx);
            } else if (host != null && command.code() == Telnet.IP && host.tn3270e()) {
                host.attention(ctx);
            }
            return; // BREAK follows the PA1 a TN3270 terminal already sent for ATTN; NOP needs nothing
        }
        if (startTls(ctx, message)) {
            return;
        }
        if (context.port().tlsRequired() && ctx.pipeline().get(SslHandler.class) == null) {
            return; // nothing but START_TLS is negotiated in the clear on a port that requires TLS
        }
        if (newEnviron(ctx, message)) {
            return;
        }
        Tn3270Negotiation.Step step = negotiation.on(message);
        debug.lu(negotiation.luName());
        if (negotiation.exhausted()) {
            context.log().warn("OCST004I Negotiation with {} did not settle after {} messages; session ended",
                    name(ctx), Tn3270Negotiation.MAX_NEGOTIATIONS);
            failed("OCSTNEGO", "OCST004I", "Negotiation did not settle.", Tn3270Negotiation.MAX_NEGOTIATIONS
                    + " messages");
            end(ctx);
            return;
        }
        if (step.refusal() != null) {
            // Audit record and log line before the reply: whoever sees the reply finds both written.
            audit(ctx, "TN3270_DEVICE_REJECTED", Map.of("reason", step.refusal()));
            context.log().warn("OCST070W {} refused a device request: {}", name(ctx), step.refusal());
            debug.exception("OCSTNEGO", "OCST070W", "A device request was refused.", step.refusal());
        }
        step.replies().forEach(ctx::write);
        ctx.flush();
        if (negotiation.poolExhausted()) {
            audit(ctx, "TN3270_NO_LU", Map.of());
            context.log().warn("OCST006W No LU of the client's pool is free for {}; connection closed", name(ctx));
            failed("OCSTNEGO", "3003-00", "LUs are all in use.", null);
            end(ctx);
            return;
        }
        String unavailable = negotiation.registryUnavailable();
        if (unavailable != null) {
            audit(ctx, "TN3270_NEGOTIATION_FAILED", Map.of("reason", "no LU can be assigned: " + unavailable));
            context.log().error("OCST072E No LU can be assigned to {}: the registry that records LU names is "
                    + "unavailable ({}); connection closed", name(ctx), unavailable);
            failed("OCSTNEGO", "OCST072E", "No LU can be assigned: the registry is unavailable.", unavailable);
            if (!negotiation.binary()) {
                ctx.writeAndFlush(io.netty.buffer.Unpooled.copiedBuffer("OCST072E No LU can be assigned now: the "
                        + "system's registry is unavailable; try again later. Connection closed\r\n",
                        java.nio.charset.StandardCharsets.US_ASCII));
            }
            end(ctx);
            return;
        }
        String impossible = negotiation.impossible();
        if (impossible != null) {
            audit(ctx, "TN3270_NEGOTIATION_FAILED", Map.of("reason", impossible));
            context.log().warn("OCST007E No 3270 session can be had with {}: {}; connection closed", name(ctx),
                    impossible);
            failed("OCSTNEGO", "OCST007E", "No 3270 session can be negotiated.", impossible);
            if (negotiation.mode() == Tn3270Negotiation.Mode.NEGOTIATING && !negotiation.binary()) {
                // Not in BINARY: a line of text is what a telnet client that is not a 3270 (a VT100) shows its user.
                ctx.writeAndFlush(io.netty.buffer.Unpooled.copiedBuffer("OCST007E This server serves 3270 terminals "
                        + "only (TN3270E, or TN3270 with a terminal type IBM-3278-n, IBM-3279-n or IBM-DYNAMIC); "
                        + "connection closed\r\n", java.nio.charset.StandardCharsets.US_ASCII));
            }
            end(ctx);
            return;
        }
        if (step.bound() && !bound && negotiation.printer()) {
            bound = true;
            negotiated(ctx);
            printerReady(ctx);
            return;
        }
        if (step.bound() && !bound) {
            bound = true;
            negotiated(ctx);
            if (context.port().clientAuth() == TelnetPort.ClientAuth.SAFCERT) {
                certificateUser = mappedUser(ctx);
                if (certificateUser == null) {
                    return;
                }
            }
            showFirstScreen(ctx);
        }
    }

    /** Once the terminal is bound and Express Logon's question is answered: the first transaction's screen. */
    private void showFirstScreen(ChannelHandlerContext ctx) {
        if (!bound || elfPending || host != null || !ctx.channel().isActive()) {
            return;
        }
        audit(ctx, "TN3270_SESSION_START", certificateUser == null ? Map.of() : Map.of("user", certificateUser));
        live.lu(negotiation.luName()); // before the first screen goes out
        if (certificateUser != null) {
            live.loggedOn(certificateUser); // SAFCERT (and Express Logon) knows the user before any logon
        }
        host = new HostSession(context, negotiation, this::audit, this::expressLogon, certificateUser, elfApplid, debug,
                live::loggedOn);
        host.start(ctx);
        debug.inSession(host.applicationName());
        smfStarted(ctx);
    }

    /** SMFINIT's record, once the session is in session with its first application (or its printer is ready). */
    private void smfStarted(ChannelHandlerContext ctx) {
        live.lu(negotiation.luName());
        smfSession = new TelnetSmfRecords.Session(negotiation.luName(), host.applicationName(),
                negotiation.terminalType(), negotiation.mode() == Tn3270Negotiation.Mode.TN3270E, luRequested,
                context.registry().clock().instant());
        smf.initiation(ctx, smfSession);
    }

    /**
     * EZZ6034I NEGOTIATED (SUMMARY) with the TLS protocol and cipher and the client certificate, and at DETAIL the
     * device agreed.
     */
    private void negotiated(ChannelHandlerContext ctx) {
        if (!debug.summary()) {
            return;
        }
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        javax.net.ssl.SSLSession tls = ssl == null ? null : ssl.engine().getSession();
        X509Certificate certificate = ConnectionFacts.peerCertificate(ctx);
        String mode = negotiation.mode() == Tn3270Negotiation.Mode.TN3270E ? "TN3270E" : "TN3270";
        debug.negotiated(mode, tls == null ? null : tls.getProtocol() + " " + tls.getCipherSuite(),
                certificate == null ? null : certificate.getSubjectX500Principal().getName());
        if (debug.detail()) {
            debug.detail("OCSTNEGO", "DEVICE " + negotiation.terminalType() + " LU " + negotiation.luName() + " AGREED ("
                    + mode + (negotiation.mode() == Tn3270Negotiation.Mode.TN3270E ? ", FUNCTIONS "
                    + negotiation.functionNames() : "") + ")");
        }
    }

    /**
     * A failure that ends the connection: EZZ6035I EXCEPTION with its return code (IBM's where IBM has one, else the
     * OpenCS message ID of the operator message that says the same), and the CONN DROP reason ERR code.
     */
    private void failed(String mod, String rcode, String description, String parm) {
        debug.exception(mod, rcode, description, parm);
        dropped("ERR " + (rcode.matches("\\p{XDigit}{4}-\\d{2}") ? rcode.substring(0, 4) : rcode), true, mod);
    }

    /** The server drops the connection: EZZ6034I CONN DROP will name {@code reason} and {@code module}. */
    private void dropped(String reason, boolean failure, String module) {
        if (dropReason == null) {
            dropReason = reason;
            dropFailure = failure;
            dropModule = module;
        }
    }

    /**
     * A printer (IBM-3287-1) session: it shows nothing, it waits for the print jobs of the terminal it is associated
     * with (or of any terminal whose paired printer it is), each sent as SCS data and ended with PRINT-EOJ.
     */
    private void printerReady(ChannelHandlerContext ctx) {
        audit(ctx, "TN3270_PRINTER_START", Map.of());
        host = new HostSession(context, negotiation, this::audit, this::expressLogon, null, null, debug, live::loggedOn);
        smfStarted(ctx);
        context.log().info("OCST050I Printer {} ready for client {}", negotiation.luName(),
                ConnectionFacts.client(ctx.channel()));
        context.vtam().printerReady(negotiation.luName(), (title, lines) -> ctx.executor().execute(() -> {
            timers.data(); // a print job is what keeps a printer session from PRTINACTIVE
            host.printJob(ctx, title, lines);
        }));
    }













    /**
     * CLIENTAUTH SAFCERT: the client certificate (the handshake already checked it chains to a trusted CA) must map to
     * a user ID through the registry, else the connection is refused with a message and an audit record.
     */
    private String mappedUser(ChannelHandlerContext ctx) {
        X509Certificate certificate = ConnectionFacts.peerCertificate(ctx);
        var mapping = certificate == null ? java.util.Optional.<org.opencs.saf.certs.CertificateUserMapper.Mapping>empty()
                : new org.opencs.saf.certs.CertificateUserMapper(context.registry()).userFor(certificate);
        if (mapping.isEmpty()) {
            String subject = certificate == null ? "(none)" : certificate.getSubjectX500Principal().getName();
            context.log().warn("OCST020E CLIENTAUTH SAFCERT: the client certificate {} maps to no user ID; connection "
                    + "from client {} refused", subject, ConnectionFacts.client(ctx.channel()));
            audit(ctx, "TN3270_CERT_REJECTED", Map.of("subject", subject));
            failed("OCSTTLS", "OCST020E", "CLIENTAUTH SAFCERT: the client certificate maps to no user ID.", subject);
            end(ctx);
            return null;
        }
        if (debug.detail()) {
            debug.detail("OCSTTLS", "CLIENTAUTH SAFCERT: the client certificate " + certificate.getSubjectX500Principal()
                    .getName() + " maps to user ID " + mapping.get().userid());
        }
        return mapping.get().userid();
    }

    /**
     * The placeholders replaced by the certificate's user ID and a fresh PassTicket for the Express Logon APPLID. When
     * that cannot be done (no Express Logon on this session, no PTKTDATA profile) they are removed instead, so they
     * never reach an application as a user ID or password, and the failure is logged and audited.
     */
    private byte[] expressLogon(ChannelHandlerContext ctx, byte[] data) {
        byte[] blank = new byte[0];
        if (elfApplid == null || certificateUser == null) {
            context.log().warn("OCST031E Express Logon placeholders from {} without Express Logon (EXPRESSLOGON, "
                    + "CLIENTAUTH SAFCERT and the client's IBMELF=YES are all needed); removed", name(ctx));
            debug.exception("OCSTELF", "OCST031E", "Express Logon placeholders without Express Logon; removed.", null);
            audit(ctx, "TN3270_EXPRESS_LOGON_FAILED", Map.of("reason", "not an Express Logon session"));
            return ExpressLogon.substitute(data, blank, blank);
        }
        try {
            String ticket = new org.opencs.saf.passticket.PassTicketService(context.registry()).generate(certificateUser,
                    elfApplid);
            audit(ctx, "TN3270_EXPRESS_LOGON", Map.of("user", certificateUser, "applid", elfApplid));
            if (debug.detail()) {
                debug.detail("OCSTELF", "EXPRESSLOGON: user ID " + certificateUser + " and a PassTicket for application "
                        + elfApplid + " replace the placeholders");
            }
            return ExpressLogon.substitute(data, certificateUser.getBytes(context.codePage()),
                    ticket.getBytes(context.codePage()));
        } catch (org.opencs.core.ZosException e) {
            context.log().warn("OCST030E Express Logon of {} for {} to {} failed: {}", name(ctx), certificateUser,
                    elfApplid, e.getMessage());
            debug.exception("OCSTELF", "OCST030E", "Express Logon failed.", e.getMessage());
            audit(ctx, "TN3270_EXPRESS_LOGON_FAILED", Map.of("user", certificateUser, "applid", elfApplid,
                    "reason", e.getMessage()));
            return ExpressLogon.substitute(data, blank, blank);
        }
    }




    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ending = true;
        timers.stop();
        if (deadline != null) {
            deadline.cancel(false);
        }
        connectionEnded();
        if (host != null) {
            Map<String, Object> end = new HashMap<>(Map.of("seconds",
                    Duration.between(started, context.registry().clock().instant()).toSeconds(), "bytesIn", host.bytesIn(),
                    "bytesOut", host.bytesOut()));
            if (host.loggedOn() != null) {
                end.put("user", host.loggedOn());
            }
            if (endedBy != null) {
                end.put("reason", "CONNDROP " + endedBy);
            }
            audit(ctx, "TN3270_SESSION_END", end);
            host.stopNotices();
            if (smfSession != null) {
                smf.termination(ctx, new TelnetSmfRecords.Session(smfSession.lu(), host.applicationName(),
                        smfSession.deviceType(), smfSession.tn3270e(), smfSession.luRequested(), smfSession.started()),
                        host.bytesIn(), host.bytesOut());
            }
        }
        context.vtam().release(negotiation.luName());
    }

    /**
     * EZZ6034I SESS DROP (when an application session was started) and CONN DROP: the reason the server dropped it
     * (ERR rcode for a failure, INACT-S, INACT-P or TIMEMARK for inactivity), LOGOFF when the application ended it,
     * SHUTDOWN when the server closed, else CLNTDISC (the client disconnected).
     */
    private void connectionEnded() {
        String reason = dropReason;
        boolean failure = dropFailure;
        if (reason == null) {
            reason = host != null && host.loggedOff() ? "LOGOFF" : context.closing().getAsBoolean() ? "SHUTDOWN"
                    : "CLNTDISC";
        }
        if (host != null && host.started() && debug.summary()) {
            debug.sessionDropped(reason);
        }
        debug.connectionDropped(reason, failure, failure ? dropModule : null);
    }

    private void audit(ChannelHandlerContext ctx, String event, Map<String, Object> extra) {
        context.registry().audit().record(context.registry().clock().instant(), event,
                ConnectionFacts.auditFields(ctx, negotiation.luName(), negotiation.terminalType(), extra));
    }

    /** The last call for this session: the server's close() waits for every session to get here. */
    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        context.open().closed();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (ending) {
            return;
        }
        if (event == TlsDetector.START_TLS_NEEDED && ctx.channel().isActive()) {
            if (debug.detail()) {
                debug.detail("OCSTTLS", "SECUREPORT: no TLS ClientHello came first: START_TLS is offered");
            }
            askStartTls(ctx);
        } else if (event instanceof OperatorEnd end) {
            operatorEnd(ctx, end.request());
        } else if (event instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                org.opencs.pki.net.WireBytes.watchTls(ctx.pipeline().get(SslHandler.class), live);
                if (debug.detail()) {
                    tlsDetail(ctx);
                }
                startNegotiation(ctx);
            } else {
                String reason = FailureText.of(handshake.cause());
                context.log().info("OCST022I TLS handshake with {} failed: {}", name(ctx), reason);
                if (handshake.cause() instanceof io.netty.handler.ssl.SslHandshakeTimeoutException) {
                    failed("OCSTTLS", "600E-00", "SSL handshake Timed out.", reason);
                } else {
                    failed("OCSTTLS", "6002-00", "SSL/TLS handshake failed.", reason);
                }
                end(ctx);
            }
        }
    }

    /**
     * DETAIL's TLS lines: the protocol and cipher agreed, and the client certificate (subject, issuer, serial number,
     * validity) with what CLIENTAUTH made of it: none asked for, or accepted because it chains to a CA the key ring
     * trusts (the handshake would have failed otherwise).
     */
    private void tlsDetail(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        javax.net.ssl.SSLSession tls = ssl.engine().getSession();
        debug.detail("OCSTTLS", "TLS handshake complete: " + tls.getProtocol() + " " + tls.getCipherSuite());
        X509Certificate certificate = ConnectionFacts.peerCertificate(ctx);
        TelnetPort.ClientAuth auth = context.port().clientAuth();
        if (certificate == null) {
            debug.detail("OCSTTLS", "CLIENTAUTH " + auth + ": no client certificate"
                    + (auth == TelnetPort.ClientAuth.NONE ? " asked for" : ""));
            return;
        }
        debug.detail("OCSTTLS", "client certificate SUBJECT: " + certificate.getSubjectX500Principal().getName()
                + " ISSUER: " + certificate.getIssuerX500Principal().getName() + " SERIAL: "
                + certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT) + " VALID: "
                + certificate.getNotBefore().toInstant() + " TO " + certificate.getNotAfter().toInstant());
        debug.detail("OCSTTLS", "CLIENTAUTH " + auth + ": the client certificate chains to a certificate authority the "
                + "key ring trusts" + (auth == TelnetPort.ClientAuth.SAFCERT ? "; its user ID is looked up once the "
                + "device is agreed" : ""));
    }

    /**
     * Ended from the console: the connection closes, as VARY TCPIP,,TELNET,CONNDROP and VARY NET,INACT close it (the
     * client is told nothing; telnet has no message for it). A normal end, not a failure: OCST095I names who ended it,
     * EZZ6034I CONN DROP says CONNDROP, and the SMF termination record and TN3270_SESSION_END audit record are written
     * as for any end, the latter with the reason. The requester's authority is checked here, on the session's own
     * thread, against the user logged on now: refused, nothing happens and the request's outcome is false.
     */
    private void operatorEnd(ChannelHandlerContext ctx, org.opencs.core.sessions.EndRequest request) {
        String current = host == null || host.loggedOn() == null ? "" : host.loggedOn();
        if (!request.allows(current)) {
            context.log().info("OCST096I Session {} of user {} not ended: asked {}, who may end only their own sessions",
                    name(ctx), current.isEmpty() ? "(not logged on)" : current, request.reason());
            request.refused();
            return;
        }
        String reason = request.reason();
        endedBy = reason;
        context.log().info("OCST095I Session {} of user {} ended {}; connection closed", name(ctx),
                host == null || host.loggedOn() == null ? "(not logged on)" : host.loggedOn(), reason);
        dropped("CONNDROP", false, "OCSTSESS");
        request.ended();
        end(ctx);
    }

    /** Whatever a handler of this connection threw ends the session, with one line giving the reason in words. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!ending) {
            String reason = FailureText.of(cause);
            context.log().info("OCST003I Session {} ended: {}", name(ctx), reason);
            if (reason.equals("the client reset the connection")) {
                debug.exception("OCSTSESS", "1001-02", "Client disconnected from the connection.", reason);
                dropped("CLNTDISC", true, "OCSTSESS");
            } else {
                failed("OCSTSESS", "OCST003I", "The session ended on an error.", reason);
            }
        }
        end(ctx);
    }
}
