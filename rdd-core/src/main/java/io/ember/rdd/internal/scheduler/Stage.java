package io.ember.rdd.internal.scheduler;

import io.ember.rdd.ListenerEvent;
import io.ember.rdd.RDD;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of tasks that compute the same chain of narrow transformations, one task per partition,
 * and that can start once their parent stages' shuffle outputs exist. Owned by the scheduler's
 * event loop: never touched from another thread.
 */
abstract class Stage {
    final int id;
    final RDD<?> rdd;
    final List<ShuffleMapStage> parents;
    final List<Integer> readShuffles;
    final int firstJobId;
    final Set<Integer> jobIds = new HashSet<>();
    /** Incremented each time the stage is (re)submitted. */
    int attempt = -1;
    /** Partitions of the current attempt not yet finished. */
    final BitSet pending = new BitSet();
    int fetchFailures;
    private String lineage;

    Stage(int id, RDD<?> rdd, List<ShuffleMapStage> parents, List<Integer> readShuffles, int firstJobId) {
        this.id = id;
        this.rdd = rdd;
        this.parents = parents;
        this.readShuffles = readShuffles;
        this.firstJobId = firstJobId;
    }

    /** The partitions (of {@link #rdd}) that still need computing. */
    abstract List<Integer> missingPartitions();

    /** The number of tasks a full run of this stage has. */
    abstract int numTasks();

    /** This stage attempt as listeners see it. */
    ListenerEvent.StageInfo info() {
        java.util.List<Integer> parentIds = new java.util.ArrayList<>();
        parents.forEach(p -> parentIds.add(p.id));
        if (lineage == null) {
            lineage = rdd.toDebugString();
        }
        return new ListenerEvent.StageInfo(id, Math.max(attempt, 0), rdd.creationSite(), numTasks(),
                io.vavr.collection.List.ofAll(parentIds), rdd.id(), lineage);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + " " + id + " (" + rdd + ")";
    }
}
