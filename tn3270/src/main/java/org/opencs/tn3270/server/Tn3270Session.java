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
import javax.net.ssl.SSLSession;
import org.opencs.tn3270.apps.Terminal;
import org.opencs.tn3270.apps.Transaction;
import org.opencs.tn3270.config.TelnetPort;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.DataStream;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Query;
import org.opencs.tn3270.datastream.Screen;
import org.opencs.tn3270.datastream.ScreenSize;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * One terminal: negotiates TN3270E (or TN3270), then runs the host application one transaction at a time. Inbound
 * records become named field values for the application; its next screen goes out as an Erase/Write (Alternate).
 * With TN3270E BIND-IMAGE an application session starts with a BIND and ends with an UNBIND, and VTAM's USS screen is
 * SSCP-LU data; with SYSREQ the client's SYSREQ key (IAC AO) switches to the SSCP-LU session, where LOGOFF ends the
 * application. An IBM-DYNAMIC terminal is asked for its size (Read Partition Query) before the first application screen.
 * Session start and end are audit records (user is filled in by the application later; LU, client, TLS, duration).
 */
final class Tn3270Session extends SimpleChannelInboundHandler<TelnetMessage> {
    private final Tn3270ServerContext context;
    private final Tn3270Negotiation negotiation;
    private final DataStream dataStream;
    private Transaction current;
    private final Terminal terminal = new Terminal(ScreenSize.DEFAULT);
    /** Whether the terminal takes extended attributes (colours): an -E or 3279 type, or a query reply with colours. */
    private boolean extendedAttributes;
    /** Whether the terminal's alternate size is known (from its type, or asked for with a query). */
    private boolean sizeKnown;
    /** The transaction whose screen waits for the terminal's query reply. */
    private Transaction awaitingQuery;
    /** The application the terminal is in session with (the BIND's primary LU name). */
    private String applicationName = "TSO";
    /** Whether the application session is bound (BIND-IMAGE sent, no UNBIND since). */
    private boolean applicationBound;
    /** The SSCP-LU screen last sent (SSCP-LU data adds to the display: the next one sends only what changed). */
    private Screen sscpShown;
    /** Whether SYSREQ handed the screen to the SSCP-LU session. */
    private boolean sscpMode;
    private int sequence;
    private Instant started;
    private boolean negotiating;
    private boolean bound;
    private boolean elfPending;
    private String elfApplid;
    private String certificateUser;
    private long lastInput;
    private long bytesIn;
    private long bytesOut;
    private String loggedOn;
    private java.util.concurrent.ScheduledFuture<?> timers;
    private long timeMarkSent;
    private java.net.InetAddress clientAddress;

