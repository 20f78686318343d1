package io.ember.rdd;

import io.ember.rdd.internal.Redaction;
import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of a context: immutable {@code ember.*} keys with string values, checked when set.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code ember.master}</td><td>{@code local[*]}</td><td>where executors run</td></tr>
 *   <tr><td>{@code ember.app.name}</td><td>{@code ember}</td><td>the application's name</td></tr>
 *   <tr><td>{@code ember.task.maxFailures}</td><td>4</td><td>failed attempts of one task before its job fails</td></tr>
 *   <tr><td>{@code ember.locality.wait}</td><td>3s</td><td>how long a task waits for a free slot on an
 *       executor caching its partition before it runs elsewhere</td></tr>
 *   <tr><td>{@code ember.excludeOnFailure.enabled}</td><td>true</td><td>whether an executor where tasks of
 *       a stage keep failing gets no more of its tasks</td></tr>
 *   <tr><td>{@code ember.default.parallelism}</td><td>total executor cores</td><td>partitions of
 *       {@code parallelize} and, when set, of shuffles without an explicit count</td></tr>
 *   <tr><td>{@code ember.local.dir}</td><td>{@code java.io.tmpdir}</td><td>where the application's
 *       directory (cached blocks, spills, shuffle files of local executors) is created</td></tr>
 *   <tr><td>{@code ember.redaction.regex}</td><td>secret, password, token, credential, key</td><td>which
 *       settings are secrets, never shown nor logged</td></tr>
 * </table>
 */
public final class EmberConf {
    /** Where executors run: {@code local}, {@code local[N]} or {@code local[*]}. */
    public static final String MASTER = "ember.master";
    /** The application's name. */
    public static final String APP_NAME = "ember.app.name";
    /** How many times one task may fail before its job fails (at least 1). */
    public static final String TASK_MAX_FAILURES = "ember.task.maxFailures";
    /** The default number of partitions. */
    public static final String DEFAULT_PARALLELISM = "ember.default.parallelism";
    /** The parent of the application's local directory (default {@code java.io.tmpdir}). */
    public static final String LOCAL_DIR = "ember.local.dir";
    /**
     * Which settings are secrets, whose values are never shown nor logged (web UI, JSON API,
     * event log, log lines): a Java regular expression found in their keys, like Spark's
     * {@code spark.redaction.regex}. The default finds {@code secret}, {@code password},
     * {@code passwd}, {@code token}, {@code credential}, and {@code key} as a word of the key.
     */
    public static final String REDACTION_REGEX = Redaction.REGEX_SETTING;
    /**
     * How long the driver waits for executors to apply a storage command (a blocking
     * {@code unpersist}, shipping a broadcast) before failing, e.g. {@code 30s}.
     */
    public static final String STORAGE_COMMAND_TIMEOUT = "ember.storage.commandTimeout";
    /**
     * How long a job submitted while no executor is alive waits for one to register before it
     * fails, e.g. {@code 30s} (Spark's {@code spark.scheduler.maxRegisteredResourcesWaitingTime}).
     * In local mode executors never come back, so such a job fails at once.
     */
    public static final String MAX_REGISTERED_RESOURCES_WAITING_TIME = "ember.scheduler.maxRegisteredResourcesWaitingTime";
    /**
     * How long a cancelled task may keep running after its thread was interrupted before a
     * warning names it as ignoring the interruption, e.g. {@code 10s}.
     */
    public static final String TASK_KILL_GRACE_PERIOD = "ember.task.killGracePeriod";

    /**
     * How long a task whose partition is cached on a busy executor waits for a slot there before
     * it runs on another executor, e.g. {@code 3s} (Spark's {@code spark.locality.wait}); {@code 0s}
     * never waits.
     */
    public static final String LOCALITY_WAIT = "ember.locality.wait";
    /**
     * Whether a stage stops sending tasks to an executor where its tasks keep failing, and retries
     * a failed task on another executor (Spark's {@code spark.excludeOnFailure.enabled}): {@code true}
     * or {@code false}. A task is still retried on an excluded executor when every live executor is
     * excluded, so that {@code ember.task.maxFailures} decides when a job fails.
     */
    public static final String EXCLUDE_ON_FAILURE = "ember.excludeOnFailure.enabled";
    /**
     * How many failed tasks of one stage exclude an executor from that stage (at least 1), as Spark's
     * {@code spark.excludeOnFailure.stage.maxFailedTasksPerExecutor}.
     */
    public static final String EXCLUDE_STAGE_MAX_FAILED_TASKS = "ember.excludeOnFailure.stage.maxFailedTasksPerExecutor";

    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*(ms|s|m|h)\\s*");

    private final SortedMap<String, String> settings;

    EmberConf(SortedMap<String, String> settings) {
        this.settings = settings;
    }

    static EmberConf empty() {
        return new EmberConf(TreeMap.empty());
    }

    /**
     * The {@code ember.*} system properties, checked like any setting: the defaults of every
     * builder, as {@code bin/ember-submit} sets them ({@code --master}, {@code --conf}) and as
     * {@code java -Dember.master=...} does. Settings made in code override them.
     */
    static EmberConf fromSystemProperties() {
        EmberConf conf = empty();
        for (String key : new java.util.TreeSet<>(System.getProperties().stringPropertyNames())) {
            if (key.startsWith("ember.")) {
                try {
                    conf = conf.with(key, System.getProperty(key));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(key + " (a system property, or given to bin/ember-submit): "
                            + e.getMessage(), e);
                }
            }
        }
        return conf;
    }

