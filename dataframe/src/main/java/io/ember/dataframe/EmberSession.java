package io.ember.dataframe;

import io.ember.dataframe.internal.analysis.Analyzer;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.physical.ExecContext;
import io.ember.dataframe.internal.plan.ExistingRddRelation;
import io.ember.dataframe.internal.plan.LocalRelation;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.stats.StatsEstimator;
import io.ember.dataframe.internal.optimizer.Optimizer;
import io.ember.dataframe.internal.plan.RangeRelation;
import io.ember.dataframe.internal.plan.SubqueryAlias;
import io.ember.dataframe.internal.sql.SessionCatalog;
import io.ember.dataframe.types.DataType;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.EmberContext;
import io.ember.rdd.RDD;
import io.ember.rdd.SparkConfKeys;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The entry point of DataFrames, as Spark's {@code SparkSession}: reads data, creates DataFrames
 * and holds the SQL settings ({@link #conf()}) and UDFs ({@link #udf()}). It wraps an
 * {@link EmberContext} ({@link #context()}), which runs the jobs.
 *
 * <pre>{@code
 * try (EmberSession spark = EmberSession.builder().master("local[*]").appName("taxi").getOrCreate()) {
 *     DataFrame zones = spark.read().option("header", "true").option("inferSchema", "true").csv("zones.csv");
 *     zones.groupBy(col("Borough")).count().show();
 * }
 * }</pre>
 *
 * <p>Thread-safe. One active session per JVM; {@link #close()} stops the context too.
 */
public final class EmberSession implements AutoCloseable {
    private static final AtomicReference<EmberSession> ACTIVE = new AtomicReference<>();

    static {
        // Jobs and RDDs made inside the DataFrame layer are attributed to the user's line, not to ours.
        io.ember.rdd.internal.CallSite.registerEngine(EmberSession.class);
    }

    private final EmberContext sc;
    private final RuntimeConfig conf;
    private final UDFRegistration udf = new UDFRegistration();
    private final CacheManager cacheManager = new CacheManager();
    private final SessionCatalog sessionCatalog = new SessionCatalog();

    private EmberSession(EmberContext sc, RuntimeConfig conf) {
        this.sc = sc;
        this.conf = conf;
    }

    /** Starts configuring a session. */
    public static Builder builder() {
        return new Builder();
    }

    /** The active session, or null if there is none (for callers that also work without one). */
    static EmberSession activeOrNull() {
        EmberSession s = ACTIVE.get();
        return s == null || s.sc.isStopped() ? null : s;
    }

    /**
     * The active session.
     *
     * @throws IllegalStateException if there is none
     */
    public static EmberSession active() {
        EmberSession s = ACTIVE.get();
        if (s == null || s.sc.isStopped()) {
            throw new IllegalStateException("No active EmberSession: create one with EmberSession.builder().getOrCreate()");
        }
        return s;
    }

    /** The engine context that runs this session's jobs. */
    public EmberContext context() {
        return sc;
    }

    /** The same as {@link #context()}, Spark's name. */
    public EmberContext sparkContext() {
        return sc;
    }

    /** The SQL settings. */
    public RuntimeConfig conf() {
        return conf;
    }

    /** The UDF registry. */
    public UDFRegistration udf() {
        return udf;
    }

    /** A reader of files (CSV, Parquet, JSON lines, text). */
    public DataFrameReader read() {
        return new DataFrameReader(this);
    }

    /**
     * The result of the SQL query {@code sqlText}, over the temporary views of this session
     * ({@code df.createOrReplaceTempView("trips")}) and files ({@code parquet.`data/trips`}):
     * {@code spark.sql("SELECT Borough, count(*) FROM trips JOIN zones ON PULocationID = LocationID GROUP BY 1")}.
     * Lazy like any DataFrame: the query is parsed and analyzed now, and runs at an action, with
     * the same optimizer and planner as the DataFrame API.
     *
     * <p>Commands run now, as in Spark: {@code CREATE [OR REPLACE] TEMPORARY VIEW v AS query},
     * {@code DROP VIEW [IF EXISTS] v}, {@code CACHE [LAZY] TABLE t [AS query]},
     * {@code UNCACHE TABLE [IF EXISTS] t}, {@code SET [key [= value]]} ({@code spark.sql.*} keys
     * set the matching {@code ember.sql.*} setting), {@code SHOW TABLES [LIKE 'pattern']},
     * {@code DESCRIBE [TABLE] t} and {@code EXPLAIN [EXTENDED] query}; each returns its result as a
     * DataFrame shaped like Spark's (no columns for the first four).
     *
     * @throws io.ember.dataframe.internal.sql.ParseException if the text does not parse, naming the line and column
     * @throws AnalysisException if a table, column or function is unknown (naming the closest ones)
     *     or the query does not type-check
     */
    public DataFrame sql(String sqlText) {
        return SqlCommands.run(this, SqlSupport.statement(this, sqlText), sqlText);
    }

    /** The tables and views SQL can query, with their schemas. */
    public Catalog catalog() {
        return new Catalog(sessionCatalog);
    }

    /**
     * The temporary view {@code name} as a DataFrame (its columns qualified by the name).
     *
     * @throws AnalysisException naming the closest views if there is none
     */
    public DataFrame table(String name) {
        return new DataFrame(this, new SubqueryAlias(name, sessionCatalog.resolve(name)));
    }

    /**
     * A DataFrame of {@code rows} with {@code schema}; values are checked against the schema now.
     *
     * @throws IllegalArgumentException naming the row and field of a value that does not fit
     */
    public DataFrame createDataFrame(List<Row> rows, StructType schema) {
        Objects.requireNonNull(rows, "rows is null");
        Objects.requireNonNull(schema, "schema is null");
        List<AttributeReference> attrs = attributes(schema);
        int parallelism = Math.max(1, sc.defaultParallelism());
        int perBatch = Math.max(1, Math.min(conf.batchSize(), (rows.size() + parallelism - 1) / parallelism));
        List<ColumnBatch> batches = Rows.toBatches(rows, schema, ZoneId.of(conf.timeZone()), perBatch);
        return new DataFrame(this, new LocalRelation(attrs, batches));
    }

    /**
     * A DataFrame of the rows of {@code rows} with {@code schema}, without collecting them to the
     * driver: each partition's rows are checked against the schema and turned into column batches
     * on the executors when an action runs. Creating the DataFrame runs no job.
     *
     * <p>A row that does not fit the schema fails the action with an {@link IllegalArgumentException}
     * naming the partition, the row in it and the field.
     */
    public DataFrame createDataFrame(RDD<Row> rows, StructType schema) {
        Objects.requireNonNull(rows, "rows is null");
        Objects.requireNonNull(schema, "schema is null");
        ZoneId zone = ZoneId.of(conf.timeZone());
        int batchSize = Math.max(1, conf.batchSize());
        RDD<ColumnBatch> batches = rows.mapPartitionsWithIndex(
                (index, it) -> Rows.toBatches(index, it, schema, zone, batchSize));
        return new DataFrame(this, new ExistingRddRelation(attributes(schema), batches));
    }

    /**
     * A DataFrame of Java beans (properties sorted by name, as Spark does) or records (components
     * in declaration order).
     *
     * @throws IllegalArgumentException if a property has a type without a DataFrame type
     */
    public DataFrame createDataFrame(List<?> data, Class<?> beanClass) {
        Objects.requireNonNull(data, "data is null");
        BeanSchema bean = BeanSchema.of(beanClass);
        List<Row> rows = new ArrayList<>();
        for (Object o : data) {
            rows.add(bean.toRow(o));
        }
        return createDataFrame(rows, bean.schema());
    }

    /**
     * A DataFrame of the Java beans or records of {@code beans}, without collecting them to the
     * driver: the schema is derived now from {@code beanClass} (as for lists), and the beans are
     * read into rows on the executors when an action runs. Creating the DataFrame runs no job.
     *
     * @throws IllegalArgumentException if a property has a type without a DataFrame type
     */
    public <T> DataFrame createDataFrame(RDD<T> beans, Class<T> beanClass) {
        Objects.requireNonNull(beans, "beans is null");
        BeanSchema bean = BeanSchema.of(beanClass);
        return createDataFrame(beans.mapPartitions(it -> it.map(bean::toRow)), bean.schema());
    }

    /**
     * A Dataset of {@code data}, stored in columns by {@code encoder}:
     * {@code spark.createDataset(List.of("a", "b"), Encoders.STRING())}.
     *
     * @throws IllegalArgumentException if an object does not fit the encoder's schema
     */
    public <T> Dataset<T> createDataset(List<T> data, Encoder<T> encoder) {
        Objects.requireNonNull(data, "data is null");
        AgnosticEncoder<T> e = AgnosticEncoder.of(encoder);
        List<Row> rows = new ArrayList<>(data.size());
        for (T value : data) {
            rows.add(e.toRow(value));
        }
        return new Dataset<>(createDataFrame(rows, e.schema()), e);
    }

    /**
     * A Dataset of the objects of {@code data}, without collecting them to the driver: they are
     * stored in columns by {@code encoder} on the executors when an action runs.
     */
    public <T> Dataset<T> createDataset(RDD<T> data, Encoder<T> encoder) {
        Objects.requireNonNull(data, "data is null");
        AgnosticEncoder<T> e = AgnosticEncoder.of(encoder);
        return new Dataset<>(createDataFrame(data.mapPartitions(it -> it.map(e::toRow)), e.schema()), e);
    }

    /** A DataFrame with one bigint column {@code id}: 0 to {@code end - 1}. */
    public DataFrame range(long end) {
        return range(0, end);
    }

    /** A DataFrame with one bigint column {@code id}: {@code start} to {@code end - 1}. */
    public DataFrame range(long start, long end) {
        return range(start, end, 1, sc.defaultParallelism());
    }

    /** {@code start}, {@code start + step}, ... before {@code end}. */
    public DataFrame range(long start, long end, long step) {
        return range(start, end, step, sc.defaultParallelism());
    }

    /** {@code start}, {@code start + step}, ... before {@code end}, in {@code numPartitions} partitions. */
    public DataFrame range(long start, long end, long step, int numPartitions) {
        if (step == 0) {
            throw new IllegalArgumentException("step must not be 0");
        }
        return new DataFrame(this, new RangeRelation(start, end, step, Math.max(1, numPartitions),
                AttributeReference.create("id", DataTypes.LongType, false)));
    }

    /** A DataFrame with no columns and no rows. */
    public DataFrame emptyDataFrame() {
        return createDataFrame(List.of(), new StructType());
    }

    /** Stops the context. Idempotent. */
    @Override
    public void close() {
        ACTIVE.compareAndSet(this, null);
        sc.close();
    }

    /** The same as {@link #close()}. */
    public void stop() {
        close();
    }

    @Override
    public String toString() {
        return "EmberSession(" + sc + ")";
    }

    // ---- for the engine -------------------------------------------------------------------------

    CacheManager cacheManager() {
        return cacheManager;
    }

    SessionCatalog sessionCatalog() {
        return sessionCatalog;
    }

    Analyzer analyzer() {
        return new Analyzer(conf.caseSensitive(), conf.timeZone());
    }

    LogicalPlan optimize(LogicalPlan plan) {
        return optimize(plan, statsEstimator());
    }

    /** {@code plan} optimized with the settings in force, on the estimates of {@code stats}. */
    LogicalPlan optimize(LogicalPlan plan, StatsEstimator stats) {
        return new Optimizer(conf.excludedRules(), conf.joinReorder(), stats).optimize(plan);
    }

    /** A statistics estimator for one query, cost-based as {@code ember.sql.cbo.enabled} says. */
    StatsEstimator statsEstimator() {
        return new StatsEstimator(conf.cboEnabled());
    }

    ExecContext execContext() {
        return new ExecContext(sc, conf.shufflePartitions(sc.defaultParallelism()), conf.batchSize(),
                conf.broadcastThreshold(), conf.timeZone(), conf.maxPartitionBytes(), conf.preferSortMergeJoin(),
                conf.maxBroadcastTableSize(), conf.runtimeFilterEnabled(), conf.parquetLateMaterialization());
    }

    /** The schema of columns {@code attrs}. */
    static StructType schemaOf(List<AttributeReference> attrs) {
        StructType s = new StructType();
        for (AttributeReference a : attrs) {
            s = s.add(new StructField(a.name(), a.dataType(), a.nullable()));
        }
        return s;
    }

    static List<AttributeReference> attributes(StructType schema) {
        List<AttributeReference> out = new ArrayList<>();
        for (StructField f : schema) {
            out.add(AttributeReference.create(f.name(), f.dataType(), f.nullable()));
        }
        return out;
    }

    /**
     * Configures and creates (or returns the active) session. SQL settings ({@code ember.sql.*})
     * go to the session, the others to the {@link EmberContext}; each is checked when set.
     */
    public static final class Builder {
        private final EmberContext.Builder context = EmberContext.builder();
        private final Map<String, String> sql = new LinkedHashMap<>();

        /** Starts from the {@code ember.sql.*} system properties, as the context's builder does from the others. */
        private Builder() {
            for (String key : new java.util.TreeSet<>(System.getProperties().stringPropertyNames())) {
                if (RuntimeConfig.isSqlKey(key)) {
                    sql.put(key, RuntimeConfig.check(key, System.getProperty(key)));
                }
            }
        }

        /** Where to run: {@code local}, {@code local[N]} or {@code local[*]}. */
        public Builder master(String master) {
            context.master(master);
            return this;
        }

        /** The application's name. */
        public Builder appName(String name) {
            context.appName(name);
            return this;
        }

        /**
         * Sets an {@code ember.*} setting; a {@code spark.*} key sets its Ember equivalent, or is
         * ignored with a logged reason (see {@link io.ember.rdd.SparkConfKeys}).
         *
         * @throws IllegalArgumentException naming the key if the key or value is bad
         */
        public Builder config(String key, String value) {
            Optional<String> emberKey = SparkConfKeys.emberKey(key);
            if (emberKey.isEmpty()) {
                return this;
            }
            if (RuntimeConfig.isSqlKey(emberKey.get())) {
                sql.put(emberKey.get(), RuntimeConfig.check(emberKey.get(), value));
            } else {
                context.config(emberKey.get(), value);
            }
            return this;
        }

        /** Sets a numeric setting. */
        public Builder config(String key, long value) {
            return config(key, Long.toString(value));
        }

        /** Sets a boolean setting. */
        public Builder config(String key, boolean value) {
            return config(key, Boolean.toString(value));
        }

        /**
         * The active session if there is one (with these SQL settings applied to it, as Spark does),
         * else a new one on the active or a new context.
         */
        public EmberSession getOrCreate() {
            synchronized (ACTIVE) {
                EmberSession active = ACTIVE.get();
                if (active == null || active.sc.isStopped()) {
                    active = new EmberSession(context.getOrCreate(), new RuntimeConfig());
                    ACTIVE.set(active);
                }
                for (Map.Entry<String, String> e : sql.entrySet()) {
                    active.conf.set(e.getKey(), e.getValue());
                }
                return active;
            }
        }
    }
}
