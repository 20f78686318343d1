package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The RDD methods of Spark's Java API that real jobs use (issue 14), each checked against the
 * same computation in plain Java over empty RDDs, one partition and more partitions than elements.
 */
@Timeout(60)
class RddJavaApiTest extends ContextConfigurations {
    static final Set<Integer> COMPUTED_PARTITIONS = ConcurrentHashMap.newKeySet();

    @Override
    protected String master() {
        return "local[3]";
    }

    private static java.util.List<Integer> javaRange(int from, int to) {
        return IntStream.range(from, to).boxed().collect(Collectors.toList());
    }

    @Test
    void maxAndMin_withComparator() {
        java.util.List<String> words = java.util.List.of("pear", "fig", "banana", "kiwi", "apple");
        Comparator<String> byLength = Comparator.comparingInt(String::length);
        for (int partitions : new int[] {1, 2, 9}) {
            RDD<String> rdd = sc.parallelize(words, partitions);
            assertEquals(words.stream().max(byLength).get(), rdd.max((a, b) -> Integer.compare(a.length(), b.length())));
            assertEquals(words.stream().min(byLength).get(), rdd.min((a, b) -> Integer.compare(a.length(), b.length())));
            assertEquals("pear", rdd.max(SerializableComparator.natural()));
            assertEquals("apple", rdd.min(SerializableComparator.natural()));
        }
        RDD<String> empty = sc.parallelize(List.<String>empty(), 2);
        assertThrows(UnsupportedOperationException.class, () -> empty.max(SerializableComparator.natural()));
        assertThrows(UnsupportedOperationException.class, () -> empty.min(SerializableComparator.natural()));
    }

    @Test
    void randomSplit_putsEveryElementInExactlyOneSplit_deterministically() {
        java.util.List<Integer> input = javaRange(0, 3000);
        RDD<Integer> rdd = sc.parallelize(input, 5);
        RDD<Integer>[] splits = rdd.randomSplit(new double[] {1, 2, 7}, 42);
        assertEquals(3, splits.length);
        java.util.List<Integer> all = new ArrayList<>();
        int[] sizes = new int[3];
        for (int i = 0; i < 3; i++) {
            List<Integer> part = splits[i].collect();
            sizes[i] = part.size();
            all.addAll(part.asJava());
            assertEquals(part, splits[i].collect(), "a split recomputes to the same elements");
        }
        all.sort(Comparator.naturalOrder());
        assertEquals(input, all, "each element in exactly one split");
        // expected sizes 300 / 600 / 2100; a binomial's standard deviation is at most ~25 here
        assertTrue(Math.abs(sizes[0] - 300) < 150 && Math.abs(sizes[1] - 600) < 150 && Math.abs(sizes[2] - 2100) < 150,
                java.util.Arrays.toString(sizes));
        assertEquals(splits[0].collect(), rdd.randomSplit(new double[] {0.1, 0.2, 0.7}, 42)[0].collect(),
                "normalised weights, same seed: same split");
        assertNotEquals(splits[0].collect(), rdd.randomSplit(new double[] {1, 2, 7}, 43)[0].collect());

        RDD<Integer>[] fewer = sc.parallelize(List.of(1, 2, 3), 8).randomSplit(new double[] {0.5, 0.5}, 1);
        assertEquals(List.of(1, 2, 3), fewer[0].union(fewer[1]).collect().sorted());
        RDD<Integer>[] ofEmpty = sc.parallelize(List.<Integer>empty(), 2).randomSplit(new double[] {1, 1}, 1);
        assertEquals(0, ofEmpty[0].count() + ofEmpty[1].count());
        RDD<Integer>[] whole = sc.parallelize(List.of(1, 2, 3), 1).randomSplit(new double[] {0, 1}, 5);
        assertEquals(List.of(1, 2, 3), whole[1].collect());
        assertTrue(whole[0].isEmpty());
    }

    @Test
    void mapPartitionsWithIndex_seesItsOwnPartitionIndex_evenThroughAUnion() {
        RDD<Integer> indexed = sc.parallelize(List.of(1, 2, 3), 3).mapPartitionsWithIndex((index, it) -> it.map(x -> index));
        RDD<Integer> first = sc.parallelize(List.of(0, 0), 2);
        assertEquals(List.of(0, 0, 0, 1, 2), first.union(indexed).collect(),
                "the union's task for its partition 3 computes partition 1 of the indexed RDD");
    }

