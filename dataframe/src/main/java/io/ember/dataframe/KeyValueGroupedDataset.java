package io.ember.dataframe;

import io.ember.dataframe.expressions.AggFn;
import io.ember.dataframe.expressions.AggregateExpression;
import io.ember.dataframe.expressions.Alias;
import io.ember.dataframe.expressions.AttributeReference;
import io.ember.dataframe.expressions.Expression;
import io.ember.dataframe.expressions.Literal;
import io.ember.dataframe.expressions.NamedExpression;
import io.ember.dataframe.expressions.SortOrder;
import io.ember.dataframe.plan.Aggregate;
import io.ember.dataframe.plan.LogicalPlan;
import io.ember.dataframe.plan.MapPartitions;
import io.ember.dataframe.plan.Project;
import io.ember.dataframe.plan.Repartition;
import io.ember.dataframe.plan.Sort;
import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructField;
import io.ember.dataframe.types.StructType;
import io.vavr.Function1;
import io.vavr.Function2;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The objects of a {@link Dataset} grouped by a key ({@code ds.groupByKey(f, encoder)}). Each
 * operation is lazy: at an action the objects get their key on the executors, are shuffled by it
 * into {@code ember.sql.shuffle.partitions} partitions, sorted by it within each partition (the
 * sort spills to disk when memory runs short), and each group is handed to the function with its
 * key. A group's values are read into memory one group at a time.
 *
 * <pre>{@code
 * Dataset<Tuple2<String, Long>> perCity = people.groupByKey(Person::getCity, Encoders.STRING()).count();
 * }</pre>
 *
 * @param <K> the type of the keys
 * @param <V> the type of the values
 */
public final class KeyValueGroupedDataset<K, V> {
    private final Dataset<V> values;
    private final Function1<? super V, ? extends K> keyFunction;
    private final AgnosticEncoder<K> keyEncoder;

    KeyValueGroupedDataset(Dataset<V> values, Function1<? super V, ? extends K> keyFunction,
            AgnosticEncoder<K> keyEncoder) {
        this.values = values;
        this.keyFunction = keyFunction;
        this.keyEncoder = keyEncoder;
    }

    /** Applies {@code f} to each group's key and values; the results are stored with {@code encoder}. */
    public <U> Dataset<U> mapGroups(Function2<? super K, io.vavr.collection.Iterator<V>, ? extends U> f,
            Encoder<U> encoder) {
        Objects.requireNonNull(f, "f is null");
        return groups("mapGroups", AgnosticEncoder.of(encoder),
                (key, group) -> io.vavr.collection.Iterator.of(f.apply(key, group)));
    }

    /**
     * Applies {@code f} to each group's key and values and flattens the results, stored with
     * {@code encoder}.
     */
    public <U> Dataset<U> flatMapGroups(
            Function2<? super K, io.vavr.collection.Iterator<V>, ? extends Iterable<? extends U>> f,
            Encoder<U> encoder) {
        Objects.requireNonNull(f, "f is null");
        return groups("flatMapGroups", AgnosticEncoder.of(encoder),
                (key, group) -> io.vavr.collection.Iterator.ofAll(f.apply(key, group)));
    }

    /**
     * Each key with its values combined by {@code f} (associative), as columns {@code _1} and
     * {@code _2}.
     *
     * @throws IllegalArgumentException if the key or the value takes several columns (a bean): a
     *     pair of them needs struct columns, not supported yet
     */
    public Dataset<Tuple2<K, V>> reduceGroups(Function2<V, V, V> f) {
        Objects.requireNonNull(f, "f is null");
        TupleEncoder<Tuple2<K, V>> pairs = TupleEncoder.of(pairClass(),
                List.of(keyEncoder, values.agnosticEncoder()));
        return groups("reduceGroups", pairs, (key, group) -> io.vavr.collection.Iterator.of(Tuple.of(key,
                group.reduce(f))));
    }

