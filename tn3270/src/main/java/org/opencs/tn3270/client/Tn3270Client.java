package org.opencs.tn3270.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.opencs.tn3270.datastream.Aid;
import org.opencs.tn3270.telnet.Telnet;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * The client side of a TN3270E session: direct TLS or START_TLS (the host's certificate must chain to the trusted CAs
 * and name the host), TN3270E negotiation as terminal type IBM-3278-n-E for its model 2..5 (traditional TN3270 as
 * IBM-3278-n when asked for no TN3270E or refused), NEW-ENVIRON with IBMELF=YES and the APPLID for Express Logon, and the screen kept in a
 * {@link TerminalBuffer}.
 */
public final class Tn3270Client implements AutoCloseable {
    private final SSLContext tls;
    private final String applid;
    private final Charset codePage;
    private TelnetConnection connection;
    private TerminalBuffer screen;
    private boolean tn3270e;
    private boolean secure;
    private String luName;
    private String host;
    /** Another name the host's certificate may carry instead of the host name (x3270's -accepthostname); "any": none. */
    private String acceptHostname;
    private int model = 2;

    /** {@code applid}: non-null to answer IBMELF=YES (Express Logon) for it. */
    public Tn3270Client(SSLContext tls, String applid, Charset codePage) {
        this.tls = tls;
        this.applid = applid;
        this.codePage = codePage;
    }

    /**
     * Accept this name in the host's certificate instead of the host name connected to, as x3270's -accepthostname
     * does (for a server certificate that names the system, not the address used); "any" checks only the chain.
     */
    public void acceptHostname(String name) {
        this.acceptHostname = name;
    }

    /** The 3278 model: 2 (24x80), 3 (32x80), 4 (43x80) or 5 (27x132), the alternate screen size it offers the host. */
    public void model(int model) {
        if (model < 2 || model > 5) {
            throw new IllegalArgumentException("model " + model + " is not a 3278 model 2..5");
        }
        this.model = model;
    }

    private String terminalType(boolean extended) {
        return "IBM-3278-" + model + (extended ? "-E" : "");
    }

    /** Connects: {@code directTls} starts with a handshake; {@code allowTn3270e} false asks for traditional TN3270. */
    public void connect(String host, int port, boolean directTls, boolean allowTn3270e, int timeoutMillis) throws IOException {
        this.host = host;
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        connection = new TelnetConnection(socket);
        if (directTls) {
            connection.attach(handshake(socket, host, port));
        }
        screen = new TerminalBuffer(org.opencs.tn3270.datastream.ScreenSize.alternateOf(terminalType(false)), codePage);
        tn3270e = false;
        negotiate(allowTn3270e, port, timeoutMillis);
    }

