package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code rand}/{@code randn}, {@code randomSplit} and {@code sampleBy}: determinism per seed, and plain-Java checks. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RandomSamplingTest {
    private final EmberSession spark = TestSession.get();

    private static List<Double> doubles(DataFrame df, int column) {
        List<Double> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(r.getDouble(column));
        }
        return out;
    }

    @Test
    void rand_isDeterministicPerSeedAndPartition() {
        DataFrame df = spark.range(0, 4000, 1, 4).select(col("id"), rand(42).as("u"), randn(42).as("g"), rand(42).as("u2"));
        List<Row> first = df.collectAsList();
        assertEquals(first, df.collectAsList());
        double sum = 0;
        double sumG = 0;
        double sumG2 = 0;
        Set<Double> partitionStarts = new HashSet<>();
        for (Row r : first) {
            double u = r.getDouble(1);
            assertTrue(u >= 0 && u < 1, "rand gave " + u);
            assertEquals(u, r.getDouble(3), "two rand(42) calls draw the same sequence, as in Spark");
            sum += u;
            sumG += r.getDouble(2);
            sumG2 += r.getDouble(2) * r.getDouble(2);
            if (r.getLong(0) % 1000 == 0) {
                partitionStarts.add(u);
            }
        }
        assertEquals(4, partitionStarts.size(), "each partition has its own generator");
        assertEquals(0.5, sum / first.size(), 0.03);
        assertEquals(0.0, sumG / first.size(), 0.08);
        assertEquals(1.0, sumG2 / first.size(), 0.1);
        assertNotEquals(doubles(spark.range(0, 10, 1, 1).select(rand(1)), 0), doubles(spark.range(0, 10, 1, 1).select(rand(2)), 0));
    }

    @Test
    void sqlRand_drawsWhatFunctionsRandDraws() {
        spark.range(0, 50, 1, 2).createOrReplaceTempView("rand_t");
        assertEquals(doubles(spark.range(0, 50, 1, 2).select(rand(9)), 0), doubles(spark.sql("SELECT rand(9) FROM rand_t"), 0));
        assertEquals(doubles(spark.range(0, 50, 1, 2).select(randn(9)), 0),
                doubles(spark.sql("SELECT randn(9) FROM rand_t"), 0));
        assertThrows(AnalysisException.class, () -> spark.sql("SELECT rand(id) FROM rand_t").collectAsList());
    }

    @Test
    void randomSplit_partitionsTheRows() {
        DataFrame df = spark.range(0, 2000, 1, 3);
        DataFrame[] parts = df.randomSplit(new double[] {3, 7}, 5);
        List<Long> a = parts[0].collectAsList().stream().map(r -> r.getLong(0)).toList();
        List<Long> b = parts[1].collectAsList().stream().map(r -> r.getLong(0)).toList();
        Set<Long> all = new HashSet<>(a);
        all.addAll(b);
        assertEquals(2000, a.size() + b.size());
        assertEquals(2000, all.size());
        assertEquals(600, a.size(), 80);
        assertEquals(a, parts[0].collectAsList().stream().map(r -> r.getLong(0)).toList());
        assertArrayEquals(new String[] {"id"}, parts[1].columns());
        assertEquals(0, df.filter(col("id").lt(0)).randomSplit(new double[] {1, 1}, 1)[0].count());
        assertThrows(IllegalArgumentException.class, () -> df.randomSplit(new double[] {-1, 2}, 1));
        assertThrows(IllegalArgumentException.class, () -> df.randomSplit(new double[] {0, 0}, 1));
    }

    @Test
    void sampleBy_keepsAboutTheFractionOfEachStratum() {
        DataFrame df = spark.range(0, 3000, 1, 3).withColumn("k", col("id").mod(3));
        DataFrame sample = df.stat().sampleBy("k", Map.of(0L, 0.5, 1L, 0.0), 17);
        List<Row> rows = sample.collectAsList();
        assertTrue(rows.stream().allMatch(r -> r.getLong(1) == 0L), "only stratum 0 is kept");
        assertEquals(500, rows.size(), 80);
        assertEquals(rows, sample.collectAsList());
        assertEquals(0, df.stat().sampleBy("k", Map.of(), 1).count());
        assertThrows(IllegalArgumentException.class, () -> df.stat().sampleBy("k", Map.of(0L, 1.5), 1));
    }

    @Test
    void rand42_drawsSparksNumbers() {
        // Spark 3.5's documented example: spark.range(0, 2, 1, 1).withColumn('rand', rand(seed=42) * 3).
        assertEquals(List.of(1.8575681106759028, 1.5288056527339444),
                doubles(spark.range(0, 2, 1, 1).select(rand(42).multiply(3)), 0));
        // ... and spark.range(0, 2, 1, 1).select("*", randn(seed=42)), with its column name.
        DataFrame normal = spark.range(0, 2, 1, 1).select(randn(42));
        assertArrayEquals(new String[] {"randn(42)"}, normal.columns());
        assertEquals(List.of(2.384479054241165, 0.1920934041293524), doubles(normal, 0));
    }
}
