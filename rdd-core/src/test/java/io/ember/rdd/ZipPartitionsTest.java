package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.util.Iterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link RDD#zipPartitions}: a narrow two-parent RDD whose function reads both partitions as streams. */
class ZipPartitionsTest {
    static EmberContext sc;

    @BeforeAll
    static void start() {
        sc = EmberContext.builder().master("local[3]").appName("zip-partitions").getOrCreate();
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    private static <T> List<T> drain(Iterator<T> it) {
        List<T> out = List.empty();
        while (it.hasNext()) {
            out = out.append(it.next());
        }
        return out;
    }

    @Test
    void zipPartitions_pairsPartitionsOfEqualIndex() {
        RDD<Integer> a = sc.parallelize(List.range(0, 6), 3);
        RDD<String> b = sc.parallelize(List.of("a", "b", "c", "d", "e"), 3);
        RDD<String> zipped = a.zipPartitions(b, (xs, ys) ->
                List.of(drain(xs).mkString(",") + "|" + drain(ys).mkString(",")).iterator());
        assertEquals(List.of("0,1|a", "2,3|b,c", "4,5|d,e"), zipped.collect());
    }

    @Test
    void zipPartitions_allowsDifferentSizesAndEmptyPartitions() {
        RDD<Integer> a = sc.parallelize(List.range(0, 2), 3);
        RDD<Integer> b = sc.parallelize(List.range(0, 9), 3);
        RDD<Integer> sums = a.zipPartitions(b, (xs, ys) -> List.of(drain(xs).sum().intValue() + drain(ys).sum().intValue()).iterator());
        assertEquals(List.range(0, 2).sum().intValue() + List.range(0, 9).sum().intValue(), sums.collect().sum().intValue());
        assertEquals(3, sums.getNumPartitions());
    }

    @Test
    void zipPartitions_consumesBothSidesLazily() {
        RDD<Integer> a = sc.parallelize(List.range(0, 1000), 2);
        RDD<Integer> b = sc.parallelize(List.range(0, 1000), 2).map(x -> x * 10);
        RDD<Integer> merged = a.<Integer, Integer>zipPartitions(b, (xs, ys) -> new Iterator<Integer>() {
            @Override
            public boolean hasNext() {
                return xs.hasNext() || ys.hasNext();
            }

            @Override
            public Integer next() {
                return xs.hasNext() ? xs.next() : ys.next();
            }
        });
        assertEquals(List.of(0, 1, 2), merged.take(3));
        assertEquals(2000, merged.count());
    }

    @Test
    void zipPartitions_isNarrow_withBothParentsAsOneToOneDependencies() {
        RDD<Integer> a = sc.parallelize(List.range(0, 4), 2);
        RDD<Integer> b = sc.parallelize(List.range(0, 4), 2);
        RDD<Integer> zipped = a.zipPartitions(b, (xs, ys) -> xs);
        assertEquals(2, zipped.dependencies().size());
        assertTrue(zipped.dependencies().forAll(d -> d instanceof OneToOneDependency));
        assertEquals(List.of(a.id(), b.id()), zipped.dependencies().map(d -> d.rdd().id()));
        assertTrue(zipped.partitioner().isEmpty());
    }

    @Test
    void zipPartitions_ofUnequalPartitionCounts_failsAtTheCall() {
        RDD<Integer> a = sc.parallelize(List.range(0, 4), 2);
        RDD<Integer> b = sc.parallelize(List.range(0, 4), 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.zipPartitions(b, (xs, ys) -> xs));
        assertTrue(e.getMessage().contains("2") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void zipPartitions_readsPersistedParentsFromTheCache() {
        LongAccumulator computed = sc.longAccumulator("computed");
        RDD<Integer> a = sc.parallelize(List.range(0, 6), 2).map(x -> {
            computed.add(1);
            return x + 1;
        }).cache();
        RDD<Integer> b = sc.parallelize(List.range(0, 6), 2);
        assertEquals(21, a.zipPartitions(b, (xs, ys) -> xs).collect().sum().intValue());
        assertEquals(36, a.zipPartitions(b, (xs, ys) -> List.ofAll(() -> xs).appendAll(() -> ys).iterator())
                .collect().sum().intValue());
        assertEquals(6, computed.sum(), "the second job reads a's cached partitions");
        a.unpersist(true);
    }
}
