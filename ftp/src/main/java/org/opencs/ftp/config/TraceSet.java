package org.opencs.ftp.config;

import java.util.StringJoiner;

/**
 * The general traces in force: which {@link TraceType}s are on, and the levels of FSC and SOC (0 when off). Immutable;
 * {@link #with} gives the set after one DEBUG operand, the way z/OS applies them: ALL sets every type with FSC and SOC
 * at level 1, BAS adds CMD INT FSC(1) SOC(1), NONE turns everything off, a type adds itself (FSC(n) and SOC(n) set the
 * level to n). {@link #on} is one bit test, so a trace point that is off costs nothing worth counting.
 */
public record TraceSet(int mask, int fscLevel, int socLevel) {
    /** No trace on. */
    public static final TraceSet NONE = new TraceSet(0, 0, 0);

    public TraceSet {
        if (mask < 0 || mask >= 1 << TraceType.values().length) {
            throw new IllegalArgumentException("mask " + mask);
        }
        boolean fsc = (mask & bit(TraceType.FSC)) != 0;
        boolean soc = (mask & bit(TraceType.SOC)) != 0;
        if (fsc != (fscLevel > 0) || soc != (socLevel > 0) || fscLevel > TraceType.MAX_LEVEL
                || socLevel > TraceType.MAX_LEVEL || fscLevel < 0 || socLevel < 0) {
            throw new IllegalArgumentException("levels FSC " + fscLevel + ", SOC " + socLevel + " for mask " + mask);
        }
    }

    private static int bit(TraceType type) {
        return 1 << type.ordinal();
    }

    /** Whether {@code type} is on. */
    public boolean on(TraceType type) {
        return (mask & bit(type)) != 0;
    }

    /** Whether {@code type} is on at {@code level} or more (for types without levels, whether it is on). */
    public boolean on(TraceType type, int level) {
        return on(type) && level(type) >= level;
    }

    /** The level of {@code type}: FSC's or SOC's level, 1 for another type that is on, 0 when off. */
    public int level(TraceType type) {
        return type == TraceType.FSC ? fscLevel : type == TraceType.SOC ? socLevel : on(type) ? 1 : 0;
    }

    /** Whether no trace is on. */
    public boolean none() {
        return mask == 0;
    }

    /** The set after one operand ({@link DebugOption.Query} changes nothing). */
    public TraceSet with(DebugOption option) {
        if (option instanceof DebugOption.None) {
            return NONE;
        }
        if (option instanceof DebugOption.All) {
            return new TraceSet((1 << TraceType.values().length) - 1, 1, 1);
        }
        if (option instanceof DebugOption.Basic) {
            return with(new DebugOption.Trace(TraceType.CMD, 1)).with(new DebugOption.Trace(TraceType.INT, 1))
                    .with(new DebugOption.Trace(TraceType.FSC, 1)).with(new DebugOption.Trace(TraceType.SOC, 1));
        }
        if (option instanceof DebugOption.Trace trace) {
            TraceType type = trace.type();
            return new TraceSet(mask | bit(type), type == TraceType.FSC ? trace.level() : fscLevel,
                    type == TraceType.SOC ? trace.level() : socLevel);
        }
        return this; // Query
    }

    /** The set after each of {@code options} in turn. */
    public TraceSet withAll(Iterable<DebugOption> options) {
        TraceSet result = this;
        for (DebugOption option : options) {
            result = result.with(option);
        }
        return result;
    }

    /** The active traces as z/OS lists them: {@code INT ACC FSC(1)}, or {@code NONE}. */
    @Override
    public String toString() {
        if (none()) {
            return "NONE";
        }
        StringJoiner out = new StringJoiner(" ");
        for (TraceType type : TraceType.values()) {
            if (on(type)) {
                out.add(type.leveled() ? type + "(" + level(type) + ")" : type.name());
            }
        }
        return out.toString();
    }
}
