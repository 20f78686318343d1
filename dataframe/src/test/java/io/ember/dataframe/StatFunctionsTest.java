package io.ember.dataframe;

import static io.ember.dataframe.Functions.col;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.StructType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code df.stat()}, {@code summary} and {@code withColumns}, checked against DuckDB, plain Java
 * and hand-computed values.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StatFunctionsTest {
    private final EmberSession spark = TestSession.get();

    private DataFrame rows(String ddl, List<Object[]> values) {
        return spark.createDataFrame(values.stream().map(RowFactory::create).toList(), StructType.fromDDL(ddl));
    }

    /** 300 rows of (x INT, y DOUBLE) with some nulls, in 3 partitions. */
    private static List<Object[]> pairs() {
        Random r = new Random(7);
        List<Object[]> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Integer x = i % 17 == 0 ? null : r.nextInt(100);
            Double y = i % 23 == 0 ? null : (x == null ? 0 : x) * 0.5 + r.nextGaussian() * 10;
            out.add(new Object[] {x, y});
        }
        return out;
    }

    @Test
    void covAndCorr_matchDuckDb() throws Exception {
        List<Object[]> data = pairs();
        DataFrame df = rows("x INT, y DOUBLE", data).repartition(3);
        double cov;
        double corr;
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("CREATE TABLE t (x INTEGER, y DOUBLE)");
            StringBuilder insert = new StringBuilder("INSERT INTO t VALUES ");
            for (int i = 0; i < data.size(); i++) {
                insert.append(i == 0 ? "" : ", ").append("(").append(data.get(i)[0]).append(", ").append(data.get(i)[1])
                        .append(")");
            }
            st.execute(insert.toString());
            try (ResultSet rs = st.executeQuery("SELECT covar_samp(x, y), corr(x, y) FROM t")) {
                assertTrue(rs.next());
                cov = rs.getDouble(1);
                corr = rs.getDouble(2);
            }
        }
        assertEquals(cov, df.stat().cov("x", "y"), 1e-9 * Math.abs(cov));
        assertEquals(corr, df.stat().corr("x", "y"), 1e-12);
        assertEquals(corr, df.stat().corr("y", "x", "pearson"), 1e-12);
    }

    @Test
    void covAndCorr_ofTooFewOrConstantValuesAreNaN_andBadInputIsNamed() {
        DataFrame one = rows("x INT, y DOUBLE, s STRING", List.<Object[]>of(new Object[] {1, 2.0, "a"},
                new Object[] {null, 3.0, "b"}));
        assertTrue(Double.isNaN(one.stat().cov("x", "y")));
        assertTrue(Double.isNaN(one.filter(col("x").gt(5)).stat().corr("x", "y")));
        DataFrame constant = rows("x INT, y DOUBLE", List.<Object[]>of(new Object[] {1, 2.0}, new Object[] {1, 3.0}));
        assertTrue(Double.isNaN(constant.stat().corr("x", "y")));
        assertEquals(0.0, constant.stat().cov("x", "y"));
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class, () -> one.stat().cov("x", "s"));
        assertTrue(s.getMessage().contains("'s'") && s.getMessage().contains("numerical"), s.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> one.stat().corr("x", "y", "spearman"));
        assertTrue(m.getMessage().contains("spearman"), m.getMessage());
        assertThrows(AnalysisException.class, () -> one.stat().cov("x", "nope"));
    }

    @Test
    void crosstab_countsPairs_likeSpark() {
        DataFrame df = rows("a INT, b STRING", List.<Object[]>of(new Object[] {1, "x"}, new Object[] {1, "y"},
                new Object[] {2, "x"}, new Object[] {null, "x"}, new Object[] {1, "x"}, new Object[] {2, null}));
        DataFrame t = df.stat().crosstab("a", "b");
        assertArrayEquals(new String[] {"a_b", "null", "x", "y"}, t.columns());
        assertEquals(List.of(Row.of("1", 0L, 2L, 1L), Row.of("2", 1L, 1L, 0L), Row.of("null", 0L, 1L, 0L)),
                t.collectAsList());
        assertEquals(List.of(), df.filter(col("a").gt(9)).stat().crosstab("a", "b").collectAsList());
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> spark.range(0, 10_000, 1, 2).withColumn("k", col("id").mod(2)).stat().crosstab("k", "id"));
        assertTrue(wide.getMessage().contains("id") && wide.getMessage().contains("1e4"), wide.getMessage());
    }

    @Test
    void freqItems_findsEveryValueAboveTheSupport() {
        Random r = new Random(3);
        List<Object[]> data = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            int v = i % 3 == 0 ? 7 : i % 5 == 0 ? 11 : 1000 + r.nextInt(5000);
            data.add(new Object[] {v, i % 2 == 0 ? "even" : null});
        }
        DataFrame df = rows("v INT, s STRING", data).repartition(4);
        Map<Integer, Integer> counts = new HashMap<>();
        for (Object[] row : data) {
            counts.merge((Integer) row[0], 1, Integer::sum);
        }
        double support = 0.1;
        DataFrame items = df.stat().freqItems(new String[] {"v", "s"}, support);
        assertArrayEquals(new String[] {"v_freqItems", "s_freqItems"}, items.columns());
        List<Object> found = items.first().getList(0);
        counts.forEach((value, n) -> {
            if (n > support * data.size()) {
                assertTrue(found.contains(value), value + " occurs " + n + " times, not in " + found);
            }
        });
        assertTrue(found.size() <= 10, found.toString());
        List<Object> strings = items.first().getList(1);
        assertTrue(strings.contains("even") && strings.contains(null), strings.toString());
        assertThrows(IllegalArgumentException.class, () -> df.stat().freqItems(new String[] {"v"}, 0.00001));
    }

    @Test
    void approxQuantile_isExactAtZeroError_andWithinTheErrorOtherwise() {
        List<Object[]> small = new ArrayList<>();
        for (int i = 10; i >= 1; i--) {
            small.add(new Object[] {(double) i});
        }
        small.add(new Object[] {null});
        small.add(new Object[] {Double.NaN});
        DataFrame df = rows("x DOUBLE", small).repartition(3);
        assertArrayEquals(new double[] {1.0, 3.0, 5.0, 10.0}, df.stat().approxQuantile("x",
                new double[] {0.0, 0.25, 0.5, 1.0}, 0.0));
        assertArrayEquals(new double[0], df.filter(col("x").gt(100)).stat().approxQuantile("x", new double[] {0.5}, 0.1));
        // Spark 3.5's documented example: values 1..5, quantiles 0, 0.5, 1 at a relative error of 0.05.
        DataFrame five = rows("values BIGINT", List.<Object[]>of(new Object[] {1L}, new Object[] {2L}, new Object[] {3L},
                new Object[] {4L}, new Object[] {5L}));
        assertArrayEquals(new double[] {1.0, 3.0, 5.0}, five.stat().approxQuantile("values",
                new double[] {0.0, 0.5, 1.0}, 0.05));

        int n = 20_000;
        List<Object[]> big = new ArrayList<>();
        double[] sorted = new double[n];
        Random r = new Random(11);
        for (int i = 0; i < n; i++) {
            sorted[i] = Math.floor(r.nextGaussian() * 1000);
            big.add(new Object[] {(long) sorted[i]});
        }
        Arrays.sort(sorted);
        double error = 0.01;
        double[] probabilities = {0.01, 0.1, 0.5, 0.9, 0.99};
        double[] q = rows("v BIGINT", big).repartition(4).stat().approxQuantile("v", probabilities, error);
        for (int i = 0; i < probabilities.length; i++) {
            double target = Math.ceil(probabilities[i] * n);
            int first = lowerBound(sorted, q[i]) + 1;
            int last = lowerBound(sorted, Math.nextUp(q[i]));
            double distance = target < first ? first - target : target > last ? target - last : 0;
            assertTrue(distance <= error * n, "p=" + probabilities[i] + " gave " + q[i] + " of ranks " + first + ".."
                    + last + ", asked " + target);
        }
    }

    private static int lowerBound(double[] sorted, double v) {
        int i = Arrays.binarySearch(sorted, v);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == v) {
            i--;
        }
        return i;
    }

    @Test
    void approxQuantile_rejectsBadInput() {
        DataFrame df = rows("x DOUBLE, s STRING", List.<Object[]>of(new Object[] {1.0, "a"}));
        assertThrows(IllegalArgumentException.class, () -> df.stat().approxQuantile("x", new double[] {1.5}, 0.1));
        assertThrows(IllegalArgumentException.class, () -> df.stat().approxQuantile("x", new double[] {0.5}, -1));
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> df.stat().approxQuantile("s", new double[] {0.5}, 0.1));
        assertTrue(s.getMessage().contains("column s") && s.getMessage().contains("STRING"), s.getMessage());
    }

    @Test
    void summary_hasSparksRowsAndStringColumns() {
        DataFrame df = rows("x INT, s STRING, d DOUBLE", List.<Object[]>of(new Object[] {1, "b", 0.5},
                new Object[] {2, "a", null}, new Object[] {3, "c", 1.5}, new Object[] {4, null, 2.5},
                new Object[] {null, "a", 4.5}));
        DataFrame s = df.summary();
        assertArrayEquals(new String[] {"summary", "x", "s", "d"}, s.columns());
        assertTrue(Arrays.stream(s.dtypes()).allMatch(t -> t._2().equals("StringType")), Arrays.toString(s.dtypes()));
        String sdX = Double.toString(Math.sqrt(5.0 / 3));
        // Deviations from 2.25: -1.75, -0.75, 0.25, 2.25; squares sum to 8.75.
        String sdD = Double.toString(Math.sqrt(8.75 / 3));
        assertEquals(List.of(Row.of("count", "4", "4", "4"), Row.of("mean", "2.5", null, "2.25"),
                Row.of("stddev", sdX, null, sdD), Row.of("min", "1", "a", "0.5"), Row.of("25%", "1", null, "0.5"),
                Row.of("50%", "2", null, "1.5"), Row.of("75%", "3", null, "2.5"), Row.of("max", "4", "c", "4.5")),
                s.collectAsList());
        assertEquals(List.of(Row.of("count_distinct", "4", "3"), Row.of("90%", "4.5", null)),
                df.select("d", "s").summary("count_distinct", "90%").collectAsList());
        DataFrame empty = df.filter(col("x").gt(10)).summary("count", "mean", "50%");
        assertEquals(List.of(Row.of("count", "0", "0", "0"), Row.of("mean", null, null, null),
                Row.of("50%", null, null, null)), empty.collectAsList());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> df.summary("median"));
        assertTrue(bad.getMessage().contains("median"), bad.getMessage());
    }

    @Test
    void withColumns_computesEveryColumnFromTheInput() {
        DataFrame df = rows("a INT, b INT", List.<Object[]>of(new Object[] {1, 10}, new Object[] {2, null}));
        Map<String, Column> cols = new LinkedHashMap<>();
        cols.put("b", col("a").plus(1));
        cols.put("c", col("b").multiply(2));
        DataFrame out = df.withColumns(cols);
        assertArrayEquals(new String[] {"a", "b", "c"}, out.columns());
        assertEquals(List.of(Row.of(1, 2, 20), Row.of(2, 3, null)), out.collectAsList());
        Map<String, Column> twice = new LinkedHashMap<>();
        twice.put("c", col("a"));
        twice.put("C", col("b"));
        AnalysisException e = assertThrows(AnalysisException.class, () -> df.withColumns(twice));
        assertTrue(e.getMessage().contains("`C`"), e.getMessage());
    }

    @Test
    void countDistinctOfSeveralColumns_countsTuplesWithoutNulls() {
        List<Object[]> data = List.of(new Object[] {"g", "1:a", "b", 1}, new Object[] {"g", "1", "a:b", 1},
                new Object[] {"g", "1:a", "b", 1}, new Object[] {"g", null, "b", 1}, new Object[] {"h", "x", null, 2},
                new Object[] {"h", "x", "y", 2}, new Object[] {"h", "x", "y", 3});
        DataFrame df = rows("g STRING, a STRING, b STRING, n INT", data).repartition(2);
        Map<String, java.util.Set<List<Object>>> expected = new java.util.TreeMap<>();
        for (Object[] r : data) {
            java.util.Set<List<Object>> tuples = expected.computeIfAbsent((String) r[0], k -> new java.util.HashSet<>());
            if (r[1] != null && r[2] != null) {
                tuples.add(List.of(r[1], r[2], r[3]));
            }
        }
        DataFrame counted = df.groupBy("g").agg(Functions.countDistinct("a", "b", "n")).orderBy("g");
        assertArrayEquals(new String[] {"g", "count(DISTINCT a, b, n)"}, counted.columns());
        List<Row> want = new ArrayList<>();
        expected.forEach((g, tuples) -> want.add(Row.of(g, (long) tuples.size())));
        assertEquals(want, counted.collectAsList());
        assertEquals(0L, df.filter(col("n").gt(9)).agg(Functions.countDistinct(col("a"), col("n"))).first().getLong(0));
    }

    @Test
    void summary_matchesSparksDocumentedExample() {
        // Spark 3.5's DataFrame.summary documentation: name, age (bigint), weight and height (double).
        DataFrame df = rows("name STRING, age BIGINT, weight DOUBLE, height DOUBLE", List.<Object[]>of(
                new Object[] {"Bob", 13L, 40.3, 150.5}, new Object[] {"Alice", 12L, 37.8, 142.3},
                new Object[] {"Tom", 11L, 44.1, 142.2}));
        assertEquals(String.join("\n",
                "+-------+----+------------------+-----------------+",
                "|summary| age|            weight|           height|",
                "+-------+----+------------------+-----------------+",
                "|  count|   3|                 3|                3|",
                "|   mean|12.0| 40.73333333333333|            145.0|",
                "| stddev| 1.0|3.1722757341273704|4.763402145525822|",
                "|    min|  11|              37.8|            142.2|",
                "|    25%|  11|              37.8|            142.2|",
                "|    50%|  12|              40.3|            142.3|",
                "|    75%|  13|              44.1|            150.5|",
                "|    max|  13|              44.1|            150.5|",
                "+-------+----+------------------+-----------------+", ""),
                df.select("age", "weight", "height").summary().showString(20, 20));
    }

    @Test
    void covCorrAndCrosstab_matchSparksDocumentedExamples() {
        DataFrame c = rows("c1 BIGINT, c2 BIGINT", List.<Object[]>of(new Object[] {1L, 12L}, new Object[] {10L, 1L},
                new Object[] {19L, 8L}));
        // Deviations from the means 10 and 7: (-9, 5), (0, -6), (9, 1); products sum to -36, over n - 1 = 2.
        assertEquals(-18.0, c.stat().cov("c1", "c2"));
        assertEquals(-0.3592106040535498, c.stat().corr("c1", "c2"), 1e-15);
        DataFrame sb = rows("small BIGINT, bigger BIGINT", List.<Object[]>of(new Object[] {11L, 12L},
                new Object[] {10L, 11L}, new Object[] {9L, 10L}));
        assertEquals(1.0, sb.stat().cov("small", "bigger"));
        assertEquals(1.0, sb.stat().corr("small", "bigger"), 1e-15);
        DataFrame t = rows("c1 BIGINT, c2 BIGINT", List.<Object[]>of(new Object[] {1L, 11L}, new Object[] {1L, 11L},
                new Object[] {3L, 10L}, new Object[] {4L, 8L}, new Object[] {4L, 8L}));
        assertEquals(String.join("\n",
                "+-----+---+---+---+",
                "|c1_c2| 10| 11|  8|",
                "+-----+---+---+---+",
                "|    1|  0|  2|  0|",
                "|    3|  1|  0|  0|",
                "|    4|  0|  0|  2|",
                "+-----+---+---+---+", ""), t.stat().crosstab("c1", "c2").sort("c1_c2").showString(20, 20));
    }
}
