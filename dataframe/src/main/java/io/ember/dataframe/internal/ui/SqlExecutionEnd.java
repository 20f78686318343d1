package io.ember.dataframe.internal.ui;

import io.ember.rdd.ListenerEvent;
import io.vavr.collection.Map;

/**
 * A SQL execution ended (Spark's {@code SparkListenerSQLExecutionEnd}). Its simple name is its
 * type in event logs.
 *
 * @param time epoch milliseconds
 * @param rowsByNode the rows each plan operator produced, by {@link SqlPlanNode#id()}; an
 *     operator that never ran is absent
 * @param error why it failed, or null when it succeeded
 */
public record SqlExecutionEnd(long executionId, long time, Map<Integer, Long> rowsByNode, String error)
        implements ListenerEvent.Other {
}
