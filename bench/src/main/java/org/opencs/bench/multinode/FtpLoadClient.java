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
 * "torn upload" (after a STOR broke, the next session finds neither the previous nor the new content),
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
    private final Upload file = new Upload();
    private final Upload dataSet = new Upload();
    private long rounds;

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
            String interrupted = checkInterrupted(client);
            if (interrupted != null) {
                return fail(node[0], began, interrupted.startsWith("torn") ? "ftp: torn upload"
                        : "ftp: broken transfer", interrupted);
            }
            for (int cycle = 0; cycle < cyclesPerLogon && System.nanoTime() < deadline; cycle++) {
                String failed = round(client);
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
     * One round: STOR, RETR (compared) and NLST of the user's file /u/bench/fN.bin, then STOR and RETR of its
     * sequential data set BENCH.DN (the working directory BENCH., then back to /u/bench; 4,000 bytes, 50 records of
     * the default LRECL 80). Each STOR writes new content (a round number in its first bytes). Null when it worked,
     * else what failed ("RETR gave ..." for content that differs).
     */
    private String round(FTPSClient client) throws IOException {
        String failed = storeAndCompare(client, file, fileName(), nextContent(FILE_SIZE));
        if (failed != null) {
            return failed;
        }
        if (client.listNames("/u/bench") == null) {
            return "NLST: " + client.getReplyString();
        }
        if (!client.changeWorkingDirectory("'BENCH.'")) {
            return "CWD 'BENCH.': " + client.getReplyString();
        }
        failed = storeAndCompare(client, dataSet, "D" + id, nextContent(4000));
        if (failed != null) {
            return failed;
        }
        return client.changeWorkingDirectory("/u/bench") ? null : "CWD /u/bench: " + client.getReplyString();
    }

    private String storeAndCompare(FTPSClient client, Upload upload, String name, byte[] bytes) throws IOException {
        upload.pending = bytes;
        if (!client.storeFile(name, new ByteArrayInputStream(bytes))) {
            return "STOR " + name + ": " + client.getReplyString();
        }
        upload.confirmed = bytes;
        upload.pending = null;
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        if (!client.retrieveFile(name, got)) {
            return "RETR " + name + ": " + client.getReplyString();
        }
        return Arrays.equals(got.toByteArray(), bytes) ? null : "RETR gave " + got.size() + " bytes of " + name;
    }

    /**
     * After a session broke during a STOR (the node stopped or died under it): the file or data set must hold either
     * what was there before or all of what was being sent, never part of it (issue 12: "interrupted uploads leave the
     * previous content"). Null when every interrupted upload checks out, "torn ..." when one does not, else what failed.
     */
    private String checkInterrupted(FTPSClient client) throws IOException {
        for (Upload upload : new Upload[] {file, dataSet}) {
            if (upload.pending == null) {
                continue;
            }
            boolean isFile = upload == file;
            String name = isFile ? fileName() : "D" + id;
            if (!isFile && !client.changeWorkingDirectory("'BENCH.'")) {
                return "CWD 'BENCH.': " + client.getReplyString();
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            boolean read = client.retrieveFile(name, got);
            int reply = client.getReplyCode();
            String replyText = client.getReplyString();
            if (!isFile && !client.changeWorkingDirectory("/u/bench")) {
                return "CWD /u/bench: " + client.getReplyString();
            }
            byte[] bytes = got.toByteArray();
            if (!read && !(upload.confirmed == null && reply == 550)) {
                return "RETR " + name + " after the interrupted STOR: " + replyText.trim();
            }
            if (read && !Arrays.equals(bytes, upload.confirmed) && !Arrays.equals(bytes, upload.pending)) {
                return "torn " + name + ": " + bytes.length + " bytes, neither the previous nor the new content";
            }
            tally.count("ftp uploads interrupted by the stop, whole after it (previous or new content)");
            upload.confirmed = read ? bytes : null;
            upload.pending = null;
        }
        return null;
    }

    private String fileName() {
        return "/u/bench/f" + id + ".bin";
    }

    private byte[] nextContent(int size) {
        byte[] bytes = Arrays.copyOf(content, size);
        long n = ++rounds;
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (n >>> (8 * i));
        }
        return bytes;
    }

    /** What the server holds of one upload target: the last content it confirmed, and one being sent (or null). */
    private static final class Upload {
        byte[] confirmed;
        byte[] pending;
    }

    private Outcome fail(String node, long began, String kind, String detail) {
        long now = System.nanoTime();
        LoadTally.Where where = state.where(node, began, now);
        if (String.valueOf(detail).contains("EZZ9819I") && state.stoppedNodeMayHoldEnqs(now)) {
            where = LoadTally.Where.STOPPED_NODE;
            kind = "ftp: own data set still held by the stopped node's session (450 EZZ9819I)";
        }
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
