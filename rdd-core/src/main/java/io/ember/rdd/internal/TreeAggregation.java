package io.ember.rdd.internal;

import io.ember.rdd.PairRDD;
import io.ember.rdd.RDD;
import io.ember.rdd.TaskContext;
import io.vavr.Function2;
import io.vavr.Tuple;
import io.vavr.control.Option;
import java.util.Iterator;

/**
 * {@code treeAggregate} and {@code treeReduce} as Spark builds them: each partition is folded to
 * one value, then, while there are too many partial values for the driver, they are merged in
 * real intermediate levels on the executors ({@code foldByKey} over buckets of partition
 * indices, {@code scale} partitions to one bucket, a shuffle per level), and the last level is
 * merged on the driver.
 */
public final class TreeAggregation {
    private TreeAggregation() {
    }

    /** Aggregates with {@code seqOp} per partition and {@code combOp} up a tree of {@code depth} levels. */
    public static <T, U> U aggregate(RDD<T> rdd, U zero, Function2<U, ? super T, U> seqOp,
                                     Function2<U, U, U> combOp, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("treeAggregate depth must be at least 1, got " + depth);
        }
        if (rdd.getNumPartitions() == 0) {
            return RddActions.copyOf(zero, rdd);
        }
        RDD<U> partial = new MapPartitionsRDD<T, U>(rdd,
                (ctx, it) -> io.vavr.collection.Iterator.of(RddActions.foldPartition(it, zero, seqOp)), false);
        int numPartitions = partial.getNumPartitions();
        int scale = Math.max((int) Math.ceil(Math.pow(numPartitions, 1.0 / depth)), 2);
        while (numPartitions > scale + Math.ceil((double) numPartitions / scale)) {
            numPartitions /= scale;
            int buckets = numPartitions;
            RDD<U> level = partial;
            partial = PairRDD.of(new MapPartitionsRDD<U, io.vavr.Tuple2<Integer, U>>(level,
                            (Integer index, TaskContext ctx, Iterator<U> it) ->
                                    Iterators.map(it, u -> Tuple.of(index % buckets, u)), false))
                    .aggregateByKey(zero, buckets, combOp, combOp)
                    .values();
        }
        return RddActions.aggregate(partial, zero, combOp, combOp);
    }

    /** Reduces with {@code f} up a tree of {@code depth} levels; none if the RDD is empty. */
    public static <T> Option<T> reduce(RDD<T> rdd, Function2<T, T, T> f, int depth) {
        RDD<Option<T>> perPartition = new MapPartitionsRDD<T, Option<T>>(rdd,
                (ctx, it) -> io.vavr.collection.Iterator.of(RddActions.reducePartition(it, f)), false);
        Function2<Option<T>, Option<T>, Option<T>> merge = (a, b) ->
                a.isEmpty() ? b : b.isEmpty() ? a : Option.some(f.apply(a.get(), b.get()));
        return aggregate(perPartition, Option.none(), merge, merge, depth);
    }
}
