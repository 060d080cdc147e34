package org.opencs.jes.jcl;

import java.util.List;

/**
 * A DD statement with the unnamed DD statements that follow it (a concatenation): {@code concatenation} has at least
 * one element; the first is the named statement's. {@code ddName} is upper-case; for an override from a PROC call it
 * is the DD's own name (the procstep. prefix removed).
 */
public record DdStatement(int statement, String ddName, List<DdSpec> concatenation) {
    public DdStatement {
        concatenation = List.copyOf(concatenation);
        if (concatenation.isEmpty()) {
            throw new IllegalArgumentException("a DD statement has at least one data set: " + ddName);
        }
    }

    public DdSpec first() {
        return concatenation.get(0);
    }
}
