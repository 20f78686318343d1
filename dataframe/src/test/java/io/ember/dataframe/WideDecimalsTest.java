package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.DecimalType;
import io.ember.dataframe.types.StructType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decimals of precision 19 to 38 (128-bit unscaled values) through whole queries: sums and
 * averages of products of money columns, grouping, joining and sorting on wide keys, comparison,
 * and Parquet round trips, with nulls, checked against {@link BigDecimal} arithmetic in plain
 * Java. Over several partitions, so that partial sums are shipped and merged.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WideDecimalsTest {
    private final EmberSession spark = TestSession.get();

    /** Money-like rows: price decimal(15,2), discount decimal(15,2), a group, some nulls. */
    private static List<Row> moneyRows(int n) {
        Random r = new Random(11);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigDecimal price = i % 97 == 5 ? null : i % 10 == 0 ? new BigDecimal("9999999999999.99")
                    : BigDecimal.valueOf(r.nextLong() % 10_000_000_000L, 2);
            BigDecimal discount = i % 89 == 3 ? null : BigDecimal.valueOf(r.nextInt(11), 2);
            rows.add(RowFactory.create(i % 7, price, discount));
        }
        return rows;
    }

    @Test
    void sumAndAvgOfProducts_perGroup_matchBigDecimal() {
        List<Row> rows = moneyRows(5000);
        Map<Integer, BigDecimal> sums = new TreeMap<>();
        Map<Integer, Long> counts = new HashMap<>();
        for (Row row : rows) {
            BigDecimal p = row.getDecimal(1);
            BigDecimal d = row.getDecimal(2);
            int g = row.getInt(0);
            sums.putIfAbsent(g, null);
            if (p != null && d != null) {
                BigDecimal v = p.multiply(BigDecimal.ONE.subtract(d));
                sums.merge(g, v, BigDecimal::add);
                counts.merge(g, 1L, Long::sum);
            }
        }
        DataFrame df = spark.createDataFrame(rows, StructType.fromDDL("g INT, price DECIMAL(15,2), discount DECIMAL(15,2)"))
                .repartition(4);
        Column charge = col("price").multiply(lit(BigDecimal.ONE).minus(col("discount")));
        DataFrame agg = df.groupBy("g").agg(sum(charge), avg(charge), max(charge)).orderBy("g");
        assertEquals(new DecimalType(38, 4), agg.schema().fields()[1].dataType());
        List<Row> result = agg.collectAsList();
        assertEquals(7, result.size());
        BigDecimal total = BigDecimal.ZERO;
        for (Row r : result) {
            int g = r.getInt(0);
            BigDecimal want = sums.get(g);
            assertEquals(0, want.compareTo(r.getDecimal(1)), "sum of group " + g + ": " + want + " vs " + r.getDecimal(1));
            BigDecimal avg = want.divide(BigDecimal.valueOf(counts.get(g)), r.getDecimal(2).scale(), RoundingMode.HALF_UP);
            assertEquals(avg, r.getDecimal(2), "avg of group " + g);
            total = total.add(want);
        }
        assertTrue(total.unscaledValue().bitLength() > 63, "the sums outgrow a long: " + total);
        Row all = df.agg(sum(charge), count(charge)).first();
        assertEquals(0, total.compareTo(all.getDecimal(0)));
    }

    @Test
    void sumBeyondThirtyEightDigits_isNull_andComesBackWhenTheTotalFits() {
        BigDecimal max = new BigDecimal("9".repeat(34) + ".9999");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(RowFactory.create(1, max));
            rows.add(RowFactory.create(2, i < 2 ? max : max.negate()));
        }
        rows.add(RowFactory.create(3, null));
        DataFrame df = spark.createDataFrame(rows, StructType.fromDDL("g INT, w DECIMAL(38,4)")).coalesce(1);
        List<Row> result = df.groupBy("g").agg(sum(col("w"))).orderBy("g").collectAsList();
        assertNull(result.get(0).get(1), "4 * (10^34 - 1) has 39 digits");
        assertEquals(BigDecimal.ZERO.setScale(4), result.get(1).getDecimal(1), "passes 38 digits on the way, ends at 0");
        assertNull(result.get(2).get(1));
    }

    /** Wide keys: 25 digits, some equal at another written scale, some null. */
    private static List<BigDecimal> wideKeys() {
        Random r = new Random(3);
        List<BigDecimal> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            BigDecimal k = switch (i % 5) {
                case 0 -> null;
                case 1 -> new BigDecimal(new BigInteger(80, r), 3);
                case 2 -> new BigDecimal(BigInteger.valueOf(r.nextInt(20) - 10), 3);
                case 3 -> new BigDecimal(new BigInteger(70, r).negate(), 3);
                default -> new BigDecimal("1234567890123456789012.345");
            };
            keys.add(k);
        }
        return keys;
    }

    private DataFrame keyed(List<BigDecimal> keys, String ddl) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            rows.add(RowFactory.create(keys.get(i), i));
        }
        return spark.createDataFrame(rows, StructType.fromDDL(ddl)).repartition(3);
    }

    @Test
    void groupByJoinAndSort_onWideKeys() {
        List<BigDecimal> keys = wideKeys();
        Map<BigDecimal, Long> counts = new HashMap<>();
        long nullCount = 0;
        for (BigDecimal k : keys) {
            if (k == null) {
                nullCount++;
            } else {
                counts.merge(k, 1L, Long::sum);
            }
        }
        DataFrame df = keyed(keys, "k DECIMAL(25,3), i INT");
        List<Row> groups = df.groupBy("k").count().collectAsList();
        assertEquals(counts.size() + 1, groups.size());
        for (Row g : groups) {
            assertEquals(g.isNullAt(0) ? nullCount : counts.get(g.getDecimal(0)), g.getLong(1), "group " + g);
        }

        long pairs = 0;
        for (long c : counts.values()) {
            pairs += c * c;
        }
        DataFrame other = keyed(keys, "k2 DECIMAL(25,3), j INT");
        assertEquals(pairs, df.join(other, col("k").equalTo(col("k2"))).count());

        List<BigDecimal> expected = new ArrayList<>(keys);
        expected.sort(Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()));
        List<BigDecimal> sorted = new ArrayList<>();
        for (Row r : df.orderBy(col("k").desc_nulls_last(), col("i")).collectAsList()) {
            sorted.add(r.getDecimal(0));
        }
        assertEquals(expected, sorted);
        BigDecimal bound = new BigDecimal("1234567890123456789012.345");
        long below = keys.stream().filter(k -> k != null && k.compareTo(bound) < 0).count();
        assertEquals(below, df.filter(col("k").lt(col("k").minus(col("k")).plus(lit(bound)))).count());
    }

    @Test
    void parquet_roundTripOfWideDecimals(@TempDir Path dir) {
        List<Row> rows = new ArrayList<>();
        Random r = new Random(8);
        List<BigDecimal[]> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            BigDecimal a = i % 13 == 0 ? null : new BigDecimal(new BigInteger(1 + r.nextInt(125), r), 4);
            if (a != null && r.nextBoolean()) {
                a = a.negate();
            }
            BigDecimal b = i % 3 == 0 ? new BigDecimal("-" + "9".repeat(20)) : BigDecimal.valueOf(r.nextLong());
            rows.add(RowFactory.create(i, a, b));
            expected.add(new BigDecimal[] {a, b});
        }
        String path = dir.resolve("wide").toString();
        spark.createDataFrame(rows, StructType.fromDDL("i INT, a DECIMAL(38,4), b DECIMAL(20,0)")).write().parquet(path);
        List<Row> back = spark.read().parquet(path).orderBy("i").collectAsList();
        assertEquals(rows.size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            assertEquals(expected.get(i)[0], back.get(i).getDecimal(1), "a of row " + i);
            assertEquals(expected.get(i)[1], back.get(i).getDecimal(2), "b of row " + i);
        }
    }

    /** {@code v} at {@code t}'s scale (half up), or null past its precision: Spark's cast outside ANSI mode. */
    private static BigDecimal castTo(BigDecimal v, int precision, int scale) {
        BigDecimal r = v.setScale(scale, RoundingMode.HALF_UP);
        return r.precision() - r.scale() > precision - scale ? null : r;
    }

    @Test
    void castsBetweenCompactAndWide_andToDoubleAndString() {
        List<BigDecimal> wide = List.of(new BigDecimal("12345678.5555"), new BigDecimal("-99999999.9950"),
                new BigDecimal("123456789012345678901234.0001"), new BigDecimal("-0.0050"), new BigDecimal("7.0000"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < wide.size(); i++) {
            rows.add(RowFactory.create(i, wide.get(i), wide.get(i).toPlainString(), BigDecimal.valueOf(i * 1000 - 1, 2)));
        }
        rows.add(RowFactory.create(99, null, null, null));
        DataFrame df = spark.createDataFrame(rows, StructType.fromDDL("i INT, w DECIMAL(38,4), s STRING, c DECIMAL(15,2)"));
        List<Row> out = df.select(col("i"), col("w").cast("decimal(10,2)"), col("w").cast("decimal(38,2)"),
                col("w").cast("double"), col("w").cast("string"), col("s").cast("decimal(30,5)"),
                col("c").cast("decimal(38,4)"), col("c").cast("decimal(20,0)"), col("c").cast("decimal(16,3)"),
                col("w").cast("decimal(38,5)"), col("w").cast("decimal(25,6)"), col("c").cast("decimal(4,3)"))
                .orderBy("i").collectAsList();
        for (int i = 0; i < wide.size(); i++) {
            Row r = out.get(i);
            BigDecimal w = wide.get(i);
            BigDecimal c = BigDecimal.valueOf(i * 1000 - 1, 2);
            assertEquals(castTo(w, 10, 2), r.getDecimal(1), "row " + i);
            assertEquals(castTo(w, 38, 2), r.getDecimal(2), "row " + i);
            assertEquals(w.doubleValue(), r.getDouble(3), "row " + i);
            assertEquals(w.toPlainString(), r.getString(4), "row " + i);
            assertEquals(castTo(w, 30, 5), r.getDecimal(5), "row " + i);
            assertEquals(castTo(c, 38, 4), r.getDecimal(6), "row " + i);
            assertEquals(castTo(c, 20, 0), r.getDecimal(7), "row " + i);
            assertEquals(castTo(c, 16, 3), r.getDecimal(8), "row " + i);
            assertEquals(castTo(w, 38, 5), r.getDecimal(9), "row " + i);
            assertEquals(castTo(w, 25, 6), r.getDecimal(10), "row " + i);
            assertEquals(castTo(c, 4, 3), r.getDecimal(11), "row " + i);
        }
        assertNull(out.get(2).get(10), "24 integer digits do not fit decimal(25,6)");
        assertNull(out.get(3).get(11), "29.99 does not fit decimal(4,3)");
        assertEquals(new BigDecimal("-0.010"), out.get(0).getDecimal(11));
        assertNull(out.get(2).get(1), "24 integer digits do not fit decimal(10,2)");
        Row last = out.get(wide.size());
        for (int c = 1; c < 12; c++) {
            assertTrue(last.isNullAt(c), "column " + c);
        }
    }
}
