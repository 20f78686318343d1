package io.ember.rdd;

import io.ember.actors.ExecutorInfo;
import io.ember.actors.internal.spi.ExecutorRuntime;
import io.ember.rdd.internal.AsyncActionThreads;
import io.ember.rdd.internal.CallSite;
import io.ember.rdd.internal.EmptyRDD;
import io.ember.rdd.internal.ParallelCollectionRDD;
import io.ember.rdd.internal.RangeRDD;
import io.ember.rdd.internal.UnionRDD;
import io.ember.rdd.internal.UserClassLoader;
import io.ember.rdd.internal.AccumulatorRegistry;
import io.ember.rdd.internal.io.ObjectFileRDD;
import io.ember.rdd.internal.io.TextFileRDD;
import io.ember.rdd.internal.io.WholeTextFileRDD;
import io.ember.rdd.internal.storage.StorageContext;
import io.ember.rdd.internal.scheduler.DAGScheduler;
import io.ember.rdd.internal.scheduler.JobGroup;
import io.ember.rdd.internal.scheduler.SchedulerSettings;
import io.ember.rdd.internal.scheduler.SubmittedJob;
import io.ember.rdd.internal.scheduler.ListenerBus;
import io.ember.rdd.internal.scheduler.EmberTaskRunner;
import io.ember.rdd.internal.ui.ApplicationUi;
import io.ember.serializers.Closures;
import io.ember.serializers.LocalOnly;
import io.vavr.Function2;
import io.vavr.collection.List;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The entry point of Ember: connects to executors, creates RDDs from data, and runs the jobs
 * that actions submit. One active context per JVM, as in Spark.
 *
 * <pre>{@code
 * try (EmberContext sc = EmberContext.builder().master("local[*]").appName("test").getOrCreate()) {
 *     RDD<Integer> data = sc.parallelize(List.range(1, 10001));
 *     data.filter(x -> x < 10).collect();   // List(1, 2, 3, 4, 5, 6, 7, 8, 9)
 * }
 * }</pre>
 *
 * <p>Thread-safe: any number of threads may create RDDs and run actions on one context.
 * {@code local[N]} starts N executor actors (one task slot each) in this JVM; tasks are
 * serialized and run on the executors' worker threads even then.
 */
