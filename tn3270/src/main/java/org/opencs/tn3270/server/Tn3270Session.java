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
    /** Set once the session decided to end: nothing it still receives is acted on or logged again. */
    private boolean ending;
    /** Ends the connection when it has not reached its first screen within the negotiation timeout. */
    private java.util.concurrent.ScheduledFuture<?> deadline;
    /** SMFINIT's and SMFTERM's records; the session they describe once it has started. */
    private final TelnetSmfRecords smf;
    private TelnetSmfRecords.Session smfSession;
    /** Whether the client asked for its LU by name (SMF119TN_NTLUSel). */
    private boolean luRequested;

    Tn3270Session(Tn3270ServerContext context) {
        this.context = context;
        this.negotiation = new Tn3270Negotiation(new Tn3270Negotiation.DeviceNames() {
            @Override
            public Vtam.Assignment terminal(String requested) {
                luRequested = requested != null;
                return context.vtam().assignTerminal(clientAddress, requested);
            }

            @Override
            public Vtam.Assignment printer(String connect, String associate) {
                return context.vtam().assignPrinter(clientAddress, connect, associate);
            }

            @Override
            public void release(String lu) {
                context.vtam().release(lu);
            }
        });
        this.timers = new SessionTimers(context.port(), context.log());
        this.smf = new TelnetSmfRecords(context);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        clientAddress = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        started = context.registry().clock().instant();
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
                    end(ctx);
                }
            }
            return true;
        }
        if (message instanceof TelnetMessage.Subnegotiation s && s.option() == Telnet.START_TLS) {
            if (s.data().length == 1 && s.data()[0] == 0x01 && context.tls() != null
                    && ctx.pipeline().get(SslHandler.class) == null) {
                ctx.pipeline().addFirst("tls", new SslHandler(context.tls().newEngine(ctx.alloc()), true));
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
        if (negotiation.exhausted()) {
            context.log().warn("OCST004I Negotiation with {} did not settle after {} messages; session ended",
                    name(ctx), Tn3270Negotiation.MAX_NEGOTIATIONS);
            end(ctx);
            return;
        }
        if (step.refusal() != null) {
            // Audit record and log line before the reply: whoever sees the reply finds both written.
            audit(ctx, "TN3270_DEVICE_REJECTED", Map.of("reason", step.refusal()));
            context.log().warn("OCST070W {} refused a device request: {}", name(ctx), step.refusal());
        }
        step.replies().forEach(ctx::write);
        ctx.flush();
        if (negotiation.poolExhausted()) {
            audit(ctx, "TN3270_NO_LU", Map.of());
            context.log().warn("OCST006W No LU of the client's pool is free for {}; connection closed", name(ctx));
            end(ctx);
            return;
        }
        String impossible = negotiation.impossible();
        if (impossible != null) {
            audit(ctx, "TN3270_NEGOTIATION_FAILED", Map.of("reason", impossible));
            context.log().warn("OCST007E No 3270 session can be had with {}: {}; connection closed", name(ctx),
                    impossible);
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
            printerReady(ctx);
            return;
        }
        if (step.bound() && !bound) {
            bound = true;
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
        host = new HostSession(context, negotiation, this::audit, this::expressLogon, certificateUser, elfApplid);
        host.start(ctx);
        smfStarted(ctx);
    }

    /** SMFINIT's record, once the session is in session with its first application (or its printer is ready). */
    private void smfStarted(ChannelHandlerContext ctx) {
        smfSession = new TelnetSmfRecords.Session(negotiation.luName(), host.applicationName(),
                negotiation.terminalType(), negotiation.mode() == Tn3270Negotiation.Mode.TN3270E, luRequested,
                context.registry().clock().instant());
        smf.initiation(ctx, smfSession);
    }

    /**
     * A printer (IBM-3287-1) session: it shows nothing, it waits for the print jobs of the terminal it is associated
     * with (or of any terminal whose paired printer it is), each sent as SCS data and ended with PRINT-EOJ.
     */
    private void printerReady(ChannelHandlerContext ctx) {
        audit(ctx, "TN3270_PRINTER_START", Map.of());
        host = new HostSession(context, negotiation, this::audit, this::expressLogon, null, null);
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
            end(ctx);
            return null;
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
            audit(ctx, "TN3270_EXPRESS_LOGON_FAILED", Map.of("reason", "not an Express Logon session"));
            return ExpressLogon.substitute(data, blank, blank);
        }
        try {
            String ticket = new org.opencs.saf.passticket.PassTicketService(context.registry()).generate(certificateUser,
                    elfApplid);
            audit(ctx, "TN3270_EXPRESS_LOGON", Map.of("user", certificateUser, "applid", elfApplid));
            return ExpressLogon.substitute(data, certificateUser.getBytes(context.codePage()),
                    ticket.getBytes(context.codePage()));
        } catch (org.opencs.core.ZosException e) {
            context.log().warn("OCST030E Express Logon of {} for {} to {} failed: {}", name(ctx), certificateUser,
                    elfApplid, e.getMessage());
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
        if (host != null) {
            Map<String, Object> end = new HashMap<>(Map.of("seconds",
                    Duration.between(started, context.registry().clock().instant()).toSeconds(), "bytesIn", host.bytesIn(),
                    "bytesOut", host.bytesOut()));
            if (host.loggedOn() != null) {
                end.put("user", host.loggedOn());
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
            askStartTls(ctx);
        } else if (event instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                startNegotiation(ctx);
            } else {
                context.log().info("OCST022I TLS handshake with {} failed: {}", name(ctx),
                        FailureText.of(handshake.cause()));
                end(ctx);
            }
        }
    }

    /** Whatever a handler of this connection threw ends the session, with one line giving the reason in words. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!ending) {
            context.log().info("OCST003I Session {} ended: {}", name(ctx), FailureText.of(cause));
        }
        end(ctx);
    }
}
