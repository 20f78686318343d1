package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every pair-RDD operation, checked against plain Java; nulls, skew and empty sides included. */
@Timeout(60)
abstract class PairRddSpec extends ContextConfigurations {

    private static final Comparator<Tuple2<String, Integer>> BY_KEY_VALUE =
            Comparator.comparing((Tuple2<String, Integer> t) -> t._1).thenComparing(t -> t._2);

    private PairRDD<String, Integer> words(int partitions) {
        return sc.parallelize(List.of("a", "b", "a", "c", "b", "a", "d"), partitions).mapToPair(w -> Tuple.of(w, 1));
    }

    @Test
    void reduceByKey_countsWords() {
        Map<String, Integer> expected = HashMap.of("a", 3, "b", 2, "c", 1, "d", 1);
        assertEquals(expected, words(3).reduceByKey(Integer::sum).collectAsMap());
        assertEquals(expected, words(1).reduceByKey(Integer::sum, 5).collectAsMap());
        assertEquals(5, words(2).reduceByKey(Integer::sum, 5).getNumPartitions());
    }

    @Test
    void skewedKeys_aggregateExactly() {
        java.util.List<Integer> input = IntStream.range(0, 100_000).boxed().collect(Collectors.toList());
        // 90% of the records share key 0.
        PairRDD<Integer, Long> pairs = sc.parallelize(input, 8).mapToPair(x -> Tuple.of(x % 10 == 9 ? x % 1000 : 0, (long) x));
        java.util.Map<Integer, Long> expected = input.stream()
                .collect(Collectors.groupingBy(x -> x % 10 == 9 ? x % 1000 : 0, Collectors.summingLong(x -> (long) x)));
        assertEquals(HashMap.ofAll(expected), pairs.reduceByKey(Long::sum, 4).collectAsMap());
        assertEquals(HashMap.ofAll(expected).mapValues(v -> v), pairs.groupByKey(3).mapValues(vs -> vs.sum().longValue()).collectAsMap());
    }

    @Test
    void groupByKey_keepsEveryValue() {
        Map<String, List<Integer>> grouped = sc.parallelize(List.of(Tuple.of("x", 1), Tuple.of("y", 2), Tuple.of("x", 3)), 2)
                .mapToPair(t -> t).groupByKey().mapValues(List::sorted).collectAsMap();
        assertEquals(HashMap.of("x", List.of(1, 3), "y", List.of(2)), grouped);
    }

    @Test
    void nullValuesAndKeys_travelThroughShuffles() {
        PairRDD<String, String> pairs = sc.parallelize(List.of(Tuple.of("a", (String) null), Tuple.of((String) null, "n"),
                Tuple.of("a", "x"), Tuple.of((String) null, (String) null)), 3).mapToPair(t -> t);
        Map<String, List<String>> grouped = pairs.groupByKey(2).mapValues(vs -> vs.sortBy(v -> v == null ? "" : v)).collectAsMap();
        assertEquals(HashMap.of("a", List.of((String) null, "x"), (String) null, List.of((String) null, "n")), grouped);
        assertEquals(HashMap.of("a", 2L, (String) null, 2L), pairs.countByKey());
        assertEquals(List.of("n", null).sortBy(v -> v == null ? "" : v), pairs.lookup(null).sortBy(v -> v == null ? "" : v));
    }

