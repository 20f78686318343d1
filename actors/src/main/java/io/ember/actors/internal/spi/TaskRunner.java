package io.ember.actors.internal.spi;

/**
 * What an executor does with a task: the executor runtime knows nothing of RDDs, it hands the
 * task's bytes to the runner that the engine (rdd-core) installed and sends back the bytes it
 * returns.
 *
 * <p>Called on one of the executor's worker threads, never on an actor's message thread; many
 * calls may run at once (one per task slot).
 */
@FunctionalInterface
public interface TaskRunner {

    /**
     * Runs one task.
     *
     * @param task the serialized task, exactly as given to {@link ExecutorRuntime#launch}
     * @param services the executor's block store, peers and class loader
     * @return the serialized task result, sent back to the driver unchanged. A task whose user
     *     code fails should encode that failure in the result; an exception thrown from here is
     *     reported to the driver as a {@link TaskOutcome.Crashed} with its text.
     */
    byte[] run(byte[] task, ExecutorServices services) throws Exception;

    /**
     * Applies one control command, exactly as given to {@link ExecutorRuntime#sendCommand}, on the
     * executor's control thread (one per executor, apart from the task slots). By default a
     * command is refused: a runner that the driver sends commands to overrides this.
     *
     * @return the answer, sent back to the driver unchanged
     * @throws Exception reported to the driver as {@link CommandOutcome.Failed} with its text
     */
    default byte[] runCommand(byte[] command, ExecutorServices services) throws Exception {
        throw new UnsupportedOperationException("this TaskRunner (" + getClass().getName() + ") applies no commands");
    }
}
