package io.ember.rdd;

import io.ember.rdd.internal.CoGroupedRDD;
import io.ember.rdd.internal.PairRDDView;
import io.ember.rdd.internal.RangePartitioners;
import io.ember.rdd.internal.ShuffledRDD;
import io.ember.serializers.Codecs;
import io.vavr.Function1;
import io.vavr.Function2;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.util.ArrayList;

/**
 * An RDD of key-value pairs ({@link Tuple2}) with the key-based operations: aggregation by key,
 * joins, sorting by key and partitioning. Get one from {@link RDD#mapToPair}, {@link RDD#keyBy}
 * or {@link #of(RDD)}.
 *
 * <pre>{@code
 * PairRDD<String, Integer> counts = lines
 *     .flatMap(line -> List.of(line.split(" ")))
 *     .mapToPair(word -> Tuple.of(word, 1))
 *     .reduceByKey(Integer::sum);
 * }</pre>
 *
 * <p>Keys may be null (they go to partition 0 of a hash partitioner); values may be null.
 * Operations without an explicit partition count use the parent's number of partitions (the
 * larger one for binary operations), as Spark does when {@code ember.default.parallelism} is not set.
 *
 * @param <K> key type
 * @param <V> value type
 */
public abstract class PairRDD<K, V> extends RDD<Tuple2<K, V>> {
    private static final long serialVersionUID = 1L;

    /** Creates a pair RDD in context {@code sc}. */
    protected PairRDD(EmberContext sc) {
        super(sc);
    }

    /** Views an RDD of pairs as a {@code PairRDD} (no copy; the same RDD if it already is one). */
    public static <K, V> PairRDD<K, V> of(RDD<Tuple2<K, V>> rdd) {
        return rdd instanceof PairRDD<K, V> pairs ? pairs : new PairRDDView<>(rdd);
    }

    // ---- aggregation by key ---------------------------------------------------------------

    /**
     * Merges the values of each key with {@code f} (combined on the map side first, like a
     * MapReduce combiner).
     */
    public PairRDD<K, V> reduceByKey(Function2<V, V, V> f) {
        return reduceByKey(f, defaultPartitions());
    }

    /** Merges the values of each key with {@code f} into {@code numPartitions} partitions. */
    public PairRDD<K, V> reduceByKey(Function2<V, V, V> f, int numPartitions) {
        return reduceByKey(new HashPartitioner(numPartitions), f);
    }

    /** Merges the values of each key with {@code f}, partitioned by {@code partitioner}. */
    public PairRDD<K, V> reduceByKey(Partitioner partitioner, Function2<V, V, V> f) {
        Function2<V, V, V> g = clean(f);
        return combineByKey(v -> v, g, g, partitioner);
    }

    /** All values of each key, in one list (no map-side combine: prefer {@link #reduceByKey}). */
    public PairRDD<K, List<V>> groupByKey() {
        return groupByKey(defaultPartitions());
    }

    /** All values of each key, in {@code numPartitions} partitions. */
    public PairRDD<K, List<V>> groupByKey(int numPartitions) {
        return groupByKey(new HashPartitioner(numPartitions));
    }

    /** All values of each key, partitioned by {@code partitioner}. */
    public PairRDD<K, List<V>> groupByKey(Partitioner partitioner) {
        Aggregator<K, V, ArrayList<V>> grouping = new Aggregator<>(
                v -> {
                    ArrayList<V> list = new ArrayList<>();
                    list.add(v);
                    return list;
                },
                (list, v) -> {
                    list.add(v);
                    return list;
                },
                (a, b) -> {
                    a.addAll(b);
                    return a;
                });
        ShuffledRDD<K, V, ArrayList<V>> grouped = new ShuffledRDD<>(this, partitioner, Option.some(grouping), false,
                Option.none());
        return grouped.mapValues(List::ofAll);
    }

    /**
     * The generic per-key aggregation: the first value of a key becomes a combiner
     * ({@code createCombiner}), later values merge into it ({@code mergeValue}), combiners of
     * different partitions merge with {@code mergeCombiners}. Combines on the map side.
     */
    public <C> PairRDD<K, C> combineByKey(Function1<? super V, ? extends C> createCombiner,
                                          Function2<C, ? super V, ? extends C> mergeValue,
                                          Function2<C, C, ? extends C> mergeCombiners) {
        return combineByKey(createCombiner, mergeValue, mergeCombiners, new HashPartitioner(defaultPartitions()));
    }

