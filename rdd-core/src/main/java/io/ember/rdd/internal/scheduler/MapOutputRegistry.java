package io.ember.rdd.internal.scheduler;

import java.util.HashMap;
import java.util.Map;

/**
 * Which shuffle outputs exist, by shuffle id, as Spark's MapOutputTracker on the driver: a job
 * that reads a shuffle whose outputs are all here skips its map stage. Entries are created when
 * a shuffle's map stage is first planned and removed only when the shuffle itself is removed
 * (its owning RDD was garbage-collected, see {@code ContextCleaner}), so the registry holds one
 * small entry per live shuffle and never an RDD. Owned by the scheduler's event loop.
 */
final class MapOutputRegistry {
    private final Map<Integer, ShuffleOutputs> shuffles = new HashMap<>();

    /** The outputs of {@code shuffleId}, registered with {@code numMaps} map partitions if new. */
    ShuffleOutputs register(int shuffleId, int numMaps) {
        return shuffles.computeIfAbsent(shuffleId, id -> new ShuffleOutputs(numMaps));
    }

    /** The outputs of {@code shuffleId}, or null if it is not registered. */
    ShuffleOutputs get(int shuffleId) {
        return shuffles.get(shuffleId);
    }

    /** Forgets a removed shuffle. */
    void unregister(int shuffleId) {
        shuffles.remove(shuffleId);
    }

    /** Forgets every output that was on a lost executor. */
    void removeOutputsOn(String executorId) {
        shuffles.values().forEach(outputs -> outputs.removeOn(executorId));
    }

    int size() {
        return shuffles.size();
    }
}
