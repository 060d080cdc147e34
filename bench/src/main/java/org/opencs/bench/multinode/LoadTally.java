package org.opencs.bench.multinode;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the clients saw, shared by every client thread: counters by name ("ftp sessions completed", ...), errors by
 * kind and by where they happened, sessions per node, and latency samples (nanoseconds) by name.
 *
 * <p>An error is "on the stopped node" when the session was on the node being stopped and broke after the stop began
 * (the restart's own casualties, which must reconnect and succeed elsewhere), else "on a serving node": the issue's
 * goal is zero of the latter.
 */
final class LoadTally {
    /** Where an error happened. */
    enum Where {
        STOPPED_NODE, SERVING_NODE
    }

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Map<String, String> firstErrorDetail = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> samples = new ConcurrentHashMap<>();

    /** Adds one to counter {@code name}. */
    void count(String name) {
        counters.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
    }

    /** Records an error of {@code kind} ("ftp: broken transfer", ...) with a detail kept for the first of each. */
    void error(Where where, String kind, String detail) {
        String key = (where == Where.STOPPED_NODE ? "on the stopped node: " : "on a serving node: ") + kind;
        errors.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        firstErrorDetail.putIfAbsent(key, detail == null ? "" : detail);
    }

    /** Records one latency sample, in nanoseconds. */
    void sample(String name, long nanos) {
        samples.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>()).add(nanos);
    }

    long counter(String name) {
        AtomicLong value = counters.get(name);
        return value == null ? 0 : value.get();
    }

    /** Counters, sorted by name. */
    Map<String, Long> counters() {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Errors by where and kind, sorted; each with its count. */
    Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    String firstDetail(String errorKey) {
        return firstErrorDetail.getOrDefault(errorKey, "");
    }

    /** Serving-node errors in all (the number the issue wants at zero). */
    long servingNodeErrors() {
        return errors.entrySet().stream().filter(e -> e.getKey().startsWith("on a serving node"))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    /** The {@code p}-th percentile of samples {@code name} in milliseconds, or NaN without samples. */
    double percentileMillis(String name, double p) {
        ConcurrentLinkedQueue<Long> queue = samples.get(name);
        if (queue == null || queue.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = queue.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1));
        return sorted[index] / 1e6;
    }

    int sampleCount(String name) {
        ConcurrentLinkedQueue<Long> queue = samples.get(name);
        return queue == null ? 0 : queue.size();
    }
}
