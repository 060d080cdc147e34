package org.opencs.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.opencs.saf.Registry;
import org.opencs.tn3270.client.TerminalBuffer;
import org.opencs.tn3270.client.Tn3270Client;
import org.opencs.tn3270.datastream.Aid;

/**
 * One browser's 3270 session: a TN3270E client connected to this node's TN3270E port ({@link TerminalHost}), so the
 * session gets an LU from VTAM's pools, the USS or TSO logon, the host's audit and limits like any other. A reader
 * thread applies what the host writes and hands every new screen, as JSON, to {@code send}; {@link #keys} applies
 * what the browser typed and sends the AID with the modified fields (the tn3270 client builds the inbound record).
 * The start and end are audited as WEB_TERMINAL and WEB_TERMINAL_END with the web user, the browser's address and
 * the LU.
 */
public final class TerminalSession implements AutoCloseable {
    /** The keys the browser may send. */
    static final Set<String> AIDS = Set.of("ENTER", "CLEAR", "PA1", "PA2", "PA3", "PF1", "PF2", "PF3", "PF4", "PF5",
            "PF6", "PF7", "PF8", "PF9", "PF10", "PF11", "PF12", "PF13", "PF14", "PF15", "PF16", "PF17", "PF18", "PF19",
            "PF20", "PF21", "PF22", "PF23", "PF24");
    private static final int CONNECT_TIMEOUT_MILLIS = 20_000;

    private final Tn3270Client client;
    private final TerminalJson json;
    private final Consumer<String> send;
    private final Registry registry;
    private final WebSession web;
    private final TerminalExpressLogon express;
    private boolean expressDone;
    private volatile boolean closed;

    private TerminalSession(Tn3270Client client, TerminalJson json, Consumer<String> send, Registry registry,
                            WebSession web, TerminalExpressLogon express) {
        this.client = client;
        this.json = json;
        this.send = send;
        this.registry = registry;
        this.web = web;
        this.express = express;
    }

    /** A model 2 (24x80) terminal: {@link #open(TerminalHost, Registry, WebSession, TerminalJson, Consumer, ExecutorService, int)}. */
    public static TerminalSession open(TerminalHost host, Registry registry, WebSession web, TerminalJson json,
                                       Consumer<String> send, ExecutorService readers) throws IOException {
        return open(host, registry, web, json, send, readers, TerminalModel.DEFAULT);
    }

    /**
     * Connects to {@code host} for web session {@code web} as a 3278 of {@code model} (2..5: the client negotiates
     * IBM-3278-{@code model}-E, so Erase/Write Alternate screens are 24x80, 32x80, 43x80 or 27x132), sends the first
     * screen and starts the reader on {@code readers}.
     *
     * @throws IOException when the TN3270E port cannot be reached or negotiation fails
     */
    public static TerminalSession open(TerminalHost host, Registry registry, WebSession web, TerminalJson json,
                                       Consumer<String> send, ExecutorService readers, int model) throws IOException {
        Tn3270Client client = new Tn3270Client(host.tls(), null, host.codePage());
        client.model(model);
        if (host.tls() != null) {
            client.acceptHostname("any"); // the chain must be the port's own ring; the name is this node's
        }
        client.connect(host.host(), host.port(), host.directTls(), true, CONNECT_TIMEOUT_MILLIS);
        TerminalSession session = new TerminalSession(client, json, send, registry, web,
                new TerminalExpressLogon(registry, registry.config().tsoApplication()));
        session.audit("WEB_TERMINAL");
        session.sendScreen();
        readers.execute(session::read);
        return session;
    }

    private void read() {
        try {
            expressLogon();
            while (!closed && client.receive(0)) {
                sendScreen();
                expressLogon();
            }
            if (!closed) {
                send.accept(json.write(new TerminalJson.Status("OCSW031I The host ended the session.")));
            }
        } catch (IOException e) {
            if (!closed) {
                send.accept(json.write(new TerminalJson.Status("OCSW032E The session with the host failed: "
                        + e.getMessage())));
            }
        } finally {
            close();
        }
    }

