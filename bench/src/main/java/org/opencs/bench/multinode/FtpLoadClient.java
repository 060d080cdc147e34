package org.opencs.bench.multinode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import org.apache.commons.net.ProtocolCommandEvent;
import org.apache.commons.net.ProtocolCommandListener;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPSClient;
import org.opencs.bench.BenchHome;
import org.opencs.pki.net.Haproxy;

/**
 * One FTPS user through the balancer, on a thread of its own until the deadline: connect (AUTH TLS), log on, PBSZ 0,
 * PROT P, then {@code cyclesPerLogon} rounds of STOR, RETR (content compared) and NLST of a 4 KiB file under its own
 * name in /u/bench and STOR and RETR of its own sequential data set (BENCH.Dn), with a think time between rounds, QUIT, and again. The client is Apache Commons Net's FTPSClient.
 *
 * <p>The node is known from the greeting (its BANNER line "Node SYSn"). Errors are counted by kind: "refused logon"
 * (a 4xx/5xx to PASS), "broken transfer" (a STOR/RETR/LIST that failed or whose connection broke), "wrong content",
 * "connection failed" (no greeting, or TLS failed); after an error the client connects again, and a session that
 * completes after an error on the stopped node counts as "reconnected and succeeded".
 */
final class FtpLoadClient implements Runnable {
    private static final Pattern NODE = Pattern.compile("Node (SYS\\d)");
    private static final int FILE_SIZE = 4096;

    private final int id;
    private final int port;
    private final TrustManager trust;
    private final long deadline;
    private final int cyclesPerLogon;
    private final Duration think;
    private final LoadTally tally;
    private final NodeState state;
    private final byte[] content;

    FtpLoadClient(int id, int port, TrustManager trust, long deadline, int cyclesPerLogon, Duration think,
            LoadTally tally, NodeState state) {
        this.id = id;
        this.port = port;
        this.trust = trust;
        this.deadline = deadline;
        this.cyclesPerLogon = cyclesPerLogon;
        this.think = think;
        this.tally = tally;
        this.state = state;
        this.content = new byte[FILE_SIZE];
        ThreadLocalRandom.current().nextBytes(content);
    }

    @Override
    public void run() {
        boolean recovering = false;
        while (System.nanoTime() < deadline) {
            Outcome outcome = session();
            if (outcome.ok()) {
                if (recovering) {
                    tally.count("ftp sessions reconnected and succeeded after the stop");
                }
                recovering = false;
            } else {
                recovering |= outcome.where() == LoadTally.Where.STOPPED_NODE;
                pause(Duration.ofMillis(500));
            }
        }
    }

    private record Outcome(boolean ok, LoadTally.Where where) {
    }

    private Outcome session() {
        long began = System.nanoTime();
        String[] node = {""};
        FTPSClient client = new FTPSClient("TLS", false);
        client.setTrustManager(trust);
        client.setConnectTimeout(30_000);
        client.setDefaultTimeout(60_000);
        client.setDataTimeout(Duration.ofSeconds(60));
        client.addProtocolCommandListener(new ProtocolCommandListener() {
            @Override
            public void protocolCommandSent(ProtocolCommandEvent event) {
            }

            @Override
            public void protocolReplyReceived(ProtocolCommandEvent event) {
                Matcher m = NODE.matcher(event.getMessage());
                if (node[0].isEmpty() && m.find()) {
                    node[0] = m.group(1);
                }
            }
        });
        tally.count("ftp sessions started");
        String step = "connect";
        try {
            client.connect(Haproxy.FRONT, port);
            step = "logon";
            if (!client.login(BenchHome.USER, BenchHome.PASSWORD)) {
                return fail(node[0], began, "ftp: refused logon", client.getReplyString());
            }
            long logon = System.nanoTime();
            tally.sample("ftp logon", logon - began);
            tally.count("ftp sessions on " + node[0]);
            state.served(node[0], logon);
            step = "transfer";
            client.execPBSZ(0);
            client.execPROT("P");
            client.setFileType(FTP.BINARY_FILE_TYPE);
            client.enterLocalPassiveMode();
            String name = "/u/bench/f" + id + ".bin";
            for (int cycle = 0; cycle < cyclesPerLogon && System.nanoTime() < deadline; cycle++) {
                if (!client.storeFile(name, new ByteArrayInputStream(content))) {
                    return fail(node[0], began, "ftp: broken transfer", "STOR: " + client.getReplyString());
                }
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                if (!client.retrieveFile(name, got)) {
                    return fail(node[0], began, "ftp: broken transfer", "RETR: " + client.getReplyString());
                }
                if (!Arrays.equals(got.toByteArray(), content)) {
                    return fail(node[0], began, "ftp: wrong content", "RETR gave " + got.size() + " bytes");
                }
                String[] names = client.listNames("/u/bench");
                if (names == null) {
                    return fail(node[0], began, "ftp: broken transfer", "NLST: " + client.getReplyString());
                }
                String failed = dataSet(client);
                if (failed != null) {
                    return fail(node[0], began, failed.startsWith("RETR gave") ? "ftp: wrong content"
                            : "ftp: broken transfer", failed);
                }
                tally.count("ftp rounds (STOR+RETR+NLST, data set STOR+RETR)");
                pause(think);
            }
            step = "quit";
            client.logout();
            tally.count("ftp sessions completed");
            return new Outcome(true, LoadTally.Where.SERVING_NODE);
        } catch (IOException | RuntimeException e) {
            String kind = switch (step) {
                case "connect" -> "ftp: connection failed";
                case "logon" -> "ftp: broken logon";
                case "quit" -> "ftp: broken QUIT";
                default -> "ftp: broken transfer";
            };
            return fail(node[0], began, kind, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            try {
                client.disconnect();
            } catch (IOException e) {
                // already gone
            }
        }
    }

    /**
     * STOR and RETR of the user's own sequential data set BENCH.Dn (the working directory BENCH., then back to
     * /u/bench): null when it worked, else what failed. 4,000 bytes, 50 records of the default LRECL 80.
     */
    private String dataSet(FTPSClient client) throws IOException {
        byte[] records = Arrays.copyOf(content, 4000);
        if (!client.changeWorkingDirectory("'BENCH.'")) {
            return "CWD 'BENCH.': " + client.getReplyString();
        }
        if (!client.storeFile("D" + id, new ByteArrayInputStream(records))) {
            return "STOR data set: " + client.getReplyString();
        }
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        if (!client.retrieveFile("D" + id, got)) {
            return "RETR data set: " + client.getReplyString();
        }
        if (!Arrays.equals(got.toByteArray(), records)) {
            return "RETR gave " + got.size() + " bytes of data set BENCH.D" + id;
        }
        if (!client.changeWorkingDirectory("/u/bench")) {
            return "CWD /u/bench: " + client.getReplyString();
        }
        return null;
    }

    private Outcome fail(String node, long began, String kind, String detail) {
        LoadTally.Where where = state.where(node, began, System.nanoTime());
        tally.error(where, kind, (node.isEmpty() ? "node unknown" : node) + ": " + String.valueOf(detail).trim());
        return new Outcome(false, where);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
