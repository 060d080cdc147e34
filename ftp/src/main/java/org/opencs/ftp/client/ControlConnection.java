package org.opencs.ftp.client;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The client's control connection: commands out (each echoed as EZA1701I, PASS without its argument), replies in
 * (multi-line replies read to their final line) and printed as the z/OS client prints them, without a message ID.
 */
final class ControlConnection implements Closeable {
    private final String host;
    private final int port;
    private final PrintStream log;
    private final int timeoutMillis;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    ControlConnection(String host, int port, PrintStream log, int timeoutMillis) throws IOException {
        this.host = host;
        this.port = port;
        this.log = log;
        this.timeoutMillis = timeoutMillis;
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(host, port), timeoutMillis);
        attach(plain);
    }

    private void attach(Socket s) throws IOException {
        this.socket = s;
        s.setSoTimeout(timeoutMillis);
        this.in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        this.out = s.getOutputStream();
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    Reply read() throws IOException {
        List<String> lines = new ArrayList<>();
        String first = in.readLine();
        if (first == null) {
            throw new IOException("the server closed the control connection");
        }
        lines.add(first);
        log.println(first);
        if (first.length() >= 4 && first.charAt(3) == '-') {
            String end = first.substring(0, 3) + " ";
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    throw new IOException("the server closed the control connection in a multi-line reply");
                }
                lines.add(line);
                log.println(line);
            } while (!line.startsWith(end));
        }
        int code;
        try {
            code = Integer.parseInt(lines.get(lines.size() - 1).substring(0, 3));
        } catch (RuntimeException e) {
            throw new IOException("not an FTP reply: " + lines.get(lines.size() - 1));
        }
        return new Reply(code, lines);
    }

    Reply send(String command) throws IOException {
        String shown = command.regionMatches(true, 0, "PASS", 0, 4) ? "PASS" : command;
        log.println("EZA1701I >>> " + shown);
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read();
    }

    /** After 234: the handshake on the same socket; the server certificate must chain to the KEYRING's CAs. */
    void startTls(SSLContext context) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, host, port, true);
        tls.setUseClientMode(true);
        org.opencs.pki.tls.SystemSsl.restrict(tls); // TLS 1.2/1.3, forward-secret AEAD suites only
        tls.startHandshake();
        attach(tls);
    }

    javax.net.ssl.SSLSession tlsSession() {
        return socket instanceof SSLSocket tls ? tls.getSession() : null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
