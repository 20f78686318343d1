package io.ember.rdd;

import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;

/**
 * The settings of a context: immutable {@code ember.*} keys with string values, checked when set.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code ember.master}</td><td>{@code local[*]}</td><td>where executors run</td></tr>
 *   <tr><td>{@code ember.app.name}</td><td>{@code ember}</td><td>the application's name</td></tr>
 *   <tr><td>{@code ember.task.maxFailures}</td><td>4</td><td>failed attempts of one task before its job fails</td></tr>
 *   <tr><td>{@code ember.default.parallelism}</td><td>total executor cores</td><td>partitions of
 *       {@code parallelize} and, when set, of shuffles without an explicit count</td></tr>
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

    /** {@value #TASK_MAX_FAILURES}, default 4. */
    public int taskMaxFailures() {
        return get(TASK_MAX_FAILURES).map(Integer::parseInt).getOrElse(4);
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
            case TASK_MAX_FAILURES, DEFAULT_PARALLELISM -> {
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
            default -> {
            }
        }
    }

    @Override
    public String toString() {
        return settings.toString();
    }
}
