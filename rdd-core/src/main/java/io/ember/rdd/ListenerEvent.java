package io.ember.rdd;

import io.vavr.collection.List;

/**
 * What happens in an application, as delivered to {@link EmberListener}s: jobs, stages and tasks
 * starting and ending, executors coming and going, and the {@link Other} events that engine layers
 * post through {@link EmberContext#postEvent} (DataFrames' SQL executions). Times are epoch
 * milliseconds.
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
     * An event that an engine layer above the RDDs defines and posts through
     * {@link EmberContext#postEvent} (the SQL executions of DataFrames), delivered to listeners
     * like any other, as Spark's {@code onOtherEvent} receives them. To be written to the event log
     * and replayed, an implementation is a record of JSON-friendly components whose type a UI
     * extension lists (see {@code io.ember.rdd.internal.ui.web.UiExtension#eventTypes}).
     */
    non-sealed interface Other extends ListenerEvent {
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
}
