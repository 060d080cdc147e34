package org.opencs.bench.multinode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.opencs.pki.net.Haproxy;

/**
 * Asks the balancer which node it sends a new FTP client to: connects to the balancer's FTP port, reads the greeting
 * (sent in the clear before AUTH TLS; its BANNER line names the node, "Node SYSn"), sends QUIT. With least-connections
 * balancing a node that has just come back has the fewest connections, so the first greeting naming it is when the
 * balancer serves new clients with it again, whatever the load's own clients happen to do.
 */
final class GreetingProbe {
    private GreetingProbe() {
    }

    /** Probes every 200 ms until a greeting names {@code sysname}; when (nanoTime), or 0 after {@code timeout}. */
    static long awaitNode(int port, String sysname, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (sysname.equals(node(port))) {
                return System.nanoTime();
            }
            Thread.sleep(200);
        }
        return 0;
    }

    /** The node named by one greeting, or "" (no connection, no greeting, no BANNER line). */
    static String node(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Haproxy.FRONT, port), 5000);
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String node = "";
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.contains("Node SYS")) {
                    node = line.substring(line.indexOf("Node ") + 5).trim();
                }
                if (line.startsWith("220 ") || !line.startsWith("220")) {
                    break;
                }
            }
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return node;
        } catch (IOException e) {
            return "";
        }
    }
}
