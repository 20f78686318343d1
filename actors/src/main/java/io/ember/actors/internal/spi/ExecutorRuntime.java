package io.ember.actors.internal.spi;

import io.ember.actors.ExecutorInfo;
import java.util.List;
import java.util.Map;
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

    /**
     * Joins an Ember cluster as the driver of application {@code appName} and runs its tasks on
     * one executor per worker node (started with {@code bin/ember-worker}); workers that join
     * later get executors too. Returns once this node is Up and the workers that were Up then have
     * started their executors.
     *
     * <p>{@code settings} are the context's {@code ember.*} settings; those read here:
     * {@code ember.cluster.secret} (the cluster's shared secret, or {@code file:<path>}; else the
     * {@code EMBER_CLUSTER_SECRET} environment variable, else {@code ~/.ember/secret}),
     * {@code ember.cluster.host} (default {@code 127.0.0.1}), {@code ember.cluster.port} and
     * {@code ember.cluster.dataPort} (default 0, any free port), {@code ember.cluster.joinTimeout}
     * (default {@code 30s}: how long this call may take until this node is Up, start-up included)
     * and {@code ember.jars} (comma-separated jars to ship besides those of the class path).
     *
     * @param seeds the {@code host:port} of one or more nodes of the cluster
     * @param userClassLoader resolves the application classes that workers ask for by name
     * @throws IllegalArgumentException if a setting is invalid (the message names it)
     * @throws IllegalStateException if no secret is configured, or the cluster cannot be joined in time
     */
    static ExecutorRuntime startCluster(String appName, List<String> seeds, Map<String, String> settings,
                                        ClassLoader userClassLoader) {
        return io.ember.actors.internal.ClusterExecutorRuntime.start(appName, seeds, settings, userClassLoader);
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
     * Sends a control command (drop a cached RDD, a broadcast or a shuffle's files; store a
     * broadcast) to an executor, which applies it with {@link TaskRunner#runCommand} on a thread of
     * its own, never in a task slot. The stage completes when the executor answers, when it is
     * lost, or after {@code timeout} with {@link CommandOutcome.TimedOut}; never exceptionally.
     */
    CompletionStage<CommandOutcome> sendCommand(String executorId, byte[] command, java.time.Duration timeout);

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

    /**
     * Registers a listener called (on an internal thread) once if the runtime stops without
     * {@link #close()} having been called, with the reason: on a cluster, when this driver's node
     * was removed from the cluster (downed after it stalled, or partitioned away). Every executor
     * is then lost for good: the owner should stop.
     */
    void onStopped(Consumer<String> listener);

    /**
     * Interrupts the thread running task {@code taskId} on an executor, without waiting; a task
     * not started yet is interrupted as it starts, one that has ended is left alone. The task's
     * outcome is still reported through the future {@link #launch} returned (typically the
     * failure the interruption caused). A task that ignores interruption runs on.
     */
    void killTask(String executorId, long taskId);

    /** Stops every executor and the actor system; waits for termination (bounded). */
    @Override
    void close();
}
