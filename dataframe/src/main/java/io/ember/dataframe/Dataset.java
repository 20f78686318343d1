package io.ember.dataframe;

import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.MapPartitions;
import io.ember.dataframe.types.StructType;
import io.ember.rdd.RDD;
import io.ember.rdd.StorageLevel;
import io.ember.rdd.VoidFunction;
import io.vavr.Function1;
import io.vavr.Function2;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A distributed collection of typed objects: the rows of a {@link DataFrame} seen through an
 * {@link Encoder} that turns each row into a {@code T} and back. Typed operations ({@code map},
 * {@code flatMap}, {@code filter} with a function, {@code mapPartitions}, {@code groupByKey}) are
 * lazy plan nodes that run on the executors, one partition at a time; the relational ones
 * ({@code filter(Column)}, {@code orderBy}, {@code limit}, {@code distinct}, {@code union}...) keep
 * the type and run on the engine's column batches, like a DataFrame's.
 *
 * <pre>{@code
 * Dataset<Person> people = spark.read().json("people.json").as(Encoders.bean(Person.class));
 * Dataset<String> adults = people.filter(p -> p.getAge() >= 18).map(Person::getName, Encoders.STRING());
 * List<String> names = adults.collectAsList();
 * }</pre>
 *
 * <p><b>DataFrame and {@code Dataset<Row>}.</b> In Ember the untyped table is {@link DataFrame}, a
 * class of its own, not an alias of {@code Dataset<Row>}: Spark code that declares
 * {@code Dataset<Row> df = spark.read().json(path)} ports by writing {@code DataFrame df = ...}, and
 * the rest of the code (the DataFrame's methods, {@code df.as(encoder)}, {@code df.map(f, encoder)},
 * {@code df.groupByKey(f, encoder)}) compiles unchanged. Where a {@code Dataset<Row>} is really
 * wanted, {@link DataFrame#toDS()} gives one and {@link #toDF()} goes back.
 *
 * <p><b>Columns.</b> {@code df.as(encoder)} matches the encoder's fields to columns by name (an
 * unknown name throws {@link AnalysisException} naming it and the available columns), and keeps
 * the DataFrame's columns until a typed operation, whose result has exactly the encoder's columns.
 * Functions must be serializable (Vavr's functions are); they run on the executors.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the type of the objects
 */
public final class Dataset<T> {
    private final DataFrame df;
    private final AgnosticEncoder<T> encoder;
    /** {@code df} narrowed to the encoder's columns, which typed operations read. */
    private final DataFrame objects;

    /**
     * @throws AnalysisException if a field of {@code encoder} has no column in {@code df}
     */
    Dataset(DataFrame df, AgnosticEncoder<T> encoder) {
        this.df = df;
        this.encoder = encoder;
        this.objects = DatasetColumns.project(df, encoder.schema());
    }

    private <U> Dataset<U> typed(String description, AgnosticEncoder<U> out,
            Function1<io.vavr.collection.Iterator<T>, ? extends Iterator<U>> f) {
        TypedPartitions partitions = TypedPartitions.of(df.sparkSession(), objects.schema());
        LogicalPlan plan = new MapPartitions(description, partitions.objects(encoder, out, f),
                EmberSession.attributes(out.schema()), objects.plan());
        return new Dataset<>(new DataFrame(df.sparkSession(), plan), out);
    }

    private Dataset<T> with(DataFrame other) {
        return new Dataset<>(other, encoder);
    }

    // ---- schema ---------------------------------------------------------------------------------

    /** The encoder of the objects. */
    public Encoder<T> encoder() {
        return encoder;
    }

    /** The schema (the DataFrame's columns; after a typed operation, the encoder's). */
    public StructType schema() {
        return df.schema();
    }

    /** The column names. */
    public String[] columns() {
        return df.columns();
    }

    /** Prints the schema as a tree. */
    public void printSchema() {
        df.printSchema();
    }

    /** The session this Dataset belongs to. */
    public EmberSession sparkSession() {
        return df.sparkSession();
    }

    // ---- conversions ----------------------------------------------------------------------------

    /** The rows, untyped. */
    public DataFrame toDF() {
        return df;
    }

    /**
     * The rows, untyped, with the columns renamed to {@code colNames}.
     *
     * @throws IllegalArgumentException if the number of names differs from the number of columns
     */
    public DataFrame toDF(String... colNames) {
        return df.toDF(colNames);
    }

    /**
     * The same rows as objects of another type, matched by column name.
     *
     * @throws AnalysisException if a field of {@code encoder} has no column
     */
    public <U> Dataset<U> as(Encoder<U> encoder) {
        return new Dataset<>(df, AgnosticEncoder.of(encoder));
    }

    /** This Dataset under the alias {@code alias} (for qualified column names in joins). */
    public Dataset<T> as(String alias) {
        return with(df.as(alias));
    }

    /** The objects as an RDD, built from the rows on the executors. */
    public RDD<T> rdd() {
        AgnosticEncoder<T> e = encoder;
        return objects.rdd().map(e::fromRow);
    }

    /** The same as {@link #rdd()}: Ember's {@link RDD} is already the Java API. */
    public RDD<T> javaRDD() {
        return rdd();
    }

    /** The same as {@link #rdd()}. */
    public RDD<T> toJavaRDD() {
        return rdd();
    }

    // ---- typed transformations ------------------------------------------------------------------

    /** Applies {@code f} to every object; the results are stored with {@code encoder}. */
    public <U> Dataset<U> map(Function1<? super T, ? extends U> f, Encoder<U> encoder) {
        Objects.requireNonNull(f, "f is null");
        return typed("map", AgnosticEncoder.of(encoder), it -> it.map(f));
    }

    /** Applies {@code f} to every object and flattens the results, stored with {@code encoder}. */
    public <U> Dataset<U> flatMap(Function1<? super T, ? extends Iterable<? extends U>> f, Encoder<U> encoder) {
        Objects.requireNonNull(f, "f is null");
        return typed("flatMap", AgnosticEncoder.of(encoder), it -> it.flatMap(f));
    }

    /** Transforms each partition's objects as a whole; the results are stored with {@code encoder}. */
    public <U> Dataset<U> mapPartitions(Function1<io.vavr.collection.Iterator<T>, ? extends Iterator<U>> f,
            Encoder<U> encoder) {
        Objects.requireNonNull(f, "f is null");
        return typed("mapPartitions", AgnosticEncoder.of(encoder), f);
    }

    /** Keeps the objects for which {@code predicate} is true. */
    public Dataset<T> filter(Function1<? super T, Boolean> predicate) {
        Objects.requireNonNull(predicate, "predicate is null");
        return typed("filter", encoder, it -> it.filter(predicate::apply));
    }

    /**
     * The objects grouped by the key {@code f} gives them, the keys stored with {@code encoder}.
     * Nothing runs until an operation of the result, which shuffles the objects by key.
     */
    public <K> KeyValueGroupedDataset<K, T> groupByKey(Function1<? super T, ? extends K> f, Encoder<K> encoder) {
        Objects.requireNonNull(f, "f is null");
        return KeyValueGroupedDataset.of(this, f, AgnosticEncoder.of(encoder));
    }

    DataFrame objectRows() {
        return objects;
    }

    AgnosticEncoder<T> agnosticEncoder() {
        return encoder;
    }

    // ---- relational transformations -------------------------------------------------------------

    /** The columns {@code cols}, untyped. */
    public DataFrame select(Column... cols) {
        return df.select(cols);
    }

    /** The named columns, untyped. */
    public DataFrame select(String col, String... cols) {
        return df.select(col, cols);
    }

    /** The columns of the SQL expressions {@code exprs}, untyped. */
    public DataFrame selectExpr(String... exprs) {
        return df.selectExpr(exprs);
    }

    /** The rows with column {@code colName} added or replaced, untyped. */
    public DataFrame withColumn(String colName, Column col) {
        return df.withColumn(colName, col);
    }

    /** The rows grouped by {@code cols} for aggregation, untyped. */
    public GroupedData groupBy(Column... cols) {
        return df.groupBy(cols);
    }

    /** The rows grouped by the named columns for aggregation, untyped. */
    public GroupedData groupBy(String col, String... cols) {
        return df.groupBy(col, cols);
    }

    /** The inner join with {@code right} on {@code condition}, untyped. */
    public DataFrame join(Dataset<?> right, Column condition) {
        return df.join(Objects.requireNonNull(right, "right is null").df, condition);
    }

    /** The join with {@code right} on {@code condition} of {@code joinType} ({@code "left"}...), untyped. */
    public DataFrame join(Dataset<?> right, Column condition, String joinType) {
        return df.join(Objects.requireNonNull(right, "right is null").df, condition, joinType);
    }

    /** A writer of the rows to files or tables. */
    public DataFrameWriter write() {
        return df.write();
    }

    /** The column {@code colName} of this Dataset. */
    public Column col(String colName) {
        return df.col(colName);
    }

    /** The objects whose row satisfies {@code condition}. */
    public Dataset<T> filter(Column condition) {
        return with(df.filter(condition));
    }

    /** The objects whose row satisfies the SQL expression {@code conditionExpr}. */
    public Dataset<T> filter(String conditionExpr) {
        return with(df.filter(conditionExpr));
    }

    /** The same as {@link #filter(Column)}. */
    public Dataset<T> where(Column condition) {
        return with(df.where(condition));
    }

    /** The same as {@link #filter(String)}. */
    public Dataset<T> where(String conditionExpr) {
        return with(df.where(conditionExpr));
    }

    /** The objects sorted by {@code cols}. */
    public Dataset<T> orderBy(Column... cols) {
        return with(df.orderBy(cols));
    }

    /** The objects sorted by the named columns. */
    public Dataset<T> orderBy(String col, String... cols) {
        return with(df.orderBy(col, cols));
    }

    /** The same as {@link #orderBy(Column...)}. */
    public Dataset<T> sort(Column... cols) {
        return with(df.sort(cols));
    }

    /** The same as {@link #orderBy(String, String...)}. */
    public Dataset<T> sort(String col, String... cols) {
        return with(df.sort(col, cols));
    }

    /** The first {@code n} objects. */
    public Dataset<T> limit(int n) {
        return with(df.limit(n));
    }

    /** The distinct objects (rows compared column by column). */
    public Dataset<T> distinct() {
        return with(df.distinct());
    }

    /** The objects with distinct values in the named columns (the first of each kept). */
    public Dataset<T> dropDuplicates(String... colNames) {
        return with(colNames.length == 0 ? df.dropDuplicates() : df.dropDuplicates(colNames));
    }

    /** The distinct objects that are also in {@code other}. */
    public Dataset<T> intersect(Dataset<T> other) {
        return with(df.intersect(Objects.requireNonNull(other, "other is null").df));
    }

    /** The distinct objects that are not in {@code other}. */
    public Dataset<T> except(Dataset<T> other) {
        return with(df.except(Objects.requireNonNull(other, "other is null").df));
    }

    /** Each partition sorted by {@code cols}, without a global order. */
    public Dataset<T> sortWithinPartitions(Column... cols) {
        return with(df.sortWithinPartitions(cols));
    }

    /** The objects of this and {@code other}, duplicates kept, columns matched by position as in Spark. */
    public Dataset<T> union(Dataset<T> other) {
        return with(df.union(Objects.requireNonNull(other, "other is null").df));
    }

    /** The same as {@link #union}. */
    public Dataset<T> unionAll(Dataset<T> other) {
        return union(other);
    }

    /** The objects dealt round robin into {@code numPartitions} partitions (a shuffle). */
    public Dataset<T> repartition(int numPartitions) {
        return with(df.repartition(numPartitions));
    }

    /** The objects hash-partitioned by {@code cols} into {@code numPartitions} partitions. */
    public Dataset<T> repartition(int numPartitions, Column... cols) {
        return with(df.repartition(numPartitions, cols));
    }

    /** At most {@code numPartitions} partitions, merged without a shuffle. */
    public Dataset<T> coalesce(int numPartitions) {
        return with(df.coalesce(numPartitions));
    }

    /** The number of partitions. */
    public int getNumPartitions() {
        return df.getNumPartitions();
    }

    /** Keeps the rows in memory once computed ({@code MEMORY_AND_DISK}, as Spark). */
    public Dataset<T> cache() {
        return with(df.cache());
    }

    /** The same as {@link #cache()}. */
    public Dataset<T> persist() {
        return with(df.persist());
    }

    /** Keeps the rows at {@code level} once computed. */
    public Dataset<T> persist(StorageLevel level) {
        return with(df.persist(level));
    }

    /** Drops the cached rows. */
    public Dataset<T> unpersist() {
        return with(df.unpersist());
    }

    /** Registers the rows as the temporary view {@code viewName} for SQL. */
    public void createOrReplaceTempView(String viewName) {
        df.createOrReplaceTempView(viewName);
    }

    // ---- actions --------------------------------------------------------------------------------

    /** All objects, on the driver. */
    public List<T> collectAsList() {
        return fromRows(objects.collectAsList());
    }

    /** All objects, on the driver, in an array of the encoder's class. */
    public T[] collect() {
        return toArray(collectAsList());
    }

    /** The first {@code n} objects (fewer if there are fewer). */
    public List<T> takeAsList(int n) {
        return fromRows(objects.takeAsList(n));
    }

    /** The first {@code n} objects, in an array of the encoder's class. */
    public T[] take(int n) {
        return toArray(takeAsList(n));
    }

    /** The same as {@link #take(int)}. */
    public T[] head(int n) {
        return take(n);
    }

    /**
     * The first object.
     *
     * @throws NoSuchElementException if there are none
     */
    public T head() {
        List<T> first = takeAsList(1);
        if (first.isEmpty()) {
            throw new NoSuchElementException("next on empty iterator");
        }
        return first.get(0);
    }

    /** The same as {@link #head()}. */
    public T first() {
        return head();
    }

    /** The number of objects. */
    public long count() {
        return df.count();
    }

    /** Whether there are no objects. */
    public boolean isEmpty() {
        return df.isEmpty();
    }

    /** The objects, fetched one partition at a time (only one partition in driver memory). */
    public Iterator<T> toLocalIterator() {
        AgnosticEncoder<T> e = encoder;
        return io.vavr.collection.Iterator.ofAll(objects.toLocalIterator()).map(e::fromRow);
    }

    /**
     * The objects combined with {@code f}, which must be associative and commutative.
     *
     * @throws UnsupportedOperationException if there are none
     */
    public T reduce(Function2<T, T, T> f) {
        return rdd().reduce(f);
    }

    /** Runs {@code f} on every object, on the executors. */
    public void foreach(VoidFunction<? super T> f) {
        rdd().foreach(f);
    }

    /** Runs {@code f} on each partition's objects, on the executors. */
    public void foreachPartition(VoidFunction<Iterator<T>> f) {
        rdd().foreachPartition(f);
    }

    /** Prints the first 20 rows, strings cut at 20 characters. */
    public void show() {
        df.show();
    }

    /** Prints the first {@code numRows} rows, strings cut at 20 characters. */
    public void show(int numRows) {
        df.show(numRows);
    }

    /** Prints the first 20 rows, strings cut at 20 characters if {@code truncate}. */
    public void show(boolean truncate) {
        df.show(truncate);
    }

    /** Prints the first {@code numRows} rows, strings cut at 20 characters if {@code truncate}. */
    public void show(int numRows, boolean truncate) {
        df.show(numRows, truncate);
    }

    /** Prints the physical plan. */
    public void explain() {
        df.explain();
    }

    /** Prints the plans: all of them if {@code extended}, else the physical one. */
    public void explain(boolean extended) {
        df.explain(extended);
    }

    private List<T> fromRows(List<Row> rows) {
        List<T> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(encoder.fromRow(r));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private T[] toArray(List<T> values) {
        return values.toArray((T[]) Array.newInstance(encoder.clsTag(), values.size()));
    }

    @Override
    public String toString() {
        return df.toString();
    }
}
