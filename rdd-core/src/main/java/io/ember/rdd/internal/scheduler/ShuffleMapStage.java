package io.ember.rdd.internal.scheduler;

import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import java.util.List;

/**
 * Computes the map side of one shuffle. Its outputs live in the {@link MapOutputRegistry}, so
 * they outlive this stage: the scheduler drops the stage (and with it the lineage it holds)
 * once no active job needs it, and a later job that reads the same shuffle plans a new stage
 * that finds the outputs and is skipped. Outputs on a lost executor are forgotten and recomputed.
 */
final class ShuffleMapStage extends Stage {
    final ShuffleDependency<?, ?, ?> dependency;
    final ShuffleOutputs outputs;

    ShuffleMapStage(int id, RDD<?> rdd, List<ShuffleMapStage> parents, List<Integer> readShuffles,
                    int firstJobId, ShuffleDependency<?, ?, ?> dependency, ShuffleOutputs outputs) {
        super(id, rdd, parents, readShuffles, firstJobId);
        this.dependency = dependency;
        this.outputs = outputs;
    }

    boolean isAvailable() {
        return outputs.isAvailable();
    }

    @Override
    List<Integer> missingPartitions() {
        return outputs.missing();
    }

    @Override
    int numTasks() {
        return outputs.numMaps();
    }
}
