package io.ember.rdd.internal.scheduler;

import io.ember.actors.internal.spi.ExecutorServices;
import io.ember.rdd.TaskContext;
import io.ember.rdd.internal.shuffle.MapStatus;
import java.util.Map;

/**
 * The context of one running task attempt: its identity, the executor's services, and where the
 * outputs of the shuffles it reads live (a snapshot taken when its stage was submitted).
 */
public final class TaskContextImpl implements TaskContext {
    /**
     * The task running on this thread; set by the task runner around a task's execution (and
     * reported if it calls {@code System.exit}, see {@link RunningTasks}).
     */
    public static final ThreadLocal<TaskContextImpl> CURRENT = new RunningTasks();

    private final int stageId;
    private final int partitionId;
    private final int attemptNumber;
    private final long taskAttemptId;
    private final ExecutorServices services;
    private final Map<Integer, MapStatus[]> mapStatuses;
    private final TaskMetricsCollector metrics = new TaskMetricsCollector();

    TaskContextImpl(int stageId, int partitionId, int attemptNumber, long taskAttemptId,
                    ExecutorServices services, Map<Integer, MapStatus[]> mapStatuses) {
        this.stageId = stageId;
        this.partitionId = partitionId;
        this.attemptNumber = attemptNumber;
        this.taskAttemptId = taskAttemptId;
        this.services = services;
        this.mapStatuses = mapStatuses;
    }

    @Override
    public int stageId() {
        return stageId;
    }

    @Override
    public int partitionId() {
        return partitionId;
    }

    @Override
    public int attemptNumber() {
        return attemptNumber;
    }

    @Override
    public long taskAttemptId() {
        return taskAttemptId;
    }

    @Override
    public String executorId() {
        return services.executorId();
    }

    /** The executor's block store, peers and class loader. */
    public ExecutorServices services() {
        return services;
    }

    /** The counters of this task's reads and writes. */
    public TaskMetricsCollector metrics() {
        return metrics;
    }

    /** Where each map output of shuffle {@code shuffleId} lives, indexed by map id. */
    public MapStatus[] mapStatuses(int shuffleId) {
        MapStatus[] statuses = mapStatuses.get(shuffleId);
        if (statuses == null) {
            throw new IllegalStateException("task of stage " + stageId + " reads shuffle " + shuffleId
                    + " that its stage did not declare");
        }
        return statuses;
    }
}