    @Test
    void randomSplit_rejectsBadWeights() {
        RDD<Integer> rdd = sc.parallelize(List.of(1, 2, 3), 1);
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> rdd.randomSplit(new double[] {1, -1}, 1));
        assertTrue(negative.getMessage().contains("[1.0, -1.0]"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rdd.randomSplit(new double[] {0, 0}, 1));
        assertThrows(IllegalArgumentException.class, () -> rdd.randomSplit(new double[] {Double.NaN, 1}, 1));
        assertThrows(IllegalArgumentException.class, () -> rdd.randomSplit(new double[0], 1));
    }

    @Test
    void takeSample_drawsDistinctElementsWithoutReplacement_deterministically() {
        java.util.List<Integer> input = javaRange(0, 1000);
        RDD<Integer> rdd = sc.parallelize(input, 6);
        List<Integer> sample = rdd.takeSample(false, 50, 7);
        assertEquals(50, sample.size());
        assertEquals(50, new HashSet<>(sample.asJava()).size(), "no element twice");
        assertTrue(input.containsAll(sample.asJava()));
        assertEquals(sample, rdd.takeSample(false, 50, 7), "same seed, same sample");
        assertNotEquals(sample, rdd.takeSample(false, 50, 8));

        List<Integer> everything = rdd.takeSample(false, 5000, 3);
        assertEquals(input, everything.sorted().asJava(), "asking for more than there is gives all, shuffled");
        assertNotEquals(input, everything.asJava());

        List<Integer> repeated = sc.parallelize(List.of(1, 2, 3), 5).takeSample(true, 20, 11);
        assertEquals(20, repeated.size());
        assertTrue(List.of(1, 2, 3).containsAll(repeated));
        assertEquals(List.of(4), sc.parallelize(List.of(4), 1).takeSample(false, 3, 1));
        assertTrue(sc.parallelize(List.<Integer>empty(), 3).takeSample(true, 5, 1).isEmpty());
        assertTrue(rdd.takeSample(false, 0, 1).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> rdd.takeSample(false, -1, 1));
    }

    @Test
    void toLocalIterator_fetchesOnePartitionPerJob_whenReached() throws InterruptedException {
        JobStartRecorder jobs = new JobStartRecorder();
        sc.addListener(jobs);
        try {
            COMPUTED_PARTITIONS.clear();
            RDD<Integer> rdd = sc.parallelize(javaRange(0, 10), 4).mapPartitionsWithIndex((index, it) -> {
                COMPUTED_PARTITIONS.add(index);
                return it;
            });
            Iterator<Integer> it = rdd.toLocalIterator();
            assertTrue(COMPUTED_PARTITIONS.isEmpty(), "no job before the first element is asked for");
            assertEquals(0, it.next());
            assertEquals(Set.of(0), COMPUTED_PARTITIONS, "only the first partition was fetched");
            java.util.List<Integer> rest = new ArrayList<>();
            it.forEachRemaining(rest::add);
            assertEquals(javaRange(1, 10), rest);
            assertEquals(Set.of(0, 1, 2, 3), COMPUTED_PARTITIONS);
            java.util.List<ListenerEvent.JobStart> started = jobs.awaitEnded(4);
            assertEquals(4, started.size(), "one job per partition");
            assertThrows(java.util.NoSuchElementException.class, it::next);

            java.util.List<Integer> sparse = new ArrayList<>();
            sc.parallelize(List.of(1, 2), 6).toLocalIterator().forEachRemaining(sparse::add);
            assertEquals(java.util.List.of(1, 2), sparse);
            assertFalse(sc.parallelize(List.<Integer>empty(), 3).toLocalIterator().hasNext());
            java.util.List<Integer> single = new ArrayList<>();
            sc.parallelize(javaRange(0, 5), 1).toLocalIterator().forEachRemaining(single::add);
            assertEquals(javaRange(0, 5), single);
        } finally {
            sc.removeListener(jobs);
        }
    }

