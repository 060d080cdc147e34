package org.opencs.bench.multinode;

import org.opencs.pki.net.Haproxy;

/**
 * The ports of one run, all from one free range (free on 127.0.0.1, where the nodes listen, and on
 * {@link Haproxy#FRONT}, where the balancer does): the balancer's FTP and TN3270E ports, then each node's FTP and
 * TN3270E port, then each node's PASSIVEDATAPORTS range (the balancer binds the same numbers).
 *
 * @param base          the first port
 * @param nodes         how many nodes
 * @param passivePerNode how many passive ports each node has
 */
record Ports(int base, int nodes, int passivePerNode) {
    /** Finds a free range for {@code nodes} nodes of {@code passivePerNode} passive ports each. */
    static Ports allocate(int nodes, int passivePerNode) {
        int count = 2 + 2 * nodes + nodes * passivePerNode;
        return new Ports(Haproxy.freeRange(count), nodes, passivePerNode);
    }

    int ftpFront() {
        return base;
    }

    int tn3270Front() {
        return base + 1;
    }

    int ftp(int node) {
        return base + 2 + node;
    }

    int tn3270(int node) {
        return base + 2 + nodes + node;
    }

    int passiveLow(int node) {
        return base + 2 + 2 * nodes + node * passivePerNode;
    }

    int passiveHigh(int node) {
        return passiveLow(node) + passivePerNode - 1;
    }
}
