package org.opencs.tn3270.server;

/**
 * The sessions of one server whose handler has not yet been taken out of its connection's pipeline. A session leaves
 * its pipeline after its last event (the end's log line and audit record), so once none is left the session threads
 * can stop without a late event finding them gone.
 */
final class OpenSessions {
    private int open;

    synchronized void opened() {
        open++;
    }

    synchronized void closed() {
        open--;
        notifyAll();
    }

    /** Waits until no session is left or {@code millis} have passed; says whether none is left. */
    synchronized boolean awaitNone(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (open > 0) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return open == 0;
            }
        }
        return true;
    }
}