    @Test
    void zipWithUniqueId_givesSparksIds_withoutAJob() throws InterruptedException {
        JobStartRecorder jobs = new JobStartRecorder();
        sc.addListener(jobs);
        PairRDD<String, Long> ids;
        try {
            ids = sc.parallelize(List.of("a", "b", "c", "d", "e"), 2).zipWithUniqueId();
            Thread.sleep(50);
            assertEquals(0, jobs.started(), "zipWithUniqueId runs no job");
        } finally {
            sc.removeListener(jobs);
        }
        // partitions [a, b] and [c, d, e]: item i of partition k of 2 gets i * 2 + k
        assertEquals(List.of(Tuple.of("a", 0L), Tuple.of("b", 2L), Tuple.of("c", 1L), Tuple.of("d", 3L),
                Tuple.of("e", 5L)), ids.collect());
        List<Long> many = sc.parallelize(javaRange(0, 1000), 7).zipWithUniqueId().values().collect();
        assertEquals(1000, many.distinct().size());
        assertEquals(List.of(Tuple.of(9, 0L), Tuple.of(8, 2L)), sc.parallelize(List.of(9, 8), 1).zipWithUniqueId()
                .collect().map(t -> Tuple.of(t._1, t._2 * 2)));
        assertTrue(sc.parallelize(List.<Integer>empty(), 4).zipWithUniqueId().collect().isEmpty());
        assertEquals(List.of(1L, 3L), sc.parallelize(List.of(10, 20), 4).zipWithUniqueId().values().collect());
    }