    /**
     * Sends the screen as it is now. The view is taken and handed to {@code send} under the client's lock, so screens
     * reach the browser in the order the buffer changed (a view taken before a host write never arrives after it).
     */
    private void sendScreen() {
        synchronized (client) {
            send.accept(json.write(ScreenView.of(client.screen(), client.luName(), client.secure())));
        }
    }

    /**
     * Applies a key message from the browser: the typed fields, the cursor, then the AID. An unknown key or a
     * malformed message changes nothing and is answered with a status line.
     */
    public void keys(String message) {
        TerminalJson.Keys keys;
        try {
            keys = json.keys(message);
        } catch (IllegalArgumentException e) {
            send.accept(json.write(new TerminalJson.Status("OCSW033E Key refused: " + e.getMessage() + ".")));
            return;
        }
        if (!AIDS.contains(keys.aid())) {
            send.accept(json.write(new TerminalJson.Status("OCSW033E Key refused: " + keys.aid() + " is not a 3270 key.")));
            return;
        }
        try {
            synchronized (client) {
                if (client.screen().keyboardLocked()) {
                    send.accept(json.write(new TerminalJson.Status("OCSW034W The keyboard is locked: wait for the host.")));
                    return;
                }
                for (TerminalJson.Input input : keys.fields()) {
                    client.screen().fill(input.address(), input.length(), input.text() == null ? "" : input.text());
                }
                client.screen().cursor(keys.cursor());
                client.press(Aid.valueOf(keys.aid()));
                sendScreen(); // the keyboard shows locked until the host answers
            }
        } catch (IOException e) {
            send.accept(json.write(new TerminalJson.Status("OCSW032E The session with the host failed: " + e.getMessage())));
            close();
        }
    }

    /**
     * Express Logon, once per terminal: for a certificate web session whose screen is the TSO/E logon panel with the
     * keyboard unlocked, the fields get the user ID and a fresh PassTicket and Enter is pressed; or the page is told
     * why not. Audited as WEB_EXPRESS_LOGON (never with the PassTicket).
     */
    private void expressLogon() throws IOException {
        if (!web.certificate() || expressDone) {
            return;
        }
        synchronized (client) {
            TerminalBuffer screen = client.screen();
            TerminalExpressLogon.LogonPanel panel = screen.keyboardLocked() ? null : TerminalExpressLogon.panel(screen);
            if (panel == null) {
                return;
            }
            expressDone = true;
            TerminalExpressLogon.Decision decision = express.decide(web);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("user", web.userid());
            fields.put("client", web.client());
            fields.put("lu", client.luName() == null ? "" : client.luName());
            fields.put("applid", express.applid());
            if (decision instanceof TerminalExpressLogon.Use use) {
                fields.put("result", "PASSTICKET");
                registry.audit().record(registry.clock().instant(), "WEB_EXPRESS_LOGON", fields);
                screen.fill(panel.userAddress(), panel.userLength(), use.userid());
                screen.fill(panel.passwordAddress(), panel.passwordLength(), use.passTicket());
                screen.cursor(panel.passwordAddress());
                client.press(Aid.ENTER);
                sendScreen();
            } else if (decision instanceof TerminalExpressLogon.NotUsed notUsed) {
                fields.put("result", "NOT_USED");
                fields.put("reason", notUsed.reason());
                registry.audit().record(registry.clock().instant(), "WEB_EXPRESS_LOGON", fields);
            }
            send.accept(json.write(new TerminalJson.Status("notice", decision.message())));
        }
    }

    private void audit(String type) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user", web.userid());
        fields.put("client", web.client());
        fields.put("lu", client.luName() == null ? "" : client.luName());
        fields.put("secure", client.secure());
        registry.audit().record(registry.clock().instant(), type, fields);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        audit("WEB_TERMINAL_END");
        try {
            client.close();
        } catch (IOException e) {
            // the connection is gone either way
        }
    }
}
