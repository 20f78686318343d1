package io.ember.rdd.scheduler;

import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.shuffle.MapStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the map side of one shuffle. Its map outputs outlive jobs, so a later job that
 * reads the same shuffle skips this stage; outputs on a lost executor are forgotten and
 * recomputed.
 */
final class ShuffleMapStage extends Stage {
    final ShuffleDependency<?, ?, ?> dependency;
    final MapStatus[] outputs;
    private int available;

    ShuffleMapStage(int id, RDD<?> rdd, List<ShuffleMapStage> parents, List<Integer> readShuffles,
                    int firstJobId, ShuffleDependency<?, ?, ?> dependency) {
        super(id, rdd, parents, readShuffles, firstJobId);
        this.dependency = dependency;
        this.outputs = new MapStatus[rdd.getNumPartitions()];
    }

    boolean isAvailable() {
        return available == outputs.length;
    }

    void addOutput(int mapId, MapStatus status) {
        if (outputs[mapId] == null) {
            available++;
        }
        outputs[mapId] = status;
    }

    /** Forgets map output {@code mapId} if it is on {@code executorId}; true if something was forgotten. */
    boolean removeOutput(int mapId, String executorId) {
        MapStatus status = outputs[mapId];
        if (status != null && status.executorId().equals(executorId)) {
            outputs[mapId] = null;
            available--;
            return true;
        }
        return false;
    }

    /** Forgets every map output held by {@code executorId}; true if something was forgotten. */
    boolean removeOutputsOn(String executorId) {
        boolean removed = false;
        for (int i = 0; i < outputs.length; i++) {
            removed |= removeOutput(i, executorId);
        }
        return removed;
    }

    @Override
    List<Integer> missingPartitions() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] == null) {
                missing.add(i);
            }
        }
        return missing;
    }

    @Override
    int numTasks() {
        return outputs.length;
    }
}
