package org.opencs.tn3270.server;

import io.netty.channel.ChannelHandlerContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.opencs.tn3270.apps.Terminal;
import org.opencs.tn3270.apps.Transaction;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.datastream.DataStream;
import org.opencs.tn3270.datastream.Field;
import org.opencs.tn3270.datastream.Query;
import org.opencs.tn3270.datastream.Screen;
import org.opencs.tn3270.datastream.ScreenSize;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * The host side of a bound session: runs the applications one transaction at a time and speaks the 3270 records for
 * them. Inbound records become named field values for the application; its next screen goes out as an Erase/Write
 * (Alternate). With TN3270E BIND-IMAGE an application session starts with a BIND and ends with an UNBIND, and VTAM's
 * USS screen is SSCP-LU data; with SYSREQ the client's SYSREQ key switches to the SSCP-LU session, where LOGOFF ends
 * the application. An IBM-DYNAMIC terminal is asked for its size (Read Partition Query) before the first application
 * screen. A printer session gets print jobs (SCS data, PRINT-EOJ). Once a user has logged on, JES2's NOTIFY messages
 * for that user reach the terminal: written below READY's output, or breaking in before any other screen (followed
 * by ***) the moment they arrive, or as soon as the terminal is back from the SSCP or its query reply. Everything runs
 * on the session's event loop.
 */
final class HostSession {
    /** Writes an audit record for the connection (the session adds LU, client, TLS ...). */
    interface Auditor {
        void audit(ChannelHandlerContext ctx, String event, Map<String, Object> extra);
    }

    private final Tn3270ServerContext context;
    private final Tn3270Negotiation negotiation;
    private final Auditor auditor;
    /** Replaces Express Logon placeholders in inbound data (or removes them when that cannot be done). */
    private final BiFunction<ChannelHandlerContext, byte[], byte[]> placeholders;
    private final String certificateUser;
    private final String elfApplid;
    private final DataStream dataStream;
    private final Terminal terminal;
    private Transaction current;
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
    private long bytesIn;
    private long bytesOut;
    private String loggedOn;
    /** The user whose NOTIFY messages this session receives, and the registration with JES2 (null: none). */
    private String notified;
    private AutoCloseable notifyRegistration;
    /** NOTIFY messages that arrived while the terminal could not show them (SSCP-LU mode, waiting for a query reply). */
    private final java.util.List<String> notices = new java.util.ArrayList<>();
    /** The connection's DEBUG lines (TRACE: the records both ways, non-display fields masked). */
    private final ConnectionDebug debug;
    /** Whether the application ended the session (LOGOFF), which closed the connection. */
    private boolean loggedOff;
    /** Told each user ID the session logs on as (the node's live sessions show it). */
    private final java.util.function.Consumer<String> logons;
    /**
     * A TSO logon's password check is running on the registry's logon pool: input meanwhile is ignored, as a 3270's
     * keyboard stays locked (X SYSTEM) until the host answers Enter.
     */
    private boolean checking;

    /**
     * {@code certificateUser}, {@code elfApplid}: from a SAFCERT certificate and Express Logon, each or null;
     * {@code debug}: the connection's DEBUG lines.
     */
    HostSession(Tn3270ServerContext context, Tn3270Negotiation negotiation, Auditor auditor,
                BiFunction<ChannelHandlerContext, byte[], byte[]> placeholders, String certificateUser, String elfApplid,
                ConnectionDebug debug, java.util.function.Consumer<String> logons) {
        this.context = context;
        this.logons = logons;
        this.debug = debug;
        this.negotiation = negotiation;
        this.auditor = auditor;
        this.placeholders = placeholders;
        this.certificateUser = certificateUser;
        this.elfApplid = elfApplid;
        this.dataStream = new DataStream(context.codePage());
        String type = negotiation.terminalType();
        this.terminal = new Terminal(ScreenSize.alternateOf(type));
        this.extendedAttributes = type != null && (type.endsWith("-E") || type.startsWith("IBM-3279"));
        this.sizeKnown = !"IBM-DYNAMIC".equals(type);
    }

