package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.StructType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Decimals at the edge of the unscaled-long layout (18 digits held as longs, 19 as objects):
 * arithmetic, casts, comparison, sorting, grouping and sums that outgrow a long, checked against
 * {@link BigDecimal} arithmetic in plain Java. Overflow gives null, as Spark outside ANSI mode.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CompactDecimalsTest {
    private static final BigDecimal MAX18 = new BigDecimal("999999999999999999");
    private static final BigDecimal MAX19 = new BigDecimal("9999999999999999999");

    private final EmberSession spark = TestSession.get();

    private Object[] one(String ddl, Object[] values, Column... select) {
        DataFrame df = spark.createDataFrame(List.<Row>of(RowFactory.create(values)), StructType.fromDDL(ddl));
        return df.select(select).first().toArray();
    }

    @Test
    void eighteenAndNineteenDigits_arithmeticAndComparison() {
        Object[] v = one("a DECIMAL(18,0), b DECIMAL(19,0), c DECIMAL(18,0)", new Object[] {MAX18, MAX19, MAX18.negate()},
                col("a").plus(col("a")), col("a").minus(col("c")), col("b").plus(col("a")), col("a").multiply(col("c")),
                col("a").equalTo(col("b")), col("a").lt(col("b")), col("c").lt(col("a")), col("a").cast("string"),
                col("a").plus(col("c")), abs(col("c")), col("a").unary_minus(), abs(col("b").unary_minus()));
        assertEquals(MAX18.add(MAX18), v[0]);
        assertEquals(MAX18.subtract(MAX18.negate()), v[1]);
        assertEquals(MAX19.add(MAX18), v[2]);
        assertEquals(MAX18.multiply(MAX18.negate()), v[3]);
        assertEquals(false, v[4]);
        assertEquals(true, v[5]);
        assertEquals(true, v[6]);
        assertEquals("999999999999999999", v[7]);
        assertEquals(BigDecimal.ZERO, v[8]);
        assertEquals(MAX18, v[9]);
        assertEquals(MAX18.negate(), v[10]);
        assertEquals(MAX19, v[11]);
    }

    @Test
    void castBeyondPrecision_isNull() {
        Object[] v = one("s STRING, t STRING", new Object[] {"999999999999999999", "1000000000000000000"},
                col("s").cast("decimal(18,0)"), col("t").cast("decimal(18,0)"), col("t").cast("decimal(19,0)"),
                col("s").cast("decimal(18,1)"), lit("12.345").cast("decimal(18,2)"), lit("-0.005").cast("decimal(3,2)"));
        assertEquals(MAX18, v[0]);
        assertNull(v[1], "19 digits do not fit decimal(18,0)");
        assertEquals(new BigDecimal("1000000000000000000"), v[2]);
        assertNull(v[3], "18 integer digits do not fit decimal(18,1)");
        assertEquals(new BigDecimal("12.35"), v[4], "rounded half up");
        assertEquals(new BigDecimal("-0.01"), v[5]);
    }

    @Test
    void overflowAtThirtyEightDigits_isNull() {
        BigDecimal max38 = new BigDecimal("9".repeat(38));
        Object[] v = one("a DECIMAL(38,0), b DECIMAL(18,0)", new Object[] {max38, MAX18},
                col("a").plus(col("b")), col("a").minus(col("b")), col("a").multiply(col("b")));
        assertNull(v[0]);
        assertEquals(max38.subtract(MAX18), v[1]);
        assertNull(v[2]);
    }

    @Test
    void compactArithmetic_matchesBigDecimal() {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        List<BigDecimal[]> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            BigDecimal x = BigDecimal.valueOf(random.nextLong() % 1_000_000_000L, 2);
            BigDecimal y = BigDecimal.valueOf(random.nextLong() % 100_000_000L, 3);
            if (i % 50 == 0) {
                y = BigDecimal.ZERO.setScale(3);
            }
            rows.add(RowFactory.create(i, x, y));
            BigDecimal rem = y.signum() == 0 ? null : x.remainder(y);
            BigDecimal div = y.signum() == 0 ? null : x.divide(y, 11, RoundingMode.HALF_UP);
            expected.add(new BigDecimal[] {x.add(y), x.subtract(y), x.multiply(y), rem, div});
        }
        DataFrame df = spark.createDataFrame(rows, StructType.fromDDL("id INT, x DECIMAL(9,2), y DECIMAL(8,3)"));
        DataFrame out = df.select(col("id"), col("x").plus(col("y")), col("x").minus(col("y")),
                col("x").multiply(col("y")), col("x").mod(col("y")), col("x").divide(col("y"))).orderBy("id");
        assertEquals(new DecimalType(11, 3), out.schema().fields()[1].dataType());
        assertEquals(new DecimalType(18, 5), out.schema().fields()[3].dataType());
        List<Row> result = out.collectAsList();
        for (int i = 0; i < result.size(); i++) {
            for (int c = 0; c < 5; c++) {
                BigDecimal want = expected.get(i)[c];
                BigDecimal got = result.get(i).getDecimal(c + 1);
                if (want == null) {
                    assertNull(got, "row " + i + " column " + c);
                } else {
                    assertEquals(0, want.compareTo(got), "row " + i + " column " + c + ": " + want + " vs " + got);
                }
            }
        }
    }

    @Test
    void sumOutgrowingALong_andMinMaxAvgPerGroup() {
        BigDecimal big = new BigDecimal("9999999999999999.99");
        List<Row> rows = new ArrayList<>();
        BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal[] mins = new BigDecimal[3];
        BigDecimal[] maxs = new BigDecimal[3];
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            int g = i % 3;
            BigDecimal v = g == 2 ? BigDecimal.valueOf(i - 1500, 2) : i % 7 == 0 ? big.negate() : big;
            rows.add(RowFactory.create(g, v));
            sums[g] = sums[g].add(v);
            mins[g] = mins[g] == null || v.compareTo(mins[g]) < 0 ? v : mins[g];
            maxs[g] = maxs[g] == null || v.compareTo(maxs[g]) > 0 ? v : maxs[g];
            counts[g]++;
        }
        DataFrame df = spark.createDataFrame(rows, StructType.fromDDL("g INT, d DECIMAL(18,2)")).repartition(3);
        DataFrame agg = df.groupBy("g").agg(sum(col("d")), min(col("d")), max(col("d")), avg(col("d"))).orderBy("g");
        assertEquals(new DecimalType(28, 2), agg.schema().fields()[1].dataType());
        List<Row> result = agg.collectAsList();
        assertEquals(3, result.size());
        for (int g = 0; g < 3; g++) {
            Row r = result.get(g);
            assertEquals(sums[g], r.getDecimal(1), "sum of group " + g);
            assertEquals(mins[g], r.getDecimal(2));
            assertEquals(maxs[g], r.getDecimal(3));
            BigDecimal avg = sums[g].divide(BigDecimal.valueOf(counts[g]), 6, RoundingMode.HALF_UP);
            assertEquals(0, avg.compareTo(r.getDecimal(4)), "avg of group " + g);
        }
        assertTrue(sums[0].abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE, 2)) > 0, "the sum outgrew a long");
    }

    @Test
    void sortAndGroupBy_onCompactDecimalKeys() {
        List<BigDecimal> values = Arrays.asList(new BigDecimal("-0.01"), new BigDecimal("1.50"), null,
                new BigDecimal("-99999999.99"), new BigDecimal("0.00"), new BigDecimal("1.50"), new BigDecimal("99999999.99"));
        List<Row> rows = new ArrayList<>();
        for (BigDecimal v : values) {
            rows.add(RowFactory.create(v));
        }
        DataFrame df = spark.createDataFrame(rows, StructType.fromDDL("d DECIMAL(10,2)")).repartition(3);
        List<BigDecimal> sorted = new ArrayList<>();
        for (Row r : df.orderBy(col("d").asc_nulls_last()).collectAsList()) {
            sorted.add(r.getDecimal(0));
        }
        assertEquals(Arrays.asList(new BigDecimal("-99999999.99"), new BigDecimal("-0.01"), new BigDecimal("0.00"),
                new BigDecimal("1.50"), new BigDecimal("1.50"), new BigDecimal("99999999.99"), null), sorted);
        List<Row> groups = df.groupBy("d").count().filter(col("d").equalTo(lit(new BigDecimal("1.5")))).collectAsList();
        assertEquals(1, groups.size());
        assertEquals(2L, groups.get(0).getLong(1));
    }
}
