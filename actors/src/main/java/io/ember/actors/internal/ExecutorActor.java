package io.ember.actors.internal;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.SupervisorStrategy;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.ember.actors.internal.spi.BlockStore;
import io.ember.actors.internal.spi.ExecutorServices;
import io.ember.actors.internal.spi.TaskRunner;
import java.util.Map;

/*
 * Design notes
 * ------------
 * One actor per executor. Its message thread only does bookkeeping: LaunchTask hands the payload
 * to the executor's worker pool (RunCommand to its control thread) and returns, so a long task never blocks the mailbox (GetStatus
 * and Crash are answered while every slot is busy). The worker reports the outcome straight to
 * the driver (tell is thread-safe) and tells this actor TaskDone so that the counters, which
 * only this actor touches, stay right.
 *
 * Stopping, for whatever reason (Crash, a bug, system shutdown), goes through PostStop: set
 * `stopping`, shut the pool down (interrupting running tasks), clear the block store, unregister
 * it, complete the slot's `stopped` future. `stopping` is the one field shared with the workers
 * (written once here, read there): an outcome produced after it is set, typically the
 * InterruptedException that shutdownNow caused, is dropped, so the driver sees the task as lost
 * (from Terminated) and never as crashed.
 *
 * Crash throws InjectedCrash; the supervisor stops the actor without logging that deliberate
 * failure. Any other failure keeps Akka's default: stop, and log it.
 */
final class ExecutorActor extends AbstractBehavior<ExecutorActor.Command> {

    /** Messages an executor understands. */
    interface Command extends EmberMessage {}

    /** Runs a task on a worker thread; its outcome goes to {@code replyTo}. */
    record LaunchTask(long taskId, byte[] payload, ActorRef<DriverEndpoint.Command> replyTo) implements Command {}

    /** Applies a control command on the control thread; the answer goes to {@code replyTo}. */
    record RunCommand(long commandId, byte[] payload, ActorRef<DriverEndpoint.Command> replyTo) implements Command {}

    /** Asks for the executor's counters. */
    record GetStatus(ActorRef<Status> replyTo) implements Command {}

    /** Makes the executor fail and stop, as if it had crashed. */
    record Crash() implements Command {}

    /** Interrupts the thread running a task (its job was cancelled); its outcome is still reported. */
    record KillTask(long taskId) implements Command {}

    /** The reply to {@link GetStatus}. */
    record Status(String executorId, int running, long completed, long failed) implements EmberMessage {}

    /** From a worker: a task ended (its outcome has already been sent to the driver). */
    private record TaskDone(long taskId, boolean failed) implements Command {}

    private static final class InjectedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedCrash(String executorId) {
            super("executor " + executorId + " was killed");
        }
    }

    static Behavior<Command> create(ExecutorSlot slot, TaskRunner runner, ExecutorServices services,
                                    Map<String, BlockStore> liveStores) {
        return Behaviors.supervise(Behaviors.<Command>setup(
                        context -> new ExecutorActor(context, slot, runner, services, liveStores)))
                .onFailure(InjectedCrash.class, SupervisorStrategy.stop().withLoggingEnabled(false));
    }

    private final ExecutorSlot slot;
    private final TaskRunner runner;
    private final ExecutorServices services;
    private final Map<String, BlockStore> liveStores;
    private volatile boolean stopping;
    private int running;
    private long completed;
    private long failed;

    private ExecutorActor(ActorContext<Command> context, ExecutorSlot slot, TaskRunner runner,
                          ExecutorServices services, Map<String, BlockStore> liveStores) {
        super(context);
        this.slot = slot;
        this.runner = runner;
        this.services = services;
        this.liveStores = liveStores;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(LaunchTask.class, this::onLaunchTask)
                .onMessage(RunCommand.class, this::onRunCommand)
                .onMessage(TaskDone.class, this::onTaskDone)
                .onMessage(GetStatus.class, this::onGetStatus)
                .onMessage(Crash.class, this::onCrash)
                .onMessage(KillTask.class, kill -> {
                    slot.tasks().interrupt(kill.taskId());
                    return this;
                })
                .onSignal(PostStop.class, signal -> onPostStop())
                .build();
    }

    private Behavior<Command> onLaunchTask(LaunchTask launch) {
        running++;
        ActorRef<Command> self = getContext().getSelf();
        slot.tasks().queued(launch.taskId());
        slot.workers().execute(() -> runTask(launch, self));
        return this;
    }

    private Behavior<Command> onRunCommand(RunCommand run) {
        slot.control().execute(() -> {
            TaskExecution.Ended ended = TaskExecution.call(() -> runner.runCommand(run.payload(), services));
            if (!stopping) {
                run.replyTo().tell(new DriverEndpoint.CommandAnswered(run.commandId(), slot.id(), ended.result(),
                        ended.crash()));
            }
        });
        return this;
    }

    private Behavior<Command> onTaskDone(TaskDone done) {
        running--;
        if (done.failed()) {
            failed++;
        } else {
            completed++;
        }
        return this;
    }

    private Behavior<Command> onGetStatus(GetStatus get) {
        get.replyTo().tell(new Status(slot.id(), running, completed, failed));
        return this;
    }

    private Behavior<Command> onCrash(Crash crash) {
        throw new InjectedCrash(slot.id());
    }

    private Behavior<Command> onPostStop() {
        stopping = true;
        slot.workers().shutdownNow();
        slot.control().shutdownNow();
        liveStores.remove(slot.id(), slot.blockStore());
        slot.blockStore().clear();
        slot.stopped().complete(null);
        return this;
    }

    /** On a worker thread: touches only final fields and `stopping`. */
    private void runTask(LaunchTask launch, ActorRef<Command> self) {
        TaskExecution.Ended ended = TaskExecution.run(slot.tasks(), launch.taskId(),
                () -> runner.run(launch.payload(), services));
        DriverEndpoint.Command outcome = ended.crash() == null
                ? new DriverEndpoint.TaskFinished(launch.taskId(), slot.id(), ended.result())
                : new DriverEndpoint.TaskCrashed(launch.taskId(), slot.id(), ended.crash());
        if (stopping) {
            return;
        }
        launch.replyTo().tell(outcome);
        self.tell(new TaskDone(launch.taskId(), outcome instanceof DriverEndpoint.TaskCrashed));
    }
}
