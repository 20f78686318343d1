package io.ember.rdd.internal.scheduler;

import io.ember.actors.internal.spi.ExecutorRuntime;
import io.ember.rdd.Dependency;
import io.ember.rdd.JobCancelledException;
import io.ember.rdd.JobFailedException;
import io.ember.rdd.ListenerEvent;
import io.ember.rdd.NarrowDependency;
import io.ember.rdd.Partition;
import io.ember.rdd.RDD;
import io.ember.rdd.ShuffleDependency;
import io.ember.rdd.TaskContext;
import io.ember.rdd.internal.AccumulatorRegistry;
import io.ember.rdd.internal.shuffle.FetchFailedException;
import io.ember.rdd.internal.shuffle.MapStatus;
import io.ember.rdd.internal.storage.BlockManagerMaster;
import io.ember.serializers.Codec;
import io.ember.serializers.Codecs;
import io.vavr.Function2;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns jobs into stages, hands each stage attempt's tasks to the {@link TaskScheduler}, and
 * recovers from failures.
 *
 * <p>Design notes. One thread, {@code ember-dag-scheduler}, owns every piece of scheduling
 * state below and the task scheduler's; public methods only post {@link SchedulerEvent}s to it
 * (as Spark's DAGScheduler does). The lineage is cut at shuffle dependencies: each shuffle gets a
 * {@link ShuffleMapStage} that outlives jobs (so its outputs are reused), each job a
 * {@link ResultStage}. A stage is submitted when its parents' outputs all exist; independent
 * parents run at the same time. This class owns jobs, stages, map outputs and stage
 * resubmission; the {@link TaskScheduler} owns tasks: slots, locality, retries and exclusion.
 *
 * <p>Failure handling, for reviewers:
 * <ul>
 *   <li>a task that throws is retried (by the task scheduler) until it has failed
 *       {@code maxTaskFailures} times, then its stage is aborted and every job using it fails
 *       with the user's exception as cause;</li>
 *   <li>a task whose executor is lost is resubmitted without counting as a failure;</li>
 *   <li>a lost executor's map outputs are forgotten; reducers that cannot fetch an output
 *       report a fetch failure, which marks the reduce stage failed and, after a short pause to
 *       gather other failures, resubmits the map stage's missing partitions and then the reduce
 *       stage (at most {@value #MAX_STAGE_ATTEMPTS} times);</li>
 *   <li>nothing waits forever: a waiting stage whose parent lost outputs resubmits that parent,
 *       and when no executor is left every job fails; a job submitted while none is alive fails
 *       at once in local mode, and after {@link SchedulerSettings#executorWaitTime()} on a cluster;</li>
 *   <li>a task that ran out of memory is not retried in local mode (the executors share this
 *       JVM's heap); on a cluster its executor is given up and the task retried elsewhere;</li>
 *   <li>a cancelled job fails with {@link JobCancelledException}; its running tasks that no other
 *       job needs are interrupted, and one still running after the grace period is named in a warning;</li>
 *   <li>an unexpected error in the loop itself is logged, fails every job with it as the cause
 *       and ends the loop (the context then stops): the state may be half-updated.</li>
 * </ul>
 *
 * <p>Bookkeeping is bounded: every per-job and per-stage structure empties when the jobs end,
 * and a {@link ShuffleMapStage} is dropped once no active job needs it, so stages never keep
 * lineage alive. What outlives jobs is the {@link MapOutputRegistry} (one entry per shuffle
 * whose RDD is still referenced, no RDD in it), pruned when the cleaner removes a shuffle.
 */
public final class DAGScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DAGScheduler.class);
    static final int MAX_STAGE_ATTEMPTS = 4;
    private static final long RESUBMIT_DELAY_MS = 50;

    private final SchedulerSettings settings;
    private final ListenerBus bus;
    private final TaskScheduler taskScheduler;
    private final Codec codec = Codecs.kryo();
    private final BlockingQueue<SchedulerEvent> events = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService timer;
    private final Thread loop;

    // Owned by the event loop thread.
    private int nextStageId;
    private int nextJobId;
    /** The map stages that an active job needs, by shuffle id; pruned when their last job ends. */
    private final Map<Integer, ShuffleMapStage> shuffleStages = new HashMap<>();
    private final MapOutputRegistry mapOutputs = new MapOutputRegistry();
    private final Set<Stage> waiting = new HashSet<>();
    private final Set<Stage> running = new HashSet<>();
    private final Set<Stage> failed = new HashSet<>();
    private final Map<Integer, ActiveJob> jobs = new HashMap<>();
    private boolean resubmitScheduled;
    private boolean stopped;
    /** Set when the loop has ended: events posted from then on are answered by the poster. */
    private volatile boolean terminated;
    /** The unexpected error that ended the loop, if one did. */
    private volatile Throwable fatalError;
    /** Why the context stopped the scheduler, if it said. */
    private volatile Throwable stopCause;
    private final Consumer<Throwable> onFatalError;

    /**
     * Starts the event loop over {@code runtime}'s executors; {@code userClassLoader} resolves
     * application classes in task results; {@code blockMaster} learns of the blocks that tasks
     * cache and evict; {@code onFatalError} is told (on the loop's thread, once) of an unexpected
     * error that ended the loop, after every job has been failed with it: it should stop the
     * context without waiting on this thread.
     */
    public DAGScheduler(ExecutorRuntime runtime, SchedulerSettings settings, ClassLoader userClassLoader,
                        ListenerBus bus, BlockManagerMaster blockMaster, Consumer<Throwable> onFatalError) {
        this.onFatalError = onFatalError;
        this.bus = bus;
        this.settings = settings;
        this.taskScheduler = new TaskScheduler(runtime, settings, bus, blockMaster, userClassLoader, new StageLevel(),
                new EventLoop());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ember-dag-scheduler-timer");
            t.setDaemon(true);
            return t;
        });
        this.loop = new Thread(this::runLoop, "ember-dag-scheduler");
        loop.setDaemon(true);
        loop.start();
        runtime.onExecutorLost(id -> post(new SchedulerEvent.ExecutorLost(id)));
        runtime.onExecutorAdded(e -> post(new SchedulerEvent.ExecutorAdded(e.id(), e.address(), e.cores())));
    }

    /**
     * Runs {@code func} on the given partitions of {@code rdd} and returns one result per
     * partition, in the order asked. Blocks until the job ends.
     *
     * @throws JobFailedException if the job is aborted
     */
    public Object[] runJob(RDD<?> rdd, Function2<TaskContext, ? extends Iterator<?>, ?> func, int[] partitions,
                           String callSite, JobGroup group) {
        CompletableFuture<Object[]> completion = submitJob(rdd, func, partitions, callSite, group).results();
        try {
            return completion.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JobCancelledException cancelled) {
                throw new JobCancelledException(cancelled.getMessage());
            }
            if (cause instanceof JobFailedException failure) {
                throw new JobFailedException(failure.getMessage(), failure.getCause());
            }
            throw new JobFailedException("Job at " + callSite + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailedException("Interrupted while waiting for the job at " + callSite, e);
        }
    }

    /**
     * Submits a job without waiting: the returned handle's {@code jobId} completes once the
     * scheduler has taken the job (with the id that {@link #cancelJob} takes), its
     * {@code results} with one result per partition, in the order asked, or with the job's
     * {@link JobFailedException} or {@link JobCancelledException}.
     */
    @SuppressWarnings("unchecked")
    public SubmittedJob submitJob(RDD<?> rdd, Function2<TaskContext, ? extends Iterator<?>, ?> func, int[] partitions,
                                  String callSite, JobGroup group) {
        CompletableFuture<Object[]> completion = new CompletableFuture<>();
        CompletableFuture<Integer> jobId = new CompletableFuture<>();
        post(new SchedulerEvent.JobSubmitted(rdd, (Function2<TaskContext, Iterator<Object>, ?>) func,
                partitions, callSite, group, completion, jobId));
        return new SubmittedJob(jobId, completion);
    }

    /**
     * How many entries each bookkeeping structure holds, for tests: all zero when idle except
     * {@code registeredShuffles}, the shuffles whose owning RDD is still referenced.
     */
    public Map<String, Integer> bookkeeping() {
        CompletableFuture<Map<String, Integer>> answer = new CompletableFuture<>();
        post(new SchedulerEvent.Inspect(answer));
        return answer.join();
    }

    /** Cancels job {@code jobId} if it is active, interrupting its running tasks (unless its group says not to). */
    public void cancelJob(int jobId) {
        post(new SchedulerEvent.CancelJob(jobId));
    }

    /** Cancels the active jobs of group {@code groupId}. */
    public void cancelJobGroup(String groupId) {
        post(new SchedulerEvent.CancelJobGroup(groupId));
    }

    /** Cancels every active job. */
    public void cancelAllJobs() {
        post(new SchedulerEvent.CancelAllJobs());
    }

    /**
     * Forgets the map outputs of a shuffle that was removed (its owning RDD was garbage-collected,
     * so no job can read it again).
     */
    public void removeShuffle(int shuffleId) {
        post(new SchedulerEvent.ShuffleRemoved(shuffleId));
    }

    /** Fails the jobs still running and stops the event loop. */
    @Override
    public void close() {
        stop(null);
    }

    /**
     * As {@link #close()}, because of {@code cause} (null if the context was simply closed): the
     * jobs that fail, and those submitted later, name it.
     */
    public void stop(Throwable cause) {
        stopCause = cause;
        post(new SchedulerEvent.Shutdown());
        try {
            loop.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
    }

    private void post(SchedulerEvent event) {
        events.add(event);
        if (terminated) {
            rejectQueuedEvents();
        }
    }

    // ---- the event loop ---------------------------------------------------------------------

    private void runLoop() {
        try {
            while (!stopped) {
                SchedulerEvent event;
                try {
                    event = events.take();
                } catch (InterruptedException e) {
                    LOG.warn("The DAG scheduler's thread was interrupted; it stops and its jobs fail");
                    fatalError = e;
                    failAllJobsAfterFatalError(e);
                    onFatalError.accept(e);
                    return;
                }
                try {
                    handle(event);
                } catch (RuntimeException | Error e) {
                    // why: the state may be half-updated, so going on could hang or corrupt jobs; as
                    // Spark's DAGSchedulerEventProcessLoop.onError, fail every job and stop the context
                    LOG.error("The DAG scheduler failed while handling {}; failing all jobs and stopping the "
                            + "EmberContext", event.getClass().getSimpleName(), e);
                    stopped = true;
                    fatalError = e;
                    failAllJobsAfterFatalError(e);
                    onFatalError.accept(e);
                }
            }
        } finally {
            terminated = true;
            rejectQueuedEvents();
        }
    }

    /** Fails every active job with {@code cause} without touching other state, which may be inconsistent. */
    private void failAllJobsAfterFatalError(Throwable cause) {
        for (ActiveJob job : new ArrayList<>(jobs.values())) {
            JobFailedException error = new JobFailedException("Job " + job.id + " aborted: the scheduler stopped "
                    + "after an unexpected error (" + cause + "); the EmberContext is stopped", cause);
            bus.post(new ListenerEvent.JobEnd(job.id, System.currentTimeMillis(), false, error.getMessage()));
            job.completion.completeExceptionally(error);
        }
        jobs.clear();
    }

    /** Answers the events nobody will handle any more, so that no caller waits for them. */
    private void rejectQueuedEvents() {
        SchedulerEvent event;
        while ((event = events.poll()) != null) {
            if (event instanceof SchedulerEvent.JobSubmitted job) {
                JobFailedException stopped = stoppedError("Job at " + job.callSite());
                job.jobId().completeExceptionally(stopped);
                job.completion().completeExceptionally(stopped);
            } else if (event instanceof SchedulerEvent.Inspect inspect) {
                inspect.answer().completeExceptionally(stoppedError("Inspect"));
            }
        }
    }

    private JobFailedException stoppedError(String what) {
        Throwable fatal = fatalError;
        if (fatal != null) {
            return new JobFailedException(what + " cancelled: the scheduler stopped after an unexpected error ("
                    + fatal + ")", fatal);
        }
        Throwable cause = stopCause;
        return new JobFailedException(what + " cancelled because the EmberContext was stopped"
                + (cause == null ? "" : ": " + cause.getMessage()), cause);
    }

    private void handle(SchedulerEvent event) {
        if (event instanceof SchedulerEvent.JobSubmitted e) {
            onJobSubmitted(e);
        } else if (event instanceof SchedulerEvent.TaskEnded e) {
            taskScheduler.taskEnded(e.task(), e.outcome());
        } else if (event instanceof SchedulerEvent.ExecutorAdded e) {
            taskScheduler.executorAdded(e.executorId(), e.address(), e.cores());
        } else if (event instanceof SchedulerEvent.ExecutorLost e) {
            taskScheduler.executorLost(e.executorId());
        } else if (event instanceof SchedulerEvent.ReviveOffers) {
            taskScheduler.reviveOffers();
        } else if (event instanceof SchedulerEvent.CancelJob e) {
            ActiveJob job = jobs.get(e.jobId());
            if (job != null) {
                cancel(List.of(job), "because it was cancelled (EmberContext.cancelJob)");
            }
        } else if (event instanceof SchedulerEvent.CancelJobGroup e) {
            cancel(jobs.values().stream().filter(j -> j.group != null && j.group.id().equals(e.groupId())).toList(),
                    "as part of cancelled job group " + e.groupId());
        } else if (event instanceof SchedulerEvent.CancelAllJobs) {
            cancel(new ArrayList<>(jobs.values()), "as part of cancelling all jobs (EmberContext.cancelAllJobs)");
        } else if (event instanceof SchedulerEvent.ExecutorWaitEnded e) {
            onExecutorWaitEnded(e.jobId());
        } else if (event instanceof SchedulerEvent.KilledTaskCheck e) {
            taskScheduler.killedTaskCheck(e);
        } else if (event instanceof SchedulerEvent.ShuffleRemoved e) {
            mapOutputs.unregister(e.shuffleId());
        } else if (event instanceof SchedulerEvent.ResubmitFailedStages) {
            onResubmitFailedStages();
        } else if (event instanceof SchedulerEvent.Shutdown) {
            stopped = true;
            for (ActiveJob job : new ArrayList<>(jobs.values())) {
                failJob(job, stoppedError("Job " + job.id));
            }
        } else if (event instanceof SchedulerEvent.Inspect i) {
            Map<String, Integer> sizes = new HashMap<>(Map.of("jobs", jobs.size(), "waiting", waiting.size(),
                    "running", running.size(), "failed", failed.size(), "shuffleStages", shuffleStages.size(),
                    "registeredShuffles", mapOutputs.size()));
            taskScheduler.bookkeeping(sizes);
            i.answer().complete(Map.copyOf(sizes));
        }
    }

    private void onJobSubmitted(SchedulerEvent.JobSubmitted e) {
        int jobId = nextJobId++;
        e.jobId().complete(jobId);
        if (e.partitions().length == 0) {
            e.completion().complete(new Object[0]);
            return;
        }
        ResultStage stage;
        try {
            List<ShuffleDependency<?, ?, ?>> shuffles = shuffleDependenciesOf(e.rdd());
            List<ShuffleMapStage> parents = new ArrayList<>();
            for (ShuffleDependency<?, ?, ?> dep : shuffles) {
                parents.add(shuffleStageFor(dep, jobId));
            }
            stage = new ResultStage(nextStageId++, e.rdd(), parents, shuffleIds(shuffles), jobId, e.func());
        } catch (RuntimeException ex) {
            e.completion().completeExceptionally(ex);
            return;
        }
        ActiveJob job = new ActiveJob(jobId, stage, e.partitions(), e.group(), e.completion());
        stage.job = job;
        jobs.put(jobId, job);
        java.util.TreeMap<Integer, Stage> jobStages = new java.util.TreeMap<>();
        forEachStage(stage, s -> {
            s.jobIds.add(jobId);
            jobStages.put(s.id, s);
        });
        bus.post(new ListenerEvent.JobStart(jobId, e.callSite(), System.currentTimeMillis(),
                io.vavr.collection.List.ofAll(jobStages.values()).map(Stage::info)));
        if (!taskScheduler.hasAliveExecutors()) {
            if (settings.executorWaitTime().isZero()) {
                failJob(job, new JobFailedException("Job " + jobId + " at " + e.callSite() + " cannot run: no executor is "
                        + "alive (lost: " + String.join(", ", taskScheduler.lostExecutors()) + ") and local "
                        + "executors are not replaced; create a new EmberContext", null));
                return;
            }
            timer.schedule(() -> post(new SchedulerEvent.ExecutorWaitEnded(jobId)),
                    settings.executorWaitTime().toMillis(), TimeUnit.MILLISECONDS);
        }
        submitStage(stage);
    }

    /** A job that found no executor alive fails if none has registered since. */
    private void onExecutorWaitEnded(int jobId) {
        ActiveJob job = jobs.get(jobId);
        if (job != null && !taskScheduler.hasAliveExecutors()) {
            failJob(job, new JobFailedException("Job " + jobId + " aborted: no executor is alive and none registered within "
                    + settings.executorWaitTime().toMillis() + " ms (" + settings.executorWaitSetting() + "); start a "
                    + "worker (bin/ember-worker) or raise that setting", null));
        }
    }

    /**
     * Fails {@code cancelled} with a cancellation error; the running tasks that no active job needs
     * any more are interrupted, unless the cancelled job's group asked not to.
     */
    private void cancel(List<ActiveJob> cancelled, String reason) {
        for (ActiveJob job : cancelled) {
            String group = job.group == null ? "" : " (group " + job.group.id()
                    + (job.group.description() == null ? "" : ": " + job.group.description()) + ")";
            failJob(job, new JobCancelledException("Job " + job.id + group + " cancelled " + reason),
                    job.interruptOnCancel());
        }
    }

    /** Accumulator updates count once per partition: only from the attempt whose result is taken. */
    private void onTaskSucceeded(TaskAttempt task, TaskResult result, Map<Long, Object> accumulatorUpdates) {
        Stage stage = task.stage();
        if (result instanceof TaskResult.Value value) {
            ActiveJob job = ((ResultStage) stage).job;
            if (job == null || !jobs.containsKey(job.id)) {
                return;
            }
            int index = job.outputIndexOf(task.partition());
            if (!job.finished[index]) {
                AccumulatorRegistry.merge(accumulatorUpdates);
                job.finished[index] = true;
                job.results[index] = value.value();
                job.numFinished++;
                stage.pending.clear(task.partition());
            }
            if (job.numFinished == job.partitions.length) {
                finishJob(job);
            }
        } else {
            MapStatus status = ((TaskResult.MapOutput) result).status();
            ShuffleMapStage mapStage = (ShuffleMapStage) stage;
            if (!taskScheduler.isLost(status.executorId())) {
                if (stage.pending.get(task.partition())) {
                    AccumulatorRegistry.merge(accumulatorUpdates);
                }
                mapStage.outputs.add(task.partition(), status);
            }
            // why even when the output is lost: the stage then ends with a missing output and is resubmitted below
            stage.pending.clear(task.partition());
            if (running.contains(stage) && stage.pending.isEmpty()) {
                running.remove(stage);
                if (mapStage.isAvailable()) {
                    bus.post(new ListenerEvent.StageCompleted(stage.info(), System.currentTimeMillis(), null));
                    onStageCompleted();
                } else {
                    submitStage(stage);
                }
            }
        }
    }

    private void onFetchFailed(TaskAttempt task, TaskResult.FetchFailed fetch) {
        ShuffleOutputs outputs = mapOutputs.get(fetch.shuffleId());
        if (outputs != null) {
            outputs.remove(fetch.mapId(), fetch.executorId());
        }
        ShuffleMapStage mapStage = shuffleStages.get(fetch.shuffleId());
        Stage stage = task.stage();
        if (!isLive(task)) {
            return;
        }
        running.remove(stage);
        stage.pending.clear();
        stage.fetchFailures++;
        bus.post(new ListenerEvent.StageCompleted(stage.info(), System.currentTimeMillis(), fetch.message()));
        if (stage.fetchFailures > MAX_STAGE_ATTEMPTS) {
            abortStage(stage, stage + " failed " + stage.fetchFailures + " times because of fetch failures; last: "
                    + fetch.message(), new FetchFailedException(fetch.shuffleId(), fetch.mapId(),
                    fetch.executorId(), fetch.message()));
            return;
        }
        failed.add(stage);
        if (mapStage != null) {
            failed.add(mapStage);
        }
        if (!resubmitScheduled) {
            resubmitScheduled = true;
            timer.schedule(() -> post(new SchedulerEvent.ResubmitFailedStages()), RESUBMIT_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void onResubmitFailedStages() {
        resubmitScheduled = false;
        List<Stage> toResubmit = new ArrayList<>(failed);
        failed.clear();
        toResubmit.sort(Comparator.comparingInt((Stage s) -> s.firstJobId).thenComparingInt(s -> s.id));
        for (Stage stage : toResubmit) {
            submitStage(stage);
        }
    }

    /** Forgets the map outputs a lost executor held, and fails every job if no executor is left. */
    private void onExecutorLost(String executorId) {
        mapOutputs.removeOutputsOn(executorId);
        if (!taskScheduler.hasAliveExecutors()) {
            for (ActiveJob job : new ArrayList<>(jobs.values())) {
                failJob(job, new JobFailedException("Job " + job.id + " aborted: all executors are lost (last: "
                        + executorId + ")", null));
            }
            return;
        }
        resubmitMissingParentsOfWaitingStages();
    }

    // ---- stages -----------------------------------------------------------------------------

    private void submitStage(Stage stage) {
        if (stage.jobIds.isEmpty() || waiting.contains(stage) || running.contains(stage)) {
            return;
        }
        failed.remove(stage);
        List<ShuffleMapStage> missing = new ArrayList<>();
        for (ShuffleMapStage parent : stage.parents) {
            if (!parent.isAvailable()) {
                missing.add(parent);
            }
        }
        if (missing.isEmpty()) {
            submitMissingTasks(stage);
        } else {
            waiting.add(stage);
            missing.forEach(this::submitStage);
        }
    }

    private void submitMissingTasks(Stage stage) {
        List<Integer> partitions = stage.missingPartitions();
        if (partitions.isEmpty()) {
            onStageCompleted();
            return;
        }
        byte[] binary;
        try {
            binary = codec.serialize(stage instanceof ShuffleMapStage map
                    ? new StageBinary.ShuffleMap(map.rdd, map.dependency)
                    : new StageBinary.Result(stage.rdd, ((ResultStage) stage).func));
        } catch (RuntimeException e) {
            abortStage(stage, "Task not serializable: " + e.getMessage(), e);
            return;
        }
        HashMap<Integer, MapStatus[]> statuses = new HashMap<>();
        for (int shuffleId : stage.readShuffles) {
            statuses.put(shuffleId, mapOutputs.get(shuffleId).snapshot());
        }
        byte[] statusBytes = codec.serialize(statuses);
        Partition[] splits = stage.rdd.partitions();
        stage.attempt++;
        stage.pending.clear();
        running.add(stage);
        bus.post(new ListenerEvent.StageSubmitted(stage.info(), System.currentTimeMillis()));
        List<TaskSet.Task> tasks = new ArrayList<>();
        for (int p : partitions) {
            stage.pending.set(p);
            tasks.add(new TaskSet.Task(p, codec.serialize(splits[p]), stage.rdd.preferredLocations(splits[p])));
        }
        taskScheduler.submitTasks(new TaskSet(stage, stage.attempt, binary, statusBytes, tasks));
    }

    private void onStageCompleted() {
        for (Stage stage : new ArrayList<>(waiting)) {
            if (stage.parents.stream().allMatch(ShuffleMapStage::isAvailable)) {
                waiting.remove(stage);
                submitStage(stage);
            }
        }
        resubmitMissingParentsOfWaitingStages();
    }

    /** A waiting stage's parent that lost outputs after finishing would otherwise never run again. */
    private void resubmitMissingParentsOfWaitingStages() {
        for (Stage stage : new ArrayList<>(waiting)) {
            for (ShuffleMapStage parent : stage.parents) {
                if (!parent.isAvailable() && !running.contains(parent) && !waiting.contains(parent)
                        && !failed.contains(parent)) {
                    submitStage(parent);
                }
            }
        }
    }

    private void abortStage(Stage stage, String message, Throwable cause) {
        bus.post(new ListenerEvent.StageCompleted(stage.info(), System.currentTimeMillis(), message));
        for (int jobId : new ArrayList<>(stage.jobIds)) {
            ActiveJob job = jobs.get(jobId);
            if (job != null) {
                failJob(job, new JobFailedException("Job aborted due to stage failure: " + message, cause));
            }
        }
    }

    private void finishJob(ActiveJob job) {
        jobs.remove(job.id);
        long now = System.currentTimeMillis();
        bus.post(new ListenerEvent.StageCompleted(job.finalStage.info(), now, null));
        bus.post(new ListenerEvent.JobEnd(job.id, now, true, null));
        releaseStages(job, false);
        job.completion.complete(job.results);
    }

    private void failJob(ActiveJob job, JobFailedException error) {
        failJob(job, error, false);
    }

    /** As {@link #failJob(ActiveJob, JobFailedException)}; with {@code interrupt}, the tasks it alone needed are interrupted. */
    private void failJob(ActiveJob job, JobFailedException error, boolean interrupt) {
        jobs.remove(job.id);
        bus.post(new ListenerEvent.JobEnd(job.id, System.currentTimeMillis(), false, error.getMessage()));
        releaseStages(job, interrupt);
        job.completion.completeExceptionally(error);
    }

    /**
     * Forgets the stages no active job needs any more, so that they stop holding their lineage
     * (the ContextCleaner can then remove upstream shuffles); their map outputs stay registered.
     */
    private void releaseStages(ActiveJob job, boolean interrupt) {
        forEachStage(job.finalStage, s -> {
            s.jobIds.remove(job.id);
            if (s.jobIds.isEmpty()) {
                waiting.remove(s);
                running.remove(s);
                failed.remove(s);
                s.pending.clear();
                taskScheduler.cancelTaskSets(s, interrupt);
                if (s instanceof ShuffleMapStage mapStage) {
                    shuffleStages.remove(mapStage.dependency.shuffleId(), mapStage);
                }
            }
        });
    }

    private ShuffleMapStage shuffleStageFor(ShuffleDependency<?, ?, ?> dep, int jobId) {
        ShuffleMapStage existing = shuffleStages.get(dep.shuffleId());
        if (existing != null) {
            return existing;
        }
        List<ShuffleDependency<?, ?, ?>> shuffles = shuffleDependenciesOf(dep.rdd());
        List<ShuffleMapStage> parents = new ArrayList<>();
        for (ShuffleDependency<?, ?, ?> parentDep : shuffles) {
            parents.add(shuffleStageFor(parentDep, jobId));
        }
        ShuffleMapStage stage = new ShuffleMapStage(nextStageId++, dep.rdd(), parents, shuffleIds(shuffles), jobId, dep,
                mapOutputs.register(dep.shuffleId(), dep.rdd().getNumPartitions()));
        shuffleStages.put(dep.shuffleId(), stage);
        return stage;
    }

    /** The shuffle dependencies reachable from {@code rdd} through narrow dependencies only. */
    private static List<ShuffleDependency<?, ?, ?>> shuffleDependenciesOf(RDD<?> rdd) {
        List<ShuffleDependency<?, ?, ?>> result = new ArrayList<>();
        Set<Integer> seenShuffles = new HashSet<>();
        Set<Integer> visited = new HashSet<>();
        ArrayDeque<RDD<?>> toVisit = new ArrayDeque<>();
        toVisit.push(rdd);
        while (!toVisit.isEmpty()) {
            RDD<?> current = toVisit.pop();
            if (!visited.add(current.id())) {
                continue;
            }
            for (Dependency<?> dep : current.dependencies()) {
                if (dep instanceof ShuffleDependency<?, ?, ?> shuffle) {
                    if (seenShuffles.add(shuffle.shuffleId())) {
                        result.add(shuffle);
                    }
                } else if (dep instanceof NarrowDependency<?>) {
                    toVisit.push(dep.rdd());
                }
            }
        }
        return result;
    }

    private static List<Integer> shuffleIds(List<ShuffleDependency<?, ?, ?>> deps) {
        List<Integer> ids = new ArrayList<>();
        deps.forEach(d -> ids.add(d.shuffleId()));
        return ids;
    }

    private static void forEachStage(Stage root, Consumer<Stage> action) {
        Set<Stage> seen = new HashSet<>();
        ArrayDeque<Stage> toVisit = new ArrayDeque<>();
        toVisit.push(root);
        while (!toVisit.isEmpty()) {
            Stage s = toVisit.pop();
            if (seen.add(s)) {
                action.accept(s);
                s.parents.forEach(toVisit::push);
            }
        }
    }

    /** Whether {@code task} is of its stage's running attempt and its partition is still pending. */
    private boolean isLive(TaskAttempt task) {
        Stage stage = task.stage();
        return running.contains(stage) && task.stageAttempt() == stage.attempt && stage.pending.get(task.partition());
    }

    /** What the task scheduler reports, handled on the loop's thread. */
    private final class StageLevel implements TaskScheduler.Listener {
        @Override
        public void taskSucceeded(TaskAttempt task, TaskResult result, Map<Long, Object> accumulatorUpdates) {
            onTaskSucceeded(task, result, accumulatorUpdates);
        }

        @Override
        public void fetchFailed(TaskAttempt task, TaskResult.FetchFailed fetch) {
            onFetchFailed(task, fetch);
        }

        @Override
        public void taskSetFailed(Stage stage, String message, Throwable cause) {
            abortStage(stage, message, cause);
        }

        @Override
        public void executorLost(String executorId) {
            onExecutorLost(executorId);
        }
    }

    /** The task scheduler's view of this loop: the wall clock, posting now, later, and blocking work on the timer. */
    private final class EventLoop implements TaskScheduler.Loop {
        @Override
        public long nowMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void post(SchedulerEvent event) {
            DAGScheduler.this.post(event);
        }

        @Override
        public void postAfter(long delayMillis, SchedulerEvent event) {
            timer.schedule(() -> DAGScheduler.this.post(event), delayMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void runInBackground(Runnable work) {
            timer.execute(work);
        }
    }
}
