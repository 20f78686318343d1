package io.ember.dataframe;

import io.ember.dataframe.internal.expressions.AggFn;
import io.ember.dataframe.internal.expressions.AggregateExpression;
import io.ember.dataframe.internal.expressions.Alias;
import io.ember.dataframe.internal.expressions.AttributeReference;
import io.ember.dataframe.internal.expressions.CreateNamedStruct;
import io.ember.dataframe.internal.expressions.Expression;
import io.ember.dataframe.internal.expressions.Literal;
import io.ember.dataframe.internal.expressions.NamedExpression;
import io.ember.dataframe.internal.expressions.SortOrder;
import io.ember.dataframe.internal.plan.Aggregate;
import io.ember.dataframe.internal.plan.LogicalPlan;
import io.ember.dataframe.internal.plan.MapPartitions;
import io.ember.dataframe.internal.plan.Project;
import io.ember.dataframe.internal.plan.Repartition;
import io.ember.dataframe.internal.plan.Sort;
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
    /** The objects grouped, each split by {@link #split} into its key and its value. */
    private final Dataset<?> source;
    private final Function1<Object, Tuple2<K, V>> split;
    private final AgnosticEncoder<K> keyEncoder;
    private final AgnosticEncoder<V> valueEncoder;

    @SuppressWarnings("unchecked")
    private <S> KeyValueGroupedDataset(Dataset<S> source, Function1<? super S, Tuple2<K, V>> split,
            AgnosticEncoder<K> keyEncoder, AgnosticEncoder<V> valueEncoder) {
        this.source = source;
        this.split = (Function1<Object, Tuple2<K, V>>) (Function1<?, ?>) split;
        this.keyEncoder = keyEncoder;
        this.valueEncoder = valueEncoder;
    }

    /** The objects of {@code values} grouped by {@code keyFunction}. */
    static <K, V> KeyValueGroupedDataset<K, V> of(Dataset<V> values, Function1<? super V, ? extends K> keyFunction,
            AgnosticEncoder<K> keyEncoder) {
        return new KeyValueGroupedDataset<>(values, v -> Tuple.of(keyFunction.apply(v), v), keyEncoder,
                values.agnosticEncoder());
    }

    /**
     * The same groups with {@code f} applied to each value, the results stored with {@code encoder}
     * (the keys still come from the original objects).
     */
    public <W> KeyValueGroupedDataset<K, W> mapValues(Function1<? super V, ? extends W> f, Encoder<W> encoder) {
        Objects.requireNonNull(f, "f is null");
        Function1<Object, Tuple2<K, V>> keyAndValue = split;
        return new KeyValueGroupedDataset<>(source, o -> keyAndValue.apply(o).map2(f::apply), keyEncoder,
                AgnosticEncoder.of(encoder));
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
     * {@code _2} (a bean or tuple key or value as a struct column).
     */
    public Dataset<Tuple2<K, V>> reduceGroups(Function2<V, V, V> f) {
        Objects.requireNonNull(f, "f is null");
        TupleEncoder<Tuple2<K, V>> pairs = TupleEncoder.of(pairClass(),
                List.of(keyEncoder, valueEncoder));
        return groups("reduceGroups", pairs, (key, group) -> io.vavr.collection.Iterator.of(Tuple.of(key,
                group.reduce(f))));
    }

    /**
     * Each key with the number of its values, as columns {@code key} and {@code count(1)} (Spark's),
     * counted by the engine's hash aggregation (partial counts before the shuffle); a bean or tuple
     * key is one struct column {@code key}.
     */
    public Dataset<Tuple2<K, Long>> count() {
        TupleEncoder<Tuple2<K, Long>> counts = new TupleEncoder<>(pairClass(), List.of("key", "count(1)"),
                List.of(keyEncoder, new ValueEncoder<>(Long.class, DataTypes.LongType)));
        Keyed keyed = keyed();
        // A bean or tuple key is grouped by all its columns and comes out as one struct column.
        Expression key = keyEncoder.isStruct()
                ? CreateNamedStruct.of(List.copyOf(keyed.keys)) : keyed.keys.get(0);
        Alias count = Alias.of(new AggregateExpression(AggFn.COUNT, Literal.create(1), false, false), "count(1)");
        LogicalPlan plan = new Aggregate(List.copyOf(keyed.keys), List.of(Alias.of(key, "key"), count), keyed.plan);
        return new Dataset<>(new DataFrame(source.sparkSession(), plan), counts);
    }

    /** The distinct keys. */
    public Dataset<K> keys() {
        Keyed keyed = keyed();
        List<NamedExpression> keyColumns = new ArrayList<>(keyed.keys);
        DataFrame keys = new DataFrame(source.sparkSession(), new Project(keyColumns, keyed.plan)).distinct();
        return new Dataset<>(keys, keyEncoder);
    }

    /** The values with their keys in front: the key's columns, then the value's. */
    private record Keyed(List<AttributeReference> keys, LogicalPlan plan) {
    }

    private Keyed keyed() {
        DataFrame objects = source.objectRows();
        StructType keySchema = keyEncoder.schema();
        StructType both = new StructType();
        for (StructField f : keySchema.fields()) {
            both = both.add(f);
        }
        for (StructField f : valueEncoder.schema().fields()) {
            both = both.add(f);
        }
        AgnosticEncoder<?> sourceEncoder = source.agnosticEncoder();
        AgnosticEncoder<K> keys = keyEncoder;
        AgnosticEncoder<V> values = valueEncoder;
        Function1<Object, Tuple2<K, V>> keyAndValue = split;
        var append = TypedPartitions.of(source.sparkSession(), objects.schema()).rows(both, rows -> rows.map(row -> {
            Tuple2<K, V> kv = keyAndValue.apply(sourceEncoder.fromRow(row));
            Object[] key = keys.toRow(kv._1).toArray();
            Object[] value = values.toRow(kv._2).toArray();
            Object[] out = new Object[key.length + value.length];
            System.arraycopy(key, 0, out, 0, key.length);
            System.arraycopy(value, 0, out, key.length, value.length);
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
        int partitions = source.sparkSession().execContext().shufflePartitions();
        LogicalPlan grouped = new Sort(order, false, new Repartition(partitions, true, keyExprs, keyed.plan));
        StructType groupedSchema = EmberSession.schemaOf(keyed.plan.output());
        AgnosticEncoder<K> keys = keyEncoder;
        AgnosticEncoder<V> values = valueEncoder;
        int keyWidth = keyed.keys.size();
        var perGroup = TypedPartitions.of(source.sparkSession(), groupedSchema).rows(out.schema(),
                rows -> SortedGroups.of(rows, keyWidth).flatMap(g -> f.apply(keys.fromRow(g.key()),
                        io.vavr.collection.Iterator.ofAll(g.values()).map(values::fromRow)))
                        .map(out::toRow));
        LogicalPlan plan = new MapPartitions(description, perGroup, EmberSession.attributes(out.schema()), grouped);
        return new Dataset<>(new DataFrame(source.sparkSession(), plan), out);
    }

    @SuppressWarnings("unchecked")
    private static <A, B> Class<Tuple2<A, B>> pairClass() {
        return (Class<Tuple2<A, B>>) (Class<?>) Tuple2.class;
    }
}
