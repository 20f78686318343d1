package io.ember.dataframe;

import io.ember.dataframe.internal.optimizer.JoinReorderSettings;
import io.ember.rdd.SparkConfKeys;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL settings of a session ({@code spark.conf()}), changeable at any time; a query uses the
 * values in force when it runs. Each value is checked when set, and a bad one is rejected there
 * with a message naming the key.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code ember.sql.session.timeZone}</td><td>the JVM's zone</td><td>zone of timestamps shown, parsed and split into fields</td></tr>
 *   <tr><td>{@code ember.sql.autoBroadcastJoinThreshold}</td><td>10485760 (10 MB)</td><td>largest estimated side broadcast in a join; -1 disables</td></tr>
 *   <tr><td>{@code ember.sql.shuffle.partitions}</td><td>the default parallelism</td><td>partitions after a shuffle (aggregations, joins, sorts)</td></tr>
 *   <tr><td>{@code ember.sql.caseSensitive}</td><td>false</td><td>whether column names are matched case-sensitively</td></tr>
 *   <tr><td>{@code ember.sql.columnBatchSize}</td><td>4096</td><td>rows per column batch</td></tr>
 *   <tr><td>{@code ember.sql.files.maxPartitionBytes}</td><td>134217728 (128 MB)</td><td>largest split of a file</td></tr>
 *   <tr><td>{@code ember.sql.parquet.compression.codec}</td><td>snappy</td><td>Parquet compression: snappy, zstd, gzip, none</td></tr>
 *   <tr><td>{@code ember.sql.parquet.lateMaterialization.enabled}</td><td>true</td><td>a filter over a Parquet scan
 *       is evaluated by the scan, which decodes the filter's columns first and the others only for the rows that
 *       pass; false: the scan decodes every row and a filter above it keeps the rows</td></tr>
 *   <tr><td>{@code ember.sql.datetime.java8API.enabled}</td><td>false</td><td>rows hold LocalDate/Instant instead of java.sql.Date/Timestamp</td></tr>
 *   <tr><td>{@code ember.sql.pivotMaxValues}</td><td>10000</td><td>most distinct values of a pivot column whose values are not given</td></tr>
 *   <tr><td>{@code ember.sql.optimizer.excludedRules}</td><td>(none)</td><td>comma-separated optimizer rule names to skip</td></tr>
 *   <tr><td>{@code ember.sql.join.preferSortMergeJoin}</td><td>false</td><td>true: equi-joins too large to broadcast sort
 *       both sides (Spark's default); false: a shuffled hash join builds the smaller side (Ember's default: its hash
 *       join spills to disk as a grace hash join, so it needs no more memory than sorting does)</td></tr>
 *   <tr><td>{@code ember.sql.optimizer.runtimeFilter.enabled}</td><td>true</td><td>a broadcast join whose build
 *       side is filtered also filters its stream side where it is read, by the build side's keys, before the
 *       shuffles, aggregations and joins below the join (the plan shows {@code RuntimeFilter}); so does a
 *       shuffled join's filtered side whose keys are estimated within four times
 *       {@code autoBroadcastJoinThreshold} (its keys collected first); and a top-N ({@code orderBy(...).limit(n)}) hands its current cutoff to the Parquet
 *       scan it reads, which decodes the other columns only for rows that can still make it
 *       ({@code TopNBound}); false: off</td></tr>
 *   <tr><td>{@code ember.sql.maxBroadcastTableSize}</td><td>a quarter of the driver's heap, at most 8 GB</td><td>largest collected side a broadcast join ships; larger fails early naming this setting</td></tr>
 *   <tr><td>{@code ember.sql.cbo.enabled}</td><td>true</td><td>estimate rows and column statistics (from Parquet
 *       footers, file sizes, filter selectivity) for join ordering, join strategy and {@code explain("cost")};
 *       false: sizes only</td></tr>
 *   <tr><td>{@code ember.sql.cbo.joinReorder.enabled}</td><td>true</td><td>order inner joins by estimated cost
 *       (with {@code cbo.enabled}); false: only avoid cartesian products</td></tr>
 *   <tr><td>{@code ember.sql.cbo.joinReorder.dp.threshold}</td><td>12</td><td>most relations ordered by dynamic
 *       programming (1 to 16); larger groups greedily</td></tr>
 * </table>
 *
 * <p>Unlike Spark, whose cost-based optimizer is off until tables are analyzed, Ember turns it on:
 * its statistics come from what the files already tell (footers, sizes), with no {@code ANALYZE}.
 *
 * <p>Spark's names of these keys ({@code spark.sql.shuffle.partitions} ...) set and read the same
 * settings; other {@code spark.*} keys are ignored with a logged reason (see
 * {@link SparkConfKeys}).
 */
