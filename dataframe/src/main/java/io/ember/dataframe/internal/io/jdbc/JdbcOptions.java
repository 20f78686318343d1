package io.ember.dataframe.internal.io.jdbc;

import io.ember.dataframe.internal.analysis.EditDistance;
import io.ember.rdd.internal.Redaction;
import java.io.Serializable;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The checked options of a JDBC read or write, Spark's names (keys are case-insensitive). Every
 * key must be one of {@link #KNOWN}: an unknown key is an error naming it and the closest known
 * one, so that a misspelt {@code numPartition} does not silently read everything in one task.
 * Immutable; travels to the executors with the scan.
 */
public final class JdbcOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The options a JDBC source understands, in Spark's spelling. */
    public static final List<String> KNOWN = List.of("url", "dbtable", "query", "driver", "user", "password",
            "partitionColumn", "lowerBound", "upperBound", "numPartitions", "fetchsize", "queryTimeout",
            "sessionInitStatement", "customSchema", "pushDownPredicate", "batchsize", "isolationLevel", "truncate",
            "createTableColumnTypes", "createTableOptions");

    private static final List<String> ISOLATION_LEVELS = List.of("NONE", "READ_UNCOMMITTED", "READ_COMMITTED",
            "REPEATABLE_READ", "SERIALIZABLE");

    /** Spark's spelling of each key given, to its value. */
    private final Map<String, String> options;
    /** The session's {@value Redaction#REGEX_SETTING}: which keys are secrets when options are shown. */
    private final String redactionRegex;

    private JdbcOptions(Map<String, String> options, String redactionRegex) {
        this.options = options;
        this.redactionRegex = redactionRegex;
    }

    /**
     * Checks one option as it is set: the key is known and the value has the right form.
     *
     * @throws IllegalArgumentException naming the option and what was wrong
     */
    public static void check(String key, String value) {
        String k = canonical(key);
        switch (k) {
            case "lowerBound", "upperBound" -> {
                if (value.isBlank()) {
                    throw new IllegalArgumentException("JDBC option '" + k + "' is empty");
                }
            }
            case "numPartitions", "batchsize" -> number(k, value, 1);
            case "fetchsize", "queryTimeout" -> number(k, value, 0);
            case "pushDownPredicate", "truncate" -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("JDBC option '" + k + "' must be true or false, got '" + value + "'");
                }
            }
            case "isolationLevel" -> {
                if (!ISOLATION_LEVELS.contains(value.toUpperCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("JDBC option 'isolationLevel' must be one of " + ISOLATION_LEVELS
                            + ", got '" + value + "'");
                }
            }
            case "url" -> {
                if (!value.startsWith("jdbc:")) {
                    throw new IllegalArgumentException("JDBC option 'url' must start with 'jdbc:', got '"
                            + JdbcUrls.redact(value) + "'");
                }
            }
            default -> {
            }
        }
    }

    /**
     * Checks {@code raw} for a read: every key and value as {@link #check} does, {@code url},
     * exactly one of {@code dbtable} and {@code query}, and the partitioning options together.
     * {@code settings} are the engine's, for their {@value Redaction#REGEX_SETTING}.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static JdbcOptions forRead(Map<String, String> raw, Map<String, String> settings) {
        JdbcOptions o = from(raw, settings);
        boolean table = o.has("dbtable");
        boolean query = o.has("query");
        if (table == query) {
            throw new IllegalArgumentException(table
                    ? "Both 'dbtable' and 'query' can not be specified at the same time."
                    : "Option 'dbtable' or 'query' is required.");
        }
        if (query && o.get("query").isBlank()) {
            throw new IllegalArgumentException("Option 'query' can not be empty.");
        }
        boolean partitioned = o.has("partitionColumn");
        if (query && partitioned) {
            throw new IllegalArgumentException("Options 'query' and 'partitionColumn' can not be specified together. "
                    + "Please define the query using 'dbtable' option instead and make sure to qualify the query "
                    + "with an alias.");
        }
        boolean anyBound = o.has("lowerBound") || o.has("upperBound");
        if (partitioned && !(o.has("lowerBound") && o.has("upperBound") && o.has("numPartitions"))) {
            throw new IllegalArgumentException("When reading JDBC data sources with option 'partitionColumn', "
                    + "options 'lowerBound', 'upperBound', and 'numPartitions' are also required.");
        }
        if (!partitioned && anyBound) {
            throw new IllegalArgumentException("Options 'lowerBound' and 'upperBound' need option 'partitionColumn'.");
        }
        return o;
    }

    /**
     * Checks {@code raw} for a write: as {@link #forRead} but {@code dbtable} is required and
     * {@code query} is not allowed.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static JdbcOptions forWrite(Map<String, String> raw, Map<String, String> settings) {
        JdbcOptions o = from(raw, settings);
        if (o.has("query")) {
            throw new IllegalArgumentException("Option 'query' is not applicable while writing.");
        }
        if (!o.has("dbtable")) {
            throw new IllegalArgumentException("Option 'dbtable' is required.");
        }
        return o;
    }

    private static JdbcOptions from(Map<String, String> raw, Map<String, String> settings) {
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            check(k, v);
            out.put(canonical(k), v);
        });
        String regex = settings.getOrDefault(Redaction.REGEX_SETTING, Redaction.DEFAULT_REGEX);
        Redaction.compile(regex);
        JdbcOptions o = new JdbcOptions(out, regex);
        if (!o.has("url")) {
            throw new IllegalArgumentException("Option 'url' is required.");
        }
        return o;
    }

    /** Spark's spelling of {@code key}, or an error naming the closest known key. */
    private static String canonical(String key) {
        for (String k : KNOWN) {
            if (k.equalsIgnoreCase(key)) {
                return k;
            }
        }
        String closest = EditDistance.closest(key, KNOWN, 1).get(0);
        throw new IllegalArgumentException("Unknown JDBC option '" + key + "'. Did you mean '" + closest
                + "'? Known options: " + KNOWN);
    }

    private static void number(String key, String value, long min) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JDBC option '" + key + "' must be a whole number, got '" + value + "'", e);
        }
        if (n < min) {
            throw new IllegalArgumentException("JDBC option '" + key + "' must be at least " + min + ", got " + n);
        }
    }

    boolean has(String key) {
        return options.containsKey(key);
    }

    String get(String key) {
        return options.get(key);
    }

    private long number(String key, long dflt) {
        return has(key) ? Long.parseLong(get(key).trim()) : dflt;
    }

    private boolean flag(String key, boolean dflt) {
        return has(key) ? Boolean.parseBoolean(get(key)) : dflt;
    }

    /** The JDBC URL (may hold a password: show {@link #shownUrl()} instead). */
    public String url() {
        return get("url");
    }

    /** The rule that decides which option keys and URL parameters are secrets. */
    Redaction redaction() {
        return Redaction.forSettings(Map.of(Redaction.REGEX_SETTING, redactionRegex));
    }

    /** The URL with its secrets hidden, for plans and errors. */
    public String shownUrl() {
        return JdbcUrls.redact(url(), redaction());
    }

    /** What follows FROM: the table, or the query as an aliased subquery as Spark writes it. */
    public String fromClause() {
        return has("query") ? "(" + get("query") + ") SPARK_GEN_SUBQ_0" : get("dbtable");
    }

    /** The table to write to, or the table or query read, for plans and errors. */
    public String relationName() {
        return has("query") ? "(" + get("query") + ")" : get("dbtable");
    }

    /** The driver class to load, if given. */
    public Optional<String> driver() {
        return Optional.ofNullable(get("driver"));
    }

    /** The connection properties: user and password when given. */
    public Properties connectionProperties() {
        Properties p = new Properties();
        if (has("user")) {
            p.setProperty("user", get("user"));
        }
        if (has("password")) {
            p.setProperty("password", get("password"));
        }
        return p;
    }

    /** The partition column, if the read is partitioned by stride. */
    public Optional<String> partitionColumn() {
        return Optional.ofNullable(get("partitionColumn"));
    }

    /** {@code lowerBound} as given: a number, or a date or timestamp for such a partition column. */
    public String lowerBound() {
        return get("lowerBound").trim();
    }

    /** {@code upperBound} as given. */
    public String upperBound() {
        return get("upperBound").trim();
    }

    /** {@code numPartitions}, or 0 when not given. */
    public int numPartitions() {
        return (int) Math.min(Integer.MAX_VALUE, number("numPartitions", 0));
    }

    /** Rows fetched per round trip; 0 leaves the driver's default. */
    public int fetchSize() {
        return (int) Math.min(Integer.MAX_VALUE, number("fetchsize", 0));
    }

    /** Seconds a statement may run; 0 means no limit. */
    public int queryTimeout() {
        return (int) Math.min(Integer.MAX_VALUE, number("queryTimeout", 0));
    }

    /** SQL run on each new connection before reading, if given. */
    public Optional<String> sessionInitStatement() {
        return Optional.ofNullable(get("sessionInitStatement"));
    }

    /** DDL of the columns whose types replace the mapped ones, if given. */
    public Optional<String> customSchema() {
        return Optional.ofNullable(get("customSchema"));
    }

    /** Whether filters go into the WHERE of each partition's query (default true). */
    public boolean pushDownPredicate() {
        return flag("pushDownPredicate", true);
    }

    /** Rows per batched insert (default 1000). */
    public int batchSize() {
        return (int) Math.min(Integer.MAX_VALUE, number("batchsize", 1000));
    }

    /** Whether overwrite truncates the table instead of dropping and creating it. */
    public boolean truncate() {
        return flag("truncate", false);
    }

    /**
     * The {@link Connection} isolation level of each write task's transaction (default read
     * uncommitted, as Spark), or {@link Connection#TRANSACTION_NONE} for no transaction.
     */
    public int isolationLevel() {
        return switch (has("isolationLevel") ? get("isolationLevel").toUpperCase(Locale.ROOT) : "READ_UNCOMMITTED") {
            case "NONE" -> Connection.TRANSACTION_NONE;
            case "READ_COMMITTED" -> Connection.TRANSACTION_READ_COMMITTED;
            case "REPEATABLE_READ" -> Connection.TRANSACTION_REPEATABLE_READ;
            case "SERIALIZABLE" -> Connection.TRANSACTION_SERIALIZABLE;
            default -> Connection.TRANSACTION_READ_UNCOMMITTED;
        };
    }

    /** Column types for CREATE TABLE that replace the mapped ones, e.g. {@code "name VARCHAR(64)"}. */
    public Optional<String> createTableColumnTypes() {
        return Optional.ofNullable(get("createTableColumnTypes"));
    }

    /** Text appended to CREATE TABLE, e.g. {@code "ENGINE=InnoDB"}; empty if not given. */
    public String createTableOptions() {
        return has("createTableOptions") ? get("createTableOptions") : "";
    }

    /** The options with the password and the URL's secrets hidden, for plans and errors. */
    @Override
    public String toString() {
        Redaction redaction = redaction();
        Map<String, String> shown = new LinkedHashMap<>();
        options.forEach((k, v) -> shown.put(k, k.equals("url") ? shownUrl() : redaction.redact(k, v)));
        return shown.toString();
    }
}
