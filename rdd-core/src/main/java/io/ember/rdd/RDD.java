package io.ember.rdd;

import io.ember.rdd.internal.CallSite;
import io.ember.rdd.internal.CartesianRDD;
import io.ember.rdd.internal.CoalescedRDD;
import io.ember.rdd.internal.Iterators;
import io.ember.rdd.internal.LineageFormatter;
import io.ember.rdd.internal.MapPartitionsRDD;
import io.ember.rdd.internal.LocalIterator;
import io.ember.rdd.internal.PartitionwiseSampledRDD;
import io.ember.rdd.internal.RandomSplits;
import io.ember.rdd.internal.RddActions;
import io.ember.rdd.internal.TakeSample;
import io.ember.rdd.internal.TreeAggregation;
import io.ember.rdd.internal.UnionRDD;
import io.ember.rdd.internal.ZippedPartitionsRDD;
import io.ember.rdd.internal.ZippedPartitionsRDD2;
import io.ember.rdd.internal.ZippedWithIndexRDD;
import io.ember.rdd.internal.io.Checkpoints;
import io.ember.rdd.internal.io.ObjectOutput;
import io.ember.rdd.internal.io.TextOutput;
import io.ember.rdd.internal.storage.CacheManager;
import io.vavr.Function1;
import io.vavr.Function2;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Objects;
import java.util.Random;

/**
 * A Resilient Distributed Dataset: an immutable, partitioned collection of elements that can be
 * computed in parallel and recomputed from its lineage when a piece is lost.
 *
 * <p>An RDD is defined by five properties, as in Spark:
 * <ol>
 *   <li>a list of {@linkplain #partitions() partitions};</li>
 *   <li>a function {@link #compute} that computes one partition from its parents;</li>
 *   <li>a list of {@linkplain #dependencies() dependencies} on parent RDDs (narrow or shuffle);</li>
 *   <li>optionally a {@linkplain #partitioner() partitioner} for key-value RDDs;</li>
 *   <li>optionally the {@linkplain #preferredLocations preferred locations} of each partition.</li>
 * </ol>
 *
 * <p>Transformations ({@link #map}, {@link #filter}, ...) are lazy: they only build a new RDD.
 * Actions ({@link #collect}, {@link #count}, ...) run a job on the context's executors and block
 * until it ends. Functions passed to transformations are checked for serializability at the call
 * that passes them and run on executors, never on the calling thread.
 *
 * <pre>{@code
 * RDD<Integer> data = sc.parallelize(List.range(1, 10001));
 * data.filter(x -> x < 10).collect();   // List(1, 2, 3, 4, 5, 6, 7, 8, 9)
 * }</pre>
 *
 * <p>{@link #persist(StorageLevel)} keeps computed partitions on the executors for later jobs;
 * {@link #checkpoint()} writes the RDD to reliable storage after the next job and cuts its
 * lineage there.
 *
 * <p>RDD objects are thread-safe: several threads may run actions on the same RDD.
 *
 * @param <T> the element type
 */
