package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.rdd.internal.shuffle.ExternalAggregator;
import io.ember.rdd.internal.shuffle.ExternalSorter;
import io.ember.rdd.internal.shuffle.SpillContext;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With a 1 MiB budget per task, every shuffle operation sorts and aggregates through spill
 * files, and must give exactly what the in-memory computation gives. Shuffle files are
 * compressed, and deleted once the RDD owning them is garbage-collected.
 */
@Timeout(60)
class SpillingTest {
    static EmberContext sc;
    static final List<Tuple2<Integer, String>> DATA = List.range(0, 60_000)
            .map(i -> Tuple.of((i * 7919) % 20_011, "v" + i + "-" + "p".repeat(i % 50)));

    @BeforeAll
    static void start() {
        sc = EmberContext.builder().master("local[2]").appName("spilling").config("ember.shuffle.memory", "1m").getOrCreate();
    }

    @AfterAll
    static void stop() {
        sc.close();
    }

    private static PairRDD<Integer, String> pairs() {
        return PairRDD.of(sc.parallelize(DATA, 4));
    }

    @Test
    void externalSorterAndAggregator_spillAndMergeExactly() {
        List<String> checks = sc.parallelize(List.of(0), 1).map(x -> {
            SpillContext small = SpillContext.current().withBudget(64 * 1024);
            ExternalSorter<Integer> sorter = new ExternalSorter<>(Comparator.naturalOrder(), small);
            for (int i = 0; i < 50_000; i++) {
                sorter.insert((i * 7919) % 50_000);
            }
            int spills = sorter.spillCount();
            List<Integer> sorted = List.ofAll(() -> sorter.sorted());
            ExternalAggregator<String, Integer, Integer> sums = new ExternalAggregator<>(v -> v, Integer::sum, Integer::sum, small);
            for (int i = 0; i < 50_000; i++) {
                sums.insert("k" + (i % 7_000), 1);
            }
            int aggregateSpills = sums.spillCount();
            Map<String, Integer> counted = HashMap.ofEntries(List.ofAll(() -> sums.iterator()));
            return spills + "," + sorted.equals(List.range(0, 50_000)) + "," + aggregateSpills + ","
                    + counted.size() + "," + counted.values().sum();
        }).collect();
        String[] parts = checks.single().split(",");
        assertTrue(Integer.parseInt(parts[0]) > 1, "the sorter spilled: " + checks);
        assertEquals("true", parts[1]);
        assertTrue(Integer.parseInt(parts[2]) > 1, "the aggregator spilled: " + checks);
        assertEquals("7000", parts[3]);
        assertEquals("50000", parts[4]);
    }

    @Test
    void aggregator_throughSpills_keepsTheNullKeyAndKeysOfEqualHash() {
        // "Aa" and "BB" have equal hash codes, as do their concatenations: many keys share a hash
        String[] parts = {"Aa", "BB"};
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 1 << 10; i++) {
            StringBuilder key = new StringBuilder();
            for (int bit = 0; bit < 10; bit++) {
                key.append(parts[(i >> bit) & 1]);
            }
            keys.add(key.toString());
        }
        for (int i = 0; i < 3_000; i++) {
            keys.add(i % 5 == 0 ? null : "k" + i);
        }
        java.util.Map<String, Long> expected = new java.util.HashMap<>();
        for (int i = 0; i < 40_000; i++) {
            expected.merge(keys.get((i * 7919) % keys.size()), (long) i, Long::sum);
        }
        String got = sc.parallelize(List.of(0), 1).map(x -> {
            ExternalAggregator<String, Long, Long> sums = new ExternalAggregator<>(v -> v, Long::sum, Long::sum,
                    SpillContext.current().withBudget(32 * 1024));
            for (int i = 0; i < 40_000; i++) {
                sums.insert(keys.get((i * 7919) % keys.size()), (long) i);
            }
            java.util.Map<String, Long> counted = new java.util.HashMap<>();
            for (java.util.Iterator<Tuple2<String, Long>> it = sums.iterator(); it.hasNext(); ) {
                Tuple2<String, Long> kv = it.next();
                if (counted.put(kv._1, kv._2) != null) {
                    return "twice: " + kv._1;
                }
            }
            return sums.spillCount() + " spills, " + (counted.equals(expected) ? "equal" : "differ: " + counted.size());
        }).collect().single();
        assertTrue(got.endsWith("spills, equal") && !got.startsWith("0 "), got);
    }

    @Test
    void sortByKey_throughSpills_isExact() {
        assertEquals(DATA.sortBy(Tuple2::_1).map(Tuple2::_1), pairs().sortByKey(true, 3).keys().collect());
    }

    @Test
    void reduceByKeyAndGroupByKey_throughSpills_areExact() {
        Map<Integer, Integer> lengths = DATA.groupBy(Tuple2::_1).mapValues(vs -> vs.map(v -> v._2.length()).sum().intValue());
        assertEquals(lengths, pairs().mapValues(String::length).reduceByKey(Integer::sum, 3).collectAsMap());
        Map<Integer, List<String>> groups = DATA.groupBy(Tuple2::_1).mapValues(vs -> vs.map(Tuple2::_2).sorted());
        assertEquals(groups, pairs().groupByKey(3).mapValues(List::sorted).collectAsMap());
    }

    @Test
    void join_throughSpills_isExact() {
        PairRDD<Integer, Integer> right = sc.parallelize(List.range(0, 20_011), 3).mapToPair(k -> Tuple.of(k, k * 2));
        long expected = DATA.size();
        List<Tuple2<Integer, Tuple2<String, Integer>>> joined = pairs().join(right).collect();
        assertEquals(expected, joined.size());
        assertTrue(joined.forAll(kv -> kv._2._2 == kv._1 * 2));
        assertEquals(DATA.map(Tuple2::_2).sorted(), joined.map(kv -> kv._2._1).sorted());
    }

    @Test
    void shuffleFiles_areCompressedAndDeletedWhenTheirRddIsCollected() throws Exception {
        Path local = sc.storage().localDir();
        PairRDD<Integer, String> shuffled = pairs().partitionBy(new HashPartitioner(3));
        assertEquals(DATA.size(), shuffled.count());
        String prefix = "shuffle_" + ((ShuffleDependency<?, ?, ?>) shuffled.dependencies().head()).shuffleId() + "_";
        long onDisk = shuffleBytes(local, prefix);
        long raw = DATA.map(kv -> 4L + kv._2.length()).sum().longValue();
        assertTrue(onDisk > 0 && onDisk < raw, "compressed shuffle bytes " + onDisk + " < raw " + raw);

        shuffled = null;
        long deadline = System.currentTimeMillis() + 20_000;
        while (shuffleBytes(local, prefix) > 0 && System.currentTimeMillis() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
        assertEquals(0, shuffleBytes(local, prefix), "the cleaner deleted the shuffle's files");
    }

    private static long shuffleBytes(Path local, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(local)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
