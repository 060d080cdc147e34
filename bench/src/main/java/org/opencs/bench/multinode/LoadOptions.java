package org.opencs.bench.multinode;

import java.nio.file.Path;

/**
 * What one {@link MultiNodeLoad} run does: the registry, the load (FTPS sessions, TN3270 terminals), how long, and how
 * the node in the middle is stopped. The defaults are issue 12's size, paced for two cores (docs/performance.md, "Two
 * nodes under load, one restarted"): FTP logons at about what the machine verifies, the ramps over before the stop.
 *
 * @param registryUrl      a PostgreSQL JDBC URL (a fresh schema is made in it for the run)
 * @param ftpSessions      concurrent FTPS sessions, each looping logon, transfers, QUIT
 * @param terminals        concurrent TN3270E terminals over TLS
 * @param durationSeconds  how long the load runs
 * @param enterEverySeconds how often each terminal presses Enter
 * @param kill             SIGKILL the node instead of SIGTERM (a crash instead of a rolling upgrade)
 * @param rounds           transfer rounds per FTP logon (then QUIT and log on again)
 * @param thinkSeconds     an FTP user's pause after each round
 * @param ftpRamp          FTP users starting per second at the beginning
 * @param tn3270Ramp       terminals connecting per second at the beginning
 * @param opencsJar        the runnable jar the nodes run ({@code cli/target/opencs.jar})
 * @param nodeHeap         the nodes' {@code -Xmx}
 */
record LoadOptions(String registryUrl, int ftpSessions, int terminals, int durationSeconds, int enterEverySeconds,
        boolean kill, int rounds, int thinkSeconds, int ftpRamp, int tn3270Ramp, Path opencsJar, String nodeHeap) {

    static final String USAGE = "usage: MultiNodeLoad [--kill] [--ftp N (500)] [--tn3270 N (2000)] [--duration S (300)]"
            + " [--enter-every S (5)] [--rounds N (10)] [--think S (15)] [--ftp-ramp N/s (5)] [--tn3270-ramp N/s (100)]"
            + " [--url JDBC-URL (OPENCS_TEST_POSTGRES_URL)] [--jar cli/target/opencs.jar]"
            + " [--node-heap 1g]";

    /** Parses the command line; an unknown or incomplete option is an IllegalArgumentException with the usage. */
    static LoadOptions parse(String[] args) {
        String url = System.getenv("OPENCS_TEST_POSTGRES_URL");
        int ftp = 500;
        int terminals = 2000;
        int duration = 300;
        int enterEvery = 5;
        boolean kill = false;
        int rounds = 10;
        int think = 15;
        int ftpRamp = 5;
        int tn3270Ramp = 100;
        Path jar = Path.of("cli/target/opencs.jar");
        String heap = "1g";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--kill")) {
                kill = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (option) {
                case "--ftp" -> ftp = Integer.parseInt(value);
                case "--tn3270" -> terminals = Integer.parseInt(value);
                case "--duration" -> duration = Integer.parseInt(value);
                case "--enter-every" -> enterEvery = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--think" -> think = Integer.parseInt(value);
                case "--ftp-ramp" -> ftpRamp = Integer.parseInt(value);
                case "--tn3270-ramp" -> tn3270Ramp = Integer.parseInt(value);
                case "--url" -> url = value;
                case "--jar" -> jar = Path.of(value);
                case "--node-heap" -> heap = value;
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no PostgreSQL URL: --url or OPENCS_TEST_POSTGRES_URL\n" + USAGE);
        }
        return new LoadOptions(url, ftp, terminals, duration, enterEvery, kill, rounds, think, ftpRamp, tn3270Ramp,
                jar.toAbsolutePath(), heap);
    }
}
