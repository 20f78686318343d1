package io.ember.actors;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The driver's handle on its executors: starts them, launches tasks on them, reports their loss.
 * All Akka types stay behind this interface.
 *
 * <p>Thread-safe. Closing it stops every executor and the actor system.
 */
public interface ExecutorRuntime extends AutoCloseable {

    /**
     * Starts one ActorSystem in this JVM with {@code executors} executor actors of
     * {@code coresPerExecutor} task slots each ({@code local[N]} is N executors of one core).
     *
     * @param appName names the actor system (sanitised)
     * @param runner what executors do with a task
     * @param userClassLoader resolves application classes on the executors
     */
    static ExecutorRuntime startLocal(String appName, int executors, int coresPerExecutor,
                                      TaskRunner runner, ClassLoader userClassLoader) {
        return io.ember.actors.internal.LocalExecutorRuntime.start(
                appName, executors, coresPerExecutor, runner, userClassLoader);
    }

    /** The executors, alive and lost, in order of id. */
    List<ExecutorInfo> executors();

    /**
     * Launches a task on an executor. The stage completes when the task ends, never
     * exceptionally: a lost executor completes it with {@link TaskOutcome.ExecutorLost}, also
     * when the executor is already gone at launch time.
     */
    CompletionStage<TaskOutcome> launch(String executorId, long taskId, byte[] task);

    /**
     * Registers a listener called (on an internal thread) once for each executor that joins after
     * start-up. A local runtime never adds executors, so by default nothing is ever called.
     */
    default void onExecutorAdded(Consumer<ExecutorInfo> listener) {
    }

    /** Registers a listener called (on an internal thread) once for each executor that is lost. */
    void onExecutorLost(Consumer<String> listener);

    /**
     * Stops an executor as if it had crashed: its running tasks are reported lost and its blocks
     * are dropped. Used by fault-injection tests and by operators.
     */
    void killExecutor(String executorId);

    /** Stops every executor and the actor system; waits for termination (bounded). */
    @Override
    void close();
}
