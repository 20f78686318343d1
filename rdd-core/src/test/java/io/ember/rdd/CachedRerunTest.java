package io.ember.rdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Measures what MEMORY_ONLY caching buys: the same job run uncached and then on the cached RDD,
 * on one executor so that every cached partition is read where it is. Prints both times and
 * their ratio (the closing-note number); asserts only that the cached re-run is faster and exact.
 */
@Timeout(120)
class CachedRerunTest {

    private static long timed(Runnable job) {
        long started = System.nanoTime();
        job.run();
        return System.nanoTime() - started;
    }

    @Test
    void memoryOnlyRerun_isFasterThanRecomputing() {
        try (EmberContext sc = EmberContext.builder().master("local[1]").appName("cached-rerun").getOrCreate()) {
            // a parse-heavy pipeline: format, split and re-parse every record
            RDD<Double> fares = sc.range(0, 600_000, 1, 8)
                    .map(i -> i + "," + (i % 97) + "," + (i * 31 % 1000) / 10.0 + ",card")
                    .map(line -> line.split(","))
                    .filter(f -> !f[1].equals("13"))
                    .map(f -> Double.parseDouble(f[2]) * 1.1);
            double[] expected = {0};
            for (int warm = 0; warm < 2; warm++) {
                expected[0] = fares.reduce(Double::sum);
            }
            long uncached = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                uncached = Math.min(uncached, timed(() -> assertEquals(expected[0], fares.reduce(Double::sum), 1e-3)));
            }
            fares.cache();
            fares.reduce(Double::sum);
            long cached = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                cached = Math.min(cached, timed(() -> assertEquals(expected[0], fares.reduce(Double::sum), 1e-3)));
            }
            System.out.printf("MEMORY_ONLY re-run: uncached %.1f ms, cached %.1f ms, ratio cached/uncached %.3f (%.1fx faster)%n",
                    uncached / 1e6, cached / 1e6, (double) cached / uncached, (double) uncached / cached);
            assertTrue(cached < uncached, "cached " + cached + " ns vs uncached " + uncached + " ns");
            assertEquals(8, sc.getRDDStorageInfo().single().cachedPartitions());
        }
    }
}
