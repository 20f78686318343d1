package io.ember.actors.internal;

import akka.actor.NoSerializationVerificationNeeded;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import io.ember.actors.internal.spi.CommandOutcome;
import io.ember.actors.ExecutorInfo;
import io.ember.actors.internal.spi.TaskOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/*
 * Design notes
 * ------------
 * The driver's side of the local runtime, and the single owner of its bookkeeping: the pending
 * tasks (a PendingTasks table, the same as ClusterDriver's), the executors' states and the
 * lost-listeners. Other threads
 * reach it only by messages (Launch, AddLostListener, Shutdown from LocalExecutorRuntime; task
 * outcomes from the executors' worker threads). The one thing published outward is `view`, an
 * immutable List<ExecutorInfo> that only this actor writes (the first value in create(), before
 * the actor runs) and that executors() reads.
 *
 * Loss: every executor is watched. On its termination this actor marks it LOST, publishes the
 * view, calls the listeners, and only then settles that executor's pending tasks as
 * ExecutorLost, so whoever reacts to a lost task already finds the loss recorded. PendingTasks
 * states which outcomes are accepted.
 *
 * Control commands (SendCommand) are not tasks: they have a table of their own, go to the
 * executor as RunCommand (which runs them on its control thread, never in a task slot), and each
 * is settled as TimedOut by a timer if no answer came within its timeout.
 *
 * Launch, AddLostListener and Shutdown carry futures and lambdas: they are local by nature and
 * opt out of serialization checks. Outcomes are EmberMessages, sent by executors that may one
 * day live on other nodes.
 */
final class DriverEndpoint extends AbstractBehavior<DriverEndpoint.Command> {

    /** Messages the driver endpoint understands. */
    interface Command {}

    /** Launches a task; {@code outcome} is completed when it ends, never exceptionally. */
    record Launch(String executorId, long taskId, byte[] payload, CompletableFuture<TaskOutcome> outcome)
            implements Command, NoSerializationVerificationNeeded {}

    /** Sends control command {@code commandId}; {@code outcome} is completed when it ends, never exceptionally. */
    record SendCommand(String executorId, long commandId, byte[] payload, Duration timeout,
                       CompletableFuture<CommandOutcome> outcome) implements Command, NoSerializationVerificationNeeded {}

    /** From an executor: a command was applied ({@code answer}), or failed ({@code error}, its text). */
    record CommandAnswered(long commandId, String executorId, byte[] answer, String error) implements Command, EmberMessage {}

    /** Registers a listener for executors lost from now on. */
    record AddLostListener(Consumer<String> listener) implements Command, NoSerializationVerificationNeeded {}

    /** Settles every pending task as lost, completes {@code done} and stops this actor. */
    record Shutdown(CompletableFuture<Void> done) implements Command, NoSerializationVerificationNeeded {}

    /** From an executor: the runner returned {@code result}. */
    record TaskFinished(long taskId, String executorId, byte[] result) implements Command, EmberMessage {}

    /** From an executor: the runner threw; {@code error} is its stack trace. */
    record TaskCrashed(long taskId, String executorId, String error) implements Command, EmberMessage {}

    /** A command's timeout is over. */
    private record CommandTimedOut(long commandId, String executorId, Duration timeout) implements Command {}

    /** Death watch: the executor actor has stopped. */
    private record ExecutorStopped(String executorId) implements Command, EmberMessage {}

