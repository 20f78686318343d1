package io.ember.rdd;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code spark.*} settings Ember understands, so that a job ported from Spark keeps its
 * {@code builder().config("spark.sql.shuffle.partitions", ...)} lines. This is the one table
 * behind {@link EmberContext.Builder#config}, the session builder, {@code spark.conf().set} and
 * SQL's {@code SET}.
 *
 * <table>
 *   <caption>Spark keys and their Ember equivalents</caption>
 *   <tr><th>Spark key</th><th>Ember key</th></tr>
 *   <tr><td>{@code spark.master}</td><td>{@code ember.master}</td></tr>
 *   <tr><td>{@code spark.app.name}</td><td>{@code ember.app.name}</td></tr>
 *   <tr><td>{@code spark.default.parallelism}</td><td>{@code ember.default.parallelism}</td></tr>
 *   <tr><td>{@code spark.task.maxFailures}</td><td>{@code ember.task.maxFailures}</td></tr>
 *   <tr><td>{@code spark.local.dir}</td><td>{@code ember.local.dir}</td></tr>
 *   <tr><td>{@code spark.memory.fraction}, {@code spark.memory.storageFraction}</td>
 *       <td>{@code ember.memory.*} of the same name</td></tr>
 *   <tr><td>{@code spark.ui.enabled}, {@code spark.ui.port}, {@code spark.ui.showConsoleProgress}</td>
 *       <td>{@code ember.ui.*} of the same name</td></tr>
 *   <tr><td>{@code spark.eventLog.dir}, {@code spark.redaction.regex},
 *       {@code spark.scheduler.maxRegisteredResourcesWaitingTime}, {@code spark.locality.wait},
 *       {@code spark.excludeOnFailure.enabled},
 *       {@code spark.excludeOnFailure.stage.maxFailedTasksPerExecutor}</td><td>{@code ember.*} of the same name</td></tr>
 *   <tr><td>{@code spark.sql.shuffle.partitions}, {@code spark.sql.autoBroadcastJoinThreshold},
 *       {@code spark.sql.session.timeZone}, {@code spark.sql.caseSensitive},
 *       {@code spark.sql.files.maxPartitionBytes}, {@code spark.sql.parquet.compression.codec},
 *       {@code spark.sql.datetime.java8API.enabled}, {@code spark.sql.optimizer.excludedRules},
 *       {@code spark.sql.cbo.enabled}, {@code spark.sql.cbo.joinReorder.enabled},
 *       {@code spark.sql.cbo.joinReorder.dp.threshold}</td>
 *       <td>{@code ember.sql.*} of the same name</td></tr>
 * </table>
 *
 * <p>Some Spark keys are accepted and ignored, with an INFO line saying why: {@code spark.serializer}
 * and the {@code spark.kryo.*} keys (Ember always serializes with its own Kryo codec, which needs no
 * registration), memory and core sizes of executors and driver (Ember's executors live in the
 * driver's JVM or in workers started with their own settings), and {@code spark.sql.adaptive.*}
 * (Ember does not re-plan at run time). Any other {@code spark.*} key is ignored with a WARN naming
 * it, instead of failing, since a ported job may carry settings of Spark features Ember lacks. Keys
 * outside {@code spark.*} are used as written (an unknown {@code ember.sql.*} key stays an error).
 */
public final class SparkConfKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SparkConfKeys.class);
    private static final String SPARK = "spark.";

    private static final Map<String, String> EQUIVALENTS = buildEquivalents();

    private static final Map<String, String> IGNORED = Map.ofEntries(
            Map.entry("spark.serializer", "Ember always serializes with its own Kryo codec"),
            Map.entry("spark.kryo.registrator", "Ember's Kryo codec needs no class registration"),
            Map.entry("spark.kryo.registrationRequired", "Ember's Kryo codec needs no class registration"),
            Map.entry("spark.kryo.classesToRegister", "Ember's Kryo codec needs no class registration"),
            Map.entry("spark.kryoserializer.buffer", "Ember's Kryo codec sizes its buffers itself"),
            Map.entry("spark.kryoserializer.buffer.max", "Ember's Kryo codec sizes its buffers itself"),
            Map.entry("spark.driver.memory", "the driver is this JVM: size it with -Xmx"),
            Map.entry("spark.executor.memory", "local executors share the driver's JVM; workers are sized when started"),
            Map.entry("spark.executor.cores", "the master (local[N] or the workers) sets the cores"),
            Map.entry("spark.executor.instances", "the master (local[N] or the workers) sets the executors"),
            Map.entry("spark.driver.maxResultSize", "Ember does not cap the size of collected results"),
            Map.entry("spark.sql.adaptive.enabled", "Ember does not re-plan queries at run time"),
            Map.entry("spark.sql.adaptive.coalescePartitions.enabled", "Ember does not re-plan queries at run time"),
            Map.entry("spark.sql.adaptive.skewJoin.enabled", "Ember does not re-plan queries at run time"));

    private SparkConfKeys() {
    }

    private static Map<String, String> buildEquivalents() {
        Map<String, String> m = new TreeMap<>();
        for (String sameName : new String[] {"master", "app.name", "default.parallelism", "task.maxFailures",
                "local.dir", "memory.fraction", "memory.storageFraction", "ui.enabled", "ui.port", "ui.showConsoleProgress", "eventLog.dir", "redaction.regex",
                "scheduler.maxRegisteredResourcesWaitingTime", "locality.wait", "excludeOnFailure.enabled",
                "excludeOnFailure.stage.maxFailedTasksPerExecutor", "sql.shuffle.partitions",
                "sql.autoBroadcastJoinThreshold", "sql.session.timeZone", "sql.caseSensitive",
                "sql.files.maxPartitionBytes", "sql.parquet.compression.codec", "sql.datetime.java8API.enabled",
                "sql.optimizer.excludedRules", "sql.join.preferSortMergeJoin", "sql.cbo.enabled",
                "sql.cbo.joinReorder.enabled", "sql.cbo.joinReorder.dp.threshold"}) {
            m.put(SPARK + sameName, "ember." + sameName);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Every {@code spark.*} key understood, with its {@code ember.*} equivalent, sorted. */
    public static Map<String, String> equivalents() {
        return EQUIVALENTS;
    }

    /** Whether {@code key} is a Spark key ({@code spark.*}). */
    public static boolean isSparkKey(String key) {
        return key != null && key.startsWith(SPARK);
    }

    /**
     * The Ember key to set for {@code key}: its equivalent for a known {@code spark.*} key, the key
     * itself for any non-Spark key, and empty for a Spark key that Ember ignores (logged at INFO
     * with the reason if known, else at WARN).
     */
    public static Optional<String> emberKey(String key) {
        if (!isSparkKey(key)) {
            return Optional.ofNullable(key);
        }
        String ember = EQUIVALENTS.get(key);
        if (ember != null) {
            return Optional.of(ember);
        }
        String why = IGNORED.get(key);
        if (why != null) {
            LOG.info("Ignoring the Spark setting '{}': {}", key, why);
        } else {
            LOG.warn("Ignoring the unknown Spark setting '{}': Ember has no equivalent (known Spark settings: {})",
                    key, String.join(", ", EQUIVALENTS.keySet()));
        }
        return Optional.empty();
    }

    /** The Ember key for reading {@code key}: its equivalent if it has one, else the key as written. */
    public static String lookupKey(String key) {
        return EQUIVALENTS.getOrDefault(key, key);
    }
}
