package org.opencs.bench.multinode;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Stops one node in the middle of the load and starts it again, recording the timeline: SIGTERM (a clean stop, as in
 * a rolling upgrade: the process closes its sessions, leaves the system and exits; then a few seconds down) or SIGKILL
 * (a crash: the node is started again only once the survivor has declared it failed and released its ENQs, OCS0803E,
 * so that time is the survivor's, not the restart's own clean-up).
 */
final class Restart implements Runnable {
    /** The "down for the upgrade" time after a clean stop. */
    private static final Duration DOWN = Duration.ofSeconds(5);
    static final Pattern LISTENING = Pattern.compile("EZZ6003I TELNET LISTENING");

    private final NodeProcess node;
    private final NodeProcess survivor;
    private final boolean kill;
    private final long at;
    private final NodeState state;
    private final int ftpFront;
    private volatile long stopped;
    private volatile long balanced;
    private volatile long released;
    private volatile long listening;
    private volatile Integer exitCode;
    private volatile String failure = "";

    /**
     * @param at       when to stop the node (nanoTime)
     * @param ftpFront the balancer's FTP port ({@link GreetingProbe})
     */
    Restart(NodeProcess node, NodeProcess survivor, boolean kill, long at, NodeState state, int ftpFront) {
        this.ftpFront = ftpFront;
        this.node = node;
        this.survivor = survivor;
        this.kill = kill;
        this.at = at;
        this.state = state;
    }

    @Override
    public void run() {
        try {
            long wait = at - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
            long begin = System.nanoTime();
            state.stopping(node.sysname(), begin);
            node.stop(kill, Duration.ofSeconds(60));
            stopped = System.nanoTime();
            exitCode = node.exitCode();
            if (kill) {
                NodeProcess.Line line = survivor.awaitLine(Pattern.compile("OCS0803E SYSTEM " + node.sysname() + "\\b"),
                        begin, Duration.ofSeconds(90));
                released = line == null ? 0 : line.nanos();
                state.enqsReleased(released);
            } else {
                state.enqsReleased(stopped); // a clean stop leaves the system with its ENQs released (OCS0802I)
                Thread.sleep(DOWN.toMillis());
            }
            long restart = node.start();
            state.restarting(restart);
            NodeProcess.Line line = node.awaitLine(LISTENING, restart, Duration.ofSeconds(120));
            listening = line == null ? 0 : line.nanos();
            balanced = GreetingProbe.awaitNode(ftpFront, node.sysname(), Duration.ofSeconds(60));
        } catch (Exception e) {
            failure = e.toString();
        }
    }

    /** The timeline, for the report. */
    String describe() {
        long begin = state.stopBegan();
        if (begin == 0) {
            return "the node was not stopped (the run ended first)";
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(java.util.Locale.ROOT, "%s %s: process ended after %.2f s (exit code %s)%n",
                kill ? "SIGKILL" : "SIGTERM", node.sysname(), seconds(begin, stopped), exitCode));
        if (kill) {
            out.append(released == 0 ? "survivor's OCS0803E for it: not seen within 90 s\n"
                    : String.format(java.util.Locale.ROOT, "survivor %s released its ENQs and jobs (OCS0803E) %.2f s"
                            + " after the kill%n", survivor.sysname(), seconds(begin, released)));
        }
        long restart = state.restartBegan();
        if (restart != 0) {
            out.append(String.format(java.util.Locale.ROOT, "restarted %.2f s after the stop began; listening %s;"
                    + " a new FTP client sent to it by the balancer %s; first load client served by it %s%n",
                    seconds(begin, restart), after(restart, listening), after(restart, balanced),
                    after(restart, state.servingAgain())));
        }
        if (!failure.isEmpty()) {
            out.append("restart failed: ").append(failure).append('\n');
        }
        return out.toString();
    }

    private static String after(long start, long event) {
        return event == 0 ? "never" : String.format(java.util.Locale.ROOT, "%.2f s after the start", seconds(start, event));
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
