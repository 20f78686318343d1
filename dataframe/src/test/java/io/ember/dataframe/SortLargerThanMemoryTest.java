package io.ember.dataframe;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.concat;
import static io.ember.dataframe.Functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.dataframe.internal.batch.ColumnBatch;
import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.types.DataTypes;
import io.ember.rdd.internal.TaskScope;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A global {@code orderBy} of about three times this JVM's heap (run by the larger-than-memory
 * surefire execution at {@code -Xmx384m}), checked row by row on the executors against values
 * computed in plain Java, so that nothing large reaches the driver.
 *
 * <p>The sort key {@code k = id * P mod N} is a permutation of {@code [0, N)}, so in sorted order
 * the row at position {@code i} has {@code k = i} and {@code id = i * P^-1 mod N}, and its text is
 * a known function of both: every row's place and content is checked exactly.
 */
@Timeout(600)
class SortLargerThanMemoryTest {
    private static final long P = 7_000_003L;

    @BeforeAll
    static void onlyAtSmallHeap() {
        assumeTrue(Runtime.getRuntime().maxMemory() <= 512L << 20,
                "meant for the larger-than-memory surefire execution (-Xmx384m); this JVM's heap is larger");
    }

    static String text(long id, long k) {
        return "row-" + id + "-key-" + k + "-some-padding-to-weigh";
    }

    /** What {@code n} rows of the test's schema weigh as column batches, counted as the sort counts them. */
    static long estimatedBytes(long n) {
        int rows = 4096;
        long[] ids = new long[rows];
        long[] keys = new long[rows];
        double[] ds = new double[rows];
        ColumnVector s = ColumnVector.allocate(DataTypes.StringType, rows);
        for (int i = 0; i < rows; i++) {
            long id = n - 1 - i;
            ids[i] = id;
            keys[i] = id * P % n;
            ds[i] = id * 0.5;
            byte[] b = text(id, keys[i]).getBytes(StandardCharsets.UTF_8);
            s.appendUtf8(b, 0, b.length);
        }
        ColumnBatch batch = new ColumnBatch(new ColumnVector[] {
            ColumnVector.ofLongs(DataTypes.LongType, ids, null, rows),
            ColumnVector.ofLongs(DataTypes.LongType, keys, null, rows),
            ColumnVector.ofDoubles(DataTypes.DoubleType, ds, null, rows), s}, rows);
        return batch.estimatedBytes() * n / rows;
    }

    @Test
    void orderBy_ofThreeHeaps_everyRowInPlace() {
        long heap = Runtime.getRuntime().maxMemory();
        // ~85 bytes per row as column batches count them (two longs, a double, a string of ~45 chars)
        long n = 34 * heap / 1000;
        assertEquals(BigInteger.ONE, BigInteger.valueOf(P).gcd(BigInteger.valueOf(n)), "P must be prime to n");
        long inverse = BigInteger.valueOf(P).modInverse(BigInteger.valueOf(n)).longValue();
        EmberSession spark = TestSession.get();
        long started = System.nanoTime();
        try (HeapSampler heapSampler = HeapSampler.start()) {
            DataFrame df = spark.range(0, n, 1, 24)
                    .withColumn("k", col("id").multiply(P).mod(n))
                    .withColumn("d", col("id").multiply(0.5))
                    .withColumn("s", concat(lit("row-"), col("id").cast("string"), lit("-key-"),
                            col("k").cast("string"), lit("-some-padding-to-weigh")));
            List<long[]> parts = df.orderBy(col("k")).rdd().mapPartitionsWithIndex((index, it) -> {
                long count = 0;
                long first = -1;
                long last = -1;
                long bad = 0;
                while (it.hasNext()) {
                    Row r = it.next();
                    long id = r.getLong(0);
                    long k = r.getLong(1);
                    if (count == 0) {
                        first = k;
                    } else if (k != last + 1) {
                        bad++;
                    }
                    if (id != Math.multiplyExact(k, inverse) % n || r.getDouble(2) != id * 0.5
                            || !text(id, k).equals(r.getString(3))) {
                        bad++;
                    }
                    last = k;
                    count++;
                }
                TaskMemoryManager memory = TaskScope.current().memory();
                return io.vavr.collection.Iterator.of(new long[] {index, count, first, last, bad,
                    memory.memoryBytesSpilled(), memory.diskBytesSpilled()});
            }).collect().toJavaList();
            List<long[]> sorted = new ArrayList<>(parts);
            sorted.sort(Comparator.comparingLong(p -> p[0]));
            long total = 0;
            long next = 0;
            long spilledMemory = 0;
            long spilledDisk = 0;
            for (long[] p : sorted) {
                assertEquals(0, p[4], "rows out of place or wrong in partition " + p[0]);
                if (p[1] > 0) {
                    assertEquals(next, p[2], "partition " + p[0] + " starts where the previous ended");
                    next = p[3] + 1;
                }
                total += p[1];
                spilledMemory += p[5];
                spilledDisk += p[6];
            }
            assertEquals(n, total);
            assertEquals(n, next, "keys 0 .. n-1 each once, in order");
            assertTrue(spilledDisk > 0, "the sort spilled");
            long inputBytes = estimatedBytes(n);
            System.out.printf("LARGER-THAN-MEMORY orderBy: %d rows, %d MB as column batches (%.1fx the heap of %d MB); "
                    + "spilled %d MB in memory as %d MB on disk; peak heap used %d MB; wall time %.1f s%n", n,
                    inputBytes >> 20, (double) inputBytes / heap, heap >> 20, spilledMemory >> 20, spilledDisk >> 20,
                    heapSampler.peakBytes() >> 20, (System.nanoTime() - started) / 1e9);
            assertTrue(inputBytes > 2.5 * heap, "the input is about three heaps: " + inputBytes);
        }
    }
}
