package io.ember.dataframe.internal.window;

import static io.ember.dataframe.Functions.col;
import static io.ember.dataframe.Functions.cume_dist;
import static io.ember.dataframe.Functions.first_value;
import static io.ember.dataframe.Functions.last_value;
import static io.ember.dataframe.Functions.lit;
import static io.ember.dataframe.Functions.nth_value;
import static io.ember.dataframe.Functions.ntile;
import static io.ember.dataframe.Functions.percent_rank;
import static io.ember.dataframe.Functions.sum;
import static io.ember.dataframe.Functions.when;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * The distribution and frame-value functions and {@code rangeBetween} through the DataFrame API,
 * against values computed by hand over {@link WindowFunctionsTest}'s table (rows sorted by region,
 * nulls first, then day and amount):
 *
 * <pre>
 * region | day | amount
 * null   |   1 |    100
 * east   |   1 |     10
 * east   |   2 |      5
 * east   |   2 |     20
 * east   |   4 |   null
 * east   |   5 |     30
 * west   |   1 |      7
 * west   |   3 |      3
 * </pre>
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WindowFrameFunctionsTest {
    private static final WindowSpec BY_DAY = Window.partitionBy("region").orderBy("day");
    private static final WindowSpec BY_DAY_AMOUNT = Window.partitionBy("region").orderBy("day", "amount");

    private static EmberSession spark;
    private static DataFrame sales;

    @BeforeAll
    static void data() {
        spark = SqlTestSession.get();
        sales = WindowFunctionsTest.sales(spark);
        sales.createOrReplaceTempView("frame_sales");
    }

    /** The values of {@code window} for the rows in the order of the table above. */
    private static List<Object> column(Column window) {
        List<Object> out = new ArrayList<>();
        for (Row r : sales.withColumn("w", window)
                .orderBy(col("region").asc_nulls_first(), col("day"), col("amount")).collectAsList()) {
            out.add(r.get(3));
        }
        return out;
    }

    @Test
    void percentRankAndCumeDist_shareRanksBetweenPeers() {
        assertEquals(Arrays.asList(0.0, 0.0, 0.25, 0.25, 0.75, 1.0, 0.0, 1.0), column(percent_rank().over(BY_DAY)));
        assertEquals(Arrays.asList(1.0, 0.2, 0.6, 0.6, 0.8, 1.0, 0.5, 1.0), column(cume_dist().over(BY_DAY)));
        // Descending: east's days 5, 4, 2, 2, 1.
        assertEquals(Arrays.asList(1.0, 1.0, 0.8, 0.8, 0.4, 0.2, 1.0, 0.5),
                column(cume_dist().over(Window.partitionBy("region").orderBy(col("day").desc()))));
    }

    @Test
    void ntile_givesTheLargerGroupsFirst() {
        assertEquals(Arrays.asList(1, 1, 1, 1, 2, 2, 1, 2), column(ntile(2).over(BY_DAY_AMOUNT)));
        assertEquals(Arrays.asList(1, 1, 1, 2, 2, 3, 1, 2), column(ntile(3).over(BY_DAY_AMOUNT)));
        assertEquals(Arrays.asList(1, 1, 2, 3, 4, 5, 1, 2), column(ntile(10).over(BY_DAY_AMOUNT)));
    }

    @Test
    void frameValues_honourTheFrameAndIgnoreNulls() {
        assertEquals(Arrays.asList(null, null, 5, 5, 5, 5, null, 3), column(nth_value(col("amount"), 2).over(BY_DAY_AMOUNT)));
        WindowSpec whole = BY_DAY_AMOUNT.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
        assertEquals(Arrays.asList(null, 30, 30, 30, 30, 30, null, null),
                column(nth_value(col("amount"), 4, true).over(whole)));
        assertEquals(Arrays.asList(null, null, null, null, null, null, null, null),
                column(nth_value(col("amount"), 5, true).over(whole)));
        assertEquals(Arrays.asList(null, 5, 20, null, 30, null, 3, null),
                column(first_value(col("amount"), true).over(BY_DAY_AMOUNT.rowsBetween(1, 1))));
        assertEquals(Arrays.asList(null, 5, 20, null, 30, null, 3, null),
                column(first_value(col("amount")).over(BY_DAY_AMOUNT.rowsBetween(1, 1))));
        assertEquals(Arrays.asList(100, 10, 5, 20, 20, 30, 7, 3),
                column(last_value(col("amount"), true).over(BY_DAY_AMOUNT.rowsBetween(-2, 0))));
        assertEquals(Arrays.asList(100, 10, 5, 20, null, 30, 7, 3),
                column(last_value(col("amount")).over(BY_DAY_AMOUNT.rowsBetween(-2, 0))));
        // The default frame of an ordered window ends at the current row's last peer: east's day-2 row
        // whose value is null (amount 5) sees its peer's 2, whichever of the two sorts first.
        Column dayUnlessSmall = when(col("amount").lt(10), lit(null)).otherwise(col("day"));
        assertEquals(Arrays.asList(1, 1, 2, 2, 4, 5, null, null), column(last_value(dayUnlessSmall, true).over(BY_DAY)));
    }

    @Test
    void rangeBetween_numericOffsetsAscendingAndDescending() {
        assertEquals(Arrays.asList(100L, 35L, 35L, 35L, 30L, 30L, 7L, 3L),
                column(sum("amount").over(BY_DAY.rangeBetween(-1, 1))));
        assertEquals(Arrays.asList(100L, 35L, 25L, 25L, 30L, 30L, 7L, 3L),
                column(sum("amount").over(Window.partitionBy("region").orderBy(col("day").desc()).rangeBetween(-1, 0))));
        assertEquals(Arrays.asList(null, 25L, 30L, 30L, 30L, null, 3L, null),
                column(sum("amount").over(BY_DAY.rangeBetween(1, 3))));
    }

    @Test
    void rangeFrames_overDatesCountDays() {
        DataFrame days = spark.createDataFrame(List.of(Row.of("2024-02-27", 1), Row.of("2024-02-28", 2),
                        Row.of("2024-03-01", 4), Row.of("2024-03-05", 8), Row.of(null, 16)),
                StructType.fromDDL("s STRING, v INT")).selectExpr("CAST(s AS DATE) AS day", "v");
        days.createOrReplaceTempView("frame_days");
        List<Object> byDays = new ArrayList<>();
        List<Object> byInterval = new ArrayList<>();
        for (Row r : spark.sql("SELECT v, sum(v) OVER (ORDER BY day RANGE BETWEEN 2 PRECEDING AND CURRENT ROW), "
                + "sum(v) OVER (ORDER BY day RANGE BETWEEN INTERVAL 1 MONTH PRECEDING AND INTERVAL '1' DAY PRECEDING) "
                + "FROM frame_days ORDER BY v").collectAsList()) {
            byDays.add(r.get(1));
            byInterval.add(r.get(2));
        }
        // 2024 is a leap year: Feb 27 and 28, Mar 1 are within two days of Mar 1; the null day is its own frame.
        assertEquals(Arrays.asList(1L, 3L, 6L, 8L, 16L), byDays);
        // One month before Mar 5 is Feb 5; the frame ends the day before.
        assertEquals(Arrays.asList(null, 1L, 3L, 7L, 16L), byInterval);
    }

    @Test
    void intervalFrames_moveTimestampsByDaysInTheSessionZone() {
        spark.conf().set("ember.sql.session.timeZone", "America/New_York");
        try {
            // New York moved its clocks forward on 2024-03-10: one calendar day before noon that
            // day is 12:00 on the 9th, 23 hours earlier, so 11:30 on the 9th is outside the frame.
            DataFrame times = spark.createDataFrame(List.of(Row.of("2024-03-09 11:30:00", 1),
                            Row.of("2024-03-09 12:00:00", 2), Row.of("2024-03-10 12:00:00", 4)),
                    StructType.fromDDL("s STRING, v INT")).selectExpr("CAST(s AS TIMESTAMP) AS ts", "v");
            times.createOrReplaceTempView("frame_times");
            List<Object> sums = new ArrayList<>();
            for (Row r : spark.sql("SELECT v, sum(v) OVER (ORDER BY ts RANGE BETWEEN INTERVAL 1 DAY PRECEDING "
                    + "AND CURRENT ROW) FROM frame_times ORDER BY v").collectAsList()) {
                sums.add(r.get(1));
            }
            assertEquals(Arrays.asList(1L, 3L, 6L), sums);
        } finally {
            spark.conf().set("ember.sql.session.timeZone", "UTC");
        }
    }

    @Test
    void emptyInput_givesNoRows() {
        DataFrame none = sales.filter(col("day").gt(100));
        assertEquals(0, none.withColumn("n", ntile(3).over(BY_DAY)).withColumn("p", percent_rank().over(BY_DAY))
                .withColumn("s", sum("amount").over(BY_DAY.rangeBetween(-2, 2))).count());
    }

    private static void fails(String errorClass, Executable action) {
        AnalysisException e = assertThrows(AnalysisException.class, action);
        assertTrue(e.getMessage().contains(errorClass), e.getMessage());
    }

    @Test
    void errors_followSpark() {
        fails("[DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER]",
                () -> sum("amount").over(Window.partitionBy("region").rangeBetween(-1, 1)));
        fails("[DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER]", () -> sum("amount").over(BY_DAY_AMOUNT.rangeBetween(-1, 0)));
        fails("[DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE]", () -> spark.sql("SELECT sum(amount) OVER (ORDER BY day "
                + "RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW) FROM frame_sales").collectAsList());
        fails("[DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE]", () -> spark.sql("SELECT sum(amount) OVER (ORDER BY region "
                + "RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM frame_sales").collectAsList());
        fails("[DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE]", () -> spark.sql("SELECT count(*) OVER (ORDER BY "
                + "CAST(day_text AS DATE) RANGE BETWEEN INTERVAL 2 HOURS PRECEDING AND CURRENT ROW) FROM "
                + "(SELECT '2024-01-01' AS day_text)").collectAsList());
        fails("[INVALID_WINDOW_FRAME]", () -> spark.sql("SELECT sum(amount) OVER (ORDER BY day "
                + "ROWS BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW) FROM frame_sales").collectAsList());
        fails("[DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE]", () -> ntile(0));
        fails("[DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE]", () -> spark.sql(
                "SELECT nth_value(amount, 0) OVER (ORDER BY day) FROM frame_sales").collectAsList());
        fails("[WINDOW_FUNCTION_WITHOUT_ORDER]", () -> ntile(2).over(Window.partitionBy("region")));
        fails("[WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE]",
                () -> spark.sql("SELECT cume_dist() FROM frame_sales").collectAsList());
    }
}
