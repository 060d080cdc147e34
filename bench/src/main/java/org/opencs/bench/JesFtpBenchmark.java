package org.opencs.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPClientConfig;
import org.opencs.ftp.config.FtpDataParser;
import org.opencs.ftp.server.FtpServer;
import org.opencs.jes.Jes;
import org.opencs.jes.JobStatus;
import org.opencs.jes.JobSummary;
import org.opencs.jes.ftp.JesForFtp;
import org.opencs.saf.Registry;
import org.opencs.saf.users.User;

/**
 * JES2 over FTP (SITE FILETYPE=JES) on one OpenCS system with the embedded H2 registry: (1) IEFBR14 jobs submitted per
 * second by N Apache Commons Net clients in parallel, each logged on once and sending STOR after STOR, and how long
 * until all of those jobs have run (two initiators); (2) LIST latency with many jobs on the queue (put there through
 * Jes directly as TYPRUN=SCAN jobs, which end at submission): LIST with JESENTRYLIMIT 200 (the default) and 1024 (the
 * most z/OS allows), NLST, and LIST JOBnnnnn of one job.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.opencs.bench.JesFtpBenchmark [clients] [jobs per client]
 * [jobs on the queue] [lists]}
 */
public final class JesFtpBenchmark {
    private static final Pattern KNOWN = Pattern.compile("It is known to JES as (JOB\\d{5})");

    private JesFtpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int perClient = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int queued = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int lists = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Path dir = Files.createTempDirectory("opencs-jes-bench");
        try (Registry registry = Registry.open(BenchHome.create(dir), Clock.systemUTC(), new SecureRandom());
             Jes jes = Jes.builder(registry).initiators(2).start()) {
            FtpServer server = new FtpServer(FtpDataParser.parse("INACTIVE 0\nJESINTERFACELEVEL 2", "FTP.DATA").config(),
                    registry, "127.0.0.1", 0, -1, new JesForFtp(jes));
            try {
                submissions(server, jes, registry, clients, perClient);
                listings(server, jes, registry, queued, lists);
            } finally {
                server.close();
            }
        } finally {
            FtpThroughputBenchmark.deleteTree(dir);
        }
    }

    private static void submissions(FtpServer server, Jes jes, Registry registry, int clients, int perClient)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<FTPClient> sessions = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            sessions.add(logOn(server)); // logons (PBKDF2) are not part of the submission rate
        }
        long start = System.nanoTime();
        List<Future<List<String>>> results = new ArrayList<>();
        for (FTPClient ftp : sessions) {
            results.add(pool.submit(() -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    byte[] jcl = ("//BENCHA JOB 1,BENCH,CLASS=A,MSGCLASS=X\n//STEP1 EXEC PGM=IEFBR14\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    if (!ftp.storeFile("JOB", new ByteArrayInputStream(jcl))) {
                        throw new IOException("STOR failed: " + ftp.getReplyString());
                    }
                    Matcher m = KNOWN.matcher(ftp.getReplyString());
                    if (!m.find()) {
                        throw new IOException("no job ID in " + ftp.getReplyString());
                    }
                    ids.add(m.group(1));
                }
                return ids;
            }));
        }
        List<String> ids = new ArrayList<>();
        for (Future<List<String>> f : results) {
            ids.addAll(f.get());
        }
        double submitted = (System.nanoTime() - start) / 1e9;
        User bench = registry.users().find(BenchHome.USER).orElseThrow();
        int notRc0 = 0;
        for (String id : ids) {
            JobSummary job = jes.await(bench, id, Duration.ofMinutes(30));
            if (job.status() != JobStatus.OUTPUT || !"RC=0000".equals(job.completion().text())) {
                notRc0++;
            }
        }
        double ran = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        for (FTPClient ftp : sessions) {
            ftp.logout();
            ftp.disconnect();
        }
        System.out.printf(Locale.ROOT, "submit: %d IEFBR14 jobs by %d clients in %.1f s = %.1f jobs/s submitted; "
                        + "all ended after %.1f s = %.1f jobs/s run (2 initiators), %d not RC=0000%n",
                ids.size(), clients, submitted, ids.size() / submitted, ran, ids.size() / ran, notRc0);
        for (String id : ids) {
            jes.cancel(bench, id, true); // purge: the listing part starts from an empty queue
        }
    }

    private static void listings(FtpServer server, Jes jes, Registry registry, int queued, int lists) throws Exception {
        User bench = registry.users().find(BenchHome.USER).orElseThrow();
        long start = System.nanoTime();
        String last = null;
        for (int i = 0; i < queued; i++) {
            last = jes.submit(bench, List.of("//BENCHS JOB 1,BENCH,CLASS=A,MSGCLASS=X,TYPRUN=SCAN",
                    "//STEP1 EXEC PGM=IEFBR14")).jobId();
        }
        double filled = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "queue: %d TYPRUN=SCAN jobs submitted through Jes in %.1f s = %.0f jobs/s%n",
                queued, filled, queued / filled);
        FTPClient ftp = logOn(server);
        try {
            ftp.sendSiteCommand("JESJOBNAME=* JESENTRYLIMIT=200");
            report("LIST, JESENTRYLIMIT=200", lists, () -> ftp.listFiles().length);
            ftp.sendSiteCommand("JESENTRYLIMIT=1024");
            report("LIST, JESENTRYLIMIT=1024", lists, () -> ftp.listFiles().length);
            report("NLST, JESENTRYLIMIT=1024", lists, () -> ftp.listNames().length);
            String one = last;
            report("LIST " + one, lists, () -> ftp.listFiles(one).length);
        } finally {
            ftp.logout();
            ftp.disconnect();
        }
    }

    private interface Listing {
        int run() throws IOException;
    }

    private static void report(String what, int times, Listing listing) throws IOException {
        listing.run(); // warm-up
        long[] nanos = new long[times];
        int entries = 0;
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            entries = listing.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%s: %d entries parsed, median %.1f ms, p90 %.1f ms, max %.1f ms (%d runs)%n",
                what, entries, nanos[times / 2] / 1e6, nanos[(int) (times * 0.9)] / 1e6, nanos[times - 1] / 1e6, times);
    }

    private static FTPClient logOn(FtpServer server) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.configure(new FTPClientConfig(FTPClientConfig.SYST_MVS));
        ftp.connect("127.0.0.1", server.port());
        if (!ftp.login(BenchHome.USER, BenchHome.PASSWORD)) {
            throw new IOException("logon failed: " + ftp.getReplyString());
        }
        ftp.enterLocalPassiveMode();
        ftp.setFileType(FTP.ASCII_FILE_TYPE);
        if (!ftp.sendSiteCommand("FILETYPE=JES")) {
            throw new IOException("SITE failed: " + ftp.getReplyString());
        }
        return ftp;
    }
}
