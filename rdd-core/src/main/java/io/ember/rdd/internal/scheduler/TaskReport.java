package io.ember.rdd.internal.scheduler;

import io.ember.actors.internal.spi.BlockStatus;
import io.ember.rdd.TaskMetrics;
import java.util.List;
import java.util.Map;

/**
 * Everything a task attempt sends back: how it ended (a serialized {@link TaskResult}, kept as
 * bytes so that its size is known and it is decoded with the application's class loader), what
 * it did, the updates it made to accumulators (accumulator id to the task's partial
 * accumulator), which the driver applies once per successful partition, and the changes to its
 * executor's cached blocks since the executor's previous report (stored, evicted, removed).
 */
record TaskReport(byte[] result, TaskMetrics metrics, Map<Long, Object> accumulatorUpdates,
                  List<BlockStatus> blockUpdates) {
}
