package io.ember.actors.internal;

import akka.actor.NoSerializationVerificationNeeded;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.actor.typed.javadsl.TimerScheduler;
import akka.cluster.ClusterEvent;
import akka.cluster.Member;
import akka.cluster.MemberStatus;
import akka.cluster.UniqueAddress;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.SelfUp;
import akka.cluster.typed.Subscribe;
import io.ember.actors.internal.spi.CommandOutcome;
import io.ember.actors.ExecutorInfo;
import io.ember.actors.internal.spi.TaskOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/*
 * Design notes
 * ------------
 * The driver's side of a cluster application, and the single owner of its bookkeeping: the
 * executors (starting, alive, lost), the pending tasks (a PendingTasks table, the same as
 * DriverEndpoint's), the listeners. Like DriverEndpoint, it
 * is reached by messages only and publishes one immutable List<ExecutorInfo> (`view`).
 *
 * Executors: once this node is Up, every member that is Up with the "worker" role gets a
 * StartExecutor at /user/worker (members Up now, and those that join later: a worker that
 * joins mid-application receives tasks). `initial` completes when the workers that were Up
 * when the driver joined have answered, so that a new context sees them at once.
 *
 * Loss: every executor is death-watched. A remote watch fires when the executor stops, and
 * when its node is removed from the cluster, which the split-brain resolver does once
 * heartbeats have failed for long enough (ClusterConfig): liveness is Akka Cluster's
 * membership. Besides, an executor whose data server refuses a peer (PeerUnreachable) is
 * probed by the driver itself; if the driver cannot reach it either, it is lost for this
 * application at once (and told to stop, in case it still runs), so that all of its shuffle
 * outputs are given up together. On loss: mark LOST, publish, call the listeners, then settle
 * its pending tasks as ExecutorLost, in that order.
 *
 * The data path: payloads above INLINE_LIMIT wait in `payloads` (served by DriverData) for as
 * long as their task is pending; results above it are fetched on `io` and come back as
 * ResultFetched. Futures are completed on this actor's thread (callbacks must be quick).
 *
 * Control commands follow DriverEndpoint's rules (a table of their own, RunCommand on the
 * executor's control thread, a timer per command); a large one travels on the data path as a
 * task payload does, under its own (negative) id.
 */
final class ClusterDriver extends AbstractBehavior<ClusterDriver.Command> {

    /** Task payloads and results above this size travel on the data path, not in Akka messages. */
    static final int INLINE_LIMIT = 128 * 1024;

    /** Messages the cluster driver understands. */
    interface Command {}

    /** Launches a task; {@code outcome} is completed when it ends, never exceptionally. */
    record Launch(String executorId, long taskId, byte[] payload, CompletableFuture<TaskOutcome> outcome)
            implements Command, NoSerializationVerificationNeeded {}

    /** Registers listeners; each is first told of the executors already added (or lost). */
    record AddListeners(Consumer<ExecutorInfo> added, Consumer<String> lost)
            implements Command, NoSerializationVerificationNeeded {}

    /** Sends control command {@code commandId}; {@code outcome} is completed when it ends, never exceptionally. */
    record SendCommand(String executorId, long commandId, byte[] payload, Duration timeout,
                       CompletableFuture<CommandOutcome> outcome) implements Command, NoSerializationVerificationNeeded {}

    /** From an executor: a command was applied ({@code answer}), or failed ({@code error}, its text). */
    record CommandAnswered(long commandId, String executorId, byte[] answer, String error) implements Command, EmberMessage {}

    /** Gives an executor up as if it had crashed, and tells it to stop. */
    record Kill(String executorId, CompletableFuture<Boolean> known) implements Command, NoSerializationVerificationNeeded {}

    /** Interrupts a running task on its executor (its job was cancelled). */
    record KillTask(String executorId, long taskId) implements Command, NoSerializationVerificationNeeded {}

