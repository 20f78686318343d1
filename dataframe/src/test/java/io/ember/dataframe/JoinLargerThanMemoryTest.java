package io.ember.dataframe;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.concat;
import static io.ember.dataframe.Functions.count;
import static io.ember.dataframe.Functions.length;
import static io.ember.dataframe.Functions.lit;
import static io.ember.dataframe.Functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An inner equi-join of two inputs each about twice the heap (-Xmx384m), as a shuffled hash join
 * whose build sides outgrow the tasks' memory and become grace hash joins. Rows carry a string of
 * about 100 characters that the result reads, so it travels through the join. The result is
 * summarized by a global aggregation and checked against formulas evaluated in plain Java.
 */
@Timeout(900)
class JoinLargerThanMemoryTest {
    /** Rows per side: left keys 0..N-1, right keys 0, 2, 4, ..., so the even left keys match once. */
    private static final long N = 5_000_000;
    private static final String FILLER = "x".repeat(100);

    static {
        HeapSampler.logSpills();
    }

    private final EmberSession spark = EmberSession.builder().master("local[2]").appName("larger-than-memory")
            .config("ember.sql.shuffle.partitions", "4").getOrCreate();

    @Test
    void innerJoinOfTwoSidesTwiceTheHeap() {
        HeapSampler.assumeSmallHeap();
        spark.conf().set("ember.sql.shuffle.partitions", "4");
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
        spark.conf().set("ember.sql.join.preferSortMergeJoin", "false");
        DataFrame left = spark.range(0, N, 1, 4).select(col("id").as("k"), col("id").multiply(3).as("v"),
                concat(lit(FILLER), col("id").cast("string")).as("lp"));
        DataFrame right = spark.range(0, N, 1, 4).select(col("id").multiply(2).as("k2"), col("id").multiply(5).as("w"),
                concat(col("id").cast("string"), lit(FILLER)).as("rp"));
        DataFrame joined = left.join(right, col("k").equalTo(col("k2")));
        assertTrue(joined.explainString(false).contains("ShuffledHashJoin"), joined.explainString(false));
        DataFrame summary = joined.agg(count(lit(1)).as("rows"), sum("v").as("v"), sum("w").as("w"),
                sum(col("v").multiply(col("w")).mod(1_000_003)).as("checksum"),
                sum(length(col("lp")).plus(length(col("rp")))).as("chars"));
        Row r;
        try (HeapSampler heap = new HeapSampler()) {
            r = summary.collectAsList().get(0);
            System.out.println("JoinLargerThanMemoryTest: " + N + " rows per side, " + heap.report());
        }
        long rows = 0;
        long v = 0;
        long w = 0;
        long checksum = 0;
        long chars = 0;
        for (long j = 0; 2 * j < N; j++) {
            rows++;
            v += 6 * j;
            w += 5 * j;
            checksum += (30 * j * j) % 1_000_003;
            chars += 2 * (FILLER.length() + Long.toString(j).length()) + Long.toString(2 * j).length()
                    - Long.toString(j).length();
        }
        assertEquals(rows, r.getLong(0));
        assertEquals(v, r.getLong(1));
        assertEquals(w, r.getLong(2));
        assertEquals(checksum, r.getLong(3));
        assertEquals(chars, r.getLong(4));
    }
}
