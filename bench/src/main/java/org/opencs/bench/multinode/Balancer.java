package org.opencs.bench.multinode;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opencs.pki.net.Haproxy;

/**
 * HAProxy in front of the two nodes, configured as docs/deployment.md's sample ("A sample haproxy.cfg for two
 * nodes"): TCP mode, the PROXY protocol v2 to the nodes (from {@link Haproxy#SOURCE}), FTP control and TN3270E
 * balanced by least connections, each node's passive range forwarded to that node with the port kept. Health checks
 * every second, one failure marks a node down and one success up again (so a restarted node serves within a second
 * or so); a connection to a node that refuses it is dispatched to the other ({@code option redispatch}). Clients
 * connect to {@link Haproxy#FRONT}. Per-server session totals come from HAProxy's stats socket.
 */
final class Balancer implements AutoCloseable {
    private final Haproxy haproxy;
    private final Path statsSocket;

    private Balancer(Haproxy haproxy, Path statsSocket) {
        this.haproxy = haproxy;
        this.statsSocket = statsSocket;
    }

    /** Writes the configuration into {@code dir} and starts HAProxy on it. */
    static Balancer start(Path dir, Ports ports, List<String> sysnames) throws IOException, InterruptedException {
        Path socket = dir.resolve("haproxy.sock");
        StringBuilder cfg = new StringBuilder(String.join("\n",
                "global",
                // Two descriptors a connection: 9,000 fit a ulimit -n of 20,000 (HAProxy refuses to start otherwise).
                "    maxconn 9000",
                "    stats socket " + socket + " mode 600 level admin",
                "defaults",
                "    mode tcp",
                "    maxconn 9000",
                "    timeout connect 5s",
                "    timeout client 1h",
                "    timeout server 1h",
                "    timeout check 2s",
                "    option redispatch",
                "    retries 3",
                ""));
        backend(cfg, "ftp", ports.ftpFront(), sysnames, i -> ":" + ports.ftp(i));
        backend(cfg, "tn3270", ports.tn3270Front(), sysnames, i -> ":" + ports.tn3270(i));
        for (int i = 0; i < sysnames.size(); i++) {
            String name = "passive_" + sysnames.get(i);
            cfg.append("frontend ").append(name).append('\n')
                    .append("    bind ").append(Haproxy.FRONT).append(':').append(ports.passiveLow(i)).append('-')
                    .append(ports.passiveHigh(i)).append('\n')
                    .append("    default_backend ").append(name).append('\n')
                    .append("backend ").append(name).append('\n')
                    .append("    source ").append(Haproxy.SOURCE).append('\n')
                    .append("    server ").append(sysnames.get(i)).append(" 127.0.0.1 send-proxy-v2\n");
        }
        return new Balancer(Haproxy.start(dir, cfg.toString(), ports.tn3270Front()), socket);
    }

    private static void backend(StringBuilder cfg, String name, int front, List<String> sysnames,
            java.util.function.IntFunction<String> port) {
        cfg.append("frontend ").append(name).append('\n')
                .append("    bind ").append(Haproxy.FRONT).append(':').append(front).append('\n')
                .append("    default_backend ").append(name).append("_nodes\n")
                .append("backend ").append(name).append("_nodes\n")
                .append("    balance leastconn\n")
                .append("    source ").append(Haproxy.SOURCE).append('\n');
        for (int i = 0; i < sysnames.size(); i++) {
            cfg.append("    server ").append(sysnames.get(i)).append(" 127.0.0.1").append(port.apply(i))
                    .append(" check inter 1s fall 1 rise 1 send-proxy-v2\n");
        }
    }

    /**
     * Sessions each server of each backend has had in all (HAProxy's {@code stot}), as "backend/server" to count;
     * empty when the stats socket does not answer.
     */
    Map<String, Long> sessionTotals() {
        Map<String, Long> totals = new TreeMap<>();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(statsSocket));
            channel.write(ByteBuffer.wrap("show stat\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            while (channel.read(buffer) >= 0 && buffer.hasRemaining()) {
                // until HAProxy closes the connection
            }
            String[] rows = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).split("\n");
            List<String> header = List.of(rows[0].replaceFirst("^# ", "").split(","));
            int stot = header.indexOf("stot");
            for (int r = 1; r < rows.length; r++) {
                String[] cells = rows[r].split(",", -1);
                if (cells.length > stot && !cells[1].equals("FRONTEND") && !cells[1].equals("BACKEND")) {
                    totals.put(cells[0] + "/" + cells[1], Long.parseLong(cells[stot]));
                }
            }
        } catch (IOException | RuntimeException e) {
            totals.clear();
        }
        return totals;
    }

    /** HAProxy's own output (warnings, alerts: a server going DOWN and UP). */
    String output() {
        return haproxy.output();
    }

    @Override
    public void close() {
        haproxy.close();
    }
}
