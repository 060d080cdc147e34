package org.opencs.ftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A control connection on a raw socket, for bytes and timings no FTP client produces on purpose. */
final class RawFtpClient implements AutoCloseable {
    final Socket socket;
    final BufferedReader in;
    final OutputStream out;

    /** Connects to 127.0.0.1:{@code port} and reads the 220 banner. */
    RawFtpClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        assertThat(reply()).startsWith("220");
    }

    /** USER USER1 / PASS user1pw (FtpTestSystem's password rule). */
    RawFtpClient logOn() throws IOException {
        send("USER USER1");
        assertThat(reply()).startsWith("331");
        send("PASS user1pw");
        assertThat(reply()).startsWith("230");
        return this;
    }

    void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The last line of the next reply (a multi-line reply is read through to its end). */
    String reply() throws IOException {
        String line = in.readLine();
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            String code = line.substring(0, 3);
            do {
                line = in.readLine();
            } while (line != null && !line.startsWith(code + " "));
        }
        return line;
    }

    /** EPSV; the data port. */
    int passive() throws IOException {
        send("EPSV");
        String epsv = reply();
        assertThat(epsv).startsWith("229");
        return Integer.parseInt(epsv.replaceAll(".*\\(\\|\\|\\|(\\d+)\\|\\).*", "$1"));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