    /** Whether an application (or the USS screen) has been started. */
    boolean started() {
        return current != null;
    }

    /** Whether the first screen waits for an IBM-DYNAMIC terminal's answer to Read Partition Query. */
    boolean awaitingQueryReply() {
        return awaitingQuery != null;
    }

    String loggedOn() {
        return loggedOn;
    }

    /** The application the terminal is in session with (a BIND names it; so do its SMF records). */
    String applicationName() {
        return applicationName;
    }

    /** Whether the application ended the session (its last transaction returned none), closing the connection. */
    boolean loggedOff() {
        return loggedOff;
    }

    long bytesIn() {
        return bytesIn;
    }

    long bytesOut() {
        return bytesOut;
    }

    private void audit(ChannelHandlerContext ctx, String event, Map<String, Object> extra) {
        auditor.audit(ctx, event, extra);
    }

    void printJob(ChannelHandlerContext ctx, String title, java.util.List<String> lines) {
        if (!ctx.channel().isActive()) {
            return;
        }
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

    /** The first application (again after a LOGOFF from the SSCP-LU session). */
    void start(ChannelHandlerContext ctx) {
        stopNotices();
        terminal.printer((title, lines) -> print(ctx, title, lines));
        terminal.client(org.opencs.pki.net.Endpoints.client(ctx.channel()).getAddress().getHostAddress());
        current = context.firstTransaction().start(certificateUser, elfApplid, negotiation.luName(), terminal);
        show(ctx, current);
    }

    private static final int NO_RESPONSE = 0x00;
    private static final int ERROR_RESPONSE = 0x01;
    private static final int ALWAYS_RESPONSE = 0x02;
    /** Negative response data: OPERATION-CHECK (the data could not be processed), RFC 2355 8.1.4. */
    private static final int OPERATION_CHECK = 0x02;
    private byte[] responseSequence = {0, 0};

    /**
     * The response a client asked for in its header (RFC 2355 10.4): ALWAYS-RESPONSE gets a positive (device end) or a
     * negative one, ERROR-RESPONSE only a negative one; each carries the request's sequence number.
     */
    private void respond(ChannelHandlerContext ctx, int wanted, boolean understood) {
        byte[] response = null;
        if (understood && wanted == ALWAYS_RESPONSE) {
            response = new byte[] {HostRecords.RESPONSE, 0x00, 0x00, responseSequence[0], responseSequence[1], 0x00};
        } else if (!understood && (wanted == ALWAYS_RESPONSE || wanted == ERROR_RESPONSE)) {
            response = new byte[] {HostRecords.RESPONSE, 0x00, 0x01, responseSequence[0], responseSequence[1],
                OPERATION_CHECK};
        }
        if (response != null) {
            if (debug.trace()) {
                traceRecord("OUT", response, null);
            }
            ctx.writeAndFlush(new TelnetMessage.Record(response));
        }
    }

    /** TN3270E data types (RFC 2355 8.1), for trace lines. */
    private static final String[] DATA_TYPES = {"3270-DATA", "SCS-DATA", "RESPONSE", "BIND-IMAGE", "UNBIND",
        "NVT-DATA", "REQUEST", "SSCP-LU-DATA", "PRINT-EOJ"};

    /**
     * TRACE's lines for one record ({@code direction} IN or OUT): the TN3270E data type and header, then the data in
     * hex and as text, with what non-display fields hold masked: typed into {@code inputScreen}'s non-display fields
     * (inbound), or written into a non-display field (outbound).
     */
    private void traceRecord(String direction, byte[] record, Screen inputScreen) {
        boolean header = tn3270e() && record.length >= 5;
        String type = "3270-DATA";
        byte[] data = record;
        if (header) {
            int code = record[0] & 0xFF;
            type = (code < DATA_TYPES.length ? DATA_TYPES[code] : String.format("TYPE-x'%02X'", code))
                    + String.format(" SEQ %02X%02X", record[3] & 0xFF, record[4] & 0xFF);
            data = java.util.Arrays.copyOfRange(record, 5, record.length);
        }
        boolean screenData = !header || (record[0] & 0xFF) == HostRecords.DATA_3270;
        if (screenData) {
            data = direction.equals("IN") ? DataTrace.maskInbound(data, inputScreen) : DataTrace.maskOutbound(data);
        }
        for (String line : DataTrace.lines(direction, type, data, context.codePage(), debug.log().fullData())) {
            debug.trace("OCSTDATA", line);
        }
    }

    boolean tn3270e() {
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
                    java.util.Objects.requireNonNullElse(e.getMessage(), "no screen size in it"));
        }
        show(ctx, waiting);
    }

    /** ATTN from a TN3270E terminal (IAC IP): the application gets it as PA1, TSO's attention key. */
    void attention(ChannelHandlerContext ctx) {
        if (current == null || current.sscp() || sscpMode || awaitingQuery != null || checking) {
            return;
        }
        proceed(ctx, current.next(Aid.PA1, values(current.screen(), new DataStream.Input(Aid.PA1, -1, Map.of()))));
    }

    /**
     * SYSREQ (TN3270E SYSREQ function: IAC AO): the first press hands the screen to the SSCP-LU session, which takes
     * LOGOFF; the second returns to the application as it was.
     */
    void sysreq(ChannelHandlerContext ctx) {
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
                start(ctx);
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
            logons.accept(loggedOn);
            receiveNotices(ctx, loggedOn);
            if (!notices.isEmpty() && !next.sscp()) {
                next = next.notified(java.util.List.copyOf(notices), terminal);
                notices.clear();
            }
        }
        if (next == null) {
            if (tn3270e() && negotiation.bindImage()) {
                unbind(ctx);
            }
            loggedOff = true;
            ctx.close();
            return;
        }
        current = next;
        show(ctx, current);
    }

    /**
     * Registers with JES2 for the NOTIFY messages of {@code userid} (once per logon; none without JES2). JES2's
     * thread hands each message to this session's event loop.
     */
    private void receiveNotices(ChannelHandlerContext ctx, String userid) {
        if (!context.services().hasJes() || userid.equals(notified)) {
            return;
        }
        stopNotices();
        notified = userid;
        notifyRegistration = context.services().jes().onNotify((user, message) -> {
            if (user.equalsIgnoreCase(userid)) {
                try {
                    ctx.executor().execute(() -> notice(ctx, userid, message));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // The server is closing: the session and its terminal are gone (JES2 logged the message).
                }
            }
        });
    }

    /** Ends the NOTIFY registration (at logoff from the SSCP-LU session and when the connection ends). */
    void stopNotices() {
        notices.clear();
        notified = null;
        AutoCloseable registration = notifyRegistration;
        notifyRegistration = null;
        if (registration != null) {
            try {
                registration.close();
            } catch (Exception e) {
                context.log().warn("OCST086W NOTIFY registration of LU {} not ended: {}", negotiation.luName(),
                        FailureText.of(e));
            }
        }
    }

    /**
     * A NOTIFY message for the logged-on user: shown at once when the terminal shows an application's screen (READY
     * writes it below its output, other screens get it as a break-in), else kept for the next screen.
     */
    private void notice(ChannelHandlerContext ctx, String userid, String message) {
        if (!userid.equals(notified) || !ctx.channel().isActive()) {
            return;
        }
        context.log().info("OCST085I NOTIFY message for {} sent to LU {}: {}", userid, negotiation.luName(), message);
        notices.add(message);
        if (current == null || current.sscp() || sscpMode || awaitingQuery != null) {
            return;
        }
        current = current.notified(java.util.List.copyOf(notices), terminal);
        notices.clear();
        show(ctx, current);
    }

    /** A record from the terminal: TN3270E header handling, then the application's (or the SSCP's) input. */
    void inbound(ChannelHandlerContext ctx, byte[] record) {
        bytesIn += record.length;
        if (debug.trace()) {
            traceRecord("IN", record, current == null || sscpMode || awaitingQuery != null ? null : current.screen());
        }
        byte[] data = record;
        int responseWanted = NO_RESPONSE;
        if (tn3270e()) {
            int type = record.length < 5 ? -1 : record[0];
            if (type != HostRecords.DATA_3270 && type != HostRecords.SSCP_LU_DATA) {
                return; // responses and other data types carry no terminal input
            }
            if (negotiation.responses()) {
                responseWanted = record[2];
                responseSequence = new byte[] {record[3], record[4]};
            }
            data = java.util.Arrays.copyOfRange(record, 5, record.length);
            if (type == HostRecords.SSCP_LU_DATA) {
                respond(ctx, responseWanted, true);
                sscpInput(ctx, data);
                return;
            }
        }
        if (awaitingQuery != null || sscpMode) {
            respond(ctx, responseWanted, true);
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
            data = placeholders.apply(ctx, data);
        }
        DataStream.Input input;
        try {
            input = dataStream.read(data);
        } catch (IllegalArgumentException e) {
            context.log().warn("OCST001W Inbound 3270 data from LU {} ignored: {}", negotiation.luName(),
                    java.util.Objects.requireNonNullElse(e.getMessage(), "it cannot be read"));
            respond(ctx, responseWanted, false);
            show(ctx, current);
            return;
        }
        respond(ctx, responseWanted, true);
        if (input.aid() == Aid.STRUCTURED_FIELD) {
            return; // an unsolicited query reply: nothing for the application
        }
        if (checking) {
            return; // the keyboard is locked until the logon's answer
        }
        Map<String, String> values = values(current.screen(), input);
        if (current instanceof org.opencs.tn3270.apps.TsoLogon && input.aid() == Aid.ENTER) {
            checkLogon(ctx, current, values);
            return;
        }
        proceed(ctx, current.next(input.aid(), values));
    }

    /**
     * Enter on the TSO/E logon panel: the password check (a memory-hard hash) runs on the registry's logon pool, never
     * on this session's executor, and the next screen follows on that executor. A failure no logon expects goes to the
     * pipeline and ends the session (Tn3270Session.exceptionCaught), as it would have on this thread. A full logon
     * pool is not such a failure: the panel stays with OCST014E.
     */
    private void checkLogon(ChannelHandlerContext ctx, Transaction logon, Map<String, String> values) {
        checking = true;
        java.util.concurrent.CompletableFuture<Transaction> checked;
        try {
            checked = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> logon.next(Aid.ENTER, values), context.services().registry().logonExecutor());
        } catch (java.util.concurrent.RejectedExecutionException full) {
            // The logon pool's queue is full: the logon is not done, the panel stays with OCST014E (docs/tn3270.md).
            checking = false;
            context.log().warn("OCST014E LU {}: logon of user {} not done, the logon queue is full ({} logons waiting)",
                    negotiation.luName(), values.getOrDefault("userid", "").trim().toUpperCase(java.util.Locale.ROOT),
                    org.opencs.saf.Registry.LOGONS_WAITING);
            proceed(ctx, ((org.opencs.tn3270.apps.TsoLogon) logon).queueFull(values));
            return;
        }
        checked.whenCompleteAsync((next, error) -> {
                    checking = false;
                    if (error != null) {
                        ctx.pipeline().fireExceptionCaught(error instanceof java.util.concurrent.CompletionException
                                && error.getCause() != null ? error.getCause() : error);
                    } else if (current == logon && ctx.channel().isActive()) {
                        proceed(ctx, next);
                    }
                }, ctx.executor());
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
        if (debug.trace()) {
            traceRecord("OUT", record, null);
        }
        ctx.writeAndFlush(new TelnetMessage.Record(record));
    }
}
