package org.opencs.tn3270.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.opencs.tn3270.telnet.TelnetDecoder;
import org.opencs.tn3270.telnet.TelnetEncoder;
import org.opencs.tn3270.telnet.TelnetMessage;

/**
 * A blocking telnet connection for clients: messages in and out over a socket, framed by the same codecs as the
 * server. The socket can be replaced by a TLS socket layered on it (START_TLS) between two messages.
 */
public final class TelnetConnection implements AutoCloseable {
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final EmbeddedChannel decoder = new EmbeddedChannel(new TelnetDecoder());

    public TelnetConnection(Socket socket) throws IOException {
        attach(socket);
    }

    public void attach(Socket replacement) throws IOException {
        this.socket = replacement;
        this.in = replacement.getInputStream();
        this.out = replacement.getOutputStream();
    }

    public Socket socket() {
        return socket;
    }

    /** The next message, or null when the peer closed the connection; waits at most {@code timeoutMillis}. */
    public TelnetMessage next(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        while (true) {
            Object message = decoder.readInbound();
            if (message != null) {
                return (TelnetMessage) message;
            }
            byte[] buffer = new byte[8192];
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                throw new IOException("no answer from the host within " + timeoutMillis / 1000 + " seconds");
            }
            if (n < 0) {
                return null;
            }
            decoder.writeInbound(Unpooled.wrappedBuffer(buffer, 0, n));
        }
    }

    public void send(TelnetMessage message) throws IOException {
        ByteBuf wire = Unpooled.buffer();
        TelnetEncoder.encode(message, wire);
        byte[] bytes = new byte[wire.readableBytes()];
        wire.readBytes(bytes);
        wire.release();
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        decoder.finishAndReleaseAll();
        socket.close();
    }
}