    /** A copy with {@code key} set to {@code value}, after checking both. */
    EmberConf with(String key, String value) {
        check(key, value);
        return new EmberConf(settings.put(key, value));
    }

    /** The value of {@code key}, if set. */
    public Option<String> get(String key) {
        return settings.get(key);
    }

    /** Every setting, sorted by key. */
    public SortedMap<String, String> getAll() {
        return settings;
    }

    /**
     * Every setting, sorted by key, with the values of secret ones replaced by
     * {@code *********(redacted)} (see {@link #REDACTION_REGEX}): what may be shown or logged.
     */
    public SortedMap<String, String> redacted() {
        Redaction redaction = Redaction.forSettings(settings.toJavaMap());
        return settings.map((key, value) -> io.vavr.Tuple.of(key, redaction.redact(key, value)));
    }

    /** {@value #TASK_MAX_FAILURES}, default 4. */
    public int taskMaxFailures() {
        return get(TASK_MAX_FAILURES).map(Integer::parseInt).getOrElse(4);
    }

    /** {@value #LOCALITY_WAIT}, default 3 s. */
    public Duration localityWait() {
        return duration(LOCALITY_WAIT, Duration.ofSeconds(3));
    }

    /** {@value #EXCLUDE_ON_FAILURE}, default true. */
    public boolean excludeOnFailure() {
        return get(EXCLUDE_ON_FAILURE).map(v -> Boolean.parseBoolean(v.trim())).getOrElse(true);
    }

    /** {@value #EXCLUDE_STAGE_MAX_FAILED_TASKS}, default 2. */
    public int excludeStageMaxFailedTasks() {
        return get(EXCLUDE_STAGE_MAX_FAILED_TASKS).map(v -> Integer.parseInt(v.trim())).getOrElse(2);
    }

    /** {@value #STORAGE_COMMAND_TIMEOUT}, default 30 s. */
    public Duration storageCommandTimeout() {
        return duration(STORAGE_COMMAND_TIMEOUT, Duration.ofSeconds(30));
    }

    /** {@value #MAX_REGISTERED_RESOURCES_WAITING_TIME}, default 30 s. */
    public Duration maxRegisteredResourcesWaitingTime() {
        return duration(MAX_REGISTERED_RESOURCES_WAITING_TIME, Duration.ofSeconds(30));
    }

    /** {@value #TASK_KILL_GRACE_PERIOD}, default 10 s. */
    public Duration taskKillGracePeriod() {
        return duration(TASK_KILL_GRACE_PERIOD, Duration.ofSeconds(10));
    }

    private Duration duration(String key, Duration fallback) {
        return get(key).map(v -> parseDuration(key, v)).getOrElse(fallback);
    }

    /** Parses {@code 250ms}, {@code 30s}, {@code 2m} or {@code 1h} (a number and a unit). */
    static Duration parseDuration(String key, String value) {
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("Setting '" + key + "' must be a duration such as 250ms, 30s, 2m or 1h, got '"
                    + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    /** {@value #LOCAL_DIR}, default {@code java.io.tmpdir}. */
    public java.nio.file.Path localDir() {
        return java.nio.file.Path.of(get(LOCAL_DIR).getOrElse(() -> System.getProperty("java.io.tmpdir")));
    }

    /** {@value #DEFAULT_PARALLELISM}, if set. */
    public Option<Integer> defaultParallelism() {
        return get(DEFAULT_PARALLELISM).map(Integer::parseInt);
    }

    private static void check(String key, String value) {
        if (key == null || !key.startsWith("ember.")) {
            throw new IllegalArgumentException("Setting '" + key + "' is not an Ember setting: keys start with 'ember.'");
        }
        if (value == null) {
            throw new IllegalArgumentException("Setting '" + key + "' needs a value, got null");
        }
        switch (key) {
            case TASK_MAX_FAILURES, DEFAULT_PARALLELISM, EXCLUDE_STAGE_MAX_FAILED_TASKS -> {
                int n;
                try {
                    n = Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Setting '" + key + "' must be a positive integer, got '" + value + "'");
                }
                if (n < 1) {
                    throw new IllegalArgumentException("Setting '" + key + "' must be a positive integer, got " + n);
                }
            }
            case MASTER -> Master.parse(value);
            case LOCAL_DIR -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("Setting '" + key + "' must be a directory, got an empty value");
                }
            }
            case REDACTION_REGEX -> Redaction.compile(value);
            case STORAGE_COMMAND_TIMEOUT, MAX_REGISTERED_RESOURCES_WAITING_TIME, TASK_KILL_GRACE_PERIOD, LOCALITY_WAIT ->
                    parseDuration(key, value);
            case EXCLUDE_ON_FAILURE -> {
                if (!value.trim().equalsIgnoreCase("true") && !value.trim().equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("Setting '" + key + "' must be true or false, got '" + value + "'");
                }
            }
            default -> {
            }
        }
    }

    @Override
    public String toString() {
        return redacted().toString();
    }
}