    /** Stops every executor, settles every pending task, completes {@code done} and stops. */
    record Shutdown(CompletableFuture<Void> done) implements Command, NoSerializationVerificationNeeded {}

    /** From a worker node: the application's executor runs there. */
    record ExecutorStarted(String executorId, ActorRef<AppExecutor.Command> executor, String dataAddress, int cores,
                           long memory) implements Command, EmberMessage {}

    /** From a worker node: the executor could not start. */
    record ExecutorFailed(String executorId, String reason) implements Command, EmberMessage {}

    /** From an executor: the runner returned {@code result}. */
    record TaskFinished(long taskId, String executorId, byte[] result) implements Command, EmberMessage {}

    /** From an executor: the result, {@code size} bytes, waits on its data server. */
    record TaskResultStored(long taskId, String executorId, int size) implements Command, EmberMessage {}

    /** From an executor: the runner threw; {@code error} is its stack trace. */
    record TaskCrashed(long taskId, String executorId, String error) implements Command, EmberMessage {}

    /** From an executor: the data server of {@code executorId} could not be reached. */
    record PeerUnreachable(String executorId, String reason) implements Command, EmberMessage {}

    private record SelfIsUp(SelfUp up) implements Command {}

    private record CommandTimedOut(long commandId, String executorId, Duration timeout) implements Command {}

    private record MemberChanged(ClusterEvent.MemberEvent event) implements Command {}

    private record ExecutorTerminated(String executorId) implements Command {}

    private record ResultFetched(long taskId, String executorId, byte[] result, String error, boolean unreachable)
            implements Command {}

    private record DataPathDead(String executorId, String reason) implements Command {}

    private record Remote(ActorRef<AppExecutor.Command> ref, String dataAddress) {}

    /** What the runtime gives the driver actor. */
    record Resources(String appId, String appName, String dataAddress, List<String> jars, DataClient client,
                     Map<Long, byte[]> payloads, Executor io, AtomicReference<List<ExecutorInfo>> view,
                     CompletableFuture<Void> up, CompletableFuture<Void> initial) {}