public final class RuntimeConfig {
    /** The session time zone key. */
    public static final String SESSION_TIME_ZONE = "ember.sql.session.timeZone";
    /** The broadcast join threshold key. */
    public static final String AUTO_BROADCAST_JOIN_THRESHOLD = "ember.sql.autoBroadcastJoinThreshold";
    /** The shuffle partitions key. */
    public static final String SHUFFLE_PARTITIONS = "ember.sql.shuffle.partitions";
    /** The case sensitivity key. */
    public static final String CASE_SENSITIVE = "ember.sql.caseSensitive";
    /** The batch size key. */
    public static final String COLUMN_BATCH_SIZE = "ember.sql.columnBatchSize";
    /** The file split size key. */
    public static final String MAX_PARTITION_BYTES = "ember.sql.files.maxPartitionBytes";
    /** The Parquet codec key. */
    public static final String PARQUET_COMPRESSION = "ember.sql.parquet.compression.codec";
    /** The key of late materialization in Parquet scans. */
    public static final String PARQUET_LATE_MATERIALIZATION = "ember.sql.parquet.lateMaterialization.enabled";
    /** The java.time rows key. */
    public static final String JAVA8_API = "ember.sql.datetime.java8API.enabled";
    /** The excluded optimizer rules key. */
    public static final String EXCLUDED_RULES = "ember.sql.optimizer.excludedRules";

    /** The key choosing sort-merge (true) or shuffled hash joins (false) for large equi-joins. */
    public static final String PREFER_SORT_MERGE_JOIN = "ember.sql.join.preferSortMergeJoin";
    /** The key of the largest broadcast side. */
    public static final String MAX_BROADCAST_TABLE_SIZE = "ember.sql.maxBroadcastTableSize";
    /** Spark's hard limit on a broadcast table, the most the setting may default to. */
    private static final long SPARK_MAX_BROADCAST_TABLE_SIZE = 8L << 30;
    /** The key turning runtime filters (join keys, top-N cutoffs, applied where rows are read) on or off. */
    public static final String RUNTIME_FILTER_ENABLED = "ember.sql.optimizer.runtimeFilter.enabled";
    /** The cost-based estimation key. */
    public static final String CBO_ENABLED = "ember.sql.cbo.enabled";
    /** The cost-based join reorder key. */
    public static final String JOIN_REORDER_ENABLED = "ember.sql.cbo.joinReorder.enabled";
    /** The join reorder dynamic programming threshold key. */
    public static final String JOIN_REORDER_DP_THRESHOLD = "ember.sql.cbo.joinReorder.dp.threshold";

    /** The pivot values limit key. */
    public static final String PIVOT_MAX_VALUES = "ember.sql.pivotMaxValues";

    private final Map<String, String> values = new ConcurrentHashMap<>();

    RuntimeConfig() {
    }

    /** Whether {@code key} is a SQL setting (these live in the session, the rest in the context). */
    static boolean isSqlKey(String key) {
        return key != null && key.startsWith("ember.sql.");
    }

    /**
     * Sets {@code key} after checking the value.
     *
     * @throws IllegalArgumentException naming the key if it is unknown or the value is bad
     */
    public RuntimeConfig set(String key, String value) {
        Optional<String> emberKey = SparkConfKeys.emberKey(key);
        if (emberKey.isPresent()) {
            values.put(emberKey.get(), check(emberKey.get(), value));
        }
        return this;
    }

    /** Sets a numeric setting. */
    public RuntimeConfig set(String key, long value) {
        return set(key, Long.toString(value));
    }

