package org.opencs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fault injection between a node and its PostgreSQL server, as the node sees a server restart: a TCP relay on
 * 127.0.0.1 that forwards every connection to the server until {@link #outage()}, which closes every relayed
 * connection (the server's backends are gone) and stops listening (new connections are refused, as with no server on
 * the port), and {@link #restore()}, which listens on the same port again (the server is back).
 */
final class TcpRelay implements AutoCloseable {
    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private TcpRelay(InetSocketAddress target, int port) {
        this.target = target;
        this.port = port;
    }

    /** A relay to {@code host:targetPort}, listening on a free port of 127.0.0.1. */
    static TcpRelay start(String host, int targetPort) throws IOException {
        ServerSocket first = new ServerSocket();
        first.setReuseAddress(true);
        first.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        TcpRelay relay = new TcpRelay(new InetSocketAddress(host, targetPort), first.getLocalPort());
        relay.listen(first);
        return relay;
    }

    int port() {
        return port;
    }

    /** Every relayed connection closed, new ones refused. */
    synchronized void outage() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            try {
                socket.setSoLinger(true, 0); // reset: nothing of the old connection keeps the port busy
            } catch (IOException e) {
                // already closed
            }
            socket.close();
        }
        sockets.clear();
    }

    /** Listening again on the same port (waiting, up to 20 seconds, for the old connections to leave it). */
    synchronized void restore() throws IOException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (true) {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            try {
                again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                listen(again);
                return;
            } catch (java.net.BindException e) {
                again.close();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void listen(ServerSocket socket) {
        server = socket;
        Thread accept = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket upstream = new Socket();
                    sockets.add(client);
                    sockets.add(upstream);
                    try {
                        upstream.connect(target, 5000);
                    } catch (IOException e) {
                        close(client);
                        close(upstream);
                        continue;
                    }
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // closed by outage() or close(), or the server refused: the client sees its connection end
                }
            }
        }, "relay-accept");
        accept.setDaemon(true);
        accept.start();
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                close(from);
                close(to);
            }
        }, "relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void close(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public synchronized void close() throws IOException {
        outage();
    }
}
