package org.opencs.ftp.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare FTP control connection for tests that need exact bytes: one command, its reply lines, clear data connections. */
final class RawFtp implements AutoCloseable {
    private final Socket control;
    private final BufferedReader in;
    private final OutputStream out;
    /** The 1xx (or refusing) reply of the last download or upload. */
    String lastStart;

    RawFtp(int port) throws IOException {
        control = new Socket("127.0.0.1", port);
        control.setSoTimeout(30_000);
        in = new BufferedReader(new InputStreamReader(control.getInputStream(), StandardCharsets.UTF_8));
        out = control.getOutputStream();
        reply();
    }

    /** The whole reply (all lines of a multi-line one, joined with \n). */
    String reply() throws IOException {
        StringBuilder text = new StringBuilder(in.readLine());
        if (text.length() > 3 && text.charAt(3) == '-') {
            String end = text.substring(0, 3) + " ";
            String line;
            do {
                line = in.readLine();
                text.append('\n').append(line);
            } while (!line.startsWith(end));
        }
        return text.toString();
    }

    String send(String command) throws IOException {
        write(command);
        return reply();
    }

    /** Sends a command line without waiting for its reply (to pipeline, or to send ABOR during a transfer). */
    void write(String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next line as it comes, or null at the end of the connection. */
    String readLine() throws IOException {
        return in.readLine();
    }

    /** USER USER1 / PASS user1pw (FtpTestSystem's password rule); fails unless both are accepted. */
    RawFtp logOn() throws IOException {
        String user = send("USER USER1");
        String pass = send("PASS user1pw");
        if (!user.startsWith("331") || !pass.startsWith("230")) {
            throw new IOException("logon failed: " + user + " / " + pass);
        }
        return this;
    }

    /** EPSV; the data port (nothing is connected to it). */
    int passivePort() throws IOException {
        String epsv = send("EPSV");
        return Integer.parseInt(epsv.replaceAll(".*\\(\\|\\|\\|(\\d+)\\|\\).*", "$1"));
    }

    /** EPSV, then the command; returns the bytes the server sent on the data connection and the final reply. */
    String[] download(String command) throws IOException {
        Socket data = passive();
        String start = send(command);
        lastStart = start;
        if (!start.startsWith("1")) {
            data.close();
            return new String[] {null, start};
        }
        byte[] bytes = data.getInputStream().readAllBytes();
        data.close();
        return new String[] {new String(bytes, StandardCharsets.ISO_8859_1), reply()};
    }

    /** EPSV, the command, {@code bytes} on the data connection, then the final reply. */
    String upload(String command, byte[] bytes) throws IOException {
        Socket data = passive();
        String start = send(command);
        lastStart = start;
        if (!start.startsWith("1")) {
            data.close();
            return start;
        }
        data.getOutputStream().write(bytes);
        data.close();
        return reply();
    }

    private Socket passive() throws IOException {
        return new Socket("127.0.0.1", passivePort());
    }

    @Override
    public void close() throws IOException {
        control.close();
    }
}
