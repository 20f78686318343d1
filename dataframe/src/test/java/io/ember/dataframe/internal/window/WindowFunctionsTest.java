package io.ember.dataframe.internal.window;

import static io.ember.dataframe.Functions.avg;
import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.count;
import static io.ember.dataframe.Functions.dense_rank;
import static io.ember.dataframe.Functions.first;
import static io.ember.dataframe.Functions.lag;
import static io.ember.dataframe.Functions.last;
import static io.ember.dataframe.Functions.lead;
import static io.ember.dataframe.Functions.lit;
import static io.ember.dataframe.Functions.max;
import static io.ember.dataframe.Functions.min;
import static io.ember.dataframe.Functions.rank;
import static io.ember.dataframe.Functions.row_number;
import static io.ember.dataframe.Functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.Column;
import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import io.ember.dataframe.Window;
import io.ember.dataframe.WindowSpec;
import io.ember.dataframe.internal.sql.SqlTestSession;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Window functions through the DataFrame API, against values computed by hand. Rows (sorted by
 * region, nulls first, then day and amount):
 *
 * <pre>
 * region | day | amount
 * null   |   1 |    100
 * east   |   1 |     10
 * east   |   2 |      5
 * east   |   2 |     20     (day 2 twice: peers in an ordering by day)
 * east   |   4 |   null
 * east   |   5 |     30
 * west   |   1 |      7
 * west   |   3 |      3
 * </pre>
 */
class WindowFunctionsTest {
    private static EmberSession spark;
    private static DataFrame sales;

    private static final WindowSpec BY_DAY = Window.partitionBy("region").orderBy("day");
    private static final WindowSpec BY_DAY_AMOUNT = Window.partitionBy("region").orderBy("day", "amount");

    @BeforeAll
    static void data() {
        spark = SqlTestSession.get();
        sales = sales(spark);
    }

    static DataFrame sales(EmberSession spark) {
        return spark.createDataFrame(List.of(
                Row.of("east", 2, 20), Row.of("west", 1, 7), Row.of("east", 1, 10), Row.of(null, 1, 100),
                Row.of("east", 4, null), Row.of("east", 5, 30), Row.of("west", 3, 3), Row.of("east", 2, 5)),
                StructType.fromDDL("region STRING, day INT, amount INT")).repartition(3);
    }