    static Behavior<Command> create(Map<String, ActorRef<ExecutorActor.Command>> executors, int cores,
                                    AtomicReference<List<ExecutorInfo>> view) {
        Map<String, ExecutorInfo> states = new LinkedHashMap<>();
        executors.forEach((id, ref) -> states.put(id,
                new ExecutorInfo(id, ref.path().toString(), cores, ExecutorInfo.State.ALIVE)));
        view.set(List.copyOf(states.values()));
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new DriverEndpoint(context, timers, executors, states, view)));
    }

    private final Map<String, ActorRef<ExecutorActor.Command>> executors;
    private final Map<String, ExecutorInfo> states;
    private final AtomicReference<List<ExecutorInfo>> view;
    private final PendingTasks<TaskOutcome> pending = PendingTasks.forTasks(taskId -> { });
    private final PendingCommands<Command> commands;
    private final List<Consumer<String>> lostListeners = new ArrayList<>();

    private DriverEndpoint(ActorContext<Command> context, TimerScheduler<Command> timers,
                           Map<String, ActorRef<ExecutorActor.Command>> executors,
                           Map<String, ExecutorInfo> states, AtomicReference<List<ExecutorInfo>> view) {
        super(context);
        this.commands = new PendingCommands<>(timers, commandId -> { });
        this.executors = executors;
        this.states = states;
        this.view = view;
        executors.forEach((id, ref) -> context.watchWith(ref, new ExecutorStopped(id)));
    }

    @Override
    // Deliberate per-message routing, like ClusterDriver's: the command entries are alike because
    // both delegate to the shared PendingCommands; each driver owns its own protocol.
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Launch.class, this::onLaunch)
                .onMessage(TaskFinished.class, this::onTaskFinished)
                .onMessage(TaskCrashed.class, this::onTaskCrashed)
                .onMessage(SendCommand.class, this::onSendCommand)
                .onMessage(CommandAnswered.class, a -> {
                    commands.answered(a.commandId(), a.executorId(), a.answer(), a.error());
                    return this;
                })
                .onMessage(CommandTimedOut.class, late -> {
                    commands.timedOut(late.commandId(), late.executorId(), late.timeout());
                    return this;
                })
                .onMessage(ExecutorStopped.class, this::onExecutorStopped)
                .onMessage(AddLostListener.class, this::onAddLostListener)
                .onMessage(Shutdown.class, this::onShutdown)
                .onSignal(PostStop.class, signal -> onPostStop())
                .build();
    }

    private Behavior<Command> onLaunch(Launch launch) {
        String id = launch.executorId();
        ExecutorInfo state = states.get(id);
        boolean alive = state != null && state.state() == ExecutorInfo.State.ALIVE;
        if (pending.admit(launch.taskId(), id, states, alive, launch.outcome())) {
            executors.get(id).tell(new ExecutorActor.LaunchTask(launch.taskId(), launch.payload(), getContext().getSelf()));
        }
        return this;
    }

    private Behavior<Command> onSendCommand(SendCommand send) {
        String id = send.executorId();
        ExecutorInfo state = states.get(id);
        boolean alive = state != null && state.state() == ExecutorInfo.State.ALIVE;
        if (commands.admit(send.commandId(), id, states, alive, send.timeout(), send.outcome(),
                new CommandTimedOut(send.commandId(), id, send.timeout()))) {
            executors.get(id).tell(new ExecutorActor.RunCommand(send.commandId(), send.payload(), getContext().getSelf()));
        }
        return this;
    }

    private Behavior<Command> onTaskFinished(TaskFinished finished) {
        pending.settle(finished.taskId(), finished.executorId(),
                new TaskOutcome.Finished(finished.executorId(), finished.result()));
        return this;
    }

    private Behavior<Command> onTaskCrashed(TaskCrashed crashed) {
        pending.settle(crashed.taskId(), crashed.executorId(),
                new TaskOutcome.Crashed(crashed.executorId(), crashed.error()));
        return this;
    }

    private Behavior<Command> onExecutorStopped(ExecutorStopped stopped) {
        String id = stopped.executorId();
        ExecutorInfo state = states.get(id);
        if (state.state() == ExecutorInfo.State.LOST) {
            return this;
        }
        states.put(id, new ExecutorInfo(id, state.address(), state.cores(), ExecutorInfo.State.LOST));
        view.set(List.copyOf(states.values()));
        for (Consumer<String> listener : lostListeners) {
            notify(listener, id);
        }
        pending.loseWhere(id::equals, "executor " + id + " was lost");
        commands.loseWhere(id::equals, "executor " + id + " was lost");
        return this;
    }

    private void notify(Consumer<String> listener, String executorId) {
        try {
            listener.accept(executorId);
        } catch (RuntimeException e) { // why: one faulty listener must not kill the driver's bookkeeping
            getContext().getLog().warn("An executor-lost listener failed for {}", executorId, e);
        }
    }

    private Behavior<Command> onAddLostListener(AddLostListener add) {
        lostListeners.add(add.listener());
        return this;
    }

    private Behavior<Command> onShutdown(Shutdown shutdown) {
        pending.loseWhere(executor -> true, "the executor runtime was closed");
        commands.loseWhere(executor -> true, "the executor runtime was closed");
        shutdown.done().complete(null);
        return Behaviors.stopped();
    }

    private Behavior<Command> onPostStop() {
        pending.loseWhere(executor -> true, "the executor runtime stopped");
        commands.loseWhere(executor -> true, "the executor runtime stopped");
        return this;
    }
}
