package io.ember.rdd.internal.scheduler;

import io.ember.actors.internal.memory.MemoryManager;
import io.ember.rdd.TaskOutOfMemoryException;
import io.ember.rdd.internal.storage.StorageSettings;

/**
 * Turns an {@link OutOfMemoryError} in a task into a {@link TaskOutOfMemoryException} that says
 * where it happened and what to change. The error itself is not sent to the driver: it is an
 * {@code Error} that the driver must not mistake for a transient failure, and its text names
 * neither the operator nor a setting.
 */
final class OutOfMemoryReport {
    private static final String RUNNER_PACKAGE = OutOfMemoryReport.class.getPackageName();

    private OutOfMemoryReport() {
    }

    /** The exception for {@code error}, raised by the task {@code task} (null if it could not be decoded). */
    static TaskOutOfMemoryException describe(OutOfMemoryError error, TaskDescription task, StageBinary binary,
                                             String executorId) {
        StringBuilder message = new StringBuilder("Task ");
        if (task != null) {
            message.append("of partition ").append(task.partitionIndex()).append(" in stage ").append(task.stageId())
                    .append(" (TID ").append(task.taskId()).append(") ");
        }
        message.append("ran out of memory on executor ").append(executorId).append(" (").append(error).append(')');
        if (binary != null) {
            var rdd = binary instanceof StageBinary.ShuffleMap map ? map.rdd() : ((StageBinary.Result) binary).rdd();
            // why not rdd.toString(): its creation site stays on the driver, which adds it
            message.append(" computing ").append(rdd.getClass().getSimpleName()).append('[').append(rdd.id()).append(']');
        }
        String frame = allocatingFrame(error);
        if (frame != null) {
            message.append(", in ").append(frame);
        }
        String operator = physicalOperator(error);
        if (operator != null) {
            message.append(", inside operator ").append(operator);
        }
        message.append(". ").append(advice(Runtime.getRuntime().maxMemory()));
        TaskOutOfMemoryException report = new TaskOutOfMemoryException(message.toString());
        report.setStackTrace(error.getStackTrace());
        return report;
    }

    /** What to change, for an executor whose heap is {@code maxHeap} bytes (negative: unknown). */
    static String advice(long maxHeap) {
        return (maxHeap < 0 ? "" : "The executor's heap is " + (maxHeap >> 20) + " MiB. ") + "Give the executors more "
                + "heap (the JVM's -Xmx, or a worker's --memory), lower " + MemoryManager.FRACTION + ", or set "
                + StorageSettings.TASK_MEMORY + " and " + StorageSettings.STORAGE_MEMORY + " as caps so that operators "
                + "spill and cached blocks give way sooner, or split the data into more partitions.";
    }

    /**
     * The innermost physical operator on the stack: by the DataFrame layer's naming, a class
     * whose name ends with {@code Exec} (such as {@code SortExec}, also when the frame is one of its
     * nested classes or lambdas); null for plain RDD code.
     */
    private static String physicalOperator(OutOfMemoryError error) {
        for (StackTraceElement frame : error.getStackTrace()) {
            String type = frame.getClassName();
            String[] names = type.substring(type.lastIndexOf('.') + 1).split("\\$");
            for (int i = names.length - 1; i >= 0; i--) {
                if (names[i].endsWith("Exec")) {
                    return names[i];
                }
            }
        }
        return null;
    }

    /** The innermost frame of Ember or application code (not of this runner, the JDK or a library). */
    private static String allocatingFrame(OutOfMemoryError error) {
        for (StackTraceElement frame : error.getStackTrace()) {
            String type = frame.getClassName();
            boolean platform = type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                    || type.startsWith("io.vavr.") || type.startsWith("com.esotericsoftware.");
            if (!platform && !type.startsWith(RUNNER_PACKAGE + ".EmberTaskRunner")) {
                return frame.toString();
            }
        }
        return null;
    }
}