    /** The values of {@code window} for the rows in the order of the table above. */
    private static List<Object> column(Column window) {
        DataFrame df = sales.withColumn("w", window)
                .orderBy(col("region").asc_nulls_first(), col("day"), col("amount"));
        List<Object> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(r.get(3));
        }
        return out;
    }

    private static List<Object> values(Object... v) {
        return Arrays.asList(v);
    }

    @Test
    void rowNumber_rank_denseRank() {
        assertEquals(values(1, 1, 2, 3, 4, 5, 1, 2), column(row_number().over(BY_DAY_AMOUNT)));
        assertEquals(values(1, 1, 2, 2, 4, 5, 1, 2), column(rank().over(BY_DAY)));
        assertEquals(values(1, 1, 2, 2, 3, 4, 1, 2), column(dense_rank().over(BY_DAY)));
    }

    @Test
    void orderedAggregate_defaultFrameIncludesPeers() {
        assertEquals(values(100L, 10L, 35L, 35L, 35L, 65L, 7L, 10L), column(sum("amount").over(BY_DAY)));
    }

    @Test
    void unorderedAggregate_coversThePartition() {
        assertEquals(values(1L, 4L, 4L, 4L, 4L, 4L, 2L, 2L), column(count("amount").over(Window.partitionBy("region"))));
        assertEquals(values(8L, 8L, 8L, 8L, 8L, 8L, 8L, 8L), column(count("*").over()));
    }

    @Test
    void rowsFrame_sliding() {
        assertEquals(values(100L, 10L, 15L, 25L, 20L, 30L, 7L, 10L),
                column(sum("amount").over(BY_DAY_AMOUNT.rowsBetween(-1, Window.currentRow()))));
        assertEquals(values(100.0, 7.5, 35.0 / 3, 12.5, 25.0, 30.0, 5.0, 5.0),
                column(avg("amount").over(BY_DAY_AMOUNT.rowsBetween(-1, 1))));
    }

    @Test
    void rowsFrame_toTheEnd() {
        assertEquals(values(100, 5, 5, 20, 30, 30, 3, 3),
                column(min("amount").over(BY_DAY_AMOUNT.rowsBetween(Window.currentRow(), Window.unboundedFollowing()))));
        assertEquals(values(null, 20, 20, 30, 30, null, 3, null),
                column(max("amount").over(BY_DAY_AMOUNT.rowsBetween(1, 2))));
    }

    @Test
    void rowsFrame_emptyBeforeTheStart() {
        assertEquals(values(null, null, null, 10L, 15L, 35L, null, null),
                column(sum("amount").over(BY_DAY_AMOUNT.rowsBetween(Window.unboundedPreceding(), -2))));
    }

    @Test
    void rangeFrame_withOffsets() {
        assertEquals(values(100L, 10L, 35L, 35L, null, 30L, 7L, 3L),
                column(sum("amount").over(BY_DAY.rangeBetween(-1, Window.currentRow()))));
        assertEquals(values(100L, 35L, 25L, 25L, 30L, 30L, 10L, 3L),
                column(sum("amount").over(BY_DAY.rangeBetween(Window.currentRow(), 2))));
    }

    @Test
    void descendingOrder() {
        WindowSpec desc = Window.partitionBy("region").orderBy(col("day").desc());
        assertEquals(values(100L, 65L, 55L, 55L, 30L, 30L, 10L, 3L), column(sum("amount").over(desc)));
        assertEquals(values(100L, 65L, 55L, 55L, 30L, 30L, 10L, 3L),
                column(sum("amount").over(desc.rangeBetween(Window.unboundedPreceding(), 0))));
    }

    @Test
    void lagAndLead() {
        assertEquals(values(null, null, 10, 5, 20, null, null, 7), column(lag("amount", 1).over(BY_DAY_AMOUNT)));
        assertEquals(values(-1, 20, null, 30, -1, -1, -1, -1), column(lead(col("amount"), 2, -1).over(BY_DAY_AMOUNT)));
        assertEquals(values(-1, 5, 20, null, 30, -1, 3, -1), column(lag(col("amount"), -1, lit(-1)).over(BY_DAY_AMOUNT)));
    }

    @Test
    void firstAndLast() {
        assertEquals(values(100, 10, 10, 10, 10, 10, 7, 7), column(first("amount").over(BY_DAY_AMOUNT)));
        assertEquals(values(100, 10, 5, 20, 20, 30, 7, 3), column(last(col("amount"), true)
                .over(BY_DAY_AMOUNT.rowsBetween(Window.unboundedPreceding(), Window.currentRow()))));
    }

    @Test
    void windowsOverExpressions_andNestedInExpressions() {
        DataFrame df = sales.select(col("region"), col("day"), col("amount"),
                col("amount").minus(avg("amount").over(Window.partitionBy(col("region")))).as("delta"),
                row_number().over(Window.orderBy(col("amount").desc_nulls_last(), col("day"))).as("overall"))
                .orderBy(col("overall"));
        List<Row> rows = df.collectAsList();
        assertEquals(100, rows.get(0).getInt(2));
        assertEquals(0.0, rows.get(0).getDouble(3));
        assertEquals(List.of("region", "day", "amount", "delta", "overall"), Arrays.asList(df.columns()));
        assertEquals(8, rows.size());
    }

    @Test
    void aggregateThenWindow_inOneSelect() {
        DataFrame df = sales.filter(col("region").isNotNull())
                .select(sum("amount").as("total"), rank().over(Window.orderBy(sum("amount"))).as("r"));
        assertEquals(List.of(75L, 1), Arrays.asList(df.collectAsList().get(0).get(0), df.collectAsList().get(0).get(1)));
    }

    @Test
    void plan_shufflesOnThePartitionKeys() {
        String plan = sales.withColumn("rn", row_number().over(BY_DAY)).explainString(false);
        assertTrue(plan.contains("Window [row_number()"), plan);
        assertTrue(plan.contains("Exchange hashpartitioning(region#"), plan);
        String single = sales.withColumn("rn", row_number().over(Window.orderBy("day"))).explainString(false);
        assertTrue(single.contains("Exchange SinglePartition"), single);
    }

    @Test
    void twoWindowsOnTheSameSpec_shareOneOperator() {
        DataFrame df = sales.select(col("region"), rank().over(BY_DAY).as("r"), sum("amount").over(BY_DAY).as("s"));
        String plan = df.explainString(false);
        assertEquals(1, plan.split("Window \\[").length - 1, plan);
    }

    @Test
    void errors_areRaisedWhereTheWindowIsBuilt() {
        AnalysisException noOrder = assertThrows(AnalysisException.class,
                () -> row_number().over(Window.partitionBy("region")));
        assertTrue(noOrder.getMessage().contains("[WINDOW_FUNCTION_WITHOUT_ORDER]"), noOrder.getMessage());
        AnalysisException frame = assertThrows(AnalysisException.class,
                () -> rank().over(BY_DAY.rowsBetween(-1, 1)));
        assertTrue(frame.getMessage().contains("[WINDOW_FRAME_NOT_ALLOWED]"), frame.getMessage());
        AnalysisException notWindow = assertThrows(AnalysisException.class, () -> col("amount").over(BY_DAY));
        assertTrue(notWindow.getMessage().contains("[UNSUPPORTED_EXPR_FOR_WINDOW]"), notWindow.getMessage());
        AnalysisException distinct = assertThrows(AnalysisException.class,
                () -> io.ember.dataframe.Functions.countDistinct(col("amount")).over(BY_DAY));
        assertTrue(distinct.getMessage().contains("[DISTINCT_WINDOW_FUNCTION_UNSUPPORTED]"), distinct.getMessage());
        AnalysisException badFrame = assertThrows(AnalysisException.class, () -> BY_DAY.rowsBetween(2, 1));
        assertTrue(badFrame.getMessage().contains("[INVALID_WINDOW_FRAME]"), badFrame.getMessage());
        AnalysisException rangeType = assertThrows(AnalysisException.class, () -> sales.withColumn("x",
                sum("amount").over(Window.orderBy("region").rangeBetween(-1, 0))));
        assertTrue(rangeType.getMessage().contains("[DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE]"), rangeType.getMessage());
        AnalysisException unknown = assertThrows(AnalysisException.class,
                () -> sales.withColumn("x", sum("amount").over(Window.partitionBy("regoin"))));
        assertTrue(unknown.getMessage().contains("`region`"), unknown.getMessage());
    }

    @Test
    void emptyInput_givesNoRows() {
        assertEquals(0, sales.filter(col("day").gt(100)).withColumn("rn", row_number().over(BY_DAY)).count());
    }
}