    @Test
    void aggregateByKey_combineByKey_foldByKey_matchJava() {
        PairRDD<String, Integer> pairs = sc.parallelize(List.range(0, 100), 4).mapToPair(x -> Tuple.of("k" + x % 3, x));
        Map<String, Integer> sums = HashMap.of("k0", IntStream.range(0, 100).filter(x -> x % 3 == 0).sum(),
                "k1", IntStream.range(0, 100).filter(x -> x % 3 == 1).sum(),
                "k2", IntStream.range(0, 100).filter(x -> x % 3 == 2).sum());
        assertEquals(sums, pairs.foldByKey(0, Integer::sum).collectAsMap());
        assertEquals(HashMap.of("k0", Tuple.of(sums.get("k0").get(), 34), "k1", Tuple.of(sums.get("k1").get(), 33),
                        "k2", Tuple.of(sums.get("k2").get(), 33)),
                pairs.aggregateByKey(Tuple.of(0, 0), (acc, v) -> Tuple.of(acc._1 + v, acc._2 + 1),
                        (a, b) -> Tuple.of(a._1 + b._1, a._2 + b._2)).collectAsMap());
        Map<String, java.util.List<Integer>> lists = pairs.combineByKey(
                v -> {
                    java.util.List<Integer> l = new java.util.ArrayList<>();
                    l.add(v);
                    return l;
                },
                (l, v) -> {
                    l.add(v);
                    return l;
                },
                (a, b) -> {
                    a.addAll(b);
                    return a;
                }).collectAsMap();
        assertEquals(34, lists.get("k0").get().size());
        // A mutable zero value is copied per key, never shared.
        Map<String, Integer> sizes = pairs.aggregateByKey(new java.util.ArrayList<Integer>(), (l, v) -> {
            l.add(v);
            return l;
        }, (a, b) -> {
            a.addAll(b);
            return a;
        }).mapValues(java.util.ArrayList::size).collectAsMap();
        assertEquals(HashMap.of("k0", 34, "k1", 33, "k2", 33), sizes);
    }

    @Test
    void mapValues_flatMapValues_keys_values() {
        PairRDD<String, Integer> pairs = sc.parallelize(List.of(Tuple.of("a", 1), Tuple.of("b", 2)), 2).mapToPair(t -> t);
        assertEquals(List.of(Tuple.of("a", 10), Tuple.of("b", 20)), pairs.mapValues(v -> v * 10).collect());
        assertEquals(List.of(Tuple.of("a", 1), Tuple.of("b", 2), Tuple.of("b", 2)),
                pairs.flatMapValues(v -> List.fill(v, v)).collect());
        assertEquals(List.of("a", "b"), pairs.keys().collect());
        assertEquals(List.of(1, 2), pairs.values().collect());
    }

    @Test
    void partitionBy_hashAndRange_placeKeys() {
        PairRDD<Integer, String> pairs = sc.parallelize(List.range(0, 20), 3).mapToPair(x -> Tuple.of(x, "v" + x));
        PairRDD<Integer, String> hashed = pairs.partitionBy(new HashPartitioner(4));
        assertEquals(Option.some(new HashPartitioner(4)), hashed.partitioner());
        assertSame(hashed, hashed.partitionBy(new HashPartitioner(4)));
        List<List<Tuple2<Integer, String>>> parts = hashed.glom().collect();
        for (int p = 0; p < 4; p++) {
            int partition = p;
            assertTrue(parts.get(p).forAll(kv -> kv._1 % 4 == partition), parts.get(p).toString());
        }
        RangePartitioner<Integer> ranges = new RangePartitioner<>(List.of(5, 10), SerializableComparator.natural());
        List<List<Tuple2<Integer, String>>> ranged = pairs.partitionBy(ranges).glom().collect();
        assertEquals(List.range(0, 6), ranged.get(0).map(Tuple2::_1).sorted());
        assertEquals(List.range(6, 11), ranged.get(1).map(Tuple2::_1).sorted());
        assertEquals(List.range(11, 20), ranged.get(2).map(Tuple2::_1).sorted());
    }

    @Test
    void sortByKey_ordersGlobally() {
        java.util.List<Integer> shuffled = IntStream.range(0, 1000).boxed().collect(Collectors.toList());
        java.util.Collections.shuffle(shuffled, new java.util.Random(3));
        PairRDD<Integer, Integer> pairs = sc.parallelize(shuffled, 5).mapToPair(x -> Tuple.of(x, -x));
        assertEquals(List.range(0, 1000), pairs.sortByKey().keys().collect());
        assertEquals(List.range(0, 1000).reverse(), pairs.sortByKey(false, 3).keys().collect());
        assertEquals(List.of(Tuple.of((String) null, 0), Tuple.of("a", 1), Tuple.of("b", 2)),
                sc.parallelize(List.of(Tuple.of("b", 2), Tuple.of((String) null, 0), Tuple.of("a", 1)), 2)
                        .mapToPair(t -> t).sortByKey(true, 2).collect());
    }

