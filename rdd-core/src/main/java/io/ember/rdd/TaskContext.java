package io.ember.rdd;

import io.vavr.control.Option;

/**
 * Facts about the task that is computing a partition, available to user code on the executor
 * through {@link #get()} (as in Spark), e.g. to make output file names unique per attempt.
 */
public interface TaskContext {

    /** The stage this task belongs to. */
    int stageId();

    /** The partition this task computes. */
    int partitionId();

    /** 0 for the first attempt of this partition in this stage, 1 for the first retry, ... */
    int attemptNumber();

    /** A number unique to this task attempt within the application. */
    long taskAttemptId();

    /** The executor running the task. */
    String executorId();

    /**
     * The context of the task running on the calling thread.
     *
     * @throws IllegalStateException when called outside a task (for example on the driver)
     */
    static TaskContext get() {
        return current().getOrElseThrow(() ->
                new IllegalStateException("TaskContext.get() called outside of a running task"));
    }

    /** The context of the task running on the calling thread, if any. */
    static Option<TaskContext> current() {
        return Option.of(io.ember.rdd.internal.scheduler.TaskContextImpl.CURRENT.get());
    }
}