    /**
     * Each key with the number of its values, as columns {@code key} and {@code count(1)} (Spark's),
     * counted by the engine's hash aggregation (partial counts before the shuffle).
     *
     * @throws IllegalArgumentException if the key takes several columns (a bean)
     */
    public Dataset<Tuple2<K, Long>> count() {
        TupleEncoder<Tuple2<K, Long>> counts = new TupleEncoder<>(pairClass(), List.of("key", "count(1)"),
                List.of(keyEncoder, new ValueEncoder<>(Long.class, DataTypes.LongType)));
        Keyed keyed = keyed();
        AttributeReference key = keyed.keys.get(0);
        Alias count = Alias.of(new AggregateExpression(AggFn.COUNT, Literal.create(1), false, false), "count(1)");
        LogicalPlan plan = new Aggregate(List.of(key), List.of(Alias.of(key, "key"), count), keyed.plan);
        return new Dataset<>(new DataFrame(values.sparkSession(), plan), counts);
    }

    /** The distinct keys. */
    public Dataset<K> keys() {
        Keyed keyed = keyed();
        List<NamedExpression> keyColumns = new ArrayList<>(keyed.keys);
        DataFrame keys = new DataFrame(values.sparkSession(), new Project(keyColumns, keyed.plan)).distinct();
        return new Dataset<>(keys, keyEncoder);
    }

    /** The values with their keys in front: the key's columns, then the value's. */
    private record Keyed(List<AttributeReference> keys, LogicalPlan plan) {
    }

    private Keyed keyed() {
        DataFrame objects = values.objectRows();
        StructType valueSchema = objects.schema();
        StructType keySchema = keyEncoder.schema();
        StructType both = new StructType();
        for (StructField f : keySchema.fields()) {
            both = both.add(f);
        }
        for (StructField f : valueSchema.fields()) {
            both = both.add(f);
        }
        AgnosticEncoder<V> valueEncoder = values.agnosticEncoder();
        AgnosticEncoder<K> keys = keyEncoder;
        Function1<? super V, ? extends K> key = keyFunction;
        int valueWidth = valueSchema.size();
        var append = TypedPartitions.of(values.sparkSession(), valueSchema).rows(both, rows -> rows.map(row -> {
            Row keyRow = keys.toRow(key.apply(valueEncoder.fromRow(row)));
            Object[] out = new Object[keyRow.size() + valueWidth];
            System.arraycopy(keyRow.toArray(), 0, out, 0, keyRow.size());
            System.arraycopy(row.toArray(), 0, out, keyRow.size(), valueWidth);
            return Row.of(out);
        }));
        List<AttributeReference> output = EmberSession.attributes(both);
        return new Keyed(output.subList(0, keySchema.size()),
                new MapPartitions("appendKey", append, output, objects.plan()));
    }

    private <U> Dataset<U> groups(String description, AgnosticEncoder<U> out,
            Function2<K, io.vavr.collection.Iterator<V>, io.vavr.collection.Iterator<? extends U>> f) {
        Keyed keyed = keyed();
        List<Expression> keyExprs = new ArrayList<>(keyed.keys);
        List<SortOrder> order = new ArrayList<>();
        for (AttributeReference k : keyed.keys) {
            order.add(SortOrder.asc(k));
        }
        int partitions = values.sparkSession().execContext().shufflePartitions();
        LogicalPlan grouped = new Sort(order, false, new Repartition(partitions, true, keyExprs, keyed.plan));
        StructType groupedSchema = EmberSession.schemaOf(keyed.plan.output());
        AgnosticEncoder<K> keys = keyEncoder;
        AgnosticEncoder<V> valueEncoder = values.agnosticEncoder();
        int keyWidth = keyed.keys.size();
        var perGroup = TypedPartitions.of(values.sparkSession(), groupedSchema).rows(out.schema(),
                rows -> SortedGroups.of(rows, keyWidth).flatMap(g -> f.apply(keys.fromRow(g.key()),
                        io.vavr.collection.Iterator.ofAll(g.values()).map(valueEncoder::fromRow)))
                        .map(out::toRow));
        LogicalPlan plan = new MapPartitions(description, perGroup, EmberSession.attributes(out.schema()), grouped);
        return new Dataset<>(new DataFrame(values.sparkSession(), plan), out);
    }

    @SuppressWarnings("unchecked")
    private static <A, B> Class<Tuple2<A, B>> pairClass() {
        return (Class<Tuple2<A, B>>) (Class<?>) Tuple2.class;
    }
}
