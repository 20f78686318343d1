package io.ember.actors.internal;

import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.PostStop;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import io.ember.actors.internal.spi.TaskRunner;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/*
 * Design notes
 * ------------
 * One application's executor on a worker node, a child of WorkerNode. It announces itself to
 * the driver (ExecutorStarted) and watches it: when the driver's node leaves the cluster or is
 * downed, or its driver actor stops, the application is over here too. Like ExecutorActor, the
 * message thread only does bookkeeping; tasks run on the slot's worker pool (control commands
 * on its control thread), and that thread sends the outcome to the driver itself.
 *
 * Large messages stay off Akka: a task whose payload the driver could not inline arrives with
 * a null payload and is fetched from the driver's data server; a result larger than
 * ClusterDriver.INLINE_LIMIT is kept in `results` (served by WorkerData) and only its size is
 * sent.
 *
 * PostStop frees everything the application held on this node: the running tasks (interrupted;
 * their late outcomes are dropped through `stopping`), the blocks, the stored results, the
 * registration with the data server, and the application's class loader.
 */
final class AppExecutor extends AbstractBehavior<AppExecutor.Command> {

    /** Messages an application's executor understands. */
    interface Command extends EmberMessage {}

    /** Runs a task; a null {@code payload} is fetched from the driver's data server. */
    record LaunchTask(long taskId, byte[] payload) implements Command {}

    /** Applies a control command on the control thread; a null {@code payload} is fetched from the driver's data server. */
    record RunCommand(long commandId, byte[] payload) implements Command {}

    /** The data addresses of the application's live executors, by executor id. */
    record UpdatePeers(Map<String, String> peers) implements Command {}

    /** Interrupts the thread running a task (its job was cancelled); its outcome is still reported. */
    record KillTask(long taskId) implements Command {}

    /** Stops this executor (the application ended, or the driver gave it up). */
    record StopExecutor(String reason) implements Command {}

    /** From a worker thread: a task ended (its outcome is already on its way to the driver). */
    private record TaskDone(long taskId) implements Command {}

    /** Death watch: the driver is gone. */
    private record DriverLost() implements Command {}

    /** What WorkerNode prepared for one application. */
    record Resources(String appId, String appName, String executorId, ActorRef<ClusterDriver.Command> driver,
                     String driverData, ExecutorSlot slot, AppClassLoader loader, TaskRunner runner,
                     DataClient client, WorkerData data, String dataAddress, long memory, Consumer<String> log) {}

    static Behavior<Command> create(Resources resources) {
        return Behaviors.setup(context -> new AppExecutor(context, resources));
    }

    private final Resources app;
    private final AppExecutorServices services;
    private final Map<Long, byte[]> results = new ConcurrentHashMap<>();
    private final WorkerData.App registration;
    private volatile boolean stopping;
    private String endReason = "the worker stopped";
    private int running;

    private AppExecutor(ActorContext<Command> context, Resources app) {
        super(context);
        this.app = app;
        this.services = new AppExecutorServices(app.appId(), app.executorId(), app.slot().blockStore(), app.loader(),
                app.slot().memory(), app.client(), (peer, reason) -> app.driver().tell(new ClusterDriver.PeerUnreachable(peer, reason)));
        this.registration = new WorkerData.App(app.slot().blockStore(), results);
        app.data().register(app.appId(), registration);
        context.watchWith(app.driver(), new DriverLost());
        app.driver().tell(new ClusterDriver.ExecutorStarted(app.executorId(), context.getSelf(), app.dataAddress(),
                app.slot().cores(), app.memory()));
        app.log().accept("application " + app.appId() + " (" + app.appName() + ") started executor " + app.executorId());
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(LaunchTask.class, this::onLaunchTask)
                .onMessage(RunCommand.class, this::onRunCommand)
                .onMessage(TaskDone.class, done -> {
                    running--;
                    return this;
                })
                .onMessage(UpdatePeers.class, update -> {
                    services.updatePeers(update.peers());
                    return this;
                })
                .onMessage(KillTask.class, kill -> {
                    app.slot().tasks().interrupt(kill.taskId());
                    return this;
                })
                .onMessage(StopExecutor.class, stop -> stop(stop.reason()))
                .onMessage(DriverLost.class, lost -> stop("the driver is gone"))
                .onSignal(PostStop.class, signal -> onPostStop())
                .build();
    }

    private Behavior<Command> onLaunchTask(LaunchTask launch) {
        running++;
        ActorRef<Command> self = getContext().getSelf();
        app.slot().tasks().queued(launch.taskId());
        app.slot().workers().execute(() -> runTask(launch, self));
        return this;
    }

    private Behavior<Command> onRunCommand(RunCommand run) {
        app.slot().control().execute(() -> {
            TaskExecution.Ended ended = TaskExecution.call(() -> app.runner().runCommand(payloadOf(run.commandId(),
                    run.payload()), services));
            if (!stopping) {
                app.driver().tell(new ClusterDriver.CommandAnswered(run.commandId(), app.executorId(), ended.result(),
                        ended.crash()));
            }
        });
        return this;
    }

    /** {@code payload}, or, if the driver could not inline it, the bytes its data server holds for {@code id}. */
    private byte[] payloadOf(long id, byte[] payload) throws IOException {
        return payload != null ? payload : app.client().get(app.driverData(), DataServer.OP_TASK, app.appId(), Long.toString(id));
    }

    private Behavior<Command> stop(String reason) {
        endReason = reason;
        return Behaviors.stopped();
    }

    private Behavior<Command> onPostStop() {
        stopping = true;
        app.slot().workers().shutdownNow();
        app.slot().control().shutdownNow();
        app.data().unregister(app.appId(), registration);
        app.slot().blockStore().clear();
        results.clear();
        try {
            app.loader().close();
        } catch (IOException e) {
            // why: the loader's jars stay in the cache; failing to close one is harmless
        }
        app.slot().stopped().complete(null);
        app.log().accept("application " + app.appId() + " ended (" + endReason + "): freed executor "
                + app.executorId() + (running > 0 ? ", interrupted " + running + " task(s)" : ""));
        return this;
    }

    /** On a worker thread: touches only final fields and `stopping`. */
    private void runTask(LaunchTask launch, ActorRef<Command> self) {
        long taskId = launch.taskId();
        String id = app.executorId();
        TaskExecution.Ended ended = TaskExecution.run(app.slot().tasks(), taskId, () -> {
            return app.runner().run(payloadOf(taskId, launch.payload()), services);
        });
        ClusterDriver.Command outcome;
        if (ended.crash() != null) {
            outcome = new ClusterDriver.TaskCrashed(taskId, id, ended.crash());
        } else if (ended.result().length <= ClusterDriver.INLINE_LIMIT) {
            outcome = new ClusterDriver.TaskFinished(taskId, id, ended.result());
        } else {
            results.put(taskId, ended.result());
            outcome = new ClusterDriver.TaskResultStored(taskId, id, ended.result().length);
        }
        if (stopping) {
            return;
        }
        app.driver().tell(outcome);
        self.tell(new TaskDone(taskId));
    }
}
