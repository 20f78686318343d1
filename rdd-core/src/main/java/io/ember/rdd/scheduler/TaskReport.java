package io.ember.rdd.scheduler;

import io.ember.rdd.TaskMetrics;
import java.util.Map;

/**
 * Everything a task attempt sends back: how it ended (a serialized {@link TaskResult}, kept as
 * bytes so that its size is known and it is decoded with the application's class loader), what it did, and the updates it made to
 * accumulators (by accumulator id), which the driver applies once per successful partition.
 */
record TaskReport(byte[] result, TaskMetrics metrics, Map<Long, Object> accumulatorUpdates) {
}