    Tn3270Session(Tn3270ServerContext context) {
        this.context = context;
        this.negotiation = new Tn3270Negotiation(new Tn3270Negotiation.DeviceNames() {
            @Override
            public String terminal(String requested) {
                return context.vtam().assignTerminal(clientAddress, requested);
            }

            @Override
            public Vtam.Assignment printer(String connect, String associate) {
                return context.vtam().assignPrinter(clientAddress, connect, associate);
            }
        });
        this.dataStream = new DataStream(context.codePage());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        clientAddress = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        started = context.registry().clock().instant();
        lastInput = System.nanoTime();
        scheduleTimers(ctx);
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

    /**
     * START_TLS (draft-altman-telnet-starttls): after the client's FOLLOWS the server answers FOLLOWS in the clear and
     * TLS starts on the raw connection; a client that refuses is dropped unless CONNTYPE ANY lets it stay plain.
     */
    private boolean startTls(ChannelHandlerContext ctx, TelnetMessage message) {
        if (message instanceof TelnetMessage.Negotiation n && n.option() == Telnet.START_TLS) {
            if (n.verb() == Telnet.WONT || n.verb() == Telnet.DONT) {
                if (context.port().connType() == TelnetPort.ConnType.ANY) {
                    startNegotiation(ctx);
                } else {
                    context.log().warn("OCST021E {} refused START_TLS on port {}, which requires TLS; connection closed",
                            ctx.channel().remoteAddress(), context.port().port());
                    ctx.close();
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

    /**
     * INACTIVE, TIMEMARK and SCANINTERVAL: a session without input for INACTIVE seconds is dropped; a client silent
     * for TIMEMARK seconds is asked DO TIMING-MARK, and dropped when it has not answered SCANINTERVAL seconds later.
     */
    private void scheduleTimers(ChannelHandlerContext ctx) {
        TelnetPort port = context.port();
        long tick = java.util.stream.IntStream.of(port.inactiveSeconds(), port.prtInactiveSeconds(), port.timeMarkSeconds(),
                        port.scanIntervalSeconds())
                .filter(t -> t > 0).min().orElse(0);
        if (tick == 0) {
            return;
        }
        long period = Math.max(200, tick * 1000 / 4);
        timers = ctx.channel().eventLoop().scheduleAtFixedRate(() -> ctx.executor().execute(() -> checkTimers(ctx)), period,
                period, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void checkTimers(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        TelnetPort port = context.port();
        long now = System.nanoTime();
        long silent = (now - lastInput) / 1_000_000_000L;
        int inactive = negotiation.printer() ? port.prtInactiveSeconds() : port.inactiveSeconds();
        if (inactive > 0 && silent >= inactive) {
            context.log().info("OCST002I LU {} dropped after {} {} seconds without {}", negotiation.luName(),
                    negotiation.printer() ? "PRTINACTIVE" : "INACTIVE", inactive,
                    negotiation.printer() ? "a print job" : "input");
            ctx.close();
        } else if (timeMarkSent != 0 && port.scanIntervalSeconds() > 0
                && (now - timeMarkSent) / 1_000_000_000L >= port.scanIntervalSeconds()) {
            context.log().info("OCST005I LU {} did not answer TIMEMARK within SCANINTERVAL {} seconds; dropped",
                    negotiation.luName(), port.scanIntervalSeconds());
            ctx.close();
        } else if (timeMarkSent == 0 && port.timeMarkSeconds() > 0 && silent >= port.timeMarkSeconds()) {
            timeMarkSent = now;
            ctx.writeAndFlush(new TelnetMessage.Negotiation(Telnet.DO, Telnet.TIMING_MARK));
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TelnetMessage message) {
        lastInput = System.nanoTime();
        if (message instanceof TelnetMessage.Negotiation n && n.option() == Telnet.TIMING_MARK
                && (n.verb() == Telnet.WILL || n.verb() == Telnet.WONT)) {
            timeMarkSent = 0; // the client is alive
            return;
        }
        timeMarkSent = 0;
        if (message instanceof TelnetMessage.Record record) {
            if (current != null) {
                inbound(ctx, record.data());
            }
            return;
        }
        if (message instanceof TelnetMessage.Command command) {
            if (command.code() == Telnet.AO && tn3270e() && negotiation.sysreq()) {
                sysreq(ctx);
            } else if (command.code() == Telnet.IP && tn3270e()) {
                attention(ctx);
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
                    ctx.channel().remoteAddress(), Tn3270Negotiation.MAX_NEGOTIATIONS);
            ctx.close();
            return;
        }
        step.replies().forEach(ctx::write);
        ctx.flush();
        if (negotiation.poolExhausted()) {
            context.log().warn("OCST006W No LU of the DEFAULTLUS pool is free for {}; connection closed",
                    ctx.channel().remoteAddress());
            audit(ctx, "TN3270_NO_LU", Map.of());
            ctx.close();
            return;
        }
        if (step.bound() && !bound && negotiation.printer()) {
            bound = true;
            printerReady(ctx);
            return;
        }
        if (step.bound() && !bound) {
            bound = true;
            terminal.learned(ScreenSize.alternateOf(negotiation.terminalType()));
            String type = negotiation.terminalType();
            extendedAttributes = type != null && (type.endsWith("-E") || type.startsWith("IBM-3279"));
            sizeKnown = !"IBM-DYNAMIC".equals(negotiation.terminalType());
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
        if (!bound || elfPending || current != null || !ctx.channel().isActive()) {
            return;
        }
        audit(ctx, "TN3270_SESSION_START", certificateUser == null ? Map.of() : Map.of("user", certificateUser));
        startFirstApplication(ctx);
    }

    /**
     * A printer (IBM-3287-1) session: it shows nothing, it waits for the print jobs of the terminal it is associated
     * with (or of any terminal whose paired printer it is), each sent as SCS data and ended with PRINT-EOJ.
     */
    private void printerReady(ChannelHandlerContext ctx) {
        audit(ctx, "TN3270_PRINTER_START", Map.of());
        context.log().info("OCST050I Printer {} ready for {}", negotiation.luName(), ctx.channel().remoteAddress());
        context.vtam().printerReady(negotiation.luName(), (title, lines) -> ctx.executor().execute(() -> printJob(ctx,
                title, lines)));
    }

    private void printJob(ChannelHandlerContext ctx, String title, java.util.List<String> lines) {
        if (!ctx.channel().isActive()) {
            return;
        }
        lastInput = System.nanoTime(); // a print job is what keeps a printer session from PRTINACTIVE
        if (negotiation.bindImage() && !applicationBound) {
            record(ctx, HostRecords.BIND_IMAGE, BindImage.printer(applicationName, context.codePage()));
            applicationBound = true;
        }
        java.io.ByteArrayOutputStream scs = new java.io.ByteArrayOutputStream();
        for (String line : lines) {
            scs.writeBytes(line.getBytes(context.codePage()));
            scs.write(BindImage.SCS_NEW_LINE);
        }
        record(ctx, HostRecords.SCS_DATA, scs.toByteArray());
        record(ctx, HostRecords.PRINT_EOJ, new byte[0]);
        context.log().info("OCST051I Printer {} printed {} ({} lines)", negotiation.luName(), title, lines.size());
    }

    /** Where this terminal's print jobs go: the printer session of its associated printer, when one is connected. */
    private String print(ChannelHandlerContext ctx, String title, java.util.List<String> lines) {
        String printer = context.vtam().associatedPrinter(negotiation.luName());
        Vtam.Printer session = context.vtam().printerFor(negotiation.luName());
        if (session == null) {
            return printer == null ? "No printer is associated with " + negotiation.luName()
                    : "Printer " + printer + " is not connected";
        }
        session.print(title, lines);
        audit(ctx, "TN3270_PRINT", Map.of("printer", printer, "title", title, "lines", lines.size(),
                "user", String.valueOf(loggedOn)));
        return "Printed " + lines.size() + " lines on " + printer;
    }

    private void startFirstApplication(ChannelHandlerContext ctx) {
        terminal.printer((title, lines) -> print(ctx, title, lines));
        current = context.firstTransaction().start(certificateUser, elfApplid, negotiation.luName(), terminal);
        show(ctx, current);
    }

    private boolean tn3270e() {
        return negotiation.mode() == Tn3270Negotiation.Mode.TN3270E;
    }

    /**
     * Sends a transaction's screen the way the session needs it: VTAM's own screen as SSCP-LU data under BIND-IMAGE;
     * an application's after a BIND when its session is not bound yet, and after a Read Partition Query when the
     * terminal's size is not known yet (the screen follows the query reply).
     */
    private void show(ChannelHandlerContext ctx, Transaction t) {
        if (t.applid() != null) {
            applicationName = t.applid();
        }
        if (tn3270e() && negotiation.bindImage()) {
            if (t.sscp()) {
                unbind(ctx);
                Screen screen = t.screen();
                record(ctx, HostRecords.SSCP_LU_DATA, dataStream.unformatted(screen, sscpShown));
                sscpShown = screen;
                return;
            }
            sscpShown = null;
            if (!applicationBound) {
                record(ctx, HostRecords.BIND_IMAGE, BindImage.of(applicationName, sizeKnown ? terminal.size() : null,
                        context.codePage()));
                applicationBound = true;
            }
        }
        if (!sizeKnown) {
            sizeKnown = true;
            awaitingQuery = t;
            record(ctx, HostRecords.DATA_3270, Query.readPartitionQuery());
            return;
        }
        record(ctx, HostRecords.DATA_3270, dataStream.eraseWrite(t.screen(), extendedAttributes));
    }

    private void unbind(ChannelHandlerContext ctx) {
        if (applicationBound) {
            applicationBound = false;
            record(ctx, HostRecords.UNBIND, BindImage.UNBIND);
        }
    }

    /** The terminal's answer to Read Partition Query: its alternate size, then the screen that waited for it. */
    private void queryReply(ChannelHandlerContext ctx, byte[] data) {
        Transaction waiting = awaitingQuery;
        awaitingQuery = null;
        try {
            Map<Integer, byte[]> replies = Query.replies(data);
            terminal.learned(Query.alternateSize(replies));
            extendedAttributes = replies.containsKey(Query.COLOR);
            context.log().info("OCST040I LU {} ({}) has a {} screen", negotiation.luName(), negotiation.terminalType(),
                    terminal.size());
        } catch (IllegalArgumentException e) {
            context.log().warn("OCST041W Query reply from LU {} not understood ({}); 24x80 assumed", negotiation.luName(),
                    e.getMessage());
        }
        show(ctx, waiting);
    }

    /** ATTN from a TN3270E terminal (IAC IP): the application gets it as PA1, TSO's attention key. */
    private void attention(ChannelHandlerContext ctx) {
        if (current == null || current.sscp() || sscpMode || awaitingQuery != null) {
            return;
        }
        proceed(ctx, current.next(Aid.PA1, values(current.screen(), new DataStream.Input(Aid.PA1, -1, Map.of()))));
    }

    /**
     * SYSREQ (TN3270E SYSREQ function: IAC AO): the first press hands the screen to the SSCP-LU session, which takes
     * LOGOFF; the second returns to the application as it was.
     */
    private void sysreq(ChannelHandlerContext ctx) {
        if (current == null || current.sscp() || awaitingQuery != null) {
            return;
        }
        sscpMode = !sscpMode;
        if (sscpMode) {
            sscpMessage(ctx, "SSCP-LU session of " + negotiation.luName() + " (application " + applicationName + ")",
                    "Enter LOGOFF to end the application session, or press SYSREQ to return to it");
        } else {
            show(ctx, current);
        }
    }

    /** Lines of SSCP-LU text (each at most a row wide). */
    private void sscpMessage(ChannelHandlerContext ctx, String... lines) {
        java.util.List<Field> fields = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            fields.add(Field.text(i, 0, lines[i].length() > 79 ? lines[i].substring(0, 79) : lines[i]));
        }
        record(ctx, HostRecords.SSCP_LU_DATA, dataStream.unformatted(Screen.of(fields, 0, 0), null));
    }

    /** SSCP-LU input: a command for the USS screen, or (after SYSREQ) LOGOFF to end the application session. */
    private void sscpInput(ChannelHandlerContext ctx, byte[] data) {
        String text = dataStream.unformattedInput(data);
        if (sscpMode) {
            if (text.equalsIgnoreCase("LOGOFF")) {
                sscpMode = false;
                context.log().info("OCST042I LU {} logged off the application session from SSCP-LU mode",
                        negotiation.luName());
                unbind(ctx);
                startFirstApplication(ctx);
            } else {
                sscpMessage(ctx, "IST457I USS COMMAND " + (text.isEmpty() ? "(none)" : text.split("\\s+")[0])
                        + " INVALID");
            }
            return;
        }
        if (current.sscp()) {
            String field = current.screen().fields().stream().filter(Field::write).map(Field::name)
                    .filter(java.util.Objects::nonNull).findFirst().orElse("command");
            proceed(ctx, current.next(Aid.ENTER, Map.of(field, text)));
        }
    }

    private void proceed(ChannelHandlerContext ctx, Transaction next) {
        if (next != null && next.userid() != null) {
            loggedOn = next.userid();
        }
        if (next == null) {
            if (tn3270e() && negotiation.bindImage()) {
                unbind(ctx);
            }
            ctx.close();
            return;
        }
        current = next;
        show(ctx, current);
    }

    /**
     * CLIENTAUTH SAFCERT: the client certificate (the handshake already checked it chains to a trusted CA) must map to
     * a user ID through the registry, else the connection is refused with a message and an audit record.
     */
    private String mappedUser(ChannelHandlerContext ctx) {
        X509Certificate certificate = peerCertificate(ctx);
        var mapping = certificate == null ? java.util.Optional.<org.opencs.saf.certs.CertificateUserMapper.Mapping>empty()
                : new org.opencs.saf.certs.CertificateUserMapper(context.registry()).userFor(certificate);
        if (mapping.isEmpty()) {
            String subject = certificate == null ? "(none)" : certificate.getSubjectX500Principal().getName();
            context.log().warn("OCST020E CLIENTAUTH SAFCERT: the client certificate {} maps to no user ID; connection "
                    + "from {} refused", subject, ctx.channel().remoteAddress());
            audit(ctx, "TN3270_CERT_REJECTED", Map.of("subject", subject));
            ctx.close();
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
            context.log().warn("OCST031E Express Logon placeholders from LU {} without Express Logon (EXPRESSLOGON, "
                    + "CLIENTAUTH SAFCERT and the client's IBMELF=YES are all needed); removed", negotiation.luName());
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
            context.log().warn("OCST030E Express Logon for {} to {} failed: {}", certificateUser, elfApplid, e.getMessage());
            audit(ctx, "TN3270_EXPRESS_LOGON_FAILED", Map.of("user", certificateUser, "applid", elfApplid,
                    "reason", e.getMessage()));
            return ExpressLogon.substitute(data, blank, blank);
        }
    }

    private static X509Certificate peerCertificate(ChannelHandlerContext ctx) {
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        try {
            var chain = ssl == null ? null : ssl.engine().getSession().getPeerCertificates();
            return chain == null || chain.length == 0 ? null : (X509Certificate) chain[0];
        } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private void inbound(ChannelHandlerContext ctx, byte[] record) {
        bytesIn += record.length;
        byte[] data = record;
        if (tn3270e()) {
            int type = record.length < 5 ? -1 : record[0];
            if (type != HostRecords.DATA_3270 && type != HostRecords.SSCP_LU_DATA) {
                return; // responses and other data types carry no terminal input
            }
            if (record[2] == 0x02 && negotiation.responses()) {
                // ALWAYS-RESPONSE: a positive response (device end) with the request's sequence number (RFC 2355 10.4).
                ctx.writeAndFlush(new TelnetMessage.Record(new byte[] {0x02, 0x00, 0x00, record[3], record[4], 0x00}));
            }
            data = java.util.Arrays.copyOfRange(record, 5, record.length);
            if (type == HostRecords.SSCP_LU_DATA) {
                sscpInput(ctx, data);
                return;
            }
        }
        if (awaitingQuery != null) {
            if (data.length > 0 && (data[0] & 0xFF) == Aid.STRUCTURED_FIELD.code) {
                queryReply(ctx, data);
            }
            return; // the keyboard stays locked until the screen that waits for the reply is sent
        }
        if (sscpMode) {
            return; // the application does not see input while SYSREQ has the screen
        }
        if (ExpressLogon.hasPlaceholders(data)) {
            data = expressLogon(ctx, data);
        }
        DataStream.Input input;
        try {
            input = dataStream.read(data);
        } catch (IllegalArgumentException e) {
            context.log().warn("OCST001W Inbound 3270 data from LU {} ignored: {}", negotiation.luName(), e.getMessage());
            show(ctx, current);
            return;
        }
        if (input.aid() == Aid.STRUCTURED_FIELD) {
            return; // an unsolicited query reply: nothing for the application
        }
        proceed(ctx, current.next(input.aid(), values(current.screen(), input)));
    }

    /** Named input fields: what the terminal sent for modified ones, the screen's content for the others. */
    private static Map<String, String> values(Screen screen, DataStream.Input input) {
        Map<String, String> values = new HashMap<>();
        for (Field f : screen.fields()) {
            if (f.name() == null) {
                continue;
            }
            int address = f.row() * screen.columns() + f.column();
            String sent = input.fields().get(address);
            values.put(f.name(), sent != null ? sent : f.content() == null ? "" : f.content());
        }
        return values;
    }

    /** One outbound record: behind a TN3270E header (data type, no request flag, no response, sequence number). */
    private void record(ChannelHandlerContext ctx, int dataType, byte[] data) {
        byte[] record = data;
        if (tn3270e()) {
            record = new byte[data.length + 5];
            record[0] = (byte) dataType;
            record[3] = (byte) (sequence >> 8);
            record[4] = (byte) sequence;
            sequence = (sequence + 1) & 0x7FFF;
            System.arraycopy(data, 0, record, 5, data.length);
        }
        bytesOut += record.length;
        ctx.writeAndFlush(new TelnetMessage.Record(record));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (timers != null) {
            timers.cancel(false);
        }
        if (current != null || (bound && negotiation.printer())) {
            Map<String, Object> end = new HashMap<>(Map.of("seconds",
                    Duration.between(started, context.registry().clock().instant()).toSeconds(), "bytesIn", bytesIn,
                    "bytesOut", bytesOut));
            if (loggedOn != null) {
                end.put("user", loggedOn);
            }
            audit(ctx, "TN3270_SESSION_END", end);
        }
        context.vtam().release(negotiation.luName());
    }

    private void audit(ChannelHandlerContext ctx, String event, Map<String, Object> extra) {
        Map<String, Object> fields = new HashMap<>(extra);
        fields.put("lu", String.valueOf(negotiation.luName()));
        fields.put("terminal", String.valueOf(negotiation.terminalType()));
        fields.put("client", ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress());
        SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        SSLSession session = ssl == null ? null : ssl.engine().getSession();
        fields.put("tls", session == null ? "none" : session.getProtocol() + " " + session.getCipherSuite());
        X509Certificate certificate = peerCertificate(ctx);
        if (certificate != null) {
            fields.putIfAbsent("subject", certificate.getSubjectX500Principal().getName());
        }
        context.registry().audit().record(context.registry().clock().instant(), event, fields);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == TlsDetector.START_TLS_NEEDED) {
            askStartTls(ctx);
        } else if (event instanceof io.netty.handler.ssl.SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                startNegotiation(ctx);
            } else {
                context.log().info("OCST022I TLS handshake with {} failed: {}", ctx.channel().remoteAddress(),
                        handshake.cause().getMessage());
                ctx.close();
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        context.log().info("OCST003I Session {} ended: {}", negotiation.luName(), cause.getMessage());
        ctx.close();
    }
}