    /** {@link #combineByKey(Function1, Function2, Function2)} with an explicit partitioner. */
    public <C> PairRDD<K, C> combineByKey(Function1<? super V, ? extends C> createCombiner,
                                          Function2<C, ? super V, ? extends C> mergeValue,
                                          Function2<C, C, ? extends C> mergeCombiners,
                                          Partitioner partitioner) {
        Aggregator<K, V, C> aggregator = new Aggregator<>(clean(createCombiner), clean(mergeValue),
                clean(mergeCombiners));
        if (partitioner().contains(partitioner)) {
            return mapPartitionsToPairs(io.ember.rdd.internal.Aggregation.combineLocally(aggregator));
        }
        return new ShuffledRDD<>(this, partitioner, Option.some(aggregator), true, Option.none());
    }

    /**
     * Aggregates the values of each key starting from {@code zero} (copied for every key):
     * {@code seqOp} folds a value in, {@code combOp} merges two partial results.
     */
    public <U> PairRDD<K, U> aggregateByKey(U zero, Function2<U, ? super V, U> seqOp, Function2<U, U, U> combOp) {
        return aggregateByKey(zero, defaultPartitions(), seqOp, combOp);
    }

    /** {@link #aggregateByKey(Object, Function2, Function2)} into {@code numPartitions} partitions. */
    public <U> PairRDD<K, U> aggregateByKey(U zero, int numPartitions, Function2<U, ? super V, U> seqOp,
                                            Function2<U, U, U> combOp) {
        byte[] zeroBytes = Codecs.kryo().serialize(zero);
        Function2<U, ? super V, U> seq = clean(seqOp);
        return combineByKey(
                v -> seq.apply(copyOf(zeroBytes), v),
                seq,
                clean(combOp),
                new HashPartitioner(numPartitions));
    }

    /** Folds the values of each key from {@code zero} (a neutral element of {@code f}). */
    public PairRDD<K, V> foldByKey(V zero, Function2<V, V, V> f) {
        return aggregateByKey(zero, f, f);
    }

    /** The number of values of each key, collected to the driver. */
    public Map<K, Long> countByKey() {
        return mapValues(v -> 1L).reduceByKey(Long::sum).collectAsMap();
    }

    // ---- per-value transformations --------------------------------------------------------

    /** Applies {@code f} to every value, keeping keys and partitioning. */
    public <U> PairRDD<K, U> mapValues(Function1<? super V, ? extends U> f) {
        Function1<? super V, ? extends U> g = clean(f);
        return mapPartitionsToPairs(it -> it.map(kv -> Tuple.of(kv._1, g.apply(kv._2))));
    }

    /** Applies {@code f} to every value and pairs each result with the key, keeping partitioning. */
    public <U> PairRDD<K, U> flatMapValues(Function1<? super V, ? extends Iterable<? extends U>> f) {
        Function1<? super V, ? extends Iterable<? extends U>> g = clean(f);
        return mapPartitionsToPairs(it -> it.flatMap(kv ->
                io.vavr.collection.Iterator.<U>ofAll(g.apply(kv._2)).map(u -> Tuple.of(kv._1, u))));
    }

    /** The keys. */
    public RDD<K> keys() {
        return map(Tuple2::_1);
    }

    /** The values. */
    public RDD<V> values() {
        return map(Tuple2::_2);
    }

    // ---- layout ---------------------------------------------------------------------------

    /** Redistributes the pairs by {@code partitioner} (nothing happens if already so partitioned). */
    public PairRDD<K, V> partitionBy(Partitioner partitioner) {
        if (partitioner().contains(partitioner)) {
            return this;
        }
        return new ShuffledRDD<K, V, V>(this, partitioner, Option.none(), false, Option.none());
    }

