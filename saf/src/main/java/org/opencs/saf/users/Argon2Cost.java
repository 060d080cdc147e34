package org.opencs.saf.users;

/**
 * The cost of an Argon2id password hash (RFC 9106): memory in KiB ({@code m}), passes over that memory ({@code t})
 * and lanes ({@code p}), as the PHC string's {@code m=...,t=...,p=...} names them.
 *
 * @param memoryKiB   memory per hash in KiB (RFC 9106 section 3.1: at least 8 × p)
 * @param iterations  passes over the memory, at least 1
 * @param parallelism lanes, 1..{@value #MAX_PARALLELISM} here (OpenCS computes them on one thread)
 *
 * <p>A stored hash is data from the registry, so its cost is capped: at most {@value #MAX_MEMORY_KIB} KiB (256 MiB,
 * RFC 9106 section 4's first recommended option needs 2 GiB but OpenCS never writes more than its own cost, 19 MiB),
 * {@value #MAX_ITERATIONS} passes and {@value #MAX_PARALLELISM} lanes. A string beyond the caps is not a cost this
 * record can hold, so it never matches (docs/registry.md "Password hashes and logons").
 */
public record Argon2Cost(int memoryKiB, int iterations, int parallelism) {
    /**
     * OpenCS's cost: OWASP's Password Storage Cheat Sheet's first Argon2id configuration (19 MiB, 2 passes, 1 lane).
     * It is no weaker than Debian's default yescrypt ({@code $y$j9T$}: N=4096, r=32, p=1, 16 MiB, one fill and a third
     * of a pass more): more memory, and twice as many passes; docs/registry.md "Password hashes" has the comparison.
     */
    public static final Argon2Cost DEFAULT = new Argon2Cost(19_456, 2, 1);

    /** The most memory a hash may use, in KiB (256 MiB). */
    public static final int MAX_MEMORY_KIB = 262_144;
    /** The most passes a hash may make. */
    public static final int MAX_ITERATIONS = 16;
    /** The most lanes a hash may have. */
    public static final int MAX_PARALLELISM = 4;

    /** @throws IllegalArgumentException for a cost RFC 9106 does not allow or beyond OpenCS's caps */
    public Argon2Cost {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1 || iterations > MAX_ITERATIONS
                || memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id cost m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism
                    + " is outside 8p <= m <= " + MAX_MEMORY_KIB + " KiB, 1 <= t <= " + MAX_ITERATIONS + ", 1 <= p <= "
                    + MAX_PARALLELISM);
        }
    }

    /** True when this cost is at least {@code other} in both memory and passes (and lanes). */
    public boolean atLeast(Argon2Cost other) {
        return memoryKiB >= other.memoryKiB && iterations >= other.iterations && parallelism >= other.parallelism;
    }
}
