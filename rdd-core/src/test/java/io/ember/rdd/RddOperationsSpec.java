package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every RDD transformation and action, checked against the same computation in plain Java. */
@Timeout(60)
abstract class RddOperationsSpec extends ContextConfigurations {
    static final ConcurrentLinkedQueue<Object> SEEN = new ConcurrentLinkedQueue<>();

    private static java.util.List<Integer> javaRange(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toList());
    }

    @Test
    void seedExample_filtersLazilyOnExecutors() {
        RDD<Integer> data = sc.parallelize(List.range(1, 10001));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), data.filter(x -> x < 10).collect());
        assertEquals("List(1, 2, 3, 4, 5, 6, 7, 8, 9)", data.filter(x -> x < 10).collect().toString());
    }

    @Test
    void transformations_areLazy() {
        SEEN.clear();
        RDD<Integer> mapped = sc.parallelize(List.of(1, 2, 3)).map(x -> {
            SEEN.add(x);
            return x;
        });
        assertTrue(SEEN.isEmpty());
        mapped.count();
        assertEquals(3, SEEN.size());
    }

    @Test
    void map_flatMap_filter_matchJava() {
        java.util.List<Integer> input = javaRange(0, 1000);
        RDD<Integer> rdd = sc.parallelize(input, 7);
        assertEquals(input.stream().map(x -> x * 3).collect(Collectors.toList()), rdd.map(x -> x * 3).collect().asJava());
        assertEquals(input.stream().filter(x -> x % 7 == 0).collect(Collectors.toList()),
                rdd.filter(x -> x % 7 == 0).collect().asJava());
        assertEquals(input.stream().flatMap(x -> java.util.stream.Stream.of(x, -x)).collect(Collectors.toList()),
                rdd.flatMap(x -> List.of(x, -x)).collect().asJava());
    }

    @Test
    void mapPartitions_andWithIndex_seeWholePartitions() {
        RDD<Integer> rdd = sc.parallelize(javaRange(0, 10), 3);
        assertEquals(List.of(3, 3, 4), rdd.mapPartitions(it -> List.of(it.size()).iterator()).collect());
        assertEquals(List.of(0, 0, 0, 1, 1, 1, 2, 2, 2, 2),
                rdd.mapPartitionsWithIndex((index, it) -> it.map(x -> index)).collect());
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8, 9)), rdd.glom().collect());
    }

    @Test
    void morePartitionsThanElements_leaveEmptyPartitions() {
        RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3), 10);
        assertEquals(10, rdd.getNumPartitions());
        assertEquals(List.of(1, 2, 3), rdd.collect());
        assertEquals(3, rdd.count());
        assertEquals(6, rdd.reduce(Integer::sum));
        assertEquals(1, rdd.first());
        assertEquals(List.of(1, 2), rdd.take(2));
    }

    @Test
    void emptyRdds_behaveLikeSpark() {
        RDD<Integer> empty = sc.emptyRDD();
        RDD<Integer> emptyPartitions = sc.parallelize(List.<Integer>empty(), 3);
        for (RDD<Integer> rdd : List.of(empty, emptyPartitions)) {
            assertEquals(List.empty(), rdd.collect());
            assertEquals(0, rdd.count());
            assertTrue(rdd.isEmpty());
            assertEquals(Option.none(), rdd.firstOption());
            assertEquals(Option.none(), rdd.reduceOption(Integer::sum));
            UnsupportedOperationException first = assertThrows(UnsupportedOperationException.class, rdd::first);
            assertTrue(first.getMessage().contains("empty"), first.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> rdd.reduce(Integer::sum));
            assertEquals(0, rdd.fold(0, Integer::sum));
            assertEquals(List.empty(), rdd.take(5));
            assertEquals(List.empty(), rdd.distinct().collect());
            assertEquals(List.empty(), rdd.sortBy(x -> x).collect());
            assertEquals(HashMap.empty(), rdd.countByValue());
        }
        assertFalse(sc.parallelize(List.of(1), 4).isEmpty());
    }

    @Test
    void range_coversEveryValueOnce() {
        assertEquals(List.range(0L, 100L), sc.range(0, 100, 1, 7).collect());
        assertEquals(List.of(10L, 7L, 4L, 1L), sc.range(10, 0, -3, 2).collect());
        assertEquals(List.empty(), sc.range(5, 5, 1, 3).collect());
        assertEquals(List.of(0L, 5L), sc.range(0, 10, 5, 4).collect());
    }

    @Test
    void actions_matchJava() {
        java.util.List<Integer> input = new ArrayList<>(javaRange(0, 500));
        Collections.shuffle(input, new java.util.Random(7));
        RDD<Integer> rdd = sc.parallelize(input, 5);
        assertEquals(500, rdd.count());
        assertEquals(input.stream().mapToInt(x -> x).sum(), rdd.reduce(Integer::sum));
        assertEquals(input.stream().mapToInt(x -> x).sum(), rdd.fold(0, Integer::sum));
        assertEquals(input.get(0), rdd.first());
        assertEquals(List.ofAll(input.subList(0, 123)), rdd.take(123));
        assertEquals(List.range(0, 10), rdd.takeOrdered(10));
        assertEquals(List.of(499, 498, 497), rdd.top(3));
        assertEquals(List.of(0, 1, 2), rdd.top(3, (a, b) -> Integer.compare(b, a)));
        Tuple2<Integer, Integer> sumAndCount = rdd.aggregate(Tuple.of(0, 0),
                (acc, x) -> Tuple.of(acc._1 + x, acc._2 + 1), (a, b) -> Tuple.of(a._1 + b._1, a._2 + b._2));
        assertEquals(Tuple.of(124750, 500), sumAndCount);
    }

    @Test
    void foreach_andForeachPartition_runOnEveryElement() {
        SEEN.clear();
        // A lambda reads the static queue on the executor; a bound reference SEEN::add would ship a copy of it.
        sc.parallelize(javaRange(0, 100), 4).foreach(x -> SEEN.add(x));
        assertEquals(javaRange(0, 100), SEEN.stream().map(o -> (Integer) o).sorted().collect(Collectors.toList()));
        SEEN.clear();
        sc.parallelize(javaRange(0, 100), 4).foreachPartition(it -> {
            int n = 0;
            while (it.hasNext()) {
                it.next();
                n++;
            }
            SEEN.add(n);
        });
        assertEquals(List.of(25, 25, 25, 25), List.ofAll(SEEN).map(o -> (Integer) o));
    }

    @Test
    void countByValue_matchesJavaGrouping() {
        java.util.List<String> words = java.util.List.of("a", "b", "a", "c", "a", "b");
        Map<String, Long> expected = words.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(HashMap.ofAll(expected), sc.parallelize(words, 3).countByValue());
    }

    @Test
    void distinct_union_intersection_subtract_matchSets() {
        RDD<Integer> a = sc.parallelize(List.of(1, 2, 2, 3, 4, 4, 5), 3);
        RDD<Integer> b = sc.parallelize(List.of(4, 5, 5, 6), 2);
        assertEquals(List.of(1, 2, 3, 4, 5), a.distinct().collect().sorted());
        assertEquals(List.of(1, 2, 2, 3, 4, 4, 5, 4, 5, 5, 6), a.union(b).collect());
        assertEquals(5, a.union(b).getNumPartitions());
        assertEquals(List.of(4, 5), a.intersection(b).collect().sorted());
        assertEquals(List.of(1, 2, 2, 3), a.subtract(b).collect().sorted());
        assertEquals(List.of(1, 2, 3), sc.union(sc.parallelize(List.of(1)), sc.parallelize(List.of(2, 3))).collect());
    }

    @Test
    void sortBy_sortsAcrossPartitions() {
        java.util.List<Integer> input = new ArrayList<>(javaRange(0, 2000));
        Collections.shuffle(input, new java.util.Random(1));
        RDD<Integer> rdd = sc.parallelize(input, 6);
        assertEquals(List.range(0, 2000), rdd.sortBy(x -> x).collect());
        assertEquals(List.range(0, 2000).reverse(), rdd.sortBy(x -> x, false, 3).collect());
        assertEquals(List.of("bb", "a", "ccc"), sc.parallelize(List.of("ccc", "a", "bb"), 2)
                .sortBy(s -> s.length() == 2 ? 0 : s.length()).collect());
    }

    @Test
    void groupBy_keyBy_matchJava() {
        RDD<Integer> rdd = sc.parallelize(javaRange(0, 30), 4);
        Map<Integer, java.util.List<Integer>> expected = javaRange(0, 30).stream()
                .collect(Collectors.groupingBy(x -> x % 3));
        assertEquals(HashMap.ofAll(expected).mapValues(List::ofAll),
                rdd.groupBy(x -> x % 3).mapValues(List::sorted).collectAsMap());
        assertEquals(List.of(Tuple.of(0, 10), Tuple.of(1, 11)),
                sc.parallelize(List.of(10, 11)).keyBy(x -> x - 10).collect());
    }

    @Test
    void zipWithIndex_and_zip_pairInOrder() {
        RDD<String> letters = sc.parallelize(List.of("a", "b", "c", "d", "e"), 3);
        assertEquals(List.of(Tuple.of("a", 0L), Tuple.of("b", 1L), Tuple.of("c", 2L), Tuple.of("d", 3L), Tuple.of("e", 4L)),
                letters.zipWithIndex().collect());
        RDD<Integer> numbers = sc.parallelize(List.of(1, 2, 3, 4, 5), 3);
        assertEquals(List.of(Tuple.of("a", 1), Tuple.of("b", 2), Tuple.of("c", 3), Tuple.of("d", 4), Tuple.of("e", 5)),
                letters.zip(numbers).collect());
        assertThrows(IllegalArgumentException.class, () -> letters.zip(sc.parallelize(List.of(1), 2)));
        JobFailedException uneven = assertThrows(JobFailedException.class,
                () -> letters.zip(sc.parallelize(List.of(1, 2, 3), 3)).collect());
        assertTrue(uneven.getMessage().contains("same number of elements"), uneven.getMessage());
    }

    @Test
    void cartesian_pairsEverything() {
        RDD<Integer> a = sc.parallelize(List.of(1, 2, 3), 2);
        RDD<String> b = sc.parallelize(List.of("x", "y"), 2);
        List<Tuple2<Integer, String>> expected = List.of(1, 2, 3).flatMap(i -> List.of("x", "y").map(s -> Tuple.of(i, s)));
        assertEquals(expected.sorted(Comparator.comparing((Tuple2<Integer, String> t) -> t._1).thenComparing(t -> t._2)),
                a.cartesian(b).collect().sorted(Comparator.comparing((Tuple2<Integer, String> t) -> t._1).thenComparing(t -> t._2)));
        assertEquals(4, a.cartesian(b).getNumPartitions());
    }

    @Test
    void coalesce_and_repartition_keepEveryElement() {
        RDD<Integer> rdd = sc.parallelize(javaRange(0, 100), 10);
        RDD<Integer> fewer = rdd.coalesce(3);
        assertEquals(3, fewer.getNumPartitions());
        assertEquals(List.range(0, 100), fewer.collect());
        assertEquals(10, rdd.coalesce(20).getNumPartitions());
        RDD<Integer> spread = sc.parallelize(javaRange(0, 100), 2).repartition(5);
        assertEquals(5, spread.getNumPartitions());
        assertEquals(List.range(0, 100), spread.collect().sorted());
        assertTrue(spread.glom().collect().forAll(p -> p.size() >= 15 && p.size() <= 25), spread.glom().collect().toString());
    }

    @Test
    void sample_isDeterministicForASeed() {
        RDD<Integer> rdd = sc.parallelize(javaRange(0, 10000), 4);
        List<Integer> s1 = rdd.sample(false, 0.1, 42).collect();
        assertEquals(s1, rdd.sample(false, 0.1, 42).collect());
        assertTrue(s1.size() > 800 && s1.size() < 1200, "size " + s1.size());
        assertTrue(s1.forAll(x -> x >= 0 && x < 10000));
        assertEquals(s1, s1.distinct());
        long withReplacement = rdd.sample(true, 2.0, 7).count();
        assertTrue(withReplacement > 18000 && withReplacement < 22000, "size " + withReplacement);
        assertThrows(IllegalArgumentException.class, () -> rdd.sample(false, 1.5, 1));
    }

    @Test
    void names_ids_and_partitions_areReported() {
        RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3), 3).setName("numbers");
        assertEquals("numbers", rdd.name());
        assertEquals(3, rdd.getNumPartitions());
        RDD<Integer> mapped = rdd.map(x -> x);
        assertTrue(mapped.id() > rdd.id());
    }

    @Test
    void tenMillionElements_pipelineIsExact() {
        RDD<Long> numbers = sc.range(1, 10_000_001, 1, 8);
        RDD<Long> tripled = numbers.map(x -> x * 2L).filter(x -> x % 3 == 0);
        long expectedSum = 0;
        long expectedCount = 0;
        for (long x = 1; x <= 10_000_000; x++) {
            long y = x * 2;
            if (y % 3 == 0) {
                expectedSum += y;
                expectedCount++;
            }
        }
        assertEquals(expectedCount, tripled.count());
        assertEquals(expectedSum, tripled.reduce(Long::sum));
        java.util.List<Integer> big = javaRange(0, 10_000_000);
        assertEquals(10_000_000L, sc.parallelize(big, 8).filter(x -> x % 2 == 0).map(x -> x + 1).count() * 2);
    }

    @Test
    void scheduler_isIdleAfterJobs() {
        sc.parallelize(javaRange(0, 100), 4).mapToPair(x -> Tuple.of(x % 5, x)).reduceByKey(Integer::sum).collect();
        java.util.Map<String, Integer> sizes = new java.util.HashMap<>(sc.schedulerBookkeeping());
        sizes.remove("registeredShuffles");
        assertEquals(Map.of("jobs", 0, "waiting", 0, "running", 0, "failed", 0, "runningTasks", 0, "queuedTasks", 0,
                "shuffleStages", 0, "killedTasks", 0, "taskSets", 0), sizes);
    }
}