public final class EmberContext implements AutoCloseable, LocalOnly {
    private static final AtomicReference<EmberContext> ACTIVE = new AtomicReference<>();
    /** Initialised before the actor system so that SLF4J is ready when Akka's threads first log. */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EmberContext.class);

    private final EmberConf conf;
    private final Master master;
    private final UserClassLoader userClassLoader;
    private final ExecutorRuntime runtime;
    private final DAGScheduler scheduler;
    /** Cached blocks, broadcasts, clean-ups, local and checkpoint directories. */
    private final StorageContext storage;
    private final ListenerBus listenerBus = new ListenerBus();
    private final AtomicInteger nextRddId = new AtomicInteger();
    private final AtomicInteger nextShuffleId = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** The job group of the jobs each thread submits, if it set one. */
    private final ThreadLocal<JobGroup> jobGroup = new ThreadLocal<>();
    /** Why the context stopped on its own (the scheduler failed), if it did. */
    private volatile Throwable stopCause;
    /** Web UI, progress bar and event log: listening before the first event is posted. */
    private final ApplicationUi ui;

    /**
     * Starts every part in order; if one fails, those already started are stopped again (so the
     * JVM can exit) and the original failure is rethrown.
     */
    private EmberContext(EmberConf conf) {
        this.conf = conf;
        StartedParts started = new StartedParts();
        started.add(listenerBus);
        try {
            this.master = Master.parse(conf.get(EmberConf.MASTER).getOrElse("local[*]"));
            this.ui = started.add(ApplicationUi.start(this));
            LOG.debug("Starting {} on {}", appName(), master.url());
            EngineWarmUp.startInBackground();
            ClassLoader base = Thread.currentThread().getContextClassLoader();
            this.userClassLoader = new UserClassLoader(base != null ? base : EmberContext.class.getClassLoader());
            this.runtime = started.add(master.isCluster()
                    ? ExecutorRuntime.startCluster(appName(), master.seeds(), conf.getAll().toJavaMap(), userClassLoader)
                    : ExecutorRuntime.startLocal(appName(), master.executors(), 1, new EmberTaskRunner(), userClassLoader));
            this.storage = started.add(new StorageContext(runtime, conf, appName()));
            SchedulerSettings schedulerSettings = new SchedulerSettings(conf.taskMaxFailures(),
                    master.isCluster() ? conf.maxRegisteredResourcesWaitingTime() : Duration.ZERO,
                    EmberConf.MAX_REGISTERED_RESOURCES_WAITING_TIME, conf.taskKillGracePeriod(), !master.isCluster(),
                    conf.localityWait(), conf.excludeOnFailure(), conf.excludeStageMaxFailedTasks());
            this.scheduler = new DAGScheduler(runtime, schedulerSettings, userClassLoader, listenerBus,
                    storage.blockMaster(), this::stopInNewThread);
            runtime.onStopped(reason -> stopInNewThread(new IllegalStateException("The executor runtime stopped: " + reason)));
        } catch (RuntimeException e) {
            throw started.releaseAfter(e);
        } catch (Error e) {
            throw started.releaseAfter(e);
        }
        long now = System.currentTimeMillis();
        listenerBus.post(new ListenerEvent.ApplicationStart(appName(), master.url(), now, conf));
        for (ExecutorInfo executor : runtime.executors()) {
            listenerBus.post(new ListenerEvent.ExecutorAdded(executor.id(), executor.address(), executor.cores(), now));
        }
    }

    /** Starts configuring a context. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- creating RDDs ------------------------------------------------------------------

    /** Distributes a local collection in {@link #defaultParallelism()} partitions. */
    public <T> RDD<T> parallelize(Iterable<? extends T> data) {
        return parallelize(data, defaultParallelism());
    }

    /** Distributes a local collection in {@code numSlices} contiguous partitions. */
    public <T> RDD<T> parallelize(Iterable<? extends T> data, int numSlices) {
        Objects.requireNonNull(data, "data is null");
        return new ParallelCollectionRDD<>(live(), data, numSlices);
    }

    /** Distributes local key-value pairs as a {@link PairRDD} in {@link #defaultParallelism()} partitions. */
    public <K, V> PairRDD<K, V> parallelizePairs(Iterable<? extends io.vavr.Tuple2<K, V>> pairs) {
        return parallelizePairs(pairs, defaultParallelism());
    }

    /** Distributes local key-value pairs as a {@link PairRDD} in {@code numSlices} contiguous partitions. */
    public <K, V> PairRDD<K, V> parallelizePairs(Iterable<? extends io.vavr.Tuple2<K, V>> pairs, int numSlices) {
        return PairRDD.of(parallelize(pairs, numSlices));
    }

    /**
     * One (path, content) pair per file of a directory (or for a single file; names starting
     * with {@code _} or {@code .} skipped), in {@code min(defaultParallelism, 2)} partitions at
     * most. The content is a {@link PortableDataStream}: only the path travels with the task,
     * the bytes are read on the executor when {@link PortableDataStream#toArray()} or
     * {@link PortableDataStream#open()} is called. Unlike {@link #wholeTextFiles}, {@code .gz}
     * files are not decompressed: the bytes are the file's.
     */
    public PairRDD<String, PortableDataStream> binaryFiles(String path) {
        return binaryFiles(path, Math.min(defaultParallelism(), 2));
    }

    /** {@link #binaryFiles(String)} in at most {@code minPartitions} partitions. */
    public PairRDD<String, PortableDataStream> binaryFiles(String path, int minPartitions) {
        Objects.requireNonNull(path, "path is null");
        return new io.ember.rdd.internal.io.BinaryFileRDD(live(), path, minPartitions);
    }

    /** The longs from {@code start} (inclusive) to {@code end} (exclusive) by {@code step}, generated lazily. */
    public RDD<Long> range(long start, long end, long step, int numSlices) {
        return new RangeRDD(live(), start, end, step, numSlices);
    }

    /** The longs from {@code start} to {@code end} (exclusive) in {@link #defaultParallelism()} partitions. */
    public RDD<Long> range(long start, long end) {
        return range(start, end, 1, defaultParallelism());
    }

    /**
     * The lines of a text file, or of every file in a directory (files starting with {@code _}
     * or {@code .} skipped), in at least {@code min(defaultParallelism, 2)} partitions. Large
     * files are split at line boundaries; {@code .gz} files are decompressed (one partition each).
     */
    public RDD<String> textFile(String path) {
        return textFile(path, Math.min(defaultParallelism(), 2));
    }

    /** The lines of a text file or directory, in at least {@code minPartitions} partitions. */
    public RDD<String> textFile(String path, int minPartitions) {
        Objects.requireNonNull(path, "path is null");
        return new TextFileRDD(live(), path, minPartitions);
    }

    /** An RDD with no partitions. */
    public <T> RDD<T> emptyRDD() {
        return new EmptyRDD<>(live());
    }

    /**
     * One (path, content) pair per file of a directory (or for a single file), each file read
     * whole as UTF-8 ({@code .gz} files decompressed; names starting with {@code _} or {@code .}
     * skipped), in {@code min(defaultParallelism, 2)} partitions at most.
     */
    public PairRDD<String, String> wholeTextFiles(String path) {
        return wholeTextFiles(path, Math.min(defaultParallelism(), 2));
    }

    /** {@link #wholeTextFiles(String)} in at most {@code minPartitions} partitions. */
    public PairRDD<String, String> wholeTextFiles(String path, int minPartitions) {
        Objects.requireNonNull(path, "path is null");
        return new WholeTextFileRDD(live(), path, minPartitions);
    }

    /** The elements that {@link RDD#saveAsObjectFile} wrote to {@code path}, one partition per part file. */
    public <T> RDD<T> objectFile(String path) {
        Objects.requireNonNull(path, "path is null");
        return new ObjectFileRDD<>(live(), path);
    }

    // ---- shared variables ---------------------------------------------------------------------

    /**
     * Ships {@code value} to every executor once and returns a handle that closures capture;
     * returns when every executor holds it. See {@link Broadcast}.
     */
    public <T> Broadcast<T> broadcast(T value) {
        Objects.requireNonNull(value, "value is null");
        Broadcast<T> broadcast = new Broadcast<>(value, live().storage.broadcasts());
        long id = broadcast.id();
        var broadcasts = storage.broadcasts();
        storage.cleaner().register(broadcast, () -> broadcasts.destroy(id, false));
        return broadcast;
    }

    /** A new long accumulator, registered under {@code name} (shown in the UI). */
    public LongAccumulator longAccumulator(String name) {
        return register(new LongAccumulator(), name);
    }

    /** A new unnamed long accumulator. */
    public LongAccumulator longAccumulator() {
        return register(new LongAccumulator(), null);
    }

    /** A new double accumulator, registered under {@code name}. */
    public DoubleAccumulator doubleAccumulator(String name) {
        return register(new DoubleAccumulator(), name);
    }

    /** A new unnamed double accumulator. */
    public DoubleAccumulator doubleAccumulator() {
        return register(new DoubleAccumulator(), null);
    }

    /** A new accumulator collecting elements, registered under {@code name}. */
    public <T> CollectionAccumulator<T> collectionAccumulator(String name) {
        return register(new CollectionAccumulator<>(), name);
    }

    /**
     * Registers a custom accumulator under {@code name} (null for none), so that tasks' updates
     * to it are merged back; returns it.
     *
     * @throws IllegalArgumentException if its class has no no-argument constructor
     * @throws IllegalStateException if it is already registered
     */
    public <A extends AccumulatorV2<?, ?>> A register(A accumulator, String name) {
        Objects.requireNonNull(accumulator, "accumulator is null");
        try {
            accumulator.getClass().getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("Accumulator class " + accumulator.getClass().getName()
                    + " needs a no-argument constructor: executors build their copies with it");
        }
        clean(accumulator);
        accumulator.assign(AccumulatorRegistry.nextId(), name);
        AccumulatorRegistry.add(accumulator);
        return accumulator;
    }

    // ---- persistence and checkpoints ----------------------------------------------------------

    /**
     * Sets the directory under which {@link RDD#checkpoint()} writes (a fresh subdirectory is
     * created in it for this application).
     */
    public void setCheckpointDir(String dir) {
        Objects.requireNonNull(dir, "dir is null");
        live().storage.setCheckpointDir(dir);
    }

    /** The checkpoint directory of this application, if one was set. */
    public io.vavr.control.Option<String> getCheckpointDir() {
        return io.vavr.control.Option.of(storage.checkpointDir()).map(java.nio.file.Path::toString);
    }

    /** The persisted RDDs that the application still references, by id. */
    public io.vavr.collection.Map<Integer, RDD<?>> getPersistentRDDs() {
        return storage.blockMaster().persistentRdds();
    }

    /**
     * The storage report: for each persisted RDD its level, how many partitions are cached and
     * their bytes in memory and on disk, by what the executors reported with their last tasks.
     */
    public List<RDDStorageInfo> getRDDStorageInfo() {
        return storage.blockMaster().storageInfo();
    }

    /** The elements of all {@code rdds}, one after the other. */
    @SafeVarargs
    public final <T> RDD<T> union(RDD<T>... rdds) {
        return union(List.of(rdds));
    }

    /** The elements of all {@code rdds}, one after the other. */
    public <T> RDD<T> union(Iterable<RDD<T>> rdds) {
        return new UnionRDD<>(live(), List.ofAll(rdds));
    }

    // ---- running jobs -----------------------------------------------------------------------

    /**
     * Runs {@code func} on every partition of {@code rdd} and returns the results in partition
     * order. The building block of every action.
     */
    public <T, U> java.util.List<U> runJob(RDD<T> rdd, Function2<TaskContext, Iterator<T>, U> func) {
        return runJob(rdd, func, List.range(0, rdd.getNumPartitions()));
    }

    /** Runs {@code func} on the given partitions of {@code rdd}; results in the order asked. */
    @SuppressWarnings("unchecked")
    public <T, U> java.util.List<U> runJob(RDD<T> rdd, Function2<TaskContext, Iterator<T>, U> func,
                                           Iterable<Integer> partitions) {
        live();
        int[] ids = checkedPartitions(rdd, partitions);
        prepareLineage(rdd);
        storage.beforeJob();
        Object[] results = scheduler.runJob(rdd, clean(func), ids, CallSite.capture(), jobGroup.get());
        rdd.doCheckpoint();
        return (java.util.List<U>) Arrays.asList(results);
    }

    /**
     * Submits a job on the given partitions of {@code rdd} without waiting for it (Spark's
     * {@code submitJob}): the returned {@link FutureAction} completes with the results in the
     * order asked, and can cancel the job. The job belongs to this thread's job group.
     */
    public <T, U> FutureAction<java.util.List<U>> submitJob(RDD<T> rdd, Function2<TaskContext, Iterator<T>, U> func,
                                                           Iterable<Integer> partitions) {
        live();
        int[] ids = checkedPartitions(rdd, partitions);
        prepareLineage(rdd);
        storage.beforeJob();
        SubmittedJob job = scheduler.submitJob(rdd, clean(func), ids, CallSite.capture(), jobGroup.get());
        CompletableFuture<java.util.List<U>> results = job.results().thenApplyAsync(parts -> {
            rdd.doCheckpoint();
            @SuppressWarnings("unchecked")
            java.util.List<U> typed = (java.util.List<U>) Arrays.asList(parts);
            return typed;
        }, AsyncActionThreads.executor());
        return new FutureAction<>(this, job.jobId(), results);
    }

    private static int[] checkedPartitions(RDD<?> rdd, Iterable<Integer> partitions) {
        int[] ids = List.ofAll(partitions).toJavaStream().mapToInt(Integer::intValue).toArray();
        int total = rdd.getNumPartitions();
        for (int id : ids) {
            if (id < 0 || id >= total) {
                throw new IllegalArgumentException("partition " + id + " does not exist in " + rdd + " (it has " + total + ")");
            }
        }
        return ids;
    }

    /**
     * Puts the jobs that this thread submits from now on into group {@code groupId}, so that
     * {@link #cancelJobGroup} can cancel them together (Spark's {@code setJobGroup}).
     *
     * @param description what the group's jobs do; named in their cancellation errors (may be null)
     * @param interruptOnCancel whether cancelling the group interrupts its jobs' running tasks;
     *     if false, the jobs fail at once but their running tasks are left to finish, which is
     *     safer for tasks that must not be interrupted half-way (such as some I/O)
     */
    public void setJobGroup(String groupId, String description, boolean interruptOnCancel) {
        jobGroup.set(new JobGroup(groupId, description, interruptOnCancel));
    }

    /** {@link #setJobGroup(String, String, boolean)} without interrupting tasks on cancel, as in Spark. */
    public void setJobGroup(String groupId, String description) {
        setJobGroup(groupId, description, false);
    }

    /** Jobs this thread submits from now on belong to no group. */
    public void clearJobGroup() {
        jobGroup.remove();
    }

    /**
     * Cancels job {@code jobId} (the id listeners see in {@link ListenerEvent.JobStart}) if it
     * is still running: its action throws {@link JobCancelledException}, and its running tasks
     * that no other job needs are interrupted (unless its group was set not to interrupt). A
     * task that ignores interruption is named in a warning after {@code ember.task.killGracePeriod}.
     * Returns without waiting; does nothing if the job has ended.
     */
    public void cancelJob(int jobId) {
        live().scheduler.cancelJob(jobId);
    }

    /** Cancels every running job of group {@code groupId}, as {@link #cancelJob} does one. */
    public void cancelJobGroup(String groupId) {
        Objects.requireNonNull(groupId, "groupId is null");
        live().scheduler.cancelJobGroup(groupId);
    }

    /** Cancels every running job, as {@link #cancelJob} does one; the context stays usable. */
    public void cancelAllJobs() {
        live().scheduler.cancelAllJobs();
    }

    /**
     * Computes the partitions of every RDD in the lineage on the calling thread, so that a bad
     * input path fails here, at the action, and the scheduler's thread never does I/O.
     */
    private static void prepareLineage(RDD<?> rdd) {
        Set<Integer> seen = new HashSet<>();
        ArrayDeque<RDD<?>> toVisit = new ArrayDeque<>();
        toVisit.push(rdd);
        while (!toVisit.isEmpty()) {
            RDD<?> current = toVisit.pop();
            if (seen.add(current.id())) {
                current.partitions();
                current.dependencies().forEach(d -> toVisit.push(d.rdd()));
            }
        }
    }

    // ---- facts and settings -------------------------------------------------------------------

    /** The default number of partitions: {@code ember.default.parallelism}, else the total executor cores. */
    public int defaultParallelism() {
        return conf.defaultParallelism().getOrElse(() ->
                Math.max(1, executors().filter(e -> e.state() == ExecutorInfo.State.ALIVE).map(ExecutorInfo::cores).sum().intValue()));
    }

    /** The executors (id, address, cores, state), alive and lost. */
    public List<ExecutorInfo> executors() {
        return List.ofAll(runtime.executors());
    }

    /**
     * Stops an executor as if it had crashed (a developer API for testing recovery): its running
     * tasks are resubmitted elsewhere and its shuffle outputs recomputed from lineage.
     */
    public void killExecutor(String executorId) {
        runtime.killExecutor(executorId);
    }

    /**
     * Registers a listener for this application's events (jobs, stages, tasks, executors),
     * delivered in order on a dedicated thread. It sees the events posted from now on.
     */
    public void addListener(EmberListener listener) {
        listenerBus.add(Objects.requireNonNull(listener, "listener is null"));
    }

    /** Stops delivering events to {@code listener}. */
    public void removeListener(EmberListener listener) {
        listenerBus.remove(listener);
    }

    /**
     * Posts an event from an engine layer, such as DataFrames' SQL executions: it reaches the
     * listeners, the web UI and the event log in order with the engine's own events.
     */
    public void postEvent(ListenerEvent event) {
        listenerBus.post(Objects.requireNonNull(event, "event is null"));
    }

    /** The settings this context was built with. */
    public EmberConf conf() {
        return conf;
    }

    /** The master URL. */
    public String master() {
        return master.url();
    }

    /** The application name. */
    public String appName() {
        return conf.get(EmberConf.APP_NAME).getOrElse("ember");
    }

    /** This application's id, e.g. {@code local-1762790400000} (it names the event log). */
    public String applicationId() {
        return ui.applicationId();
    }

    /** The web UI's address, e.g. {@code http://127.0.0.1:4040}, unless {@code ember.ui.enabled=false}. */
    public io.vavr.control.Option<String> uiWebUrl() {
        return ui.webUrl();
    }

    /** Whether {@link #close()} has been called. */
    public boolean isStopped() {
        return stopped.get();
    }

    /** Stops the scheduler and every executor; jobs still running fail. Idempotent. */
    @Override
    public void close() {
        if (stopped.compareAndSet(false, true)) {
            try {
                scheduler.stop(stopCause);
            } finally {
                runtime.close();
                storage.close();
                listenerBus.post(new ListenerEvent.ApplicationEnd(System.currentTimeMillis()));
                listenerBus.close();
                ui.close();
                ACTIVE.compareAndSet(this, null);
            }
        }
    }

    /** The same as {@link #close()}, Spark's name for it. */
    public void stop() {
        close();
    }

    @Override
    public String toString() {
        return "EmberContext(" + appName() + ", " + master.url() + (isStopped() ? ", stopped" : "") + ")";
    }

    // ---- for the engine's own classes ---------------------------------------------------------

    int newRddId() {
        return nextRddId.getAndIncrement();
    }

    int registerShuffle(ShuffleDependency<?, ?, ?> dependency) {
        return nextShuffleId.getAndIncrement();
    }

    /** Deletes a shuffle's files on every executor and forgets its map outputs; called by the cleaner. */
    void removeShuffle(int shuffleId) {
        storage.blockMaster().removeShuffle(shuffleId);
        scheduler.removeShuffle(shuffleId);
    }

    /** Checks that {@code f} can be shipped, and makes its class loader known to executors. */
    <F> F clean(F f) {
        Objects.requireNonNull(f, "function is null");
        Closures.ensureSerializable(f);
        userClassLoader.register(f.getClass().getClassLoader());
        return f;
    }

    /** The storage side of this context. */
    StorageContext storage() {
        return storage;
    }

    /** Snapshot of the scheduler's bookkeeping sizes, for tests that check nothing leaks. */
    java.util.Map<String, Integer> schedulerBookkeeping() {
        return scheduler.bookkeeping();
    }

    private EmberContext live() {
        if (stopped.get()) {
            Throwable cause = stopCause;
            throw new IllegalStateException("Cannot use a stopped EmberContext (" + appName() + ")"
                    + (cause == null ? "" : ": it stopped because of " + cause), cause);
        }
        return this;
    }

    /**
     * Stops the context because of {@code cause}, which later calls name: the scheduler failed
     * unexpectedly (and has failed every job), as Spark does then, or the executor runtime stopped
     * under it. On a thread of its own: closing waits for the scheduler's thread, which may be the caller.
     */
    private void stopInNewThread(Throwable cause) {
        if (isStopped()) {
            return;
        }
        LOG.error("Stopping the EmberContext ({}): {}", appName(), cause.getMessage());
        stopCause = cause;
        Thread stopper = new Thread(this::close, "ember-context-stopper");
        stopper.start();
    }

    /**
     * Configures and creates (or returns the active) context. Each option is checked when it is
     * set, and a bad one is rejected there with a message naming it. The {@code ember.*} system
     * properties (as {@code bin/ember-submit --master/--conf} sets them) are the defaults; what
     * is set here overrides them.
     */
    public static final class Builder {
        private EmberConf conf = EmberConf.fromSystemProperties();

        private Builder() {
        }

        /**
         * Where to run: {@code local}, {@code local[N]}, {@code local[*]}, or
         * {@code ember://host:port[,host:port...]} to join the Ember cluster whose seed nodes these
         * are (see {@code bin/ember-worker}; {@code ember.cluster.*} settings apply).
         */
        public Builder master(String master) {
            conf = conf.with(EmberConf.MASTER, master);
            return this;
        }

        /** The application's name. */
        public Builder appName(String name) {
            conf = conf.with(EmberConf.APP_NAME, name);
            return this;
        }

        /**
         * Sets an {@code ember.*} setting (see {@link EmberConf}); a {@code spark.*} key sets its
         * Ember equivalent or is ignored with a logged reason (see {@link SparkConfKeys}).
         */
        public Builder config(String key, String value) {
            SparkConfKeys.emberKey(key).ifPresent(k -> conf = conf.with(k, value));
            return this;
        }

        /** Sets an {@code ember.*} setting to a number. */
        public Builder config(String key, long value) {
            return config(key, Long.toString(value));
        }

        /**
         * The active context if there is one (its settings unchanged, as in Spark), else a new
         * one started with these settings.
         */
        public EmberContext getOrCreate() {
            synchronized (ACTIVE) {
                EmberContext active = ACTIVE.get();
                if (active != null && !active.isStopped()) {
                    return active;
                }
                EmberContext created = new EmberContext(conf);
                ACTIVE.set(created);
                return created;
            }
        }
    }
}
