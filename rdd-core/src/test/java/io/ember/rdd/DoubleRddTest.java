package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple2;
import io.vavr.collection.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code mapToDouble}, {@link StatCounter} and histograms, checked against two-pass statistics
 * and bucket counts computed in plain Java, over empty RDDs, one partition, more partitions than
 * elements, and NaN.
 */
@Timeout(60)
class DoubleRddTest extends ContextConfigurations {
    @Override
    protected String master() {
        return "local[3]";
    }

    private static double[] randomValues(int n, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = 1e6 + random.nextGaussian() * 3;
        }
        return values;
    }

    private DoubleRDD rddOf(double[] values, int partitions) {
        return sc.parallelize(List.ofAll(values), partitions).mapToDouble(x -> x);
    }

    /** Mean and population variance the textbook way: two passes. */
    private static double[] twoPass(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new double[] {sum, mean, squares / values.length, squares / (values.length - 1)};
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-9 + 1e-9, what);
    }

    @Test
    void stats_matchTwoPassStatistics_forAnyPartitioning() {
        double[] values = randomValues(1000, 7);
        double[] expected = twoPass(values);
        double max = java.util.Arrays.stream(values).max().getAsDouble();
        double min = java.util.Arrays.stream(values).min().getAsDouble();
        for (int partitions : new int[] {1, 4, 13}) {
            StatCounter s = rddOf(values, partitions).stats();
            assertEquals(1000, s.count());
            assertClose(expected[0], s.sum(), "sum");
            assertClose(expected[1], s.mean(), "mean");
            assertClose(expected[2], s.variance(), "variance");
            assertClose(expected[3], s.sampleVariance(), "sampleVariance");
            assertClose(Math.sqrt(expected[2]), s.stdev(), "stdev");
            assertClose(Math.sqrt(expected[3]), s.sampleStdev(), "sampleStdev");
            assertEquals(max, s.max());
            assertEquals(min, s.min());
        }
        DoubleRDD rdd = rddOf(values, 5);
        assertClose(expected[0], rdd.sum(), "sum()");
        assertClose(expected[1], rdd.mean(), "mean()");
        assertClose(expected[2], rdd.variance(), "variance()");
        assertClose(Math.sqrt(expected[2]), rdd.stdev(), "stdev()");
        assertClose(expected[3], rdd.sampleVariance(), "sampleVariance()");
        assertClose(Math.sqrt(expected[3]), rdd.sampleStdev(), "sampleStdev()");
        assertEquals(max, rdd.max());
        assertEquals(min, rdd.min());
    }

    @Test
    void stats_withMorePartitionsThanElements_andOneElement() {
        StatCounter s = rddOf(new double[] {2, 4, 9}, 8).stats();
        assertEquals(3, s.count());
        assertEquals(5.0, s.mean(), 1e-12);
        assertEquals(15.0, s.sum(), 1e-12);
        assertEquals(26.0 / 3, s.variance(), 1e-12);   // (9 + 1 + 16) / 3
        assertEquals(13.0, s.sampleVariance(), 1e-12);  // 26 / 2
        assertEquals(9.0, s.max());
        assertEquals(2.0, s.min());

        StatCounter one = rddOf(new double[] {3.5}, 1).stats();
        assertEquals(1, one.count());
        assertEquals(0.0, one.variance());
        assertTrue(Double.isNaN(one.sampleVariance()));
    }

    @Test
    void mapToDouble_isAViewThatTheLineageLeavesOut() {
        RDD<Integer> ints = sc.parallelize(List.of(1, 2, 3), 2);
        DoubleRDD doubles = ints.mapToDouble(x -> x / 2.0);
        assertEquals(List.of(0.5, 1.0, 1.5), doubles.collect());
        assertEquals(2, doubles.getNumPartitions());
        String lineage = doubles.toDebugString();
        assertTrue(lineage.startsWith("(2) MapPartitionsRDD"), lineage);
        assertTrue(!lineage.contains("DoubleRDDView"), lineage);
        assertTrue(doubles == DoubleRDD.of(doubles));
    }

    @Test
    void stats_ofEmptyRdd_areSparksEmptyValues() {
        DoubleRDD empty = rddOf(new double[0], 3);
        StatCounter s = empty.stats();
        assertEquals(0, s.count());
        assertEquals(0.0, s.mean());
        assertEquals(0.0, s.sum());
        assertTrue(Double.isNaN(s.variance()));
        assertTrue(Double.isNaN(s.sampleStdev()));
        assertEquals(Double.NEGATIVE_INFINITY, s.max());
        assertEquals(Double.POSITIVE_INFINITY, s.min());
        assertEquals(0.0, empty.sum());
        assertThrows(UnsupportedOperationException.class, empty::max);
        assertEquals(0, sc.<Double>emptyRDD().mapToDouble(x -> x).stats().count());
    }

    @Test
    void nan_propagatesToTheStatistics() {
        DoubleRDD rdd = rddOf(new double[] {1, Double.NaN, 3}, 2);
        StatCounter s = rdd.stats();
        assertEquals(3, s.count());
        assertTrue(Double.isNaN(s.mean()));
        assertTrue(Double.isNaN(s.variance()));
        assertTrue(Double.isNaN(s.max()));
        assertTrue(Double.isNaN(rdd.sum()));
        assertTrue(Double.isNaN(rdd.max()), "NaN is the largest by Double.compare");
        assertEquals(1.0, rdd.min());
    }

    @Test
    void statCounter_mergesLikeOneCounter() {
        double[] values = randomValues(300, 11);
        StatCounter whole = StatCounter.of(values);
        StatCounter merged = StatCounter.of(java.util.Arrays.copyOfRange(values, 0, 5))
                .merge(StatCounter.of(java.util.Arrays.copyOfRange(values, 5, 200)))
                .merge(new StatCounter())
                .merge(StatCounter.of(java.util.Arrays.copyOfRange(values, 200, 300)));
        assertEquals(whole.count(), merged.count());
        assertClose(whole.mean(), merged.mean(), "mean");
        assertClose(whole.variance(), merged.variance(), "variance");
        StatCounter self = StatCounter.of(1, 3);
        self.merge(self);
        assertEquals(4, self.count());
        assertEquals(1.0, self.variance(), 1e-12);
    }

    /** The bucket counts by a linear scan of the bounds: [b(i), b(i+1)), the last one closed. */
    private static long[] expectedCounts(double[] values, double[] bounds) {
        long[] counts = new long[bounds.length - 1];
        for (double x : values) {
            for (int i = 0; i < counts.length; i++) {
                boolean last = i == counts.length - 1;
                if (x >= bounds[i] && (x < bounds[i + 1] || (last && x == bounds[i + 1]))) {
                    counts[i]++;
                    break;
                }
            }
        }
        return counts;
    }

    @Test
    void histogram_withGivenBuckets_countsAsSpark() {
        double[] values = {1, 5, 10, 15, 20, 50, 51, 0.5, Double.NaN, -3};
        double[] buckets = {1, 10, 20, 50};
        for (int partitions : new int[] {1, 3, 20}) {
            long[] counts = rddOf(values, partitions).histogram(buckets);
            assertArrayEquals(new long[] {2, 2, 2}, counts);
            assertArrayEquals(expectedCounts(values, buckets), counts);
        }
        double[] random = randomValues(2000, 3);
        double[] bounds = {999_995, 999_998, 1e6, 1_000_001, 1_000_004};
        assertArrayEquals(expectedCounts(random, bounds), rddOf(random, 6).histogram(bounds));
        assertArrayEquals(new long[] {0, 0, 0}, rddOf(new double[0], 2).histogram(buckets));
    }

    @Test
    void histogram_withEvenBuckets_givesTheSameCountsAsTheSearch() {
        double[] random = randomValues(2000, 5);
        double[] even = {999_994, 999_997, 1e6, 1_000_003, 1_000_006};
        assertArrayEquals(expectedCounts(random, even), rddOf(random, 4).histogram(even, true));
        double[] withNaN = {0, 1, 2, 3, 4, Double.NaN, 5, 6};
        assertArrayEquals(new long[] {2, 2, 3}, rddOf(withNaN, 3).histogram(new double[] {0, 2, 4, 6}, true));
    }

    @Test
    void histogram_withBucketCount_spacesBucketsEvenlyFromMinToMax() {
        double[] values = new double[101];
        for (int i = 0; i <= 100; i++) {
            values[i] = i;
        }
        Tuple2<double[], long[]> h = rddOf(values, 7).histogram(4);
        assertArrayEquals(new double[] {0, 25, 50, 75, 100}, h._1, 1e-12);
        assertArrayEquals(new long[] {25, 25, 25, 26}, h._2);

        Tuple2<double[], long[]> two = rddOf(new double[] {6, 7, 8, 9}, 10).histogram(2);
        assertArrayEquals(new double[] {6, 7.5, 9}, two._1, 1e-12);
        assertArrayEquals(new long[] {2, 2}, two._2);

        Tuple2<double[], long[]> same = rddOf(new double[] {1, 1, 1}, 1).histogram(3);
        assertArrayEquals(new double[] {1, 1}, same._1);
        assertArrayEquals(new long[] {3}, same._2);
    }

    @Test
    void histogram_rejectsWhatItCannotBucket() {
        assertThrows(UnsupportedOperationException.class, () -> rddOf(new double[0], 2).histogram(3));
        assertThrows(UnsupportedOperationException.class, () -> rddOf(new double[] {1, Double.NaN}, 2).histogram(3));
        assertThrows(UnsupportedOperationException.class,
                () -> rddOf(new double[] {1, Double.POSITIVE_INFINITY}, 2).histogram(3));
        assertThrows(IllegalArgumentException.class, () -> rddOf(new double[] {1}, 1).histogram(0));
        IllegalArgumentException oneBound = assertThrows(IllegalArgumentException.class,
                () -> rddOf(new double[] {1}, 1).histogram(new double[] {1}));
        assertTrue(oneBound.getMessage().contains("at least two"), oneBound.getMessage());
        IllegalArgumentException unsorted = assertThrows(IllegalArgumentException.class,
                () -> rddOf(new double[] {1}, 1).histogram(new double[] {1, 3, 2}));
        assertTrue(unsorted.getMessage().contains("position 2"), unsorted.getMessage());
    }
}
