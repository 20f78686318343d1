package io.ember.dataframe;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static io.ember.dataframe.Functions.lit;
import static io.ember.dataframe.Functions.min;
import static io.ember.dataframe.Functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * groupBy().agg() over far more groups than the heap (-Xmx384m) holds: the final aggregation
 * spills hash partitions and aggregates them again. The groups are summarized by a second, global
 * aggregation (collecting them would not fit either) and checked against the same summary
 * computed group by group in plain Java.
 */
@Timeout(600)
class AggregateLargerThanMemoryTest {
    /** Distinct keys; the first EXTRA of them get a second row. */
    private static final long KEYS = 20_000_000;
    private static final long EXTRA = 4_000_000;
    private static final long ROWS = KEYS + EXTRA;

    static {
        HeapSampler.logSpills();
    }

    private final EmberSession spark = EmberSession.builder().master("local[2]").appName("larger-than-memory")
            .config("ember.sql.shuffle.partitions", "4").getOrCreate();

    @Test
    void twentyMillionGroups() {
        HeapSampler.assumeSmallHeap();
        spark.conf().set("ember.sql.shuffle.partitions", "4");
        DataFrame rows = spark.range(0, ROWS, 1, 4).select(col("id").mod(KEYS).as("k"), col("id").as("v"));
        DataFrame groups = rows.groupBy("k").agg(sum("v").as("s"), count("v").as("c"), min("v").as("m"));
        DataFrame summary = groups.agg(count(lit(1)).as("groups"), sum("s").as("total"), sum("c").as("rows"),
                sum(col("k").multiply(col("s")).mod(1_000_003).plus(col("c").multiply(col("m")).mod(7919)))
                        .as("checksum"));
        Row r;
        try (HeapSampler heap = new HeapSampler()) {
            r = summary.collectAsList().get(0);
            System.out.println("AggregateLargerThanMemoryTest: " + ROWS + " rows, " + KEYS + " groups, " + heap.report());
        }
        long checksum = 0;
        for (long k = 0; k < KEYS; k++) {
            boolean twice = k < EXTRA;
            long s = twice ? 2 * k + KEYS : k;
            long c = twice ? 2 : 1;
            checksum += (k * s) % 1_000_003 + (c * k) % 7919;
        }
        assertEquals(KEYS, r.getLong(0));
        assertEquals(ROWS * (ROWS - 1) / 2, r.getLong(1));
        assertEquals(ROWS, r.getLong(2));
        assertEquals(checksum, r.getLong(3));
    }
}
