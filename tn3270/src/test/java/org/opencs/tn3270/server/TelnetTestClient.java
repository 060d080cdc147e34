package org.opencs.tn3270.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import org.opencs.tn3270.telnet.TelnetDecoder;
import org.opencs.tn3270.telnet.TelnetEncoder;
import org.opencs.tn3270.telnet.TelnetMessage;

/** A bare telnet client for protocol tests: messages in and out over any socket, framed by the codecs under test. */
final class TelnetTestClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final EmbeddedChannel decoder = new EmbeddedChannel(new TelnetDecoder());

    TelnetTestClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(20_000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    TelnetMessage next() throws IOException {
        while (true) {
            Object message = decoder.readInbound();
            if (message != null) {
                return (TelnetMessage) message;
            }
            byte[] buffer = new byte[4096];
            int n = in.read(buffer);
            if (n < 0) {
                return null;
            }
            decoder.writeInbound(Unpooled.wrappedBuffer(buffer, 0, n));
        }
    }

    void send(TelnetMessage message) throws IOException {
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
        socket.close();
    }
}
