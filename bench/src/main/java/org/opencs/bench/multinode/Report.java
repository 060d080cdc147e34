package org.opencs.bench.multinode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link MultiNodeLoad} run's figures (standard output), in the order docs/performance.md records them. */
final class Report {
    private Report() {
    }

    static void print(LoadOptions options, LoadTally tally, Restart restart, Map<String, Long> inSessionAtEnd,
            Map<String, Long> haproxyTotals, List<NodeProcess> nodes, double seconds) {
        System.out.printf(Locale.ROOT, "%n=== %d FTPS users, %d TN3270E terminals, %.0f s, node SYS2 %s in the middle ===%n",
                options.ftpSessions(), options.terminals(), seconds, options.kill() ? "killed (SIGKILL)" : "restarted (SIGTERM)");
        System.out.printf(Locale.ROOT, "FTP: %d rounds per logon, %d s think time, %d users/s at the start; TN3270: Enter"
                + " every %d s, %d terminals/s at the start%n", options.rounds(), options.thinkSeconds(), options.ftpRamp(),
                options.enterEverySeconds(), options.tn3270Ramp());
        tally.counters().forEach((name, count) -> System.out.printf(Locale.ROOT, "%-58s %d%n", name, count));
        System.out.println("terminals in session at the end, by node: " + inSessionAtEnd);
        System.out.println("HAProxy sessions by backend/server: " + haproxyTotals);
        System.out.printf(Locale.ROOT, "ftp logon (connect, AUTH TLS, USER, PASS): p50 %.0f ms, p99 %.0f ms (%d)%n",
                tally.percentileMillis("ftp logon", 50), tally.percentileMillis("ftp logon", 99),
                tally.sampleCount("ftp logon"));
        System.out.printf(Locale.ROOT, "tn3270 first screen (connect, TLS, TN3270E): p50 %.0f ms, p99 %.0f ms (%d)%n",
                tally.percentileMillis("tn3270 first screen", 50), tally.percentileMillis("tn3270 first screen", 99),
                tally.sampleCount("tn3270 first screen"));
        System.out.printf(Locale.ROOT, "tn3270 Enter round trip: p50 %.0f ms, p99 %.0f ms (%d)%n",
                tally.percentileMillis("tn3270 enter", 50), tally.percentileMillis("tn3270 enter", 99),
                tally.sampleCount("tn3270 enter"));
        System.out.print(restart.describe());
        Map<String, Long> errors = tally.errors();
        if (errors.isEmpty()) {
            System.out.println("errors: none");
        }
        errors.forEach((kind, count) -> System.out.printf(Locale.ROOT, "error %s: %d (first: %s)%n", kind, count,
                tally.firstDetail(kind)));
        System.out.println("errors on serving nodes: " + tally.servingNodeErrors());
        for (NodeProcess node : nodes) {
            System.out.println(node.sysname() + " console message IDs: " + node.messages());
            node.problems(5).forEach(line -> System.out.println("  " + line));
        }
    }
}