    static Behavior<Command> create(Resources resources) {
        resources.view().set(List.of());
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> new ClusterDriver(context, timers, resources)));
    }

    private final Resources app;
    private final Map<String, ExecutorInfo> states = new LinkedHashMap<>();
    private final Map<String, Remote> alive = new HashMap<>();
    private final Map<UniqueAddress, String> executorOfMember = new HashMap<>();
    private final Map<String, UniqueAddress> starting = new HashMap<>();
    private final PendingTasks<TaskOutcome> pending;
    private final PendingCommands<Command> commands;
    private final Set<String> probing = new HashSet<>();
    private final List<Consumer<ExecutorInfo>> addedListeners = new ArrayList<>();
    private final List<Consumer<String>> lostListeners = new ArrayList<>();
    private int nextExecutor;
    private boolean up;
    private boolean shutDown;

    private ClusterDriver(ActorContext<Command> context, TimerScheduler<Command> timers, Resources app) {
        super(context);
        this.app = app;
        // why: a payload waits on the data path exactly as long as its task (or command) is pending
        this.pending = PendingTasks.forTasks(taskId -> app.payloads().remove(taskId));
        this.commands = new PendingCommands<>(timers, commandId -> app.payloads().remove(commandId));
        ActorRef<SelfUp> selfUp = context.messageAdapter(SelfUp.class, SelfIsUp::new);
        Cluster.get(context.getSystem()).subscriptions().tell(Subscribe.create(selfUp, SelfUp.class));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(SelfIsUp.class, this::onSelfUp)
                .onMessage(MemberChanged.class, this::onMemberChanged)
                .onMessage(ExecutorStarted.class, this::onExecutorStarted)
                .onMessage(ExecutorFailed.class, this::onExecutorFailed)
                .onMessage(Launch.class, this::onLaunch)
                .onMessage(TaskFinished.class, f -> settle(f.taskId(), f.executorId(),
                        new TaskOutcome.Finished(f.executorId(), f.result())))
                .onMessage(TaskCrashed.class, c -> settle(c.taskId(), c.executorId(),
                        new TaskOutcome.Crashed(c.executorId(), c.error())))
                .onMessage(TaskResultStored.class, this::onTaskResultStored)
                .onMessage(SendCommand.class, this::onSendCommand)
                .onMessage(CommandAnswered.class, a -> {
                    commands.answered(a.commandId(), a.executorId(), a.answer(), a.error());
                    return this;
                })
                .onMessage(CommandTimedOut.class, late -> {
                    commands.timedOut(late.commandId(), late.executorId(), late.timeout());
                    return this;
                })
                .onMessage(ResultFetched.class, this::onResultFetched)
                .onMessage(PeerUnreachable.class, this::onPeerUnreachable)
                .onMessage(DataPathDead.class, dead -> markLost(dead.executorId(), dead.reason()))
                .onMessage(ExecutorTerminated.class, t -> markLost(t.executorId(), "its node left the cluster or it stopped"))
                .onMessage(AddListeners.class, this::onAddListeners)
                .onMessage(Kill.class, this::onKill)
                .onMessage(KillTask.class, this::onKillTask)
                .onMessage(Shutdown.class, this::onShutdown)
                .onSignal(PostStop.class, signal -> onPostStop())
                .build();
    }

    // ---- membership and executors ---------------------------------------------------------------

    private Behavior<Command> onSelfUp(SelfIsUp selfUp) {
        if (up) {
            return this;
        }
        up = true;
        for (Member member : selfUp.up().currentClusterState().getMembers()) {
            startExecutorOn(member);
        }
        ActorRef<ClusterEvent.MemberEvent> events = getContext().messageAdapter(ClusterEvent.MemberEvent.class, MemberChanged::new);
        Cluster.get(getContext().getSystem()).subscriptions().tell(Subscribe.create(events, ClusterEvent.MemberEvent.class));
        app.up().complete(null);
        checkInitial();
        return this;
    }

    private Behavior<Command> onMemberChanged(MemberChanged changed) {
        ClusterEvent.MemberEvent event = changed.event();
        if (event instanceof ClusterEvent.MemberUp) {
            startExecutorOn(event.member());
        } else if (event instanceof ClusterEvent.MemberRemoved) {
            String executorId = executorOfMember.get(event.member().uniqueAddress());
            if (executorId != null && starting.remove(executorId) != null) {
                checkInitial();
            }
        }
        return this;
    }

    private void startExecutorOn(Member member) {
        if (member.status() != MemberStatus.up() || !member.hasRole(ClusterConfig.WORKER_ROLE)
                || executorOfMember.containsKey(member.uniqueAddress())) {
            return;
        }
        String executorId = "exec-" + nextExecutor++;
        executorOfMember.put(member.uniqueAddress(), executorId);
        starting.put(executorId, member.uniqueAddress());
        ActorRef<WorkerNode.Command> worker = ActorRefResolver.get(getContext().getSystem())
                .resolveActorRef(member.address() + "/user/worker");
        worker.tell(new WorkerNode.StartExecutor(app.appId(), app.appName(), executorId, getContext().getSelf(),
                app.dataAddress(), new ArrayList<>(app.jars())));
    }

    private Behavior<Command> onExecutorStarted(ExecutorStarted started) {
        String id = started.executorId();
        if (starting.remove(id) == null) {
            started.executor().tell(new AppExecutor.StopExecutor("the driver no longer expects executor " + id));
            return this;
        }
        alive.put(id, new Remote(started.executor(), started.dataAddress()));
        ExecutorInfo info = new ExecutorInfo(id, started.executor().path().toString(), started.cores(),
                started.memory(), ExecutorInfo.State.ALIVE);
        states.put(id, info);
        getContext().watchWith(started.executor(), new ExecutorTerminated(id));
        publish();
        sendPeers();
        for (Consumer<ExecutorInfo> listener : addedListeners) {
            notify(() -> listener.accept(info));
        }
        checkInitial();
        return this;
    }

    private Behavior<Command> onExecutorFailed(ExecutorFailed failed) {
        if (starting.remove(failed.executorId()) != null) {
            getContext().getLog().warn("Executor {} could not start: {}", failed.executorId(), failed.reason());
            checkInitial();
        }
        return this;
    }

    private void checkInitial() {
        if (up && starting.isEmpty()) {
            app.initial().complete(null);
        }
    }

    /** Every live executor learns where every live executor's blocks are served. */
    private void sendPeers() {
        HashMap<String, String> peers = new HashMap<>();
        alive.forEach((id, remote) -> peers.put(id, remote.dataAddress()));
        for (Remote remote : alive.values()) {
            remote.ref().tell(new AppExecutor.UpdatePeers(peers));
        }
    }

    private void publish() {
        app.view().set(List.copyOf(states.values()));
    }

    // ---- tasks ------------------------------------------------------------------------------------

    private Behavior<Command> onLaunch(Launch launch) {
        String id = launch.executorId();
        Remote remote = alive.get(id);
        if (pending.admit(launch.taskId(), id, states, remote != null, launch.outcome())) {
            if (launch.payload().length <= INLINE_LIMIT) {
                remote.ref().tell(new AppExecutor.LaunchTask(launch.taskId(), launch.payload()));
            } else {
                app.payloads().put(launch.taskId(), launch.payload());
                remote.ref().tell(new AppExecutor.LaunchTask(launch.taskId(), null));
            }
        }
        return this;
    }

    private Behavior<Command> onSendCommand(SendCommand send) {
        String id = send.executorId();
        Remote remote = alive.get(id);
        if (commands.admit(send.commandId(), id, states, remote != null, send.timeout(), send.outcome(),
                new CommandTimedOut(send.commandId(), id, send.timeout()))) {
            if (send.payload().length <= INLINE_LIMIT) {
                remote.ref().tell(new AppExecutor.RunCommand(send.commandId(), send.payload()));
            } else {
                app.payloads().put(send.commandId(), send.payload());
                remote.ref().tell(new AppExecutor.RunCommand(send.commandId(), null));
            }
        }
        return this;
    }

    private Behavior<Command> settle(long taskId, String executorId, TaskOutcome outcome) {
        pending.settle(taskId, executorId, outcome);
        return this;
    }

    private Behavior<Command> onTaskResultStored(TaskResultStored stored) {
        Remote remote = alive.get(stored.executorId());
        if (remote == null || !pending.isPendingOn(stored.taskId(), stored.executorId())) {
            return this;
        }
        ActorRef<Command> self = getContext().getSelf();
        app.io().execute(() -> {
            try {
                byte[] result = app.client().get(remote.dataAddress(), DataServer.OP_RESULT, app.appId(),
                        Long.toString(stored.taskId()));
                self.tell(new ResultFetched(stored.taskId(), stored.executorId(), result, null, false));
            } catch (DataClient.Unreachable e) {
                self.tell(new ResultFetched(stored.taskId(), stored.executorId(), null, e.getMessage(), true));
            } catch (IOException e) {
                self.tell(new ResultFetched(stored.taskId(), stored.executorId(), null, e.getMessage(), false));
            }
        });
        return this;
    }

    private Behavior<Command> onResultFetched(ResultFetched fetched) {
        if (fetched.result() != null) {
            return settle(fetched.taskId(), fetched.executorId(), new TaskOutcome.Finished(fetched.executorId(), fetched.result()));
        }
        if (fetched.unreachable()) {
            return markLost(fetched.executorId(), "its data server is unreachable: " + fetched.error());
        }
        return settle(fetched.taskId(), fetched.executorId(), new TaskOutcome.Crashed(fetched.executorId(),
                "the task's result could not be fetched: " + fetched.error()));
    }

    // ---- loss -------------------------------------------------------------------------------------

    private Behavior<Command> onPeerUnreachable(PeerUnreachable report) {
        Remote remote = alive.get(report.executorId());
        if (remote == null || !probing.add(report.executorId())) {
            return this;
        }
        ActorRef<Command> self = getContext().getSelf();
        app.io().execute(() -> {
            app.client().forget(remote.dataAddress());
            if (!app.client().ping(remote.dataAddress())) {
                self.tell(new DataPathDead(report.executorId(), "its data server is unreachable (" + report.reason() + ")"));
            }
        });
        return this;
    }

    private Behavior<Command> markLost(String id, String reason) {
        probing.remove(id);
        Remote remote = alive.remove(id);
        if (remote == null) {
            return this;
        }
        remote.ref().tell(new AppExecutor.StopExecutor("the driver gave it up: " + reason));
        getContext().unwatch(remote.ref());
        app.client().forget(remote.dataAddress());
        ExecutorInfo state = states.get(id);
        states.put(id, new ExecutorInfo(id, state.address(), state.cores(), state.memory(), ExecutorInfo.State.LOST));
        publish();
        for (Consumer<String> listener : lostListeners) {
            notify(() -> listener.accept(id));
        }
        pending.loseWhere(id::equals, "executor " + id + " was lost: " + reason);
        commands.loseWhere(id::equals, "executor " + id + " was lost: " + reason);
        sendPeers();
        return this;
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) { // why: one faulty listener must not kill the driver's bookkeeping
            getContext().getLog().warn("An executor listener failed", e);
        }
    }

    private Behavior<Command> onAddListeners(AddListeners add) {
        if (add.added() != null) {
            addedListeners.add(add.added());
            for (ExecutorInfo info : states.values()) {
                if (info.state() == ExecutorInfo.State.ALIVE) {
                    notify(() -> add.added().accept(info));
                }
            }
        }
        if (add.lost() != null) {
            lostListeners.add(add.lost());
            for (ExecutorInfo info : states.values()) {
                if (info.state() == ExecutorInfo.State.LOST) {
                    notify(() -> add.lost().accept(info.id()));
                }
            }
        }
        return this;
    }

    private Behavior<Command> onKill(Kill kill) {
        boolean known = states.containsKey(kill.executorId());
        if (known) {
            markLost(kill.executorId(), "killed");
        }
        kill.known().complete(known);
        return this;
    }

    private Behavior<Command> onKillTask(KillTask kill) {
        Remote remote = alive.get(kill.executorId());
        if (remote != null) {
            remote.ref().tell(new AppExecutor.KillTask(kill.taskId()));
        }
        return this;
    }

    private Behavior<Command> onShutdown(Shutdown shutdown) {
        shutDown = true;
        for (Remote remote : alive.values()) {
            remote.ref().tell(new AppExecutor.StopExecutor("the application ended"));
        }
        pending.loseWhere(executor -> true, "the executor runtime was closed");
        commands.loseWhere(executor -> true, "the executor runtime was closed");
        shutdown.done().complete(null);
        return Behaviors.stopped();
    }

    /** Also reached when the node is downed: every executor is then lost to this application. */
    private Behavior<Command> onPostStop() {
        if (!shutDown) {
            for (String id : new ArrayList<>(alive.keySet())) {
                markLost(id, "this driver left the cluster");
            }
        }
        pending.loseWhere(executor -> true, "the executor runtime stopped");
        commands.loseWhere(executor -> true, "the executor runtime stopped");
        app.up().completeExceptionally(new IllegalStateException("the driver stopped before joining the cluster"));
        app.initial().complete(null);
        return this;
    }
}
