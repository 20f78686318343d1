package io.ember.actors.internal;

import akka.actor.Address;
import akka.actor.CoordinatedShutdown;
import akka.actor.typed.ActorRef;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AbstractBehavior;
import akka.actor.typed.javadsl.ActorContext;
import akka.actor.typed.javadsl.Behaviors;
import akka.actor.typed.javadsl.Receive;
import akka.cluster.ClusterEvent;
import akka.cluster.Member;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.Subscribe;
import io.ember.actors.internal.spi.TaskRunner;
import io.ember.actors.internal.memory.MemoryManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/*
 * Design notes
 * ------------
 * The actor at /user/worker on every worker node; drivers find it there when the node's member
 * is Up with the "worker" role. It starts one AppExecutor per application (one executor per
 * node and application, with all the node's cores). Preparing an application (downloading the
 * jars the worker lacks, making its class loader) is blocking I/O, so it runs on `setup` and
 * comes back as Prepared; a StartExecutor for an application already here is ignored.
 *
 * A worker whose seed was a driver has no cluster left once that driver leaves; when the last
 * seed node that was a driver is removed, it leaves the cluster gracefully and `rejoin` makes
 * WorkerProcess start a fresh actor system that waits at the seed address for the next driver
 * (Akka never lets a node rejoin with the same actor system).
 */
final class WorkerNode extends AbstractBehavior<WorkerNode.Command> {

    /** Messages a worker node understands. */
    interface Command {}

    /** From a driver: start an executor for its application. */
    record StartExecutor(String appId, String appName, String executorId, ActorRef<ClusterDriver.Command> driver,
                         String driverData, List<String> jars) implements Command, EmberMessage {}

    /** The application's class loader is ready, or {@code error} says why not. */
    private record Prepared(StartExecutor start, AppClassLoader loader, String error) implements Command {}

    /** Death watch: an application's executor stopped. */
    private record ExecutorEnded(String appId) implements Command {}

    /** A member left the cluster. */
    private record MemberGone(ClusterEvent.MemberRemoved removed) implements Command {}

    /** What every application on this node shares. */
    record Resources(int cores, long memory, String dataAddress, TaskRunner runner, DataClient client,
                     WorkerData data, JarCache jars, List<Address> seeds, Runnable rejoin, Consumer<String> log,
                     Executor setup) {}

    static Behavior<Command> create(Resources resources) {
        return Behaviors.setup(context -> new WorkerNode(context, resources));
    }

    private final Resources node;
    private final Map<String, ActorRef<AppExecutor.Command>> apps = new HashMap<>();

    private WorkerNode(ActorContext<Command> context, Resources node) {
        super(context);
        this.node = node;
        ActorRef<ClusterEvent.MemberRemoved> removals = context.messageAdapter(ClusterEvent.MemberRemoved.class, MemberGone::new);
        Cluster.get(context.getSystem()).subscriptions().tell(Subscribe.create(removals, ClusterEvent.MemberRemoved.class));
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(StartExecutor.class, this::onStartExecutor)
                .onMessage(Prepared.class, this::onPrepared)
                .onMessage(ExecutorEnded.class, ended -> {
                    apps.remove(ended.appId());
                    return this;
                })
                .onMessage(MemberGone.class, this::onMemberGone)
                .build();
    }

    private Behavior<Command> onStartExecutor(StartExecutor start) {
        if (apps.containsKey(start.appId())) {
            return this;
        }
        apps.put(start.appId(), null);
        ActorRef<Command> self = getContext().getSelf();
        node.setup().execute(() -> self.tell(prepare(start)));
        return this;
    }

    /** On a setup thread. */
    private Prepared prepare(StartExecutor start) {
        try {
            List<Path> jars = node.jars().jarsFor(start.jars(), node.client(), start.driverData(), start.appId());
            ClassLoader engine = node.runner().getClass().getClassLoader();
            AppClassLoader loader = new AppClassLoader(start.appId(), jars, engine, name -> {
                try {
                    return node.client().get(start.driverData(), DataServer.OP_CLASS, start.appId(), name);
                } catch (DataClient.Missing e) {
                    if (e.failed()) {
                        throw e;
                    }
                    return null;
                }
            });
            return new Prepared(start, loader, null);
        } catch (IOException | RuntimeException e) {
            return new Prepared(start, null, "cannot prepare application " + start.appId() + ": " + e);
        }
    }

    private Behavior<Command> onPrepared(Prepared prepared) {
        StartExecutor start = prepared.start();
        if (prepared.error() != null) {
            apps.remove(start.appId());
            node.log().accept(prepared.error());
            start.driver().tell(new ClusterDriver.ExecutorFailed(start.executorId(), prepared.error()));
            return this;
        }
        AppExecutor.Resources resources = new AppExecutor.Resources(start.appId(), start.appName(), start.executorId(),
                start.driver(), start.driverData(), ExecutorSlot.create(start.executorId(), node.cores(),
                        MemoryManager.forHeap(Runtime.getRuntime().maxMemory(), MemoryManager.DEFAULT_FRACTION,
                                MemoryManager.DEFAULT_STORAGE_FRACTION)),
                prepared.loader(), node.runner(), node.client(), node.data(), node.dataAddress(), node.memory(),
                node.log());
        ActorRef<AppExecutor.Command> executor = getContext().spawn(AppExecutor.create(resources), start.appId());
        getContext().watchWith(executor, new ExecutorEnded(start.appId()));
        apps.put(start.appId(), executor);
        return this;
    }

    private Behavior<Command> onMemberGone(MemberGone gone) {
        Member member = gone.removed().member();
        if (!member.hasRole(ClusterConfig.DRIVER_ROLE) || !node.seeds().contains(member.address())) {
            return this;
        }
        for (Member remaining : Cluster.get(getContext().getSystem()).state().getMembers()) {
            if (node.seeds().contains(remaining.address()) && !remaining.address().equals(member.address())) {
                return this;
            }
        }
        node.log().accept("the seed driver " + member.address() + " left; rejoining " + node.seeds()
                + " to wait for the next driver");
        node.rejoin().run();
        CoordinatedShutdown.get(getContext().getSystem()).runAll(CoordinatedShutdown.clusterLeavingReason());
        return this;
    }
}
