package io.ember.actors.internal;

import akka.actor.BootstrapSetup;
import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorSystem;
import akka.actor.typed.Behavior;
import akka.actor.typed.javadsl.AskPattern;
import akka.actor.typed.javadsl.Behaviors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.ember.actors.internal.spi.BlockStore;
import io.ember.actors.internal.spi.CommandOutcome;
import io.ember.actors.ExecutorInfo;
import io.ember.actors.internal.spi.ExecutorRuntime;
import io.ember.actors.internal.spi.TaskOutcome;
import io.ember.actors.internal.spi.TaskRunner;
import io.ember.actors.internal.memory.MemoryManager;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code local[N]}: one typed ActorSystem in this JVM whose guardian spawns the executor actors
 * {@code exec-0 .. exec-(N-1)} and the driver endpoint. Thread-safe.
 *
 * <p>{@link #killExecutor} returns once the executor has stopped (its blocks are gone and
 * fetches from it fail); the driver records the loss, calls the lost-listeners and settles the
 * executor's tasks as {@link TaskOutcome.ExecutorLost} asynchronously, right after.
 */
public final class LocalExecutorRuntime implements ExecutorRuntime {

    /*
     * Design notes
     * ------------
     * State and its owners:
     *  - slots, executorRefs, driver: immutable after start().
     *  - blockStores (id -> store of each live executor): a ConcurrentHashMap owned by this
     *    runtime; filled in start(), entries removed by each ExecutorActor's PostStop, read by
     *    every task's fetch.
     *  - view: published by DriverEndpoint, read by executors().
     *  - gate: a LaunchGate, which guarantees that every Launch that got past its check is in
     *    the driver's mailbox before Shutdown: none is dropped with the actor system, and every
     *    launched future is completed.
     *
     * Closing stops the driver endpoint first (settling its pending tasks), then the system:
     * executors stopping during shutdown are then not reported as lost.
     */

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private final ActorSystem<Void> system;
    private final ActorRef<DriverEndpoint.Command> driver;
    private final Map<String, ExecutorSlot> slots;
    private final Map<String, ActorRef<ExecutorActor.Command>> executorRefs;
    private final AtomicReference<List<ExecutorInfo>> view;
    private final LaunchGate gate = new LaunchGate();

    private record Topology(ActorRef<DriverEndpoint.Command> driver,
                            Map<String, ActorRef<ExecutorActor.Command>> executors) {}

    private LocalExecutorRuntime(ActorSystem<Void> system, Topology topology, Map<String, ExecutorSlot> slots,
                                 AtomicReference<List<ExecutorInfo>> view) {
        this.system = system;
        this.driver = topology.driver();
        this.executorRefs = topology.executors();
        this.slots = slots;
        this.view = view;
    }

    /**
     * Starts the runtime; see {@link ExecutorRuntime#startLocal}.
     *
     * @throws IllegalArgumentException if {@code executors} or {@code coresPerExecutor} is below 1
     * @throws IllegalStateException if the actor system does not come up within 10 s
     */
    public static LocalExecutorRuntime start(String appName, int executors, int coresPerExecutor,
                                             TaskRunner runner, ClassLoader userClassLoader) {
        return start(appName, executors, coresPerExecutor, runner, userClassLoader, ConfigFactory.empty());
    }

    /** As {@link #start(String, int, int, TaskRunner, ClassLoader)}, with Akka settings that win over Ember's. */
    static LocalExecutorRuntime start(String appName, int executors, int coresPerExecutor, TaskRunner runner,
                                      ClassLoader userClassLoader, Config overrides) {
        String systemName = RuntimeConfig.systemName(appName);
        Objects.requireNonNull(runner, "runner is null");
        Objects.requireNonNull(userClassLoader, "userClassLoader is null");
        if (executors < 1) {
            throw new IllegalArgumentException("executors must be at least 1, was " + executors);
        }
        if (coresPerExecutor < 1) {
            throw new IllegalArgumentException("coresPerExecutor must be at least 1, was " + coresPerExecutor);
        }
        Map<String, ExecutorSlot> slots = new LinkedHashMap<>();
        Map<String, BlockStore> blockStores = new ConcurrentHashMap<>();
        // why one region for all: the executors share this JVM's heap (sized again by the application's settings)
        MemoryManager memory = MemoryManager.forHeap(Runtime.getRuntime().maxMemory(), MemoryManager.DEFAULT_FRACTION,
                MemoryManager.DEFAULT_STORAGE_FRACTION);
        for (int i = 0; i < executors; i++) {
            ExecutorSlot slot = ExecutorSlot.create("exec-" + i, coresPerExecutor, memory);
            slots.put(slot.id(), slot);
            blockStores.put(slot.id(), slot.blockStore());
        }
        AtomicReference<List<ExecutorInfo>> view = new AtomicReference<>(List.of());
        CompletableFuture<Topology> topology = new CompletableFuture<>();
        Behavior<Void> guardian = guardian(List.copyOf(slots.values()), runner, userClassLoader, blockStores,
                view, topology);
        // why: a local runtime neither parses nor carries remoting's and the cluster's settings
        ClassLoader akkaLoader = LocalOnlyConfigLoader.forAkka();
        ActorSystem<Void> system = ActorSystem.create(guardian, systemName, BootstrapSetup.create(
                Optional.of(akkaLoader), Optional.of(RuntimeConfig.load(overrides, akkaLoader)), Optional.empty()));
        try {
            Topology started = topology.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new LocalExecutorRuntime(system, started, Collections.unmodifiableMap(slots), view);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            system.terminate();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("The executor runtime " + systemName + " did not start", e);
        }
    }

