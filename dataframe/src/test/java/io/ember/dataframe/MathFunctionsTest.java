package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.StructType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The math functions against plain {@link Math} and hand-computed values, with nulls and NaN. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MathFunctionsTest {
    private final EmberSession spark = TestSession.get();

    private DataFrame rows(String ddl, Object[]... values) {
        List<Row> rows = Arrays.stream(values).map(RowFactory::create).toList();
        return spark.createDataFrame(rows, StructType.fromDDL(ddl));
    }

    private static Object[] firstRow(DataFrame df) {
        return df.first().toArray();
    }

    @Test
    void unaryFunctions_matchJavaMath() {
        double x = 0.7;
        Object[] v = firstRow(rows("x DOUBLE", new Object[] {x}).select(sin("x"), cos("x"), tan("x"), asin("x"),
                acos("x"), atan("x"), sinh("x"), cosh("x"), tanh("x"), expm1("x"), log10("x"), log2("x"), log1p("x"),
                cbrt("x"), signum("x"), degrees("x"), radians("x"), rint("x")));
        assertArrayEquals(new Object[] {Math.sin(x), Math.cos(x), Math.tan(x), Math.asin(x), Math.acos(x), Math.atan(x),
                Math.sinh(x), Math.cosh(x), Math.tanh(x), Math.expm1(x), Math.log10(x), Math.log(x) / Math.log(2),
                Math.log1p(x), Math.cbrt(x), 1.0, Math.toDegrees(x), Math.toRadians(x), 1.0}, v);
    }

    @Test
    void handComputedValues() {
        Object[] v = firstRow(rows("a INT, b DOUBLE", new Object[] {-7, 2.5}).select(log2(lit(8)), log10(lit(1000)),
                cbrt(lit(-27)), degrees(lit(Math.PI)), hypot(lit(3), lit(4)), atan2(lit(1), lit(1)), log(2.0, lit(1024)),
                pmod(col("a"), lit(3)), pmod(lit(7), lit(-3)), pmod(lit(-7L), lit(3)), pmod(lit(-7.5), lit(2)),
                bround(col("b")), bround(lit(3.5)), round(col("b")), bround(lit(-2.5)), bround(lit(1.25), 1),
                bround(lit(25), -1), rint(lit(2.5)), signum(col("a"))));
        assertArrayEquals(new Object[] {3.0, 3.0, -3.0, 180.0, 5.0, Math.PI / 4, 10.0, 2, 1, 2L, 0.5, 2.0, 4.0, 3.0,
                -2.0, 1.2, 20, 2.0, -1.0}, v);
        // The decimal keeps its type (decimal(4,2)), rounded half to even at one digit: 2.45 -> 2.40, 2.55 -> 2.60.
        DataFrame decimals = rows("d DECIMAL(4,2)", new Object[] {new BigDecimal("2.45")},
                new Object[] {new BigDecimal("2.55")});
        assertEquals(List.of(new BigDecimal("2.40"), new BigDecimal("2.60")),
                decimals.select(bround(col("d"), 1)).collectAsList().stream().map(r -> r.get(0)).toList());
    }

    @Test
    void nullsGiveNull_nanStaysNan_andOutOfDomainFollowsSpark() {
        Object[] v = firstRow(rows("x DOUBLE, n INT", new Object[] {null, null}).select(sin("x"), log2("x"), atan2("x", "x"),
                hypot(col("x"), lit(1)), pmod(col("n"), lit(2)), pmod(lit(2), col("n")), bround(col("x")), log(2.0, "x")));
        assertArrayEquals(new Object[8], v);
        Object[] nan = firstRow(rows("x DOUBLE", new Object[] {Double.NaN}).select(sin("x"), log10("x"), cbrt("x"),
                signum("x"), bround(col("x"))));
        for (Object o : nan) {
            assertTrue(((Double) o).isNaN(), Arrays.toString(nan));
        }
        Object[] domain = firstRow(rows("x DOUBLE", new Object[] {-1.0}).select(log10("x"), log2("x"), log1p("x"),
                log(2.0, "x"), log(-2.0, lit(4)), pmod(lit(5), lit(0)), pmod(lit(5.0), lit(0.0))));
        assertArrayEquals(new Object[7], domain);
        assertTrue(((Double) firstRow(rows("x DOUBLE", new Object[] {2.0}).select(asin("x")))[0]).isNaN());
    }

    @Test
    void sqlCallsTheSameFunctions() {
        rows("x DOUBLE, a INT", new Object[] {8.0, -7}).createOrReplaceTempView("math_t");
        Object[] v = firstRow(spark.sql("SELECT log2(x), log(2, x), log(1), pmod(a, 3), bround(CAST(2.5 AS DOUBLE)), bround(CAST(2.25 AS DOUBLE), 1), "
                + "sign(a), cbrt(x), hypot(3, 4), atan2(0, -1), degrees(0) FROM math_t"));
        assertArrayEquals(new Object[] {3.0, 3.0, 0.0, 2, 2.0, 2.2, -1.0, 2.0, 5.0, Math.PI, 0.0}, v);
        DataFrame named = spark.sql("SELECT sin(x), pmod(a, 3), bround(x) FROM math_t");
        assertArrayEquals(new String[] {"SIN(x)", "pmod(a, 3)", "bround(x, 0)"}, named.columns());
    }

    @Test
    void badInput_isNamed() {
        DataFrame df = rows("s ARRAY<INT>", new Object[] {List.of(1)});
        AnalysisException e = assertThrows(AnalysisException.class, () -> df.select(sin("s")).collectAsList());
        assertTrue(e.getMessage().contains("s"), e.getMessage());
        assertThrows(AnalysisException.class, () -> spark.sql("SELECT log(1, 2, 3)").collectAsList());
    }

    @Test
    void stringNameOverloads_buildWhatTheColumnOnesBuild() {
        DataFrame df = rows("x DOUBLE", new Object[] {1.0}, new Object[] {3.0}, new Object[] {null});
        Object[] byName = firstRow(df.agg(sumDistinct("x"), first("x", true), last("x", true), stddev_samp("x"),
                stddev_pop("x"), variance("x"), var_samp("x"), var_pop("x")));
        // Values 1 and 3: mean 2, squared deviations 1 + 1 = 2.
        assertArrayEquals(new Object[] {4.0, 1.0, 3.0, Math.sqrt(2.0), 1.0, 2.0, 2.0, 1.0}, byName);
        assertArrayEquals(new Object[] {Math.toDegrees(1.0), Math.toRadians(1.0)},
                firstRow(df.select(toDegrees("x"), toRadians("x"))));
    }
}
