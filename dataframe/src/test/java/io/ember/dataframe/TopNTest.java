package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code orderBy(...).limit(n)} (the streaming top-N of TakeOrderedAndProject) gives exactly the
 * first n rows of the full stable sort: across many batches and partitions, with ties on the
 * keys at the cut and nulls, in both directions.
 */
class TopNTest {
    private final EmberSession spark = TestSession.get();

    @AfterEach
    void resetBatchSize() {
        spark.conf().unset("ember.sql.columnBatchSize");
    }

    private DataFrame rows() {
        // Many ties (k has 7 values, d 11), some nulls, in four partitions of small batches.
        return spark.range(0, 5_000, 1, 4)
                .withColumn("k", when(col("id").mod(13).equalTo(0), lit(null).cast("int"))
                        .otherwise(col("id").multiply(7919).mod(7).cast("int")))
                .withColumn("d", col("id").multiply(104729).mod(11).cast("double"));
    }

    @Test
    void topN_equalsFullSortCut_withTiesAndNulls() {
        spark.conf().set("ember.sql.columnBatchSize", 64);
        List<Column[]> orders = List.of(
                new Column[] {col("k").desc(), col("d").asc(), col("id")},
                new Column[] {col("k").asc_nulls_last(), col("d").desc()},
                new Column[] {col("d").desc(), col("k")});
        for (int n : new int[] {0, 1, 10, 100, 777, 5_000, 6_000}) {
            for (Column[] order : orders) {
                // Rows tied on every key may come in any order: compare the keys (and, for a total order, whole rows).
                Column[] keys = order == orders.get(0)
                        ? new Column[] {col("id"), col("k"), col("d")} : new Column[] {col("k"), col("d")};
                List<Row> top = rows().orderBy(order).limit(n).select(keys).collectAsList();
                List<Row> sorted = rows().orderBy(order).select(keys).collectAsList();
                assertEquals(sorted.subList(0, Math.min(n, sorted.size())), top, "n=" + n);
            }
        }
    }

    @Test
    void topN_ofUniqueKeys_isTheSortedCut() {
        spark.conf().set("ember.sql.columnBatchSize", 100);
        List<Row> top = rows().orderBy(col("d").desc(), col("id").desc()).limit(50).collectAsList();
        List<Row> sorted = rows().orderBy(col("d").desc(), col("id").desc()).collectAsList();
        assertEquals(sorted.subList(0, 50), top);
    }
}
