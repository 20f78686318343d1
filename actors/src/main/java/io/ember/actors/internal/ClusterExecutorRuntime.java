package io.ember.actors.internal;

import akka.actor.BootstrapSetup;
import akka.actor.CoordinatedShutdown;
import akka.actor.setup.ActorSystemSetup;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.Behaviors;
import akka.cluster.typed.Cluster;
import akka.cluster.typed.JoinSeedNodes;
import akka.event.EventStream;
import akka.event.Logging;
import io.ember.actors.internal.spi.CommandOutcome;
import io.ember.actors.ExecutorInfo;
import io.ember.actors.internal.spi.ExecutorRuntime;
import io.ember.actors.internal.spi.TaskOutcome;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code ember://host:port}: the driver joins an Akka Cluster of worker nodes and runs its tasks
 * on one executor per worker node. Thread-safe.
 *
 * <p>Starting returns once this node is Up in the cluster and the workers that were Up then
 * have started their executors; workers that join later are added as they come.
 */
public final class ClusterExecutorRuntime implements ExecutorRuntime {

    /*
     * Design notes
     * ------------
     * This node: an actor system named "ember" with the "driver" role (ClusterConfig), whose
     * guardian spawns the ClusterDriver actor, plus a data server (DriverData) for task
     * payloads, jars and class bytes, and a small `io` pool for the driver's own data-path
     * requests. Launches pass a LaunchGate, as in LocalExecutorRuntime: every
     * Launch that passed the check reaches the driver actor before Shutdown.
     *
     * Closing: the driver actor stops the executors and settles every task, then coordinated
     * shutdown makes this node leave the cluster gracefully (workers see the driver leave and
     * stay up for the next application), then the data server closes.
     */

