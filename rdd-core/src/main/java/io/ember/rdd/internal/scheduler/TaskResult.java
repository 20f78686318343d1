package io.ember.rdd.internal.scheduler;

import io.ember.rdd.internal.shuffle.MapStatus;

/** How a task ended on the executor, sent back to the driver as bytes. */
sealed interface TaskResult {

    /** A result task's value. */
    record Value(Object value) implements TaskResult {
    }

    /** A shuffle-map task's output location. */
    record MapOutput(MapStatus status) implements TaskResult {
    }

    /** The task threw; {@code error} is the user's exception. */
    record Failed(Throwable error) implements TaskResult {
    }

    /** The task could not read a map output: the map stage must recompute it. */
    record FetchFailed(int shuffleId, int mapId, String executorId, String message) implements TaskResult {
    }
}
