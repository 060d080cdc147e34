package org.opencs.saf.users;

/**
 * The cost of an Argon2id password hash (RFC 9106): memory in KiB ({@code m}), passes over that memory ({@code t})
 * and lanes ({@code p}), as the PHC string's {@code m=...,t=...,p=...} names them.
 *
 * @param memoryKiB   memory per hash in KiB (RFC 9106 section 3.1: at least 8 × p)
 * @param iterations  passes over the memory, at least 1
 * @param parallelism lanes, 1..255 here (OpenCS computes them on one thread)
 */
public record Argon2Cost(int memoryKiB, int iterations, int parallelism) {
    /**
     * OpenCS's cost: OWASP's Password Storage Cheat Sheet's first Argon2id configuration (19 MiB, 2 passes, 1 lane).
     * It is no weaker than Debian's default yescrypt ({@code $y$j9T$}: N=4096, r=32, p=1, 16 MiB, one fill and a third
     * of a pass more): more memory, and twice as many passes; docs/registry.md "Password hashes" has the comparison.
     */
    public static final Argon2Cost DEFAULT = new Argon2Cost(19_456, 2, 1);

    /** @throws IllegalArgumentException for a cost RFC 9106 does not allow or OpenCS does not compute */
    public Argon2Cost {
        if (parallelism < 1 || parallelism > 255 || iterations < 1 || memoryKiB < 8 * parallelism
                || memoryKiB > 4 * 1024 * 1024) {
            throw new IllegalArgumentException("Argon2id cost m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism
                    + " is outside 8p <= m <= 4 GiB, t >= 1, 1 <= p <= 255");
        }
    }

    /** True when this cost is at least {@code other} in both memory and passes (and lanes). */
    public boolean atLeast(Argon2Cost other) {
        return memoryKiB >= other.memoryKiB && iterations >= other.iterations && parallelism >= other.parallelism;
    }
}