    private static final Duration INITIAL_EXECUTORS_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration FAILED_JOIN_STOP_TIMEOUT = Duration.ofSeconds(2);
    /**
     * The join timeout counts from the start, but a start slower than it (a busy machine) still
     * gives the join this long: one attempt, and time for the node's own actors to come up
     * before it is stopped again.
     */
    private static final Duration MIN_JOIN_WAIT = Duration.ofSeconds(1);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClusterExecutorRuntime.class);
    private static final DateTimeFormatter APP_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final ActorSystem<Void> system;
    private final ActorRef<ClusterDriver.Command> driver;
    private final AtomicReference<List<ExecutorInfo>> view;
    private final DataServer dataServer;
    private final DataClient client;
    private final ExecutorService io;
    private final LaunchGate gate = new LaunchGate();

    private ClusterExecutorRuntime(ActorSystem<Void> system, ActorRef<ClusterDriver.Command> driver,
                                   AtomicReference<List<ExecutorInfo>> view, DataServer dataServer, DataClient client,
                                   ExecutorService io) {
        this.system = system;
        this.driver = driver;
        this.view = view;
        this.dataServer = dataServer;
        this.client = client;
        this.io = io;
    }

    /**
     * Joins the cluster whose seed nodes are {@code seeds} ({@code host:port}) as the driver of
     * application {@code appName}; see {@link ExecutorRuntime#startCluster}.
     *
     * @throws IllegalArgumentException if a setting is invalid (the message names it)
     * @throws IllegalStateException if no secret is configured, or the cluster cannot be joined in time
     */
    public static ClusterExecutorRuntime start(String appName, List<String> seeds, Map<String, String> settings,
                                               ClassLoader userClassLoader) {
        Objects.requireNonNull(userClassLoader, "userClassLoader is null");
        long startedAt = System.nanoTime();
        DriverSettings options = DriverSettings.parse(seeds, settings);
        String appId = RuntimeConfig.systemName(appName) + "-" + LocalDateTime.now().format(APP_TIME) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        ClusterTls tls = ClusterTls.create(options.secret());
        Map<Long, byte[]> payloads = new ConcurrentHashMap<>();
        List<ClassPathJars.Jar> shipped = ClassPathJars.of(options.jars());
        List<String> jars = shipped.stream().map(ClassPathJars.Jar::describe).toList();
        DriverData served = new DriverData(appId, shipped, payloads, userClassLoader);
        DataServer dataServer = DataServer.start(tls, options.host(), options.dataPort(), served);
        DataClient client = new DataClient(tls);
        ExecutorService io = Executors.newCachedThreadPool(daemonThreads("ember-driver-io"));
        AtomicReference<List<ExecutorInfo>> view = new AtomicReference<>(List.of());
        CompletableFuture<Void> up = new CompletableFuture<>();
        CompletableFuture<Void> initial = new CompletableFuture<>();
        ClusterDriver.Resources resources = new ClusterDriver.Resources(appId, appName,
                options.host() + ":" + dataServer.port(), jars, client, payloads, io, view, up, initial);
        CompletableFuture<ActorRef<ClusterDriver.Command>> driverRef = new CompletableFuture<>();
        Behavior<Void> guardian = Behaviors.setup(context -> {
            driverRef.complete(context.spawn(ClusterDriver.create(resources), "driver"));
            return Behaviors.empty();
        });
        ClassLoader akkaLoader = ClusterExecutorRuntime.class.getClassLoader();
        ActorSystem<Void> system;
        try {
            system = ActorSystem.create(guardian, ClusterConfig.SYSTEM_NAME, ActorSystemSetup.create(
                    BootstrapSetup.create(Optional.of(akkaLoader),
                            Optional.of(ClusterConfig.node(ClusterConfig.DRIVER_ROLE, options.host(), options.port(),
                                    false, akkaLoader)),
                            Optional.empty()),
                    new SecretSslEngineProvider.TlsSetup(tls)));
        } catch (RuntimeException e) {
            dataServer.close();
            io.shutdownNow();
            throw new IllegalStateException("Cannot start the driver's cluster node on " + options.host() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        }
        ClusterExecutorRuntime runtime = new ClusterExecutorRuntime(system, driverRef.join(), view, dataServer,
                client, io);
        EventStream events = system.classicSystem().eventStream();
        int logLevel = events.logLevel();
        // why: until it is Up, a node whose seeds do not answer logs a warning at every join retry
        // (every 2 s) and every failed connection; the timeout's error below says it once, clearly
        events.setLogLevel(Logging.ErrorLevel());
        Cluster.get(system).manager().tell(new JoinSeedNodes(ClusterConfig.addresses(options.seeds())));
        try {
            long left = options.joinTimeout().toNanos() - (System.nanoTime() - startedAt);
            up.get(Math.max(left, MIN_JOIN_WAIT.toNanos()), TimeUnit.NANOSECONDS);
            events.setLogLevel(logLevel);
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            runtime.closeAfterFailedJoin();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Could not join the Ember cluster at " + options.seeds() + " within "
                    + options.joinTimeout().toSeconds() + " s (" + DriverSettings.JOIN_TIMEOUT + "): is a node running "
                    + "there, and does this driver have the cluster's " + ClusterSecret.SETTING + "?", e);
        }
        await(initial, INITIAL_EXECUTORS_TIMEOUT);
        return runtime;
    }

    @Override
    public List<ExecutorInfo> executors() {
        return view.get();
    }

    @Override
    // Deliberately alike LocalExecutorRuntime's: both delegate to the shared LaunchGate and view,
    // each telling its own driver actor's protocol.
    public CompletionStage<TaskOutcome> launch(String executorId, long taskId, byte[] task) {
        return gate.launch(executorId, task, outcome -> driver.tell(new ClusterDriver.Launch(executorId, taskId, task, outcome)));
    }

    @Override
    public void onExecutorAdded(Consumer<ExecutorInfo> listener) {
        Objects.requireNonNull(listener, "listener is null");
        driver.tell(new ClusterDriver.AddListeners(listener, null));
    }

    @Override
    public CompletionStage<CommandOutcome> sendCommand(String executorId, byte[] command, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout is null");
        return gate.sendCommand(executorId, command,
                (commandId, outcome) -> driver.tell(new ClusterDriver.SendCommand(executorId, commandId, command, timeout, outcome)));
    }

    @Override
    public void onExecutorLost(Consumer<String> listener) {
        Objects.requireNonNull(listener, "listener is null");
        driver.tell(new ClusterDriver.AddListeners(null, listener));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The executor is given up at once (its tasks are settled as lost, its outputs must be
     * recomputed) and told to stop on its node, which stays in the cluster.
     *
     * @throws IllegalArgumentException if no executor has this id
     */
    @Override
    public void killExecutor(String executorId) {
        Objects.requireNonNull(executorId, "executorId is null");
        CompletableFuture<Boolean> known = new CompletableFuture<>();
        driver.tell(new ClusterDriver.Kill(executorId, known));
        if (!Boolean.TRUE.equals(await(known, STOP_TIMEOUT))) {
            throw new IllegalArgumentException("unknown executor " + executorId);
        }
    }

    /** This driver's node, for tests that act on its membership. */
    ActorSystem<Void> system() {
        return system;
    }

    @Override
    public void onStopped(Consumer<String> listener) {
        // The node's removal is the signal: the actor system's termination that follows can take
        // Akka's coordinated-shutdown timeout (10 s) longer, while jobs would wait for executors.
        CompletableFuture<Void> removed = new CompletableFuture<>();
        akka.cluster.Cluster.get(system.classicSystem()).registerOnMemberRemoved(() -> removed.complete(null));
        UnexpectedTermination.notify(List.of(removed, system.getWhenTerminated()), gate::isClosed, listener,
                "this driver's node was removed from the cluster (downed, for example after it stalled longer "
                        + "than the failure detector allows)");
    }

    @Override
    public void killTask(String executorId, long taskId) {
        Objects.requireNonNull(executorId, "executorId is null");
        driver.tell(new ClusterDriver.KillTask(executorId, taskId));
    }

    @Override
    public void close() {
        CompletableFuture<Void> driverDone = new CompletableFuture<>();
        boolean first = gate.close(() -> driver.tell(new ClusterDriver.Shutdown(driverDone)));
        if (first) {
            // why either: a driver removed from the cluster has no actor left to answer Shutdown
            await(CompletableFuture.anyOf(driverDone, system.getWhenTerminated().toCompletableFuture()), STOP_TIMEOUT);
            CoordinatedShutdown.get(system).runAll(CoordinatedShutdown.unknownReason());
        }
        await(system.getWhenTerminated().toCompletableFuture(), STOP_TIMEOUT);
        dataServer.close();
        client.close();
        io.shutdownNow();
    }

    /**
     * Stops this node after it failed to join: it is no member, so there is nothing to hand over
     * nor to leave, and stopping must not wait on seeds that do not answer. Bounded by
     * {@link #FAILED_JOIN_STOP_TIMEOUT}; an actor system still stopping after that finishes on its
     * own (daemon threads, they never keep the JVM up).
     */
    private void closeAfterFailedJoin() {
        gate.close(() -> { });
        system.terminate();
        if (await(system.getWhenTerminated().toCompletableFuture(), FAILED_JOIN_STOP_TIMEOUT) == null) {
            LOG.warn("The driver's cluster node is still stopping {} s after it failed to join; it goes on in the background",
                    FAILED_JOIN_STOP_TIMEOUT.toSeconds());
        }
        dataServer.close();
        client.close();
        io.shutdownNow();
    }

    /** Waits, bounded; the value, or null if the future did not complete normally in time. */
    private static <T> T await(CompletableFuture<T> future, Duration timeout) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}...: they never keep the JVM up. */
    static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