    /** The root actor: spawns the executors and the driver endpoint, then hands their refs to start(). */
    private static Behavior<Void> guardian(List<ExecutorSlot> slots, TaskRunner runner, ClassLoader userClassLoader,
                                           Map<String, BlockStore> blockStores,
                                           AtomicReference<List<ExecutorInfo>> view,
                                           CompletableFuture<Topology> topology) {
        return Behaviors.setup(context -> {
            try {
                Map<String, ActorRef<ExecutorActor.Command>> executors = new LinkedHashMap<>();
                for (ExecutorSlot slot : slots) {
                    LocalExecutorServices services =
                            new LocalExecutorServices(slot.id(), slot.blockStore(), blockStores, userClassLoader,
                                    slot.memory());
                    executors.put(slot.id(),
                            context.spawn(ExecutorActor.create(slot, runner, services, blockStores), slot.id()));
                }
                Map<String, ActorRef<ExecutorActor.Command>> refs = Collections.unmodifiableMap(executors);
                int cores = slots.get(0).cores();
                topology.complete(new Topology(context.spawn(DriverEndpoint.create(refs, cores, view), "driver"), refs));
                return Behaviors.empty();
            } catch (RuntimeException e) {
                topology.completeExceptionally(e);
                throw e;
            }
        });
    }

    @Override
    public List<ExecutorInfo> executors() {
        return view.get();
    }

    @Override
    public CompletionStage<TaskOutcome> launch(String executorId, long taskId, byte[] task) {
        return gate.launch(executorId, task, outcome -> driver.tell(new DriverEndpoint.Launch(executorId, taskId, task, outcome)));
    }

    @Override
    public CompletionStage<CommandOutcome> sendCommand(String executorId, byte[] command, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout is null");
        return gate.sendCommand(executorId, command,
                (commandId, outcome) -> driver.tell(new DriverEndpoint.SendCommand(executorId, commandId, command, timeout, outcome)));
    }

    @Override
    public void onExecutorLost(Consumer<String> listener) {
        Objects.requireNonNull(listener, "listener is null");
        driver.tell(new DriverEndpoint.AddLostListener(listener));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Returns once the executor has stopped; does nothing if it already has.
     *
     * @throws IllegalArgumentException if no executor has this id
     * @throws IllegalStateException if the executor has not stopped after 10 s
     */
    @Override
    public void killExecutor(String executorId) {
        Objects.requireNonNull(executorId, "executorId is null");
        ExecutorSlot slot = slots.get(executorId);
        if (slot == null) {
            throw new IllegalArgumentException("unknown executor " + executorId + " (known: " + slots.keySet() + ")");
        }
        executorRefs.get(executorId).tell(new ExecutorActor.Crash());
        if (!await(slot.stopped(), STOP_TIMEOUT)) {
            throw new IllegalStateException("executor " + executorId + " did not stop within " + STOP_TIMEOUT);
        }
    }

    @Override
    public void onStopped(Consumer<String> listener) {
        UnexpectedTermination.notify(system, gate::isClosed, listener, "the local actor system stopped unexpectedly");
    }

    @Override
    public void killTask(String executorId, long taskId) {
        Objects.requireNonNull(executorId, "executorId is null");
        ActorRef<ExecutorActor.Command> executor = executorRefs.get(executorId);
        if (executor == null) {
            throw new IllegalArgumentException("unknown executor " + executorId + " (known: " + slots.keySet() + ")");
        }
        executor.tell(new ExecutorActor.KillTask(taskId));
    }

    @Override
    public void close() {
        CompletableFuture<Void> driverDone = new CompletableFuture<>();
        boolean first = gate.close(() -> driver.tell(new DriverEndpoint.Shutdown(driverDone)));
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        if (first) {
            await(driverDone, STOP_TIMEOUT); // why: on timeout, terminating the system still stops it
            system.terminate();
        }
        await(system.getWhenTerminated().toCompletableFuture(), remaining(deadline));
        for (ExecutorSlot slot : slots.values()) {
            awaitPool(slot, remaining(deadline));
        }
    }

    /** The executor's counters, as its actor reports them; for tests and diagnostics. */
    CompletionStage<ExecutorActor.Status> status(String executorId) {
        ActorRef<ExecutorActor.Command> executor = executorRefs.get(executorId);
        if (executor == null) {
            throw new IllegalArgumentException("unknown executor " + executorId);
        }
        return AskPattern.ask(executor, ExecutorActor.GetStatus::new, ASK_TIMEOUT, system.scheduler());
    }

    /** The actor system's resolved settings; for tests. */
    Config actorSystemConfig() {
        return system.settings().config();
    }

    /** Whether the actor system has started this Akka extension (e.g. the cluster); for tests. */
    boolean hasExtension(akka.actor.ExtensionId<?> extension) {
        return system.classicSystem().hasExtension(extension);
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /** Waits, bounded; false if the future did not complete normally in time (or we were interrupted). */
    private static boolean await(CompletableFuture<?> future, Duration timeout) {
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static void awaitPool(ExecutorSlot slot, Duration timeout) {
        try {
            slot.workers().awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