    @Test
    void joins_matchNestedLoops() {
        PairRDD<String, Integer> left = sc.parallelize(List.of(Tuple.of("a", 1), Tuple.of("a", 2), Tuple.of("b", 3), Tuple.of("c", 4)), 2)
                .mapToPair(t -> t);
        PairRDD<String, String> right = sc.parallelize(List.of(Tuple.of("a", "x"), Tuple.of("b", "y"), Tuple.of("b", "z"), Tuple.of("d", "w")), 3)
                .mapToPair(t -> t);
        Comparator<Tuple2<String, ?>> byString = Comparator.comparing(t -> t.toString());
        assertEquals(List.of(Tuple.of("a", Tuple.of(1, "x")), Tuple.of("a", Tuple.of(2, "x")), Tuple.of("b", Tuple.of(3, "y")),
                Tuple.of("b", Tuple.of(3, "z"))).sorted(byString), left.join(right).collect().sorted(byString));
        assertEquals(List.of(Tuple.of("a", Tuple.of(1, Option.some("x"))), Tuple.of("a", Tuple.of(2, Option.some("x"))),
                Tuple.of("b", Tuple.of(3, Option.some("y"))), Tuple.of("b", Tuple.of(3, Option.some("z"))),
                Tuple.of("c", Tuple.of(4, Option.<String>none()))).sorted(byString),
                left.leftOuterJoin(right).collect().sorted(byString));
        assertEquals(List.of(Tuple.of("a", Tuple.of(Option.some(1), "x")), Tuple.of("a", Tuple.of(Option.some(2), "x")),
                Tuple.of("b", Tuple.of(Option.some(3), "y")), Tuple.of("b", Tuple.of(Option.some(3), "z")),
                Tuple.of("d", Tuple.of(Option.<Integer>none(), "w"))).sorted(byString),
                left.rightOuterJoin(right).collect().sorted(byString));
        assertEquals(HashSet.of("a", "b", "c", "d"), left.fullOuterJoin(right).keys().collect().toSet());
        assertEquals(6, left.fullOuterJoin(right).count());
        assertEquals(List.of(Tuple.of("c", 4)), left.subtractByKey(right).collect());
        Map<String, Tuple2<List<Integer>, List<String>>> groups = left.cogroup(right)
                .mapValues(g -> Tuple.of(g._1.sorted(), g._2.sorted())).collectAsMap();
        assertEquals(Tuple.of(List.of(1, 2), List.of("x")), groups.get("a").get());
        assertEquals(Tuple.of(List.<Integer>empty(), List.of("w")), groups.get("d").get());
        assertEquals(0, left.join(sc.parallelize(List.<Tuple2<String, String>>empty(), 2).mapToPair(t -> t)).count());
    }

    @Test
    void joinOfCoPartitionedSides_readsThemInPlace() {
        HashPartitioner byFour = new HashPartitioner(4);
        PairRDD<Integer, Integer> a = sc.parallelize(List.range(0, 100), 3).mapToPair(x -> Tuple.of(x % 10, x)).partitionBy(byFour);
        PairRDD<Integer, Integer> b = sc.parallelize(List.range(0, 10), 2).mapToPair(x -> Tuple.of(x, x * x)).partitionBy(byFour);
        PairRDD<Integer, Tuple2<Integer, Integer>> joined = a.join(b);
        assertEquals(100, joined.count());
        assertTrue(joined.collect().forAll(kv -> kv._2._2 == kv._1 * kv._1));
        // No new shuffle: the join's lineage reuses the two partitionBy shuffles only.
        assertEquals(2, joined.toDebugString().split("\\+-", -1).length - 1, joined.toDebugString());
    }

    @Test
    void lookup_readsTheKeysPartition() {
        PairRDD<String, Integer> counts = words(3).reduceByKey(Integer::sum, 4);
        assertEquals(List.of(3), counts.lookup("a"));
        assertEquals(List.empty(), counts.lookup("zzz"));
        assertEquals(List.of(1, 1, 1), words(2).lookup("a"));
    }

    @Test
    void pairOperations_onEmptyInput() {
        PairRDD<String, Integer> empty = sc.parallelize(List.<Tuple2<String, Integer>>empty(), 2).mapToPair(t -> t);
        assertEquals(HashMap.empty(), empty.reduceByKey(Integer::sum).collectAsMap());
        assertEquals(0, empty.groupByKey().count());
        assertEquals(0, empty.sortByKey().count());
        assertEquals(HashMap.empty(), empty.countByKey());
        assertEquals(List.<Tuple2<String, Integer>>empty(), empty.filter(t -> true).collect().sorted(BY_KEY_VALUE));
    }
}