public abstract class RDD<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final transient EmberContext sc;
    private final int id;
    private final transient String creationSite;
    private volatile String name;
    private volatile StorageLevel storageLevel = StorageLevel.NONE;
    /** Once set, this RDD's data is read from here and its lineage ends here; shipped to executors. */
    private volatile RDD<T> checkpointRDD;
    private transient volatile boolean checkpointRequested;
    private transient volatile boolean checkpointing;
    private transient volatile Partition[] partitionsCache;
    private transient volatile List<Dependency<?>> dependenciesCache;

    /** Creates an RDD in context {@code sc}; subclasses call this from the driver. */
    protected RDD(EmberContext sc) {
        this.sc = Objects.requireNonNull(sc, "sc is null");
        this.id = sc.newRddId();
        this.creationSite = CallSite.capture();
    }

    // ---- the five properties -------------------------------------------------------------

    /** Computes the partitions of this RDD; called once, on the driver. */
    protected abstract Partition[] getPartitions();

    /**
     * Computes one partition. Called on an executor; use parents' {@link #iterator} to read
     * their partitions so that their caching applies.
     */
    protected abstract Iterator<T> compute(Partition split, TaskContext context);

    /** The dependencies on parent RDDs; called once, on the driver. None by default. */
    protected List<Dependency<?>> getDependencies() {
        return List.empty();
    }

    /** The partitioner of a key-value RDD whose layout is known. None by default. */
    public Option<Partitioner> partitioner() {
        return Option.none();
    }

    /** Where a partition would best be computed (executor ids or hosts). None by default. */
    protected List<String> getPreferredLocations(Partition split) {
        return List.empty();
    }

    /** The partitions, computed once and remembered (a checkpointed RDD's are its files'). Driver only. */
    public final Partition[] partitions() {
        RDD<T> checkpointed = checkpointRDD;
        if (checkpointed != null) {
            return checkpointed.partitions();
        }
        Partition[] p = partitionsCache;
        if (p == null) {
            synchronized (this) {
                p = partitionsCache;
                if (p == null) {
                    p = getPartitions();
                    for (int i = 0; i < p.length; i++) {
                        if (p[i].index() != i) {
                            throw new IllegalStateException(getClass().getSimpleName() + "[" + id
                                    + "]: partition at position " + i + " has index " + p[i].index());
                        }
                    }
                    partitionsCache = p;
                }
            }
        }
        return p;
    }

    /**
     * The dependencies, computed once and remembered; a checkpointed RDD depends on its
     * checkpoint files only. Driver only.
     */
    public final List<Dependency<?>> dependencies() {
        RDD<T> checkpointed = checkpointRDD;
        if (checkpointed != null) {
            return List.of(new OneToOneDependency<>(checkpointed));
        }
        List<Dependency<?>> d = dependenciesCache;
        if (d == null) {
            d = getDependencies();
            dependenciesCache = d;
            if (sc != null && d.exists(dep -> dep instanceof ShuffleDependency)) {
                // why: once this RDD is unreachable no job can read its shuffles: delete their files
                List<Integer> shuffles = d.filter(dep -> dep instanceof ShuffleDependency)
                        .map(dep -> ((ShuffleDependency<?, ?, ?>) dep).shuffleId());
                EmberContext context = sc;
                sc.storage().cleaner().register(this, () -> shuffles.forEach(context::removeShuffle));
            }
        }
        return d;
    }

    /** The preferred locations of a partition: the executors caching it if any, else the RDD's own. */
    public final List<String> preferredLocations(Partition split) {
        if (storageLevel.isValid() && sc != null) {
            List<String> cached = sc.storage().blockMaster().locations(id, split.index());
            if (!cached.isEmpty()) {
                return cached;
            }
        }
        RDD<T> checkpointed = checkpointRDD;
        return checkpointed != null ? checkpointed.preferredLocations(split) : getPreferredLocations(split);
    }

    /**
     * Reads a partition: the entry point through which child RDDs and tasks pull data, from the
     * executor's cache when the RDD is persisted, from its checkpoint files when it has been
     * checkpointed, else by computing it. Not meant to be called by users outside a
     * {@link #compute} implementation.
     */
    public final Iterator<T> iterator(Partition split, TaskContext context) {
        StorageLevel level = storageLevel;
        if (level.isValid()) {
            return CacheManager.getOrCompute(id, split.index(), level, () -> computeOrReadCheckpoint(split, context));
        }
        return computeOrReadCheckpoint(split, context);
    }

    private Iterator<T> computeOrReadCheckpoint(Partition split, TaskContext context) {
        RDD<T> checkpointed = checkpointRDD;
        return checkpointed != null ? checkpointed.iterator(split, context) : compute(split, context);
    }

    // ---- persistence and checkpoints ---------------------------------------------------------

    /**
     * Keeps this RDD's partitions on the executors that compute them, at {@code level}, from the
     * next job on (lazy, as in Spark). Returns {@code this}.
     *
     * @throws UnsupportedOperationException if the RDD is already persisted at another level
     * @throws IllegalArgumentException if {@code level} is {@link StorageLevel#NONE}
     */
    public RDD<T> persist(StorageLevel level) {
        Objects.requireNonNull(level, "level is null");
        if (!level.isValid()) {
            throw new IllegalArgumentException("persist needs a storage level that stores something, got " + level);
        }
        StorageLevel current = storageLevel;
        if (current.isValid() && !current.equals(level)) {
            throw new UnsupportedOperationException("Cannot change the storage level of " + this + " from " + current
                    + " to " + level + "; unpersist it first");
        }
        if (!current.isValid()) {
            EmberContext context = context();
            context.storage().blockMaster().persist(this);
            var master = context.storage().blockMaster();
            int rddId = id;
            context.storage().cleaner().register(this, () -> master.unpersist(rddId, false));
            storageLevel = level;
        }
        return this;
    }

    /** {@link #persist(StorageLevel)} at {@link StorageLevel#MEMORY_ONLY}. */
    public RDD<T> cache() {
        return persist(StorageLevel.MEMORY_ONLY);
    }

    /** Stops persisting and removes the cached partitions from the executors, without waiting. */
    public RDD<T> unpersist() {
        return unpersist(false);
    }

    /** Stops persisting and removes the cached partitions; with {@code blocking}, waits until they are gone. */
    public RDD<T> unpersist(boolean blocking) {
        storageLevel = StorageLevel.NONE;
        context().storage().blockMaster().unpersist(id, blocking);
        return this;
    }

    /** The level this RDD is persisted at, {@link StorageLevel#NONE} if it is not. */
    public final StorageLevel getStorageLevel() {
        return storageLevel;
    }

    /**
     * Marks this RDD for checkpointing: after the next job that computes it, it is written to
     * the context's checkpoint directory ({@link EmberContext#setCheckpointDir}) and its lineage
     * is replaced by those files. Persist it first to avoid computing it twice.
     *
     * @throws IllegalStateException if no checkpoint directory is set
     */
    public void checkpoint() {
        if (context().storage().checkpointDir() == null) {
            throw new IllegalStateException("Checkpoint directory has not been set: call EmberContext.setCheckpointDir first");
        }
        if (checkpointRDD == null) {
            checkpointRequested = true;
        }
    }

    /** Whether this RDD has been checkpointed (its lineage now starts at its checkpoint files). */
    public final boolean isCheckpointed() {
        return checkpointRDD != null;
    }

    /** The directory holding this RDD's checkpoint, once it is written. */
    public final Option<String> getCheckpointFile() {
        RDD<T> checkpointed = checkpointRDD;
        return checkpointed == null ? Option.none() : Option.some(Checkpoints.directoryOf(checkpointed));
    }

    /** After a job on this RDD: writes the checkpoints that were asked for in its lineage. Driver only. */
    final void doCheckpoint() {
        if (checkpointing || checkpointRDD != null) {
            return;
        }
        if (checkpointRequested) {
            checkpointing = true;
            try {
                checkpointRDD = Checkpoints.write(this);
                partitionsCache = null;
                dependenciesCache = null;
            } finally {
                checkpointing = false;
            }
        } else {
            dependencies().forEach(dep -> dep.rdd().doCheckpoint());
        }
    }

    // ---- identity --------------------------------------------------------------------------

    /** The context this RDD was created in. Driver only. */
    public final EmberContext context() {
        if (sc == null) {
            throw new IllegalStateException("RDD[" + id + "] has no context here: RDD transformations and "
                    + "actions can only be called on the driver, not inside another RDD's function");
        }
        return sc;
    }

    /** A number unique to this RDD within its context. */
    public final int id() {
        return id;
    }

    /** The name given with {@link #setName}, or null. */
    public final String name() {
        return name;
    }

    /** Names this RDD (shown in {@link #toDebugString()} and the UI); returns {@code this}. */
    public RDD<T> setName(String name) {
        this.name = name;
        return this;
    }

    /** The number of partitions. */
    public final int getNumPartitions() {
        return partitions().length;
    }

    /** Where in user code this RDD was created, e.g. {@code filter at Job.java:12}. */
    public final String creationSite() {
        return creationSite;
    }

    /**
     * The lineage as Spark prints it: one line per RDD with its partition count, indented at
     * each shuffle.
     *
     * <pre>
     * (2) ShuffledRDD[3] at reduceByKey at WordCount.java:20 []
     *  +-(2) MapPartitionsRDD[2] at mapToPair at WordCount.java:19 []
     *     |  ParallelCollectionRDD[0] at parallelize at WordCount.java:17 []
     * </pre>
     */
    public final String toDebugString() {
        return LineageFormatter.format(this);
    }

    /**
     * The storage level as {@link #toDebugString()} shows it in brackets, e.g.
     * {@code Memory Deserialized 1x Replicated}; empty while the RDD is not persisted.
     */
    public String storageDescription() {
        return storageLevel.description();
    }

    @Override
    public String toString() {
        return (name == null ? "" : name + " ") + getClass().getSimpleName() + "[" + id + "] at " + creationSite;
    }

    // ---- transformations ------------------------------------------------------------------

    /** Applies {@code f} to every element. */
    public <U> RDD<U> map(Function1<? super T, ? extends U> f) {
        Function1<? super T, ? extends U> g = clean(f);
        return new MapPartitionsRDD<T, U>(this, (ctx, it) -> Iterators.map(it, g), false);
    }

    /** Applies {@code f} to every element and flattens the results. */
    public <U> RDD<U> flatMap(Function1<? super T, ? extends Iterable<? extends U>> f) {
        Function1<? super T, ? extends Iterable<? extends U>> g = clean(f);
        return new MapPartitionsRDD<T, U>(this, (ctx, it) -> Iterators.flatMap(it, g), false);
    }

    /** Keeps the elements for which {@code predicate} is true. */
    public RDD<T> filter(Function1<? super T, Boolean> predicate) {
        Function1<? super T, Boolean> p = clean(predicate);
        return new MapPartitionsRDD<T, T>(this, (ctx, it) -> Iterators.filter(it, p), true);
    }

    /** Transforms each partition as a whole. */
    public <U> RDD<U> mapPartitions(Function1<io.vavr.collection.Iterator<T>, ? extends Iterator<U>> f) {
        return mapPartitions(f, false);
    }

    /**
     * Transforms each partition as a whole; {@code preservesPartitioning} tells that keys are
     * unchanged, so a pair RDD keeps its partitioner.
     */
    public <U> RDD<U> mapPartitions(Function1<io.vavr.collection.Iterator<T>, ? extends Iterator<U>> f,
                                    boolean preservesPartitioning) {
        Function1<io.vavr.collection.Iterator<T>, ? extends Iterator<U>> g = clean(f);
        return new MapPartitionsRDD<T, U>(this, (ctx, it) -> g.apply(io.vavr.collection.Iterator.ofAll(it)),
                preservesPartitioning);
    }

    /** Transforms each partition as a whole, knowing its index. */
    public <U> RDD<U> mapPartitionsWithIndex(
            Function2<Integer, io.vavr.collection.Iterator<T>, ? extends Iterator<U>> f) {
        Function2<Integer, io.vavr.collection.Iterator<T>, ? extends Iterator<U>> g = clean(f);
        return new MapPartitionsRDD<T, U>(this,
                (Integer index, TaskContext ctx, Iterator<T> it) -> g.apply(index, io.vavr.collection.Iterator.ofAll(it)),
                false);
    }

    /** Turns each partition into one list. */
    public RDD<List<T>> glom() {
        return new MapPartitionsRDD<T, List<T>>(this,
                (ctx, it) -> io.vavr.collection.Iterator.of(List.ofAll(() -> it)), false);
    }

    /** Pairs every element with the key {@code f} computes. */
    public <K> PairRDD<K, T> keyBy(Function1<? super T, ? extends K> f) {
        Function1<? super T, ? extends K> g = clean(f);
        return PairRDD.of(map(x -> Tuple.of(g.apply(x), x)));
    }

    /** Maps every element to a key-value pair. */
    public <K, V> PairRDD<K, V> mapToPair(Function1<? super T, Tuple2<K, V>> f) {
        return PairRDD.of(map(f));
    }

    /** Maps every element to any number of key-value pairs. */
    public <K, V> PairRDD<K, V> flatMapToPair(Function1<? super T, ? extends Iterable<Tuple2<K, V>>> f) {
        return PairRDD.of(flatMap(f));
    }

    /** Maps every element to a double, giving a {@link DoubleRDD} with numeric actions ({@code stats}, {@code histogram}). */
    public DoubleRDD mapToDouble(Function1<? super T, Double> f) {
        return DoubleRDD.of(map(f));
    }

    /** The distinct elements (a shuffle), in {@link #getNumPartitions()} partitions. */
    public RDD<T> distinct() {
        return distinct(getNumPartitions());
    }

    /** The distinct elements, in {@code numPartitions} partitions. */
    public RDD<T> distinct(int numPartitions) {
        return mapToPair(x -> Tuple.of(x, (Object) null))
                .reduceByKey((a, b) -> a, numPartitions)
                .keys();
    }

    /** All elements of this RDD and then of {@code other} (duplicates kept, no shuffle). */
    public RDD<T> union(RDD<T> other) {
        return new UnionRDD<>(context(), List.of(this, other));
    }

    /** The distinct elements present in both RDDs (a shuffle). */
    public RDD<T> intersection(RDD<T> other) {
        int n = Math.max(getNumPartitions(), other.getNumPartitions());
        return mapToPair(x -> Tuple.of(x, (Object) null))
                .cogroup(other.mapToPair(x -> Tuple.of(x, (Object) null)), new HashPartitioner(n))
                .filter(kv -> !kv._2._1.isEmpty() && !kv._2._2.isEmpty())
                .map(Tuple2::_1);
    }

    /** The elements of this RDD that are not in {@code other} (duplicates of this kept). */
    public RDD<T> subtract(RDD<T> other) {
        return mapToPair(x -> Tuple.of(x, (Object) null))
                .subtractByKey(other.mapToPair(x -> Tuple.of(x, (Object) null)))
                .keys();
    }

    /** A random sample with a fixed seed; see {@link #sample(boolean, double, long)}. */
    public RDD<T> sample(boolean withReplacement, double fraction) {
        return sample(withReplacement, fraction, new Random().nextLong());
    }

    /**
     * A random sample: each element is kept with probability {@code fraction} (Bernoulli), or,
     * with replacement, appears a Poisson({@code fraction}) number of times. Deterministic for a
     * given seed and partitioning.
     */
    public RDD<T> sample(boolean withReplacement, double fraction, long seed) {
        if (fraction < 0 || (!withReplacement && fraction > 1)) {
            throw new IllegalArgumentException("sample fraction must be in [0, 1] without replacement "
                    + "and >= 0 with replacement, got " + fraction);
        }
        return new PartitionwiseSampledRDD<>(this, withReplacement, fraction, seed);
    }

    /**
     * Splits this RDD randomly by {@code weights} (normalised if they do not sum to 1): every
     * element lands in exactly one split, split i getting about {@code weights[i] / sum} of
     * them. Deterministic for a given seed, partitioning and order within partitions; like
     * Spark, each split recomputes this RDD, so persist it first if that is costly.
     *
     * @throws IllegalArgumentException if a weight is negative, NaN or infinite, or they sum to 0
     */
    public RDD<T>[] randomSplit(double[] weights, long seed) {
        Objects.requireNonNull(weights, "weights is null");
        return RandomSplits.split(this, weights.clone(), seed);
    }

    /** {@link #randomSplit(double[], long)} with a random seed. */
    public RDD<T>[] randomSplit(double[] weights) {
        return randomSplit(weights, new Random().nextLong());
    }

    /**
     * Sorts by the key {@code f} computes (a range-partitioned shuffle; the ranges are found by
     * sampling, which runs a small job now, as in Spark).
     */
    public <K extends Comparable<? super K>> RDD<T> sortBy(Function1<? super T, ? extends K> f,
                                                           boolean ascending, int numPartitions) {
        Function1<? super T, ? extends K> g = clean(f);
        return keyBy(g).sortByKey(ascending, numPartitions).values();
    }

    /** Sorts ascending by the key {@code f} computes, keeping the number of partitions. */
    public <K extends Comparable<? super K>> RDD<T> sortBy(Function1<? super T, ? extends K> f) {
        return sortBy(f, true, getNumPartitions());
    }

    /** Groups elements by the key {@code f} computes (a shuffle). */
    public <K> PairRDD<K, List<T>> groupBy(Function1<? super T, ? extends K> f) {
        return this.<K>keyBy(f).groupByKey();
    }

    /** Groups elements by the key {@code f} computes into {@code numPartitions} partitions. */
    public <K> PairRDD<K, List<T>> groupBy(Function1<? super T, ? extends K> f, int numPartitions) {
        return this.<K>keyBy(f).groupByKey(numPartitions);
    }

    /**
     * Pairs each element with its index (partition order, then order within the partition).
     * Runs a job now to count the elements of every partition but the last, as in Spark.
     */
    public PairRDD<T, Long> zipWithIndex() {
        return PairRDD.of(new ZippedWithIndexRDD<>(this));
    }

    /**
     * Pairs each element with a unique id without running a job (unlike {@link #zipWithIndex()}):
     * the i-th element (from 0) of partition k of n gets {@code i * n + k}, as in Spark. The ids
     * are unique but have gaps when partitions differ in size.
     */
    public PairRDD<T, Long> zipWithUniqueId() {
        long n = getNumPartitions();
        return PairRDD.of(new MapPartitionsRDD<T, Tuple2<T, Long>>(this, (Integer k, TaskContext ctx, Iterator<T> it) -> {
            long[] i = {0};
            return Iterators.map(it, x -> Tuple.of(x, i[0]++ * n + k));
        }, false));
    }

    /**
     * Pairs the i-th element of this RDD with the i-th of {@code other}. Both must have the same
     * number of partitions and the same number of elements in each partition.
     */
    public <U> PairRDD<T, U> zip(RDD<U> other) {
        return PairRDD.of(new ZippedPartitionsRDD<>(this, other));
    }

    /**
     * Computes each partition from partition i of this RDD and partition i of {@code other},
     * which {@code f} reads together as two iterators, in one task. Both RDDs must have the same
     * number of partitions (the numbers of elements may differ). The dependencies are narrow: no
     * shuffle, and both parents are pipelined into the task's stage. Lazy, as every
     * transformation; the result has no partitioner.
     *
     * <pre>{@code
     * RDD<Integer> sums = a.zipPartitions(b, (xs, ys) -> List.of(sum(xs) + sum(ys)).iterator());
     * }</pre>
     *
     * @throws IllegalArgumentException if the numbers of partitions differ
     */
    public <U, V> RDD<V> zipPartitions(RDD<U> other, Function2<Iterator<T>, Iterator<U>, Iterator<V>> f) {
        Objects.requireNonNull(other, "other is null");
        Objects.requireNonNull(f, "f is null");
        return new ZippedPartitionsRDD2<>(this, other, clean(f));
    }

    /** Every pair of an element of this RDD with an element of {@code other}. */
    public <U> PairRDD<T, U> cartesian(RDD<U> other) {
        return PairRDD.of(new CartesianRDD<>(this, other));
    }

    /** Merges partitions down to {@code numPartitions} without a shuffle. */
    public RDD<T> coalesce(int numPartitions) {
        return coalesce(numPartitions, false);
    }

    /**
     * Reduces (or, with {@code shuffle}, changes) the number of partitions. Without a shuffle
     * neighbouring partitions are merged and the count can only go down.
     */
    public RDD<T> coalesce(int numPartitions, boolean shuffle) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("number of partitions must be positive, got " + numPartitions);
        }
        if (!shuffle) {
            return new CoalescedRDD<>(this, numPartitions);
        }
        RDD<Tuple2<Integer, T>> keyed = mapPartitionsWithIndex((index, it) -> {
            int[] position = {new Random(index).nextInt(numPartitions)};
            return it.map(x -> Tuple.of(position[0]++ % numPartitions, x));
        });
        return PairRDD.of(keyed)
                .partitionBy(new HashPartitioner(numPartitions))
                .values();
    }

    /** Redistributes the elements evenly over {@code numPartitions} partitions (a shuffle). */
    public RDD<T> repartition(int numPartitions) {
        return coalesce(numPartitions, true);
    }

    // ---- actions ------------------------------------------------------------------------

    /** All elements, in partition order. */
    public List<T> collect() {
        return RddActions.collect(this);
    }

    /** The number of elements. */
    public long count() {
        return RddActions.count(this);
    }

    /** Whether there are no elements (reads at most the first non-empty partitions). */
    public boolean isEmpty() {
        return getNumPartitions() == 0 || take(1).isEmpty();
    }

    /**
     * The first element.
     *
     * @throws UnsupportedOperationException if the RDD is empty
     */
    public T first() {
        return firstOption().getOrElseThrow(() ->
                new UnsupportedOperationException("first() on an empty RDD: " + this));
    }

    /** The first element, if any. */
    public Option<T> firstOption() {
        return take(1).headOption();
    }

    /** The first {@code n} elements, reading as few partitions as it can. */
    public List<T> take(int n) {
        return RddActions.take(this, n);
    }

    /** The {@code n} smallest elements in natural order (elements must be Comparable). */
    public List<T> takeOrdered(int n) {
        return takeOrdered(n, SerializableComparator.natural());
    }

    /** The {@code n} smallest elements by {@code comparator}. */
    public List<T> takeOrdered(int n, SerializableComparator<? super T> comparator) {
        return RddActions.takeOrdered(this, n, clean(comparator));
    }

    /** The {@code n} largest elements in natural order, largest first. */
    public List<T> top(int n) {
        return takeOrdered(n, SerializableComparator.<T>natural().reverse());
    }

    /** The {@code n} largest elements by {@code comparator}, largest first. */
    public List<T> top(int n, SerializableComparator<? super T> comparator) {
        SerializableComparator<? super T> c = clean(comparator);
        return takeOrdered(n, (T a, T b) -> c.compare(b, a));
    }

    /**
     * The largest element by {@code comparator} (Spark's {@code max(Comparator)}).
     *
     * @throws UnsupportedOperationException if the RDD is empty
     */
    public T max(SerializableComparator<? super T> comparator) {
        SerializableComparator<? super T> c = clean(comparator);
        return reduce((a, b) -> c.compare(a, b) >= 0 ? a : b);
    }

    /**
     * The smallest element by {@code comparator} (Spark's {@code min(Comparator)}).
     *
     * @throws UnsupportedOperationException if the RDD is empty
     */
    public T min(SerializableComparator<? super T> comparator) {
        SerializableComparator<? super T> c = clean(comparator);
        return reduce((a, b) -> c.compare(a, b) <= 0 ? a : b);
    }

    /**
     * {@code num} elements drawn at random, in random order; without replacement each element
     * is drawn at most once (so at most {@link #count()} come back). Deterministic for a given
     * seed and partitioning. Runs a job to count, then one to sample (rarely more), as Spark.
     *
     * @throws IllegalArgumentException if {@code num} is negative
     */
    public List<T> takeSample(boolean withReplacement, int num, long seed) {
        return TakeSample.take(this, withReplacement, num, seed);
    }

    /** {@link #takeSample(boolean, int, long)} with a random seed. */
    public List<T> takeSample(boolean withReplacement, int num) {
        return takeSample(withReplacement, num, new Random().nextLong());
    }

    /**
     * An iterator over all elements in partition order that fetches one partition at a time, by
     * one job per partition run when the iterator reaches it: the driver needs memory for the
     * largest partition only, not the whole RDD. Persist the RDD first if it is costly to
     * compute, since each job computes its lineage anew.
     */
    public Iterator<T> toLocalIterator() {
        return new LocalIterator<>(this);
    }

    /**
     * {@link #aggregate} whose partial results are merged in a tree: intermediate levels run on
     * the executors (a shuffle each) so the driver receives few partial results. A depth of 2
     * (the default) suits hundreds of partitions.
     *
     * @throws IllegalArgumentException if {@code depth} is less than 1
     */
    public <U> U treeAggregate(U zero, Function2<U, ? super T, U> seqOp, Function2<U, U, U> combOp, int depth) {
        return TreeAggregation.aggregate(this, zero, clean(seqOp), clean(combOp), depth);
    }

    /** {@link #treeAggregate(Object, Function2, Function2, int)} with depth 2. */
    public <U> U treeAggregate(U zero, Function2<U, ? super T, U> seqOp, Function2<U, U, U> combOp) {
        return treeAggregate(zero, seqOp, combOp, 2);
    }

    /**
     * {@link #reduce} whose partial results are merged in a tree of {@code depth} levels, as
     * {@link #treeAggregate(Object, Function2, Function2, int)}.
     *
     * @throws UnsupportedOperationException if the RDD is empty
     * @throws IllegalArgumentException if {@code depth} is less than 1
     */
    public T treeReduce(Function2<T, T, T> f, int depth) {
        return TreeAggregation.reduce(this, clean(f), depth).getOrElseThrow(() ->
                new UnsupportedOperationException("treeReduce() on an empty RDD: " + this));
    }

    /** {@link #treeReduce(Function2, int)} with depth 2. */
    public T treeReduce(Function2<T, T, T> f) {
        return treeReduce(f, 2);
    }

    /**
     * Combines all elements with an associative, commutative function.
     *
     * @throws UnsupportedOperationException if the RDD is empty
     */
    public T reduce(Function2<T, T, T> f) {
        return reduceOption(f).getOrElseThrow(() ->
                new UnsupportedOperationException("reduce() on an empty RDD: " + this));
    }

    /** Combines all elements, or none if the RDD is empty. */
    public Option<T> reduceOption(Function2<T, T, T> f) {
        return RddActions.reduce(this, clean(f));
    }

    /**
     * Folds each partition from {@code zero}, then folds the partition results from
     * {@code zero}; {@code zero} must be a neutral element of {@code f}.
     */
    public T fold(T zero, Function2<T, T, T> f) {
        return aggregate(zero, f, f);
    }

    /** Aggregates each partition with {@code seqOp} from {@code zero}, then merges with {@code combOp}. */
    public <U> U aggregate(U zero, Function2<U, ? super T, U> seqOp, Function2<U, U, U> combOp) {
        return RddActions.aggregate(this, zero, clean(seqOp), clean(combOp));
    }

    /** Runs {@code f} on every element, on the executors. */
    public void foreach(VoidFunction<? super T> f) {
        VoidFunction<? super T> g = clean(f);
        foreachPartition(it -> {
            while (it.hasNext()) {
                g.call(it.next());
            }
        });
    }

    /** Runs {@code f} on every partition's iterator, on the executors. */
    public void foreachPartition(VoidFunction<Iterator<T>> f) {
        RddActions.foreachPartition(this, clean(f));
    }

    // ---- asynchronous actions -------------------------------------------------------------

    /**
     * {@link #collect()} without waiting: the job is submitted now and the returned future
     * completes with all elements, in partition order; {@link FutureAction#cancel} cancels the job.
     */
    public FutureAction<List<T>> collectAsync() {
        return context().submitJob(this, (ctx, it) -> RddActions.drain(it), List.range(0, getNumPartitions()))
                .thenApply(parts -> {
                    java.util.ArrayList<T> all = new java.util.ArrayList<>();
                    parts.forEach(all::addAll);
                    return List.ofAll(all);
                });
    }

    /** {@link #count()} without waiting; see {@link #collectAsync()}. */
    public FutureAction<Long> countAsync() {
        return context().submitJob(this, (ctx, it) -> Iterators.count(it), List.range(0, getNumPartitions()))
                .thenApply(counts -> counts.stream().mapToLong(Long::longValue).sum());
    }

    /** {@link #foreach} without waiting: the future completes (with null) when {@code f} has run on every element. */
    public FutureAction<Void> foreachAsync(VoidFunction<? super T> f) {
        VoidFunction<? super T> g = clean(f);
        return foreachPartitionAsync(it -> {
            while (it.hasNext()) {
                g.call(it.next());
            }
        });
    }

    /** {@link #foreachPartition} without waiting; see {@link #foreachAsync}. */
    public FutureAction<Void> foreachPartitionAsync(VoidFunction<Iterator<T>> f) {
        VoidFunction<Iterator<T>> g = clean(f);
        return context().submitJob(this, (ctx, it) -> RddActions.callOn(g, it), List.range(0, getNumPartitions()))
                .thenApply(results -> null);
    }

    /** How many times each distinct element occurs. */
    public Map<T, Long> countByValue() {
        return mapToPair(x -> Tuple.of(x, 1L)).countByKey();
    }

    /**
     * Writes each element's {@code toString()} as a line, one {@code part-NNNNN} file per
     * partition, into the directory {@code path}, which must not exist. The output appears
     * whole or not at all: tasks write into a temporary directory that is moved into place
     * when the job succeeds, with a {@code _SUCCESS} marker.
     */
    public void saveAsTextFile(String path) {
        TextOutput.save(this, path, false);
    }

    /** Like {@link #saveAsTextFile(String)}, replacing existing output only once the new output is complete. */
    public void saveAsTextFile(String path, boolean overwrite) {
        TextOutput.save(this, path, overwrite);
    }

    /**
     * {@link #saveAsTextFile(String)} with every part file compressed by {@code codec}
     * ({@code part-00000.gz} for gzip), as Spark's {@code saveAsTextFile(path, codecClass)};
     * {@link EmberContext#textFile} reads the result back. Use {@link CompressionCodec#forName}
     * for a codec named in configuration.
     */
    public void saveAsTextFile(String path, CompressionCodec codec) {
        Objects.requireNonNull(codec, "codec is null");
        TextOutput.save(this, path, false, Option.some(codec));
    }

    /**
     * Writes the elements with Kryo, one {@code part-NNNNN} file per partition, into the
     * directory {@code path}, which must not exist, through the same commit protocol as
     * {@link #saveAsTextFile(String)}. Read back with {@link EmberContext#objectFile(String)}.
     */
    public void saveAsObjectFile(String path) {
        ObjectOutput.save(this, path, false);
    }

    /** Like {@link #saveAsObjectFile(String)}, replacing existing output only once the new output is complete. */
    public void saveAsObjectFile(String path, boolean overwrite) {
        ObjectOutput.save(this, path, overwrite);
    }

    // ---- helpers for subclasses --------------------------------------------------------

    /** Checks that a user function can be shipped to executors, naming what it captured if not. */
    protected final <F> F clean(F f) {
        return context().clean(f);
    }
}
