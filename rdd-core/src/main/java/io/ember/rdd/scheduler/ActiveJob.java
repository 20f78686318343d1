package io.ember.rdd.scheduler;

import java.util.concurrent.CompletableFuture;

/** A running job: which partitions it computes, what came back so far, and who waits for it. */
final class ActiveJob {
    final int id;
    final ResultStage finalStage;
    final int[] partitions;
    final Object[] results;
    final boolean[] finished;
    final CompletableFuture<Object[]> completion;
    int numFinished;

    ActiveJob(int id, ResultStage finalStage, int[] partitions, CompletableFuture<Object[]> completion) {
        this.id = id;
        this.finalStage = finalStage;
        this.partitions = partitions;
        this.results = new Object[partitions.length];
        this.finished = new boolean[partitions.length];
        this.completion = completion;
    }

    /** The position in {@link #partitions} of RDD partition {@code partition}, or -1. */
    int outputIndexOf(int partition) {
        for (int i = 0; i < partitions.length; i++) {
            if (partitions[i] == partition) {
                return i;
            }
        }
        return -1;
    }
}
