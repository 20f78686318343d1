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
import io.ember.actors.internal.spi.TaskRunner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A worker node's life: joins the cluster, serves applications, and decides how the process
 * ends. Started by {@code io.ember.actors.internal.cluster.EmberWorker}.
 */
public final class WorkerProcess {

    /*
     * Design notes
     * ------------
     * The data server, its client, the jar cache and the setup pool live as long as the process;
     * an actor system lives as long as one membership of this node. The loop runs on the thread
     * "ember-worker-main"; when the current system terminates:
     *  - rejoin requested (the seed driver left, see WorkerNode): start a new system on the
     *    same address and join the seeds again. The old system gets REJOIN_TERMINATION_WAIT to
     *    terminate, no more: Akka 2.6 Artery waits without any deadline for its remoting streams
     *    to complete before it unbinds its port, and a TLS connection (Artery uses
     *    TLSClosing.IgnoreComplete) stays open until the peer closes it. When the next driver
     *    starts at the seed address while the old system is still leaving, the old system's
     *    streams to that new incarnation (and its handshake back to us) never complete, so the
     *    old system never terminates and keeps the port bound; measured here: most rejoins take
     *    1-2 s, a few never finish. So after the wait the new system starts regardless: on the
     *    configured port if it is free again, otherwise on any free port (drivers find workers
     *    through cluster membership, not by port), and the stuck system is left to finish on
     *    its own (its actors are already stopped; its threads are daemons);
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
    /** How long a rejoin waits for the old actor system to terminate (see the design notes). */
    private static final Duration REJOIN_TERMINATION_WAIT = Duration.ofSeconds(8);
    /**
     * How long a stopping worker waits for its actor system to terminate: Akka's own shutdown can
     * hang (Artery waiting for peers that are gone), and a stop must end.
     */
    private static final Duration STOP_TERMINATION_WAIT = Duration.ofSeconds(20);

    private final WorkerSettings settings;
    private final ClusterTls tls;
    private final TaskRunner runner;
    private final Consumer<String> log;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private volatile ActorSystem<Void> system;
    private volatile boolean stopping;
    /** Completed by {@link #stop}, so the loop's wait for its node ends even if Akka never terminates. */
    private final CompletableFuture<Void> stopRequested = new CompletableFuture<>();

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
        stopRequested.complete(null);
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
            int port = settings.port();
            while (true) {
                CompletableFuture<Void> rejoin = new CompletableFuture<>();
                WorkerNode.Resources resources = new WorkerNode.Resources(settings.cores(), settings.memory(),
                        settings.host() + ":" + server.port(), runner, client, data, jars,
                        ClusterConfig.addresses(settings.seeds()), () -> rejoin.complete(null), log, setup);
                ActorSystem<Void> current = startNode(resources, port, server.port());
                system = current;
                if (stopping) {
                    CoordinatedShutdown.get(current).runAll(CoordinatedShutdown.unknownReason());
                }
                CompletableFuture<?> terminated = current.getWhenTerminated().toCompletableFuture();
                CompletableFuture.anyOf(terminated, rejoin, stopRequested).join();
                if (rejoin.isDone() && !stopping) {
                    port = awaitRejoin(current, terminated);
                    continue;
                }
                awaitTermination(current, terminated);
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

    /**
     * Waits for {@code current} to terminate: for as long as it takes while the cluster ends it,
     * at most STOP_TERMINATION_WAIT once the worker is stopping (then it is left behind, logged).
     */
    private void awaitTermination(ActorSystem<Void> current, CompletableFuture<?> terminated) {
        if (!stopping) {
            terminated.join();
            return;
        }
        try {
            terminated.get(STOP_TERMINATION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.accept("the actor system " + current.address() + " has not terminated " + STOP_TERMINATION_WAIT.toSeconds()
                    + " s after the stop; stopping without it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping", e);
        } catch (ExecutionException e) {
            // why: whenTerminated never fails; should it, the system is gone all the same
            log.accept("the actor system " + current.address() + " ended with " + e.getCause());
        }
    }

    /**
     * Waits at most REJOIN_TERMINATION_WAIT for the old system; the Akka port for the next one:
     * the configured port if it is free, otherwise 0 (any free port).
     */
    private int awaitRejoin(ActorSystem<Void> old, CompletableFuture<?> terminated) {
        try {
            terminated.get(REJOIN_TERMINATION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return settings.port();
        } catch (TimeoutException e) {
            if (portFree(settings.host(), settings.port())) {
                log.accept("the previous actor system " + old.address() + " has not terminated after "
                        + REJOIN_TERMINATION_WAIT.toSeconds() + " s, but its port is free: rejoining anyway");
                return settings.port();
            }
            log.accept("the previous actor system " + old.address() + " has not terminated after "
                    + REJOIN_TERMINATION_WAIT.toSeconds() + " s and still holds port " + settings.port()
                    + " (Artery waits for remoting connections to a restarted peer): rejoining on another port");
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rejoining", e);
        } catch (ExecutionException e) {
            // why: whenTerminated never fails; should it, the old system is gone all the same
            return settings.port();
        }
    }

    /** Whether {@code host:port} can be bound now (a probe, closed at once). */
    private static boolean portFree(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private ActorSystem<Void> startNode(WorkerNode.Resources resources, int port, int dataPort) {
        Behavior<Void> guardian = Behaviors.setup(context -> {
            context.spawn(WorkerNode.create(resources), "worker");
            return Behaviors.empty();
        });
        ClassLoader loader = WorkerProcess.class.getClassLoader();
        ActorSystem<Void> node = ActorSystem.create(guardian, ClusterConfig.SYSTEM_NAME, ActorSystemSetup.create(
                BootstrapSetup.create(Optional.of(loader),
                        Optional.of(ClusterConfig.node(ClusterConfig.WORKER_ROLE, settings.host(), port, true, loader)),
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
