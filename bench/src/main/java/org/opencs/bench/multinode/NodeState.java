package org.opencs.bench.multinode;

/**
 * The restart's timeline as the clients need it (nanoTime values, 0 = not yet): which node is stopped, when the stop
 * began, when its new process was started, and when a client was first served by it again. Decides where an error
 * belongs ({@link LoadTally.Where}) and records the first service after the restart.
 */
final class NodeState {
    /** How long after the restarted node serves again an error of unknown node is still put down to the restart. */
    private static final long GRACE_NANOS = 5_000_000_000L;

    private volatile String stoppedNode = "";
    private volatile long stopBegan;
    private volatile long restartBegan;
    private volatile long servingAgain;
    private volatile long enqsReleased;

    void stopping(String node, long now) {
        stoppedNode = node;
        stopBegan = now;
    }

    void restarting(long now) {
        restartBegan = now;
    }

    /** The stopped node's ENQs were released at {@code now} (it left cleanly, or a survivor cleaned up after it). */
    void enqsReleased(long now) {
        enqsReleased = now;
    }

    /**
     * Whether the stopped node may still hold ENQs at {@code now}: after the stop began and before its ENQs were
     * released (plus a second for the reply to reach the client). A data set in use then (FTP 450 EZZ9819I) is the
     * stop's doing: each FTP user writes only its own data set, so the holder is its own session on the stopped node.
     */
    boolean stoppedNodeMayHoldEnqs(long now) {
        long began = stopBegan;
        long released = enqsReleased;
        return began != 0 && now >= began && (released == 0 || now < released + 1_000_000_000L);
    }

    String stoppedNode() {
        return stoppedNode;
    }

    long stopBegan() {
        return stopBegan;
    }

    long restartBegan() {
        return restartBegan;
    }

    long servingAgain() {
        return servingAgain;
    }

    /** A client was served by {@code node} (a logon, a first screen) at {@code now}. */
    synchronized void served(String node, long now) {
        if (servingAgain == 0 && restartBegan != 0 && node.equals(stoppedNode) && now > restartBegan) {
            servingAgain = now;
        }
    }

    /**
     * Where an error belongs: on the stopped node when the session was on it, began before the stop and broke after
     * the stop began (or, its node unknown, broke while that node was stopping, down or starting again); else on a
     * serving node.
     *
     * @param node         the node the session was on, or "" when unknown (it broke before the node said its name)
     * @param sessionBegan when the session (or connection attempt) began
     * @param now          when it broke
     */
    LoadTally.Where where(String node, long sessionBegan, long now) {
        long began = stopBegan;
        if (began == 0 || now < began) {
            return LoadTally.Where.SERVING_NODE;
        }
        if (node.isEmpty()) {
            long back = servingAgain;
            return back == 0 || now < back + GRACE_NANOS ? LoadTally.Where.STOPPED_NODE : LoadTally.Where.SERVING_NODE;
        }
        long restarted = restartBegan;
        boolean onOldProcess = restarted == 0 || sessionBegan < restarted;
        return node.equals(stoppedNode) && onOldProcess ? LoadTally.Where.STOPPED_NODE : LoadTally.Where.SERVING_NODE;
    }
}
