package io.ember.rdd.internal.scheduler;

import io.ember.rdd.internal.shuffle.MapStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the map outputs of one shuffle live, one {@link MapStatus} per map partition (null while
 * missing). Held by the {@link MapOutputRegistry}, not by a stage, so that outputs outlive the
 * stages that computed them and refer to no RDD. Owned by the scheduler's event loop.
 */
final class ShuffleOutputs {
    private final MapStatus[] statuses;
    private int available;

    ShuffleOutputs(int numMaps) {
        this.statuses = new MapStatus[numMaps];
    }

    boolean isAvailable() {
        return available == statuses.length;
    }

    int numMaps() {
        return statuses.length;
    }

    void add(int mapId, MapStatus status) {
        if (statuses[mapId] == null) {
            available++;
        }
        statuses[mapId] = status;
    }

    /** Forgets map output {@code mapId} if it is on {@code executorId}; true if something was forgotten. */
    boolean remove(int mapId, String executorId) {
        MapStatus status = statuses[mapId];
        if (status != null && status.executorId().equals(executorId)) {
            statuses[mapId] = null;
            available--;
            return true;
        }
        return false;
    }

    /** Forgets every map output held by {@code executorId}; true if something was forgotten. */
    boolean removeOn(String executorId) {
        boolean removed = false;
        for (int i = 0; i < statuses.length; i++) {
            removed |= remove(i, executorId);
        }
        return removed;
    }

    /** The map partitions whose output is missing. */
    List<Integer> missing() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            if (statuses[i] == null) {
                missing.add(i);
            }
        }
        return missing;
    }

    /** A copy of the statuses, as tasks that read this shuffle receive them. */
    MapStatus[] snapshot() {
        return statuses.clone();
    }
}