    private SSLSocket handshake(Socket plain, String host, int port) throws IOException {
        if (tls == null) {
            throw new IOException("TLS requested but no trusted CA was given (--cafile or --keyring)");
        }
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
        org.opencs.pki.tls.SystemSsl.restrict(socket); // TLS 1.2/1.3, forward-secret AEAD suites only
        if (acceptHostname == null) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
            socket.setSSLParameters(parameters);
        }
        socket.setUseClientMode(true);
        socket.startHandshake();
        if (acceptHostname != null && !acceptHostname.equalsIgnoreCase("any") && !HostCertificateNames.of(socket).contains(
                acceptHostname.toLowerCase(java.util.Locale.ROOT))) {
            socket.close();
            throw new IOException("the host's certificate does not name " + acceptHostname + " (it names "
                    + HostCertificateNames.of(socket) + ")");
        }
        secure = true;
        return socket;
    }

    /** Answers the host's negotiation until the first screen arrives. */
    private void negotiate(boolean allowTn3270e, int port, int timeoutMillis) throws IOException {
        while (true) {
            TelnetMessage m = connection.next(timeoutMillis);
            if (m == null) {
                throw new IOException("the host closed the connection during negotiation");
            }
            if (m instanceof TelnetMessage.Record r) {
                record(r.data());
                return;
            }
            if (m instanceof TelnetMessage.Negotiation n) {
                negotiation(n, allowTn3270e);
            } else if (m instanceof TelnetMessage.Subnegotiation s) {
                subnegotiation(s, port);
            }
        }
    }

    private void negotiation(TelnetMessage.Negotiation n, boolean allowTn3270e) throws IOException {
        int option = n.option();
        if (n.verb() == Telnet.DO) {
            boolean yes = switch (option) {
                case Telnet.TN3270E -> allowTn3270e;
                case Telnet.TERMINAL_TYPE, Telnet.BINARY, Telnet.END_OF_RECORD -> true;
                case Telnet.START_TLS -> tls != null && !secure;
                case Telnet.NEW_ENVIRON -> applid != null;
                default -> false;
            };
            connection.send(new TelnetMessage.Negotiation(yes ? Telnet.WILL : Telnet.WONT, option));
            if (yes && option == Telnet.START_TLS) {
                connection.send(new TelnetMessage.Subnegotiation(Telnet.START_TLS, new byte[] {0x01}));
            }
        } else if (n.verb() == Telnet.WILL) {
            boolean yes = option == Telnet.BINARY || option == Telnet.END_OF_RECORD;
            connection.send(new TelnetMessage.Negotiation(yes ? Telnet.DO : Telnet.DONT, option));
        }
    }

    private void subnegotiation(TelnetMessage.Subnegotiation s, int port) throws IOException {
        byte[] d = s.data();
        switch (s.option()) {
            case Telnet.START_TLS -> connection.attach(handshake(connection.socket(), host, port));
            case Telnet.TERMINAL_TYPE -> connection.send(new TelnetMessage.Subnegotiation(Telnet.TERMINAL_TYPE,
                    concat(new byte[] {Telnet.IS}, terminalType(false).getBytes(StandardCharsets.US_ASCII))));
            case Telnet.NEW_ENVIRON -> connection.send(new TelnetMessage.Subnegotiation(Telnet.NEW_ENVIRON, concat(
                    new byte[] {0x00, 0x03}, ascii("IBMELF"), new byte[] {0x01}, ascii("YES"), new byte[] {0x03},
                    ascii("IBMAPPLID"), new byte[] {0x01}, ascii(applid))));
            case Telnet.TN3270E -> {
                if (d.length >= 2 && d[0] == 0x08 && d[1] == 0x02) {
                    connection.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E,
                            concat(new byte[] {0x02, 0x07}, ascii(terminalType(true)))));
                } else if (d.length >= 2 && d[0] == 0x02 && d[1] == 0x04) {
                    int connect = indexOf(d, 0x01);
                    luName = connect < 0 ? null : new String(d, connect + 1, d.length - connect - 1, StandardCharsets.US_ASCII);
                    connection.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, new byte[] {0x03, 0x07}));
                } else if (d.length >= 2 && d[0] == 0x02 && d[1] == 0x06) {
                    throw new IOException("the host rejected the device type (reason " + (d.length > 3 ? d[3] : -1) + ")");
                } else if (d.length >= 2 && d[0] == 0x03 && d[1] == 0x07) {
                    // The host asks for these functions: agree to exactly them.
                    byte[] is = d.clone();
                    is[1] = 0x04;
                    connection.send(new TelnetMessage.Subnegotiation(Telnet.TN3270E, is));
                    tn3270e = true;
                } else if (d.length >= 2 && d[0] == 0x03 && d[1] == 0x04) {
                    tn3270e = true;
                }
            }
            default -> {
                // other subnegotiations need no answer
            }
        }
    }

    /** A host record: applied to the screen; a read or query is answered at once. */
    private void record(byte[] data) throws IOException {
        byte[] answer;
        if (tn3270e) {
            if (data.length < 5 || data[0] != 0x00) {
                return;
            }
            answer = screen.write(Arrays.copyOfRange(data, 5, data.length));
        } else {
            answer = screen.write(data);
        }
        if (answer != null) {
            connection.send(new TelnetMessage.Record(tn3270e ? concat(new byte[5], answer) : answer));
        }
    }

    /** Waits until the host unlocks the keyboard (or ends the session); false when it ended. */
    public boolean waitForInput(int timeoutMillis) throws IOException {
        while (screen.keyboardLocked()) {
            TelnetMessage m = connection.next(timeoutMillis);
            if (m == null) {
                return false;
            }
            if (m instanceof TelnetMessage.Record r) {
                record(r.data());
            }
        }
        return true;
    }

    /**
     * Waits for the host's next message (at most {@code timeoutMillis}; 0: without limit) and applies a record to the
     * screen under this client's lock; false when the host ended the session. For a terminal that shows whatever the
     * host writes, keyboard locked or not (the web terminal's reader).
     *
     * @throws IOException when the connection fails or the wait times out
     */
    public boolean receive(int timeoutMillis) throws IOException {
        TelnetMessage m = connection.next(timeoutMillis);
        if (m == null) {
            return false;
        }
        if (m instanceof TelnetMessage.Record r) {
            synchronized (this) {
                record(r.data());
            }
        }
        return true;
    }

    public TerminalBuffer screen() {
        return screen;
    }

    /** Sends the AID with the modified fields, as pressing the key does. */
    public synchronized void press(Aid aid) throws IOException {
        byte[] data = screen.read(aid);
        if (tn3270e) {
            data = concat(new byte[5], data);
        }
        connection.send(new TelnetMessage.Record(data));
    }

    public boolean secure() {
        return secure;
    }

    public String luName() {
        return luName;
    }

    public boolean connected() {
        return connection != null && !connection.socket().isClosed();
    }

    @Override
    public void close() throws IOException {
        if (connection != null) {
            connection.close();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] d, int value) {
        for (int i = 2; i < d.length; i++) {
            if ((d[i] & 0xFF) == value) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
