package io.ember.dataframe.internal.ui;

import io.ember.rdd.ListenerEvent;

/**
 * A DataFrame action (or SQL query) started running; the jobs it submits follow (Spark's
 * {@code SparkListenerSQLExecutionStart}). Its simple name is its type in event logs.
 *
 * @param executionId unique in this JVM, increasing
 * @param description what ran: the SQL text when the DataFrame came from a query, else the
 *     action and where it was called, e.g. {@code count at Report.java:42}
 * @param callSite where the action was called, e.g. {@code count at Report.java:42}
 * @param plan the physical plan's root
 * @param time epoch milliseconds
 */
public record SqlExecutionStart(long executionId, String description, String callSite, SqlPlanNode plan, long time)
        implements ListenerEvent.Other {
}
