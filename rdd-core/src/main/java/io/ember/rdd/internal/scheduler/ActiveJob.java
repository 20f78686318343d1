package io.ember.rdd.internal.scheduler;

import java.util.concurrent.CompletableFuture;

/** A running job: which partitions it computes, what came back so far, and who waits for it. */
final class ActiveJob {
    final int id;
    final ResultStage finalStage;
    final int[] partitions;
    final Object[] results;
    final boolean[] finished;
    final CompletableFuture<Object[]> completion;
    /** The group the job was submitted in, or null. */
    final JobGroup group;
    int numFinished;

    ActiveJob(int id, ResultStage finalStage, int[] partitions, JobGroup group, CompletableFuture<Object[]> completion) {
        this.id = id;
        this.group = group;
        this.finalStage = finalStage;
        this.partitions = partitions;
        this.results = new Object[partitions.length];
        this.finished = new boolean[partitions.length];
        this.completion = completion;
    }

    /** Whether cancelling this job interrupts its running tasks: yes, unless its group says otherwise. */
    boolean interruptOnCancel() {
        return group == null || group.interruptOnCancel();
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