    /**
     * Redistributes the pairs by {@code partitioner} and sorts each partition by key in natural
     * order, in one shuffle: the sort happens while the shuffle is read (spilling to disk if it
     * must), which is cheaper than {@code partitionBy} followed by a sort. Keys must be
     * {@link Comparable}.
     */
    public PairRDD<K, V> repartitionAndSortWithinPartitions(Partitioner partitioner) {
        return repartitionAndSortWithinPartitions(partitioner, SerializableComparator.natural());
    }

    /** {@link #repartitionAndSortWithinPartitions(Partitioner)} sorting each partition by {@code comparator}. */
    public PairRDD<K, V> repartitionAndSortWithinPartitions(Partitioner partitioner,
                                                            SerializableComparator<? super K> comparator) {
        java.util.Objects.requireNonNull(partitioner, "partitioner is null");
        return new ShuffledRDD<K, V, V>(this, partitioner, Option.none(), false, Option.some(clean(comparator)));
    }

    /**
     * Sorts by key (natural order, nulls first), range-partitioned so that partition i holds
     * smaller keys than partition i+1. Samples the keys now to find the ranges, as Spark does.
     */
    public PairRDD<K, V> sortByKey(boolean ascending) {
        return sortByKey(ascending, getNumPartitions());
    }

    /** Sorts ascending by key. */
    public PairRDD<K, V> sortByKey() {
        return sortByKey(true);
    }

    /** Sorts by key into {@code numPartitions} partitions. */
    public PairRDD<K, V> sortByKey(boolean ascending, int numPartitions) {
        SerializableComparator<K> natural = SerializableComparator.natural();
        return sortByKey(ascending ? natural : natural.reverse(), numPartitions);
    }

    /** Sorts by key with {@code ordering} into {@code numPartitions} partitions. */
    public PairRDD<K, V> sortByKey(SerializableComparator<? super K> ordering, int numPartitions) {
        SerializableComparator<? super K> order = clean(ordering);
        Partitioner ranges = RangePartitioners.forKeys(this, numPartitions, order);
        return new ShuffledRDD<K, V, V>(this, ranges, Option.none(), false, Option.some(order));
    }

    // ---- joins ----------------------------------------------------------------------------

    /**
     * For each key, the values of this RDD and of {@code other}. Partitioned like this RDD if it
     * has a partitioner (so a co-partitioned side needs no shuffle), else by hash.
     */
    public <W> PairRDD<K, Tuple2<List<V>, List<W>>> cogroup(PairRDD<K, W> other) {
        return cogroup(other, joinPartitioner(other));
    }

    /** {@link #cogroup(PairRDD)} with an explicit partitioner. */
    public <W> PairRDD<K, Tuple2<List<V>, List<W>>> cogroup(PairRDD<K, W> other, Partitioner partitioner) {
        return new CoGroupedRDD<K>(context(), List.of(this, other), partitioner)
                .mapValues(groups -> Tuple.of(List.<V>ofAll(castList(groups.get(0))),
                        List.<W>ofAll(castList(groups.get(1)))));
    }

