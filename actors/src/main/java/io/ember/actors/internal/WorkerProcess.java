package io.ember.actors.internal;

import akka.actor.BootstrapSetup;
import akka.actor.CoordinatedShutdown;
import akka.actor.setup.ActorSystemSetup;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Adapter;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.JoinSeedNodes;
import io.ember.actors.TaskRunner;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A worker node's life: joins the cluster, serves applications, and decides how the process
 * ends. Started by {@code io.ember.actors.cluster.EmberWorker}.
 */
public final class WorkerProcess {

    /*
     * Design notes
     * ------------
     * The data server, its client, the jar cache and the setup pool live as long as the process;
     * an actor system lives as long as one membership of this node. The loop runs on the thread
     * "ember-worker-main"; when the current system terminates:
     *  - rejoin requested (the seed driver left, see WorkerNode): start a new system on the
     *    same address and join the seeds again;
     *  - stop() was called, or the JVM is stopping (SIGTERM: coordinated shutdown has left the
     *    cluster gracefully): exit 0;
     *  - anything else means the cluster removed this node: downed by the split-brain resolver
     *    (cut off or too slow), or quarantined by a peer. Such a node must not linger half-alive:
     *    exit with EXIT_REMOVED so that a supervisor restarts it as a fresh member.
     * The digests of the worker's own class path (to know which of a driver's jars it lacks) are
     * computed in the background from the start.
     */

    /** Exit status of a node the cluster removed (downed or quarantined): restart it. */
    public static final int EXIT_REMOVED = 3;
    /** Exit status for a bad command line or secret. */
    public static final int EXIT_USAGE = 2;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final WorkerSettings settings;
    private final ClusterTls tls;
    private final TaskRunner runner;
    private final Consumer<String> log;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile ActorSystem<Void> system;
    private volatile boolean stopping;

    private WorkerProcess(WorkerSettings settings, ClusterTls tls, TaskRunner runner, Consumer<String> log) {
        this.settings = settings;
        this.tls = tls;
        this.runner = runner;
        this.log = log;
    }

    /** The command line's options. */
    public static String usage() {
        return WorkerSettings.USAGE;
    }

    /** Runs a worker with these command-line arguments until it must exit; returns the exit status. */
    public static int run(String[] args, TaskRunner runner) {
        WorkerProcess worker;
        try {
            worker = start(WorkerSettings.parse(args), runner,
                    message -> System.out.println("[ember-worker " + LocalTime.now().format(TIME) + "] " + message));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("ember-worker: " + e.getMessage());
            System.err.print(WorkerSettings.USAGE);
            return EXIT_USAGE;
        }
        return worker.awaitExit();
    }

    /** Starts a worker in this JVM (also used by tests); returns once its loop runs. */
    static WorkerProcess start(WorkerSettings settings, TaskRunner runner, Consumer<String> log) {
        WorkerProcess worker = new WorkerProcess(settings, ClusterTls.create(ClusterSecret.resolve(settings.secret())),
                runner, log);
        Thread main = new Thread(worker::loop, "ember-worker-main");
        main.start();
        return worker;
    }

    /** Waits until the worker has stopped; its exit status. */
    int awaitExit() {
        return exit.join();
    }

    /** Leaves the cluster gracefully and stops; returns the exit status. */
    int stop() {
        stopping = true;
        ActorSystem<Void> current = system;
        if (current != null) {
            CoordinatedShutdown.get(current).runAll(CoordinatedShutdown.unknownReason());
        }
        return awaitExit();
    }

    private void loop() {
        CompletableFuture<Set<String>> localJars = CompletableFuture.supplyAsync(() -> {
            Set<String> digests = new HashSet<>();
            ClassPathJars.of(List.of()).forEach(jar -> digests.add(jar.sha256()));
            return digests;
        });
        WorkerData data = new WorkerData();
        ExecutorService setup = Executors.newCachedThreadPool(ClusterExecutorRuntime.daemonThreads("ember-worker-setup"));
        int status = EXIT_USAGE;
        try (DataServer server = DataServer.start(tls, settings.host(), settings.dataPort(), data);
             DataClient client = new DataClient(tls)) {
            JarCache jars = new JarCache(settings.workDir().resolve("jars"), localJars::join);
            while (true) {
                AtomicBoolean rejoin = new AtomicBoolean();
                WorkerNode.Resources resources = new WorkerNode.Resources(settings.cores(), settings.memory(),
                        settings.host() + ":" + server.port(), runner, client, data, jars,
                        ClusterConfig.addresses(settings.seeds()), () -> rejoin.set(true), log, setup);
                ActorSystem<Void> current = startNode(resources, server.port());
                system = current;
                if (stopping) {
                    CoordinatedShutdown.get(current).runAll(CoordinatedShutdown.unknownReason());
                }
                current.getWhenTerminated().toCompletableFuture().join();
                if (rejoin.get() && !stopping) {
                    continue;
                }
                Optional<CoordinatedShutdown.Reason> reason = CoordinatedShutdown.get(current).getShutdownReason();
                if (stopping || reason.isPresent() && reason.get() == CoordinatedShutdown.jvmExitReason()) {
                    log.accept("stopped");
                    status = 0;
                } else {
                    log.accept("this node was removed from the cluster (" + reason.map(Object::toString).orElse("terminated")
                            + "); exiting with status " + EXIT_REMOVED + " so that its supervisor restarts it");
                    status = EXIT_REMOVED;
                }
                return;
            }
        } catch (RuntimeException e) {
            log.accept("failed: " + e);
        } finally {
            setup.shutdownNow();
            exit.complete(status);
        }
    }

    private ActorSystem<Void> startNode(WorkerNode.Resources resources, int dataPort) {
        Behavior<Void> guardian = Behaviors.setup(context -> {
            context.spawn(WorkerNode.create(resources), "worker");
            return Behaviors.empty();
        });
        ClassLoader loader = WorkerProcess.class.getClassLoader();
        ActorSystem<Void> node = ActorSystem.create(guardian, ClusterConfig.SYSTEM_NAME, ActorSystemSetup.create(
                BootstrapSetup.create(Optional.of(loader),
                        Optional.of(ClusterConfig.node(ClusterConfig.WORKER_ROLE, settings.host(), settings.port(), true, loader)),
                        Optional.empty()),
                new SecretSslEngineProvider.TlsSetup(tls)));
        akka.cluster.Cluster.get(Adapter.toClassic(node)).registerOnMemberUp(() ->
                log.accept("Ember worker " + node.address() + " is up: " + settings.cores() + " cores, "
                        + (settings.memory() >> 20) + " MiB, data server " + settings.host() + ":" + dataPort
                        + ", seeds " + settings.seeds()));
        Cluster.get(node).manager().tell(new JoinSeedNodes(resources.seeds()));
        log.accept("joining " + settings.seeds() + " as " + node.address());
        return node;
    }
}