    /** Sets a boolean setting. */
    public RuntimeConfig set(String key, boolean value) {
        return set(key, Boolean.toString(value));
    }

    /** The value of {@code key} if set. */
    public Optional<String> getOption(String key) {
        return Optional.ofNullable(values.get(SparkConfKeys.lookupKey(key)));
    }

    /** The value of {@code key}, or {@code defaultValue}. */
    public String get(String key, String defaultValue) {
        return values.getOrDefault(SparkConfKeys.lookupKey(key), defaultValue);
    }

    /**
     * The value of {@code key}.
     *
     * @throws java.util.NoSuchElementException if it is not set
     */
    public String get(String key) {
        String v = values.get(SparkConfKeys.lookupKey(key));
        if (v == null) {
            throw new java.util.NoSuchElementException(key);
        }
        return v;
    }

    /** Removes {@code key}, restoring its default. */
    public void unset(String key) {
        values.remove(SparkConfKeys.lookupKey(key));
    }

    /** Every explicitly set value, sorted by key. */
    public Map<String, String> getAll() {
        return new TreeMap<>(values);
    }

    static String check(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException("Setting '" + key + "' needs a value, got null");
        }
        String v = value.trim();
        switch (key) {
            case SESSION_TIME_ZONE -> {
                try {
                    ZoneId.of(v);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("Setting '" + key + "' must be a time zone id such as "
                            + "'UTC' or 'America/New_York', got '" + value + "'");
                }
            }
            case AUTO_BROADCAST_JOIN_THRESHOLD -> parseBytes(key, v, true);
            case MAX_PARTITION_BYTES, MAX_BROADCAST_TABLE_SIZE -> {
                if (parseBytes(key, v, false) < 1) {
                    throw new IllegalArgumentException("Setting '" + key + "' must be positive, got '" + value + "'");
                }
            }
            case SHUFFLE_PARTITIONS, COLUMN_BATCH_SIZE, PIVOT_MAX_VALUES -> {
                try {
                    if (Integer.parseInt(v) < 1) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Setting '" + key + "' must be a positive integer, got '"
                            + value + "'");
                }
            }
            case JOIN_REORDER_DP_THRESHOLD -> {
                try {
                    int n = Integer.parseInt(v);
                    if (n < 1 || n > JoinReorderSettings.MAX_DP_THRESHOLD) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Setting '" + key + "' must be an integer from 1 to "
                            + JoinReorderSettings.MAX_DP_THRESHOLD + ", got '" + value + "'");
                }
            }
            case CASE_SENSITIVE, JAVA8_API, PREFER_SORT_MERGE_JOIN, CBO_ENABLED, JOIN_REORDER_ENABLED,
                 RUNTIME_FILTER_ENABLED, PARQUET_LATE_MATERIALIZATION -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("Setting '" + key + "' must be true or false, got '" + value + "'");
                }
            }
            case PARQUET_COMPRESSION -> {
                String c = v.toLowerCase(Locale.ROOT);
                if (!c.equals("snappy") && !c.equals("zstd") && !c.equals("gzip") && !c.equals("none")
                        && !c.equals("uncompressed")) {
                    throw new IllegalArgumentException("Setting '" + key + "' must be one of snappy, zstd, gzip, none; got '"
                            + value + "'");
                }
            }
            case EXCLUDED_RULES -> {
            }
            default -> throw new IllegalArgumentException("Unknown SQL setting '" + key + "'; known: "
                    + String.join(", ", SESSION_TIME_ZONE, AUTO_BROADCAST_JOIN_THRESHOLD, SHUFFLE_PARTITIONS,
                    CASE_SENSITIVE, COLUMN_BATCH_SIZE, MAX_PARTITION_BYTES, PARQUET_COMPRESSION, PARQUET_LATE_MATERIALIZATION, JAVA8_API,
                    EXCLUDED_RULES, PIVOT_MAX_VALUES, PREFER_SORT_MERGE_JOIN, MAX_BROADCAST_TABLE_SIZE, CBO_ENABLED,
                    JOIN_REORDER_ENABLED, JOIN_REORDER_DP_THRESHOLD, RUNTIME_FILTER_ENABLED));
        }
        return v;
    }

    /** Parses {@code 10485760}, {@code 10m}, {@code 10MB}, {@code 64k}, {@code 1g}; -1 only if allowed. */
    static long parseBytes(String key, String v, boolean allowNegativeOne) {
        String s = v.toLowerCase(Locale.ROOT).replace("b", "");
        long unit = 1;
        if (s.endsWith("k")) {
            unit = 1024;
        } else if (s.endsWith("m")) {
            unit = 1024 * 1024;
        } else if (s.endsWith("g")) {
            unit = 1024L * 1024 * 1024;
        }
        if (unit != 1) {
            s = s.substring(0, s.length() - 1);
        }
        try {
            long n = Long.parseLong(s.trim()) * unit;
            if (n < 0 && !(allowNegativeOne && n == -1)) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting '" + key + "' must be a size in bytes (e.g. 10485760 or 10m)"
                    + (allowNegativeOne ? " or -1" : "") + ", got '" + v + "'");
        }
    }

    // ---- typed access for the engine --------------------------------------------------------------

    String timeZone() {
        return get(SESSION_TIME_ZONE, ZoneId.systemDefault().getId());
    }

    long broadcastThreshold() {
        return parseBytes(AUTO_BROADCAST_JOIN_THRESHOLD, get(AUTO_BROADCAST_JOIN_THRESHOLD, "10485760"), true);
    }

    boolean preferSortMergeJoin() {
        return Boolean.parseBoolean(get(PREFER_SORT_MERGE_JOIN, "false"));
    }

    boolean runtimeFilterEnabled() {
        return Boolean.parseBoolean(get(RUNTIME_FILTER_ENABLED, "true"));
    }

    boolean parquetLateMaterialization() {
        return Boolean.parseBoolean(get(PARQUET_LATE_MATERIALIZATION, "true"));
    }

    /**
     * The largest side a broadcast join collects and ships: by default a quarter of the driver's
     * heap (the collected rows, their hash table and their serialized copy all live there at once),
     * and never more than Spark's 8 GB.
     */
    long maxBroadcastTableSize() {
        return getOption(MAX_BROADCAST_TABLE_SIZE).map(v -> parseBytes(MAX_BROADCAST_TABLE_SIZE, v, false))
                .orElse(Math.min(SPARK_MAX_BROADCAST_TABLE_SIZE, Runtime.getRuntime().maxMemory() / 4));
    }

    int shufflePartitions(int defaultParallelism) {
        return getOption(SHUFFLE_PARTITIONS).map(Integer::parseInt).orElse(Math.max(1, defaultParallelism));
    }

    boolean caseSensitive() {
        return Boolean.parseBoolean(get(CASE_SENSITIVE, "false"));
    }

    int pivotMaxValues() {
        return Integer.parseInt(get(PIVOT_MAX_VALUES, "10000"));
    }

    int batchSize() {
        return Integer.parseInt(get(COLUMN_BATCH_SIZE, "4096"));
    }

    long maxPartitionBytes() {
        return parseBytes(MAX_PARTITION_BYTES, get(MAX_PARTITION_BYTES, "134217728"), false);
    }

    String parquetCompression() {
        return get(PARQUET_COMPRESSION, "snappy").toLowerCase(Locale.ROOT);
    }

    boolean java8Api() {
        return Boolean.parseBoolean(get(JAVA8_API, "false"));
    }

    boolean cboEnabled() {
        return Boolean.parseBoolean(get(CBO_ENABLED, "true"));
    }

    JoinReorderSettings joinReorder() {
        return new JoinReorderSettings(cboEnabled() && Boolean.parseBoolean(get(JOIN_REORDER_ENABLED, "true")),
                Integer.parseInt(get(JOIN_REORDER_DP_THRESHOLD, Integer.toString(JoinReorderSettings.DEFAULT_DP_THRESHOLD))),
                broadcastThreshold());
    }

    java.util.Set<String> excludedRules() {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String s : get(EXCLUDED_RULES, "").split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
