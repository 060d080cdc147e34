package org.opencs.tn3270.server;

/**
 * Where the use of an LU name is recorded beyond this process, so that one name is in use on one node at a time:
 * {@link LuEnqueues} (the registry's ENQ service, global to every node on one registry database); {@link #PROCESS}
 * when nothing beyond the process's own pools is asked (a VTAM no server has attached to a registry yet). The pools
 * ask only for names free in the process; the answer is given at once, never after a wait.
 */
interface LuLocks {
    /** Nothing beyond the process: every name free in the process's pools is free. */
    LuLocks PROCESS = new LuLocks() {
        @Override
        public boolean take(String lu, String session) {
            return true;
        }

        @Override
        public void release(String lu) {
        }
    };

    /**
     * Takes {@code lu} for a session of client {@code session} (its address and port, e.g. {@code 10.1.1.5:40001}):
     * true when it is now held for it, false when another node's session holds it. Throws
     * {@link org.opencs.core.ZosException} (OCS0022E) when the registry cannot be reached.
     */
    boolean take(String lu, String session);

    /** Gives {@code lu} back (its session ended or asked for another device); never throws. */
    void release(String lu);
}
