package io.ember.rdd.internal.ui.status;

import io.ember.rdd.EmberListener;
import io.ember.rdd.ListenerEvent;
import io.ember.rdd.TaskMetrics;
import io.ember.rdd.internal.Redaction;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the UI knows about one application, built from its {@link ListenerEvent}s: live (as a
 * listener of a running context) or replayed from an event log. Queries return immutable
 * snapshots.
 *
 * <p>It also holds the state of the application's UI extensions (the SQL tab's, when DataFrames
 * are on the class path; see {@link io.ember.rdd.internal.ui.web.UiExtension}): each is attached under its
 * tab id before the first event and fed every event after the store's own state was updated.
 *
 * <p>Design notes. Events arrive on the listener bus thread and queries on the web server's
 * threads; one lock guards everything the store itself keeps, and each query copies what it
 * returns. Extensions' states are fed outside that lock and guard themselves, so an extension
 * that queries the store while holding its own lock cannot deadlock with an event. What is kept
 * is bounded by {@link Retention}.
 */
public final class AppStatusStore implements EmberListener {
    private static final Comparator<long[]> STAGE_ORDER =
            Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]);

    private final String appId;
    private final String emberVersion;
    private AppSummary app;
    private EnvironmentData environment = new EnvironmentData(Map.of(), Map.of(), Map.of(), List.of());
    private final Map<Integer, LiveJob> jobs = new TreeMap<>();
    private final TreeMap<long[], LiveStage> stages = new TreeMap<>(STAGE_ORDER);
    private final Map<String, LiveExecutor> executors = new LinkedHashMap<>();
    private final Map<String, EmberListener> extensions = new ConcurrentHashMap<>();
    private Supplier<List<RddStorageData>> storageSource;
    private List<RddStorageData> storage = List.of();

    /** An empty store for application {@code appId}, run by Ember {@code emberVersion}. */
    public AppStatusStore(String appId, String emberVersion) {
        this.appId = appId;
        this.emberVersion = emberVersion;
        this.app = new AppSummary(appId, "", "", -1, -1, System.getProperty("user.name", ""), emberVersion);
    }

    // ---- updates ----------------------------------------------------------------------------

    @Override
    public void onEvent(ListenerEvent event) {
        synchronized (this) {
            update(event);
        }
        extensions.values().forEach(extension -> extension.onEvent(event));
    }

    /**
     * Keeps {@code state} as the state of the UI extension {@code id}, and feeds it every event
     * from now on.
     *
     * @throws IllegalStateException if an extension with this id is already attached
     */
    public void attach(String id, EmberListener state) {
        Objects.requireNonNull(state, "state is null");
        if (extensions.putIfAbsent(id, state) != null) {
            throw new IllegalStateException("A UI extension with id '" + id + "' is already attached to " + appId);
        }
    }

    /** The state of the UI extension {@code id}, if one is attached and is a {@code type}. */
    public <T> Option<T> extension(String id, Class<T> type) {
        return Option.of(extensions.get(id)).filter(type::isInstance).map(type::cast);
    }

    private void update(ListenerEvent event) {
        if (event instanceof ListenerEvent.ApplicationStart e) {
            applicationStarted(e.appName(), e.master(), e.time(), e.conf().getAll().toJavaMap());
        } else if (event instanceof ListenerEvent.ApplicationEnd e) {
            app = new AppSummary(appId, app.name(), app.master(), app.startTime(), e.time(), app.user(), emberVersion);
        } else if (event instanceof ListenerEvent.JobStart e) {
            onJobStart(e);
        } else if (event instanceof ListenerEvent.JobEnd e) {
            onJobEnd(e);
        } else if (event instanceof ListenerEvent.StageSubmitted e) {
            onStageSubmitted(e);
        } else if (event instanceof ListenerEvent.StageCompleted e) {
            onStageCompleted(e);
        } else if (event instanceof ListenerEvent.TaskStart e) {
            onTaskStart(e);
        } else if (event instanceof ListenerEvent.TaskEnd e) {
            onTaskEnd(e);
        } else if (event instanceof ListenerEvent.ExecutorAdded e) {
            LiveExecutor executor = executors.computeIfAbsent(e.executorId(), LiveExecutor::new);
            executor.hostPort = e.address();
            executor.cores = e.cores();
            executor.addTime = e.time();
            executor.active = true;
        } else if (event instanceof ListenerEvent.ExecutorRemoved e) {
            LiveExecutor executor = executors.computeIfAbsent(e.executorId(), LiveExecutor::new);
            executor.active = false;
            executor.removeTime = e.time();
            executor.removeReason = e.reason();
        }
    }

    /**
     * Records the application's start; {@code settings} are its {@code ember.*} settings (kept
     * with secrets hidden, see {@link Redaction}).
     */
    public synchronized void applicationStarted(String name, String master, long time, Map<String, String> settings) {
        app = new AppSummary(appId, name, master, time, -1, app.user(), emberVersion);
        environment = new EnvironmentData(environment.runtime(), new TreeMap<>(settings),
                environment.systemProperties(), environment.classpathEntries()).redacted(Redaction.forSettings(settings));
    }

    /** Records the JVM's environment (settings already known are kept; secrets hidden, see {@link Redaction}). */
    public synchronized void environmentUpdated(EnvironmentData update) {
        Map<String, String> settings = environment.emberProperties().isEmpty()
                ? update.emberProperties() : environment.emberProperties();
        environment = new EnvironmentData(update.runtime(), settings, update.systemProperties(),
                update.classpathEntries()).redacted(Redaction.forSettings(settings));
    }

    /** Where a live application's storage comes from, asked at each query. */
    public synchronized void storageSource(Supplier<List<RddStorageData>> source) {
        this.storageSource = source;
    }

    /** Replaces the known storage (replayed applications). */
    public synchronized void storageUpdated(List<RddStorageData> rdds) {
        this.storage = List.copyOf(rdds);
    }

    private void onJobStart(ListenerEvent.JobStart e) {
        List<Integer> stageIds = new ArrayList<>();
        int numTasks = 0;
        for (ListenerEvent.StageInfo info : e.stages()) {
            stageIds.add(info.stageId());
            numTasks += info.numTasks();
            LiveStage stage = stages.computeIfAbsent(key(info.stageId(), info.attempt()), k -> new LiveStage(info));
            stage.jobIds.add(e.jobId());
        }
        jobs.put(e.jobId(), new LiveJob(e.jobId(), e.callSite(), e.time(), List.copyOf(stageIds), numTasks));
        Retention.trim(jobs.entrySet().iterator(), jobs.size(), entry -> entry.getValue().status != JobData.JobStatus.RUNNING);
    }

    private void onJobEnd(ListenerEvent.JobEnd e) {
        LiveJob job = jobs.get(e.jobId());
        if (job == null) {
            return;
        }
        job.completionTime = e.time();
        job.status = e.succeeded() ? JobData.JobStatus.SUCCEEDED : JobData.JobStatus.FAILED;
        job.error = e.error();
        job.activeStages = 0;
        job.activeTasks = 0;
        for (int stageId : job.stageIds) {
            LiveStage latest = latestAttempt(stageId);
            if (!job.submittedStages.contains(stageId)) {
                job.skippedStages++;
                job.skippedTasks += latest == null ? 0 : latest.info.numTasks();
            }
            if (latest != null && latest.status == StageData.StageStatus.PENDING && noRunningJob(latest)) {
                latest.status = StageData.StageStatus.SKIPPED;
            }
        }
    }

    private void onStageSubmitted(ListenerEvent.StageSubmitted e) {
        ListenerEvent.StageInfo info = e.stage();
        LiveStage stage = stages.computeIfAbsent(key(info.stageId(), info.attempt()), k -> new LiveStage(info));
        stage.status = StageData.StageStatus.ACTIVE;
        stage.submissionTime = e.time();
        stage.completionTime = -1;
        for (LiveJob job : runningJobs()) {
            if (job.stageIds.contains(info.stageId())) {
                stage.jobIds.add(job.jobId);
                job.submittedStages.add(info.stageId());
                job.activeStages++;
            }
        }
        Retention.trim(stages.entrySet().iterator(), stages.size(), entry -> entry.getValue().completionTime >= 0);
    }

    private void onStageCompleted(ListenerEvent.StageCompleted e) {
        ListenerEvent.StageInfo info = e.stage();
        LiveStage stage = stages.computeIfAbsent(key(info.stageId(), info.attempt()), k -> new LiveStage(info));
        boolean wasActive = stage.status == StageData.StageStatus.ACTIVE;
        stage.status = e.failureReason() == null ? StageData.StageStatus.COMPLETE : StageData.StageStatus.FAILED;
        stage.failureReason = e.failureReason();
        stage.completionTime = e.time();
        if (stage.submissionTime < 0) {
            stage.submissionTime = e.time();
        }
        for (LiveJob job : runningJobs()) {
            if (job.stageIds.contains(info.stageId())) {
                job.activeStages = Math.max(0, job.activeStages - (wasActive ? 1 : 0));
                if (e.failureReason() == null) {
                    job.completedStages++;
                } else {
                    job.failedStages++;
                }
            }
        }
    }

    private void onTaskStart(ListenerEvent.TaskStart e) {
        ListenerEvent.TaskInfo t = e.task();
        LiveStage stage = stages.get(key(t.stageId(), t.stageAttempt()));
        if (stage != null) {
            stage.tasks.put(t.taskId(), new TaskData(t.taskId(), t.partition(), t.attempt(), t.stageId(),
                    t.stageAttempt(), t.executorId(), t.launchTime(), -1, "RUNNING", null, TaskMetrics.EMPTY));
        }
        executors.computeIfAbsent(t.executorId(), LiveExecutor::new).activeTasks++;
        for (LiveJob job : runningJobs()) {
            if (job.stageIds.contains(t.stageId())) {
                job.activeTasks++;
            }
        }
    }

    private void onTaskEnd(ListenerEvent.TaskEnd e) {
        ListenerEvent.TaskInfo t = e.task();
        TaskMetrics metrics = e.metrics() == null ? TaskMetrics.EMPTY : e.metrics();
        LiveStage stage = stages.get(key(t.stageId(), t.stageAttempt()));
        if (stage != null) {
            stage.tasks.put(t.taskId(), new TaskData(t.taskId(), t.partition(), t.attempt(), t.stageId(),
                    t.stageAttempt(), t.executorId(), t.launchTime(), e.finishTime(), e.status(), e.error(), metrics));
        }
        executors.computeIfAbsent(t.executorId(), LiveExecutor::new)
                .taskEnded(e.status(), e.finishTime() - t.launchTime(), metrics);
        for (LiveJob job : runningJobs()) {
            if (job.stageIds.contains(t.stageId())) {
                job.activeTasks = Math.max(0, job.activeTasks - 1);
                if (e.status().equals("SUCCESS")) {
                    job.completedTasks++;
                } else {
                    job.failedTasks++;
                }
            }
        }
    }

    // ---- queries ----------------------------------------------------------------------------

    /** The application's id. */
    public String appId() {
        return appId;
    }

    /** The application: name, master, start and end. */
    public synchronized AppSummary app() {
        return app;
    }

    /** Every retained job, newest first. */
    public synchronized List<JobData> jobs() {
        List<JobData> result = new ArrayList<>();
        jobs.values().forEach(job -> result.add(0, job.toData()));
        return result;
    }

    /** One job. */
    public synchronized Option<JobData> job(int jobId) {
        return Option.of(jobs.get(jobId)).map(LiveJob::toData);
    }

    /** Every retained stage attempt, newest stage first. */
    public synchronized List<StageData> stages() {
        List<StageData> result = new ArrayList<>();
        stages.descendingMap().values().forEach(stage -> result.add(stage.toData()));
        return result;
    }

    /** The attempts of one stage, oldest first. */
    public synchronized List<StageData> stageAttempts(int stageId) {
        List<StageData> result = new ArrayList<>();
        stages.subMap(key(stageId, 0), true, key(stageId, Integer.MAX_VALUE), true)
                .values().forEach(stage -> result.add(stage.toData()));
        return result;
    }

    /** One stage attempt. */
    public synchronized Option<StageData> stage(int stageId, int attemptId) {
        return Option.of(stages.get(key(stageId, attemptId))).map(LiveStage::toData);
    }

    /** The tasks of one stage attempt, in launch order. */
    public synchronized List<TaskData> tasks(int stageId, int attemptId) {
        LiveStage stage = stages.get(key(stageId, attemptId));
        return stage == null ? List.of() : stage.taskList();
    }

    /** Every executor that ever joined, with the bytes of cached RDD partitions it holds. */
    public synchronized List<ExecutorData> executors() {
        List<RddStorageData> rdds = storage();
        List<ExecutorData> result = new ArrayList<>();
        for (LiveExecutor executor : executors.values()) {
            long memory = 0;
            long disk = 0;
            for (RddStorageData rdd : rdds) {
                for (RddStorageData.ExecutorShare share : rdd.executors()) {
                    if (executor.id.equals(share.executorId())) {
                        memory += share.memoryUsed();
                        disk += share.diskUsed();
                    }
                }
            }
            result.add(executor.toData(memory, disk));
        }
        return result;
    }

    /** The persisted RDDs. */
    public synchronized List<RddStorageData> storage() {
        if (storageSource != null && !app.completed()) {
            storage = List.copyOf(storageSource.get());
        }
        return storage;
    }

    /** One persisted RDD. */
    public synchronized Option<RddStorageData> rdd(int rddId) {
        return io.vavr.collection.List.ofAll(storage()).find(rdd -> rdd.id() == rddId);
    }

    /** The JVM, settings and class path. */
    public synchronized EnvironmentData environment() {
        return environment;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static long[] key(int stageId, int attempt) {
        return new long[] {stageId, attempt};
    }

    private LiveStage latestAttempt(int stageId) {
        Map.Entry<long[], LiveStage> entry = stages.floorEntry(key(stageId, Integer.MAX_VALUE));
        return entry != null && entry.getKey()[0] == stageId ? entry.getValue() : null;
    }

    private List<LiveJob> runningJobs() {
        List<LiveJob> running = new ArrayList<>();
        for (LiveJob job : jobs.values()) {
            if (job.status == JobData.JobStatus.RUNNING) {
                running.add(job);
            }
        }
        return running;
    }

    private boolean noRunningJob(LiveStage stage) {
        for (int jobId : stage.jobIds) {
            LiveJob job = jobs.get(jobId);
            if (job != null && job.status == JobData.JobStatus.RUNNING) {
                return false;
            }
        }
        return true;
    }
}
