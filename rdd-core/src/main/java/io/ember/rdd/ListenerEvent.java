package io.ember.rdd;

import io.vavr.collection.List;
import io.vavr.collection.Map;

/**
 * What happens in an application, as delivered to {@link EmberListener}s: jobs, stages and tasks
 * starting and ending, executors coming and going, and the SQL executions (DataFrame actions) that
 * engine layers post through {@link EmberContext#postEvent}. Times are epoch milliseconds.
 */
public sealed interface ListenerEvent {

    /** The context started. */
    record ApplicationStart(String appName, String master, long time, EmberConf conf) implements ListenerEvent {
    }

    /** The context stopped. */
    record ApplicationEnd(long time) implements ListenerEvent {
    }

    /** An action submitted a job made of {@code stages} (the last is the result stage). */
    record JobStart(int jobId, String callSite, long time, List<StageInfo> stages) implements ListenerEvent {
    }

    /** A job ended; {@code error} is null when it succeeded. */
    record JobEnd(int jobId, long time, boolean succeeded, String error) implements ListenerEvent {
    }

    /** A stage attempt started running tasks. */
    record StageSubmitted(StageInfo stage, long time) implements ListenerEvent {
    }

    /** A stage attempt ended; {@code failureReason} is null when all its outputs exist. */
    record StageCompleted(StageInfo stage, long time, String failureReason) implements ListenerEvent {
    }

    /** A task attempt was launched on an executor. */
    record TaskStart(TaskInfo task) implements ListenerEvent {
    }

    /**
     * A task attempt ended with {@code status} SUCCESS, FAILED, FETCH_FAILED or LOST (its
     * executor was lost); {@code error} is null on success.
     */
    record TaskEnd(TaskInfo task, long finishTime, String status, String error, TaskMetrics metrics) implements ListenerEvent {
    }

    /** An executor joined the application. */
    record ExecutorAdded(String executorId, String address, int cores, long time) implements ListenerEvent {
    }

    /** An executor was lost or removed. */
    record ExecutorRemoved(String executorId, String reason, long time) implements ListenerEvent {
    }

    /**
     * A DataFrame action (or SQL query) started running; the jobs it submits follow.
     *
     * @param executionId unique in this JVM, increasing
     * @param description what ran: the SQL text when the DataFrame came from a query, else the
     *     action and where it was called, e.g. {@code count at Report.java:42}
     * @param callSite where the action was called, e.g. {@code count at Report.java:42}
     * @param plan the physical plan's root
     */
    record SqlExecutionStart(long executionId, String description, String callSite, SqlPlanNode plan, long time)
            implements ListenerEvent {
    }

    /**
     * A SQL execution ended.
     *
     * @param rowsByNode the rows each plan operator produced, by {@link SqlPlanNode#id()}; an
     *     operator that never ran is absent
     * @param error why it failed, or null when it succeeded
     */
    record SqlExecutionEnd(long executionId, long time, Map<Integer, Long> rowsByNode, String error)
            implements ListenerEvent {
    }

    /**
     * A stage as listeners see it.
     *
     * @param name where its RDD was created, e.g. {@code reduceByKey at WordCount.java:20}
     * @param rddLineage the stage RDD's {@code toDebugString()}
     */
    record StageInfo(int stageId, int attempt, String name, int numTasks, List<Integer> parentIds, int rddId,
                     String rddLineage) {
    }

    /** A task attempt as listeners see it. */
    record TaskInfo(long taskId, int stageId, int stageAttempt, int partition, int attempt, String executorId,
                    long launchTime) {
    }

    /**
     * One operator of a SQL execution's physical plan.
     *
     * @param id unique in its plan: operators are numbered from 0 at the root, depth first
     * @param name the operator, e.g. {@code HashAggregate}
     * @param detail its line in {@code explain()}, e.g. {@code Filter (amount > 10)}
     * @param children its inputs
     */
    record SqlPlanNode(int id, String name, String detail, List<SqlPlanNode> children) {
    }
}
