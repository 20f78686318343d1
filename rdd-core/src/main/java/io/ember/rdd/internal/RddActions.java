package io.ember.rdd.internal;

import io.ember.rdd.PairRDD;
import io.ember.rdd.RDD;
import io.ember.rdd.SerializableComparator;
import io.ember.rdd.VoidFunction;
import io.vavr.Function2;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The bodies of RDD actions: each runs one job (take may run several) with a per-partition
 * function and merges the partition results on the driver.
 */
public final class RddActions {
    private RddActions() {
    }

    /** All elements in partition order. */
    public static <T> List<T> collect(RDD<T> rdd) {
        java.util.List<ArrayList<T>> parts = rdd.context().runJob(rdd, (ctx, it) -> drain(it));
        ArrayList<T> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return List.ofAll(all);
    }

    /** The number of elements. */
    public static long count(RDD<?> rdd) {
        java.util.List<Long> counts = rdd.context().runJob(rdd, (ctx, it) -> Iterators.count(it));
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }

    /**
     * The first {@code n} elements: reads partition 0 first, then ever more partitions at a
     * time (estimated from the yield so far, at most four times as many), like Spark's take.
     */
    public static <T> List<T> take(RDD<T> rdd, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("take needs n >= 0, got " + n);
        }
        ArrayList<T> buffer = new ArrayList<>();
        int total = rdd.getNumPartitions();
        int scanned = 0;
        while (buffer.size() < n && scanned < total) {
            int tryCount = 1;
            if (scanned > 0) {
                tryCount = buffer.isEmpty()
                        ? scanned * 4
                        : (int) Math.min(scanned * 4L, Math.max(1, (long) Math.ceil(1.5 * n * scanned / buffer.size()) - scanned));
            }
            int left = n - buffer.size();
            List<Integer> partitions = List.range(scanned, Math.min(total, scanned + tryCount));
            java.util.List<ArrayList<T>> parts = rdd.context().runJob(rdd, (ctx, it) -> takeFrom(it, left), partitions);
            for (ArrayList<T> part : parts) {
                for (T x : part) {
                    if (buffer.size() < n) {
                        buffer.add(x);
                    }
                }
            }
            scanned += partitions.size();
        }
        return List.ofAll(buffer);
    }

    /** The {@code n} smallest elements by {@code order}, smallest first. */
    public static <T> List<T> takeOrdered(RDD<T> rdd, int n, SerializableComparator<? super T> order) {
        if (n <= 0) {
            return List.empty();
        }
        java.util.List<ArrayList<T>> parts = rdd.context().runJob(rdd, (ctx, it) -> smallest(it, n, order));
        ArrayList<T> all = new ArrayList<>();
        parts.forEach(all::addAll);
        all.sort(order);
        return List.ofAll(all.subList(0, Math.min(n, all.size())));
    }

    /** All elements combined with {@code f}, or none. */
    public static <T> Option<T> reduce(RDD<T> rdd, Function2<T, T, T> f) {
        java.util.List<Option<T>> parts = rdd.context().runJob(rdd, (ctx, it) -> reducePartition(it, f));
        Option<T> result = Option.none();
        for (Option<T> part : parts) {
            if (part.isDefined()) {
                result = Option.some(result.isEmpty() ? part.get() : f.apply(result.get(), part.get()));
            }
        }
        return result;
    }

    /** Each partition folded from (its own copy of) {@code zero}, the results merged from {@code zero}. */
    public static <T, U> U aggregate(RDD<T> rdd, U zero, Function2<U, ? super T, U> seqOp, Function2<U, U, U> combOp) {
        java.util.List<U> parts = rdd.context().runJob(rdd, (ctx, it) -> foldPartition(it, zero, seqOp));
        U result = copyOf(zero, rdd);
        for (U part : parts) {
            result = combOp.apply(result, part);
        }
        return result;
    }

    /** Runs {@code f} on every partition. */
    public static <T> void foreachPartition(RDD<T> rdd, VoidFunction<Iterator<T>> f) {
        rdd.context().runJob(rdd, (ctx, it) -> callOn(f, it));
    }

    /** Runs {@code f} on a partition's iterator; a checked exception is rethrown wrapped, with its cause kept. */
    public static <T> Void callOn(VoidFunction<Iterator<T>> f, Iterator<T> it) {
        try {
            f.call(it);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
        return null;
    }

    /** The values of {@code key}; reads one partition when the partitioner is known. */
    public static <K, V> List<V> lookup(PairRDD<K, V> rdd, K key) {
        if (rdd.partitioner().isDefined()) {
            int p = rdd.partitioner().get().getPartition(key);
            java.util.List<ArrayList<V>> parts = rdd.context().runJob(rdd, (ctx, it) -> valuesOf(it, key), List.of(p));
            return List.ofAll(parts.get(0));
        }
        return rdd.filter(kv -> Objects.equals(kv._1, key)).values().collect();
    }

    private static <K, V> ArrayList<V> valuesOf(Iterator<Tuple2<K, V>> it, K key) {
        ArrayList<V> out = new ArrayList<>();
        while (it.hasNext()) {
            Tuple2<K, V> kv = it.next();
            if (Objects.equals(kv._1, key)) {
                out.add(kv._2);
            }
        }
        return out;
    }

    /** The elements of {@code it} combined with {@code f}, or none if there are none. */
    static <T> Option<T> reducePartition(Iterator<T> it, Function2<T, T, T> f) {
        if (!it.hasNext()) {
            return Option.none();
        }
        T acc = it.next();
        while (it.hasNext()) {
            acc = f.apply(acc, it.next());
        }
        return Option.some(acc);
    }

    /** The elements of {@code it} folded into {@code zero} with {@code seqOp}. */
    static <T, U> U foldPartition(Iterator<T> it, U zero, Function2<U, ? super T, U> seqOp) {
        U acc = zero;
        while (it.hasNext()) {
            acc = seqOp.apply(acc, it.next());
        }
        return acc;
    }

    /** A private copy of {@code value} (through Kryo), so that a mutable zero value is never shared with the caller. */
    static <U> U copyOf(U value, RDD<?> rdd) {
        return io.ember.serializers.Codecs.kryo().deserialize(
                io.ember.serializers.Codecs.kryo().serialize(value), rdd.getClass().getClassLoader());
    }

    /** The remaining elements of {@code it}, in a list. */
    public static <T> ArrayList<T> drain(Iterator<T> it) {
        ArrayList<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static <T> ArrayList<T> takeFrom(Iterator<T> it, int n) {
        ArrayList<T> out = new ArrayList<>(Math.min(n, 1024));
        while (out.size() < n && it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    private static <T> ArrayList<T> smallest(Iterator<T> it, int n, SerializableComparator<? super T> order) {
        // A max-heap of the n smallest seen so far: the root is the first to go.
        PriorityQueue<T> heap = new PriorityQueue<>(Math.min(n, 1024) + 1, (a, b) -> order.compare(b, a));
        while (it.hasNext()) {
            T x = it.next();
            if (heap.size() < n) {
                heap.add(x);
            } else if (order.compare(x, heap.peek()) < 0) {
                heap.poll();
                heap.add(x);
            }
        }
        return new ArrayList<>(heap);
    }
}
