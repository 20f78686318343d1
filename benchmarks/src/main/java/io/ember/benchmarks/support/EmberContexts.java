package io.ember.benchmarks.support;

import io.ember.rdd.EmberContext;

/** The one way benchmarks start Ember, so every workload runs on the same master. */
public final class EmberContexts {
    /** Two executors, one per core of the reference machine (BENCHMARKS.md). */
    public static final String MASTER = "local[2]";

    private EmberContexts() {
    }

    /** Starts a {@link #MASTER} context named after the workload; the caller closes it. */
    public static EmberContext start(String appName) {
        return EmberContext.builder().master(MASTER).appName(appName).getOrCreate();
    }
}
