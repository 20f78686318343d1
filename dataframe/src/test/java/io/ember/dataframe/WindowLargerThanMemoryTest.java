package io.ember.dataframe;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.concat;
import static io.ember.dataframe.Functions.lag;
import static io.ember.dataframe.Functions.lit;
import static io.ember.dataframe.Functions.row_number;
import static io.ember.dataframe.Functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ember.actors.internal.memory.TaskMemoryManager;
import io.ember.rdd.internal.TaskScope;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Window functions over one window partition larger than memory (run by the larger-than-memory
 * surefire execution at {@code -Xmx384m}): {@code row_number}, a running sum, a {@code lag} and a
 * whole-partition sum, every row checked on the executor against values computed in plain Java.
 *
 * <p>The value {@code v = id % 1000 - 500} has closed-form prefix sums, so each row's expected
 * running sum needs no state, whatever order the rows come in; they must come in {@code id}
 * order, though, as the last window sorts them.
 */
@Timeout(600)
class WindowLargerThanMemoryTest {

    @BeforeAll
    static void onlyAtSmallHeap() {
        assumeTrue(Runtime.getRuntime().maxMemory() <= 512L << 20,
                "meant for the larger-than-memory surefire execution (-Xmx384m); this JVM's heap is larger");
    }

    static long v(long id) {
        return id % 1000 - 500;
    }

    /** The sum of {@code v(0) .. v(id)}, in closed form. */
    static long prefixSum(long id) {
        long rows = id + 1;
        long cycles = rows / 1000;
        long rest = rows % 1000;
        return cycles * -500 + rest * (rest - 1) / 2 - 500 * rest;
    }

    @Test
    void window_onePartitionLargerThanMemory_everyRowExact() {
        long heap = Runtime.getRuntime().maxMemory();
        // ~100 bytes per row in column batches: one window partition of ~1.5 heaps
        long n = 3 * heap / 200;
        long total = prefixSum(n - 1);
        EmberSession spark = TestSession.get();
        long started = System.nanoTime();
        try (HeapSampler heapSampler = HeapSampler.start()) {
            DataFrame df = spark.range(0, n, 1, 24)
                    .withColumn("g", lit(1))
                    .withColumn("v", col("id").mod(1000).minus(500))
                    .withColumn("s", concat(lit("row-"), col("id").cast("string"), lit("-padding-to-weigh-it")));
            WindowSpec whole = Window.partitionBy("g");
            WindowSpec ordered = Window.partitionBy("g").orderBy("id");
            DataFrame windowed = df.withColumn("total", sum("v").over(whole))
                    .withColumn("rn", row_number().over(ordered))
                    .withColumn("running",
                            sum("v").over(ordered.rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
                    .withColumn("prev", lag("v", 1).over(ordered))
                    .select("id", "v", "s", "total", "rn", "running", "prev");
            List<long[]> parts = windowed.rdd().mapPartitions(it -> {
                long count = 0;
                long bad = 0;
                long last = -1;
                long firstBad = -1;
                while (it.hasNext()) {
                    Row r = it.next();
                    long id = r.getLong(0);
                    boolean ok = id == last + 1 && r.getLong(1) == v(id)
                            && ("row-" + id + "-padding-to-weigh-it").equals(r.getString(2))
                            && r.getLong(3) == total && r.getInt(4) == id + 1 && r.getLong(5) == prefixSum(id)
                            && (id == 0 ? r.isNullAt(6) : !r.isNullAt(6) && r.getLong(6) == v(id - 1));
                    if (!ok) {
                        bad++;
                        firstBad = firstBad < 0 ? id : firstBad;
                    }
                    last = id;
                    count++;
                }
                TaskMemoryManager memory = TaskScope.current().memory();
                return io.vavr.collection.Iterator.of(new long[] {count, bad, firstBad, memory.memoryBytesSpilled(),
                    memory.diskBytesSpilled()});
            }).collect().toJavaList();
            long rows = 0;
            long spilledMemory = 0;
            long spilledDisk = 0;
            for (long[] p : parts) {
                assertEquals(0, p[1], "wrong rows, the first with id " + p[2]);
                assertTrue(p[0] == 0 || p[0] == n, "the one window partition is in one task");
                rows += p[0];
                spilledMemory += p[3];
                spilledDisk += p[4];
            }
            assertEquals(n, rows);
            assertTrue(spilledDisk > 0, "the window spilled");
            System.out.printf("LARGER-THAN-MEMORY window: one partition of %d rows, spilled %d MB in memory as %d MB "
                    + "on disk (%.1fx the heap of %d MB); peak heap used %d MB; wall time %.1f s%n", n,
                    spilledMemory >> 20, spilledDisk >> 20, (double) spilledMemory / heap, heap >> 20,
                    heapSampler.peakBytes() >> 20, (System.nanoTime() - started) / 1e9);
        }
    }
}