    /** Inner join: one pair per matching (v, w) for every key present on both sides. */
    public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other) {
        return cogroup(other).flatMapValues(g -> g._1.flatMap(v -> g._2.map(w -> Tuple.of(v, w))));
    }

    /** {@link #join} into {@code numPartitions} partitions. */
    public <W> PairRDD<K, Tuple2<V, W>> join(PairRDD<K, W> other, int numPartitions) {
        return cogroup(other, new HashPartitioner(numPartitions))
                .flatMapValues(g -> g._1.flatMap(v -> g._2.map(w -> Tuple.of(v, w))));
    }

    /** Left outer join: every pair of this RDD, with the matching values of {@code other} or none. */
    public <W> PairRDD<K, Tuple2<V, Option<W>>> leftOuterJoin(PairRDD<K, W> other) {
        return cogroup(other).flatMapValues(g -> g._1.flatMap(v -> g._2.isEmpty()
                ? List.of(Tuple.of(v, Option.<W>none()))
                : g._2.map(w -> Tuple.of(v, Option.some(w)))));
    }

    /** Right outer join: every pair of {@code other}, with the matching values of this RDD or none. */
    public <W> PairRDD<K, Tuple2<Option<V>, W>> rightOuterJoin(PairRDD<K, W> other) {
        return cogroup(other).flatMapValues(g -> g._2.flatMap(w -> g._1.isEmpty()
                ? List.of(Tuple.of(Option.<V>none(), w))
                : g._1.map(v -> Tuple.of(Option.some(v), w))));
    }

    /** Full outer join: every key of either side, with none where a side has no value. */
    public <W> PairRDD<K, Tuple2<Option<V>, Option<W>>> fullOuterJoin(PairRDD<K, W> other) {
        return cogroup(other).flatMapValues(g -> {
            List<Option<V>> left = g._1.isEmpty() ? List.of(Option.none()) : g._1.map(Option::some);
            List<Option<W>> right = g._2.isEmpty() ? List.of(Option.none()) : g._2.map(Option::some);
            return left.flatMap(v -> right.map(w -> Tuple.of(v, w)));
        });
    }

    /** The pairs of this RDD whose key does not occur in {@code other}. */
    public <W> PairRDD<K, V> subtractByKey(PairRDD<K, W> other) {
        return cogroup(other).flatMapValues(g -> g._2.isEmpty() ? g._1 : List.<V>empty());
    }

    // ---- actions ----------------------------------------------------------------------------

    /** The pairs as a map on the driver; for a key with several values one of them is kept. */
    public Map<K, V> collectAsMap() {
        return HashMap.ofEntries(collect());
    }

    /**
     * The values of {@code key}. Reads only the key's partition when this RDD has a partitioner.
     */
    public List<V> lookup(K key) {
        return io.ember.rdd.internal.RddActions.lookup(this, key);
    }

    // ---- covariant overrides: pair RDDs stay pair RDDs ----------------------------------------

    @Override
    public PairRDD<K, V> filter(Function1<? super Tuple2<K, V>, Boolean> predicate) {
        return of(super.filter(predicate));
    }

    @Override
    public PairRDD<K, V> distinct() {
        return of(super.distinct());
    }

    @Override
    public PairRDD<K, V> distinct(int numPartitions) {
        return of(super.distinct(numPartitions));
    }

    @Override
    public PairRDD<K, V> union(RDD<Tuple2<K, V>> other) {
        return of(super.union(other));
    }

    @Override
    public PairRDD<K, V> sample(boolean withReplacement, double fraction, long seed) {
        return of(super.sample(withReplacement, fraction, seed));
    }

    @Override
    public PairRDD<K, V> coalesce(int numPartitions, boolean shuffle) {
        return of(super.coalesce(numPartitions, shuffle));
    }

    @Override
    public PairRDD<K, V> repartition(int numPartitions) {
        return of(super.repartition(numPartitions));
    }

    @Override
    public PairRDD<K, V> setName(String name) {
        super.setName(name);
        return this;
    }

    @Override
    public PairRDD<K, V> persist(StorageLevel level) {
        super.persist(level);
        return this;
    }

    @Override
    public PairRDD<K, V> cache() {
        super.cache();
        return this;
    }

    @Override
    public PairRDD<K, V> unpersist(boolean blocking) {
        super.unpersist(blocking);
        return this;
    }

    @Override
    public PairRDD<K, V> unpersist() {
        super.unpersist();
        return this;
    }

    // ---- internals ------------------------------------------------------------------------------

    private int defaultPartitions() {
        return context().conf().defaultParallelism().getOrElse(getNumPartitions());
    }

    private Partitioner joinPartitioner(RDD<?> other) {
        return partitioner()
                .orElse(other::partitioner)
                .getOrElse(() -> new HashPartitioner(context().conf().defaultParallelism()
                        .getOrElse(Math.max(getNumPartitions(), other.getNumPartitions()))));
    }

    private <U> PairRDD<K, U> mapPartitionsToPairs(
            Function1<io.vavr.collection.Iterator<Tuple2<K, V>>, ? extends java.util.Iterator<Tuple2<K, U>>> f) {
        return of(mapPartitions(f, true));
    }

    @SuppressWarnings("unchecked")
    private static <X> Iterable<X> castList(Object list) {
        return (Iterable<X>) list;
    }

    private static <U> U copyOf(byte[] zeroBytes) {
        return Codecs.kryo().deserialize(zeroBytes, Thread.currentThread().getContextClassLoader());
    }
}
