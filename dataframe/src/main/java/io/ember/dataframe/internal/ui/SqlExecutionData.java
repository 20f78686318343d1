package io.ember.dataframe.internal.ui;

import java.util.List;
import java.util.Map;

/**
 * A SQL execution (one DataFrame action) as the UI shows it: what ran, its timing, the jobs it
 * submitted and its physical plan with the rows each operator produced (Spark's
 * {@code SQLExecutionUIData}).
 *
 * @param description the SQL text, or the action and its call site
 * @param callSite where the action was called, e.g. {@code count at Report.java:42}
 * @param completionTime -1 while running
 * @param error why it failed, or null
 * @param plan the physical plan's root
 * @param rowsByNode the rows each operator produced, by node id (known once the execution ended;
 *     absent for an operator that never ran)
 * @param jobIds the jobs submitted while it ran, oldest first
 */
public record SqlExecutionData(long executionId, String description, String callSite, long submissionTime,
                               long completionTime, Status status, String error, SqlPlanNode plan,
                               Map<Integer, Long> rowsByNode, List<Integer> jobIds) {

    /** Whether an execution is running or how it ended (Spark's names). */
    public enum Status {
        /** Started and not ended. */
        RUNNING,
        /** Ended normally. */
        COMPLETED,
        /** Ended with an error. */
        FAILED
    }

    /** Milliseconds from submission to completion, or to {@code now} while running. */
    public long duration(long now) {
        return (completionTime >= 0 ? completionTime : now) - submissionTime;
    }
}
