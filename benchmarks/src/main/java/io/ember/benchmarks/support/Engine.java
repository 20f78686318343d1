package io.ember.benchmarks.support;

/**
 * Which side of a comparison a benchmark runs, as a JMH {@code @Param engine}: Ember itself, or
 * the plain-Java floor that BENCHMARKS.md measures it against in the same run. The report pairs
 * the two results of one workload and size into a ratio.
 */
public enum Engine {
    /** The workload on an Ember {@code local[2]} context. */
    EMBER,
    /** The same answer computed with plain Java, no engine: what the machine can do. */
    FLOOR
}