    @Test
    void repartitionAndSortWithinPartitions_sortsEachPartitionInOneShuffle() throws InterruptedException {
        java.util.List<Tuple2<Integer, String>> pairs = new ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 500; i++) {
            int key = random.nextInt(100);
            pairs.add(Tuple.of(key, "v" + key));
        }
        HashPartitioner partitioner = new HashPartitioner(4);
        JobStartRecorder jobs = new JobStartRecorder();
        sc.addListener(jobs);
        List<List<Tuple2<Integer, String>>> parts;
        try {
            PairRDD<Integer, String> sorted = sc.parallelizePairs(pairs, 5).repartitionAndSortWithinPartitions(partitioner);
            assertEquals(partitioner, sorted.partitioner().get());
            parts = sorted.glom().collect();
            assertEquals(2, jobs.awaitEnded(1).get(0).stages().size(), "one shuffle: a map stage and a result stage");
        } finally {
            sc.removeListener(jobs);
        }
        assertEquals(4, parts.size());
        for (int p = 0; p < 4; p++) {
            int partition = p;
            java.util.List<Integer> expectedKeys = pairs.stream().map(Tuple2::_1)
                    .filter(k -> partitioner.getPartition(k) == partition).sorted().collect(Collectors.toList());
            assertEquals(expectedKeys, parts.get(p).map(Tuple2::_1).asJava());
        }
        List<List<Tuple2<Integer, String>>> descending = sc.parallelizePairs(pairs, 3)
                .repartitionAndSortWithinPartitions(new HashPartitioner(2), (a, b) -> Integer.compare(b, a)).glom().collect();
        for (List<Tuple2<Integer, String>> part : descending) {
            assertEquals(part.map(Tuple2::_1).sorted(Comparator.reverseOrder()), part.map(Tuple2::_1));
        }
        assertEquals(List.of(List.of(Tuple.of(1, "a"), Tuple.of(2, "c"), Tuple.of(3, "b"))),
                sc.parallelizePairs(List.of(Tuple.of(3, "b"), Tuple.of(1, "a"), Tuple.of(2, "c")), 8)
                        .repartitionAndSortWithinPartitions(new HashPartitioner(1)).glom().collect());
        assertEquals(List.of(List.empty(), List.empty()), sc.parallelizePairs(List.<Tuple2<Integer, String>>empty(), 3)
                .repartitionAndSortWithinPartitions(new HashPartitioner(2)).glom().collect());
    }

    @Test
    void treeAggregate_andTreeReduce_matchJava_withRealIntermediateLevels() throws InterruptedException {
        java.util.List<Integer> input = javaRange(1, 2001);
        long expectedSum = input.stream().mapToLong(Integer::longValue).sum();
        JobStartRecorder jobs = new JobStartRecorder();
        sc.addListener(jobs);
        try {
            RDD<Integer> hundred = sc.parallelize(input, 100);
            // 100 partitions, depth 3: scale 5, levels of 20 and 4 partitions, then the driver
            assertEquals(expectedSum, hundred.treeAggregate(0L, (acc, x) -> acc + x, Long::sum, 3).longValue());
            assertEquals(3, jobs.awaitEnded(1).get(0).stages().size(), "two intermediate levels");
            jobs.clear();
            // 20 partitions, depth 2: scale 5, one level of 4 partitions
            assertEquals(input.stream().mapToInt(x -> x).max().getAsInt(),
                    sc.parallelize(input, 20).treeReduce(Math::max).intValue());
            assertEquals(2, jobs.awaitEnded(1).get(0).stages().size(), "one intermediate level");
            jobs.clear();
            assertEquals(expectedSum, sc.parallelize(input, 20).treeAggregate(0L, (acc, x) -> acc + x, Long::sum, 1)
                    .longValue());
            assertEquals(1, jobs.awaitEnded(1).get(0).stages().size(), "depth 1: no intermediate level");
        } finally {
            sc.removeListener(jobs);
        }
        // a mutable zero is copied for each partition, each key of a level and the driver
        java.util.List<Integer> collected = sc.parallelize(input, 30).treeAggregate(new ArrayList<Integer>(),
                (list, x) -> {
                    list.add(x);
                    return list;
                },
                (a, b) -> {
                    a.addAll(b);
                    return a;
                }, 2);
        collected.sort(Comparator.naturalOrder());
        assertEquals(input, collected);
        assertEquals(6L, sc.parallelize(List.of(1, 2, 3), 8).treeAggregate(0L, (acc, x) -> acc + x, Long::sum).longValue());
        assertEquals(6, sc.parallelize(List.of(1, 2, 3), 8).treeReduce(Integer::sum).intValue());
        assertEquals(6, sc.parallelize(List.of(1, 2, 3), 1).treeReduce(Integer::sum, 4).intValue());
        assertEquals(0L, sc.parallelize(List.<Integer>empty(), 3).treeAggregate(0L, (acc, x) -> acc + x, Long::sum)
                .longValue());
        // no partitions at all: the zero value itself, as Spark
        assertEquals(7L, sc.<Integer>emptyRDD().treeAggregate(7L, (acc, x) -> acc + x, Long::sum).longValue());
        assertThrows(UnsupportedOperationException.class,
                () -> sc.parallelize(List.<Integer>empty(), 3).treeReduce(Integer::sum));
        assertThrows(IllegalArgumentException.class, () -> sc.parallelize(input, 3).treeReduce(Integer::sum, 0));
    }

    @Test
    void parallelizePairs_andFlatMapToPair_givePairRdds() {
        java.util.List<Tuple2<String, Integer>> pairs = java.util.List.of(Tuple.of("a", 1), Tuple.of("b", 2),
                Tuple.of("a", 3));
        PairRDD<String, Integer> rdd = sc.parallelizePairs(pairs, 2);
        assertEquals(2, rdd.getNumPartitions());
        assertEquals(List.ofAll(pairs), rdd.collect());
        assertEquals(io.vavr.collection.HashMap.of("a", 4, "b", 2), rdd.reduceByKey(Integer::sum).collectAsMap());
        assertEquals(sc.defaultParallelism(), sc.parallelizePairs(pairs).getNumPartitions());

        java.util.List<String> lines = java.util.List.of("a b", "", "b c b");
        TreeMap<String, Integer> expected = new TreeMap<>();
        lines.stream().flatMap(l -> java.util.Arrays.stream(l.split(" "))).filter(w -> !w.isEmpty())
                .forEach(w -> expected.merge(w, 1, Integer::sum));
        for (int partitions : new int[] {1, 2, 7}) {
            PairRDD<String, Integer> counts = sc.parallelize(lines, partitions)
                    .flatMapToPair(l -> List.of(l.split(" ")).filter(w -> !w.isEmpty()).map(w -> Tuple.of(w, 1)))
                    .reduceByKey(Integer::sum);
            assertEquals(expected, new TreeMap<>(counts.collectAsMap().toJavaMap()));
        }
        assertTrue(sc.parallelize(List.<String>empty(), 2).flatMapToPair(l -> List.of(Tuple.of(l, 1))).collect().isEmpty());
    }
}
