package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.DataTypes;
import io.ember.dataframe.types.StructType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregationTest {
    private final EmberSession spark = TestSession.get();

    private DataFrame sales() {
        return spark.createDataFrame(List.of(
                RowFactory.create("a", 10, 1.0),
                RowFactory.create("a", null, 2.0),
                RowFactory.create("b", 5, null),
                RowFactory.create("a", 20, 3.0),
                RowFactory.create(null, 7, 4.0),
                RowFactory.create("b", 5, 5.0)), StructType.fromDDL("k STRING, n INT, x DOUBLE"));
    }

    private static Map<Object, Row> byKey(DataFrame df) {
        Map<Object, Row> m = new HashMap<>();
        for (Row r : df.collectAsList()) {
            m.put(r.get(0), r);
        }
        return m;
    }

    @Test
    void groupBy_countSumAvgMinMax_ignoreNulls() {
        DataFrame df = sales().groupBy(col("k")).agg(count("*").as("rows"), count("n").as("ns"), sum("n"), avg("x"),
                min("n"), max("x"));
        assertArrayEquals(new String[] {"k", "rows", "ns", "sum(n)", "avg(x)", "min(n)", "max(x)"}, df.columns());
        Map<Object, Row> m = byKey(df);
        assertEquals(RowFactory.create("a", 3L, 2L, 30L, 2.0, 10, 3.0), m.get("a"));
        assertEquals(RowFactory.create("b", 2L, 2L, 10L, 5.0, 5, 5.0), m.get("b"));
        assertEquals(RowFactory.create(null, 1L, 1L, 7L, 4.0, 7, 4.0), m.get(null), "null is a group of its own");
        assertEquals(3, m.size());
    }

    @Test
    void globalAggregate_emptyInput_oneRow() {
        DataFrame empty = sales().filter(col("n").gt(1000));
        Row r = empty.agg(count("*"), sum("n"), avg("x"), min("k")).first();
        assertEquals(RowFactory.create(0L, null, null, null), r);
        assertEquals(0, empty.groupBy(col("k")).count().count(), "grouped: no groups, no rows");
    }

    @Test
    void groupedShortcuts() {
        Map<Object, Row> counts = byKey(sales().groupBy("k").count());
        assertEquals(3L, counts.get("a").getLong(1));
        Map<Object, Row> sums = byKey(sales().groupBy("k").sum("n", "x"));
        assertEquals(RowFactory.create("a", 30L, 6.0), sums.get("a"));
        assertArrayEquals(new String[] {"k", "sum(n)", "sum(x)"}, sales().groupBy("k").sum("n", "x").columns());
        assertEquals(RowFactory.create("b", 5, 5.0), byKey(sales().groupBy("k").min()).get("b"));
        assertEquals(RowFactory.create("b", 5.0, 5.0), byKey(sales().groupBy("k").avg()).get("b"));
        assertEquals(RowFactory.create("a", 20, 3.0), byKey(sales().groupBy("k").max()).get("a"));
        AnalysisException e = assertThrows(AnalysisException.class, () -> sales().groupBy("k").sum("k"));
        assertTrue(e.getMessage().contains("not a numeric column"));
    }

    @Test
    void distinctAggregatesAndCollections() {
        Map<Object, Row> m = byKey(sales().groupBy(col("k")).agg(countDistinct("n"), collect_list("n"),
                collect_set("n"), sumDistinct(col("n"))));
        assertEquals(1L, m.get("b").getLong(1));
        assertEquals(List.of(5, 5), m.get("b").getList(2));
        assertEquals(List.of(5), m.get("b").getList(3));
        assertEquals(5L, m.get("b").getLong(4));
        assertEquals(2L, m.get("a").getLong(1));
    }

    @Test
    void stddevAndVariance() {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create(2.0), RowFactory.create(4.0),
                RowFactory.create(4.0), RowFactory.create(4.0), RowFactory.create(5.0), RowFactory.create(5.0),
                RowFactory.create(7.0), RowFactory.create(9.0)), StructType.fromDDL("v DOUBLE"));
        Row r = df.agg(stddev("v"), stddev_pop(col("v")), variance(col("v")), var_pop(col("v"))).first();
        assertEquals(Math.sqrt(32.0 / 7), r.getDouble(0), 1e-12);
        assertEquals(2.0, r.getDouble(1), 1e-12);
        assertEquals(32.0 / 7, r.getDouble(2), 1e-12);
        assertEquals(4.0, r.getDouble(3), 1e-12);
        assertTrue(df.limit(1).agg(stddev("v")).first().isNullAt(0), "one value has no sample deviation");
    }

    @Test
    void firstLast_ignoreNulls() {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create(1, null), RowFactory.create(1, "x"),
                RowFactory.create(1, null)), StructType.fromDDL("g INT, v STRING")).coalesce(1);
        Row r = df.groupBy(col("g")).agg(first(col("v"), true), last(col("v"), true), first("v")).first();
        assertEquals("x", r.getString(1));
        assertEquals("x", r.getString(2));
        assertNull(r.get(3));
    }

    @Test
    void decimalSumAndAvg() {
        DataFrame df = spark.createDataFrame(List.of(RowFactory.create(new BigDecimal("1.10")),
                RowFactory.create(new BigDecimal("2.20")), RowFactory.create((Object) null)),
                StructType.fromDDL("m DECIMAL(10,2)"));
        Row r = df.agg(sum("m"), avg("m")).first();
        assertEquals(new BigDecimal("3.30"), r.getDecimal(0));
        assertEquals(0, new BigDecimal("1.65").compareTo(r.getDecimal(1)));
        assertEquals("decimal(20,2)", df.agg(sum("m")).schema().apply(0).dataType().typeName());
    }

    @Test
    void expressionsOverAggregates_andGroupingExpressions() {
        DataFrame df = sales().filter(col("k").isNotNull())
                .groupBy(upper(col("k")).as("K"))
                .agg(sum("n").divide(count("n")).as("mean"), max("x").minus(min("x")).as("range"));
        Map<Object, Row> m = byKey(df);
        assertEquals(RowFactory.create("A", 15.0, 2.0), m.get("A"));
        assertEquals(RowFactory.create("B", 5.0, 0.0), m.get("B"));
    }

    @Test
    void nonAggregatedColumn_isAnError() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> sales().groupBy("k").agg(col("n")));
        assertTrue(e.getMessage().contains("MISSING_AGGREGATION"), e.getMessage());
        assertThrows(AnalysisException.class, () -> sales().groupBy("k").agg(sum(sum("n"))));
        assertThrows(AnalysisException.class, () -> sales().filter(sum("n").gt(1)));
    }

    @Test
    void selectWithAggregate_isGlobal() {
        assertEquals(RowFactory.create(47L, 6L), sales().select(sum("n"), count("*")).first());
    }

    @Test
    void skew_oneHotKey() {
        // 20000 rows, 90% on key 0: partial aggregation keeps the shuffle small and the totals right.
        DataFrame df = spark.range(20000).withColumn("k", when(col("id").mod(10).lt(9), 0).otherwise(col("id").mod(7)));
        Map<Object, Row> m = byKey(df.groupBy(col("k")).agg(count("*"), sum("id")));
        long expectedZeroCount = 0;
        long expectedZeroSum = 0;
        for (long i = 0; i < 20000; i++) {
            long k = i % 10 < 9 ? 0 : i % 7;
            if (k == 0) {
                expectedZeroCount++;
                expectedZeroSum += i;
            }
        }
        assertEquals(expectedZeroCount, m.get(0L).getLong(1));
        assertEquals(expectedZeroSum, m.get(0L).getLong(2));
        assertEquals(7, m.size());
    }

    @Test
    void distinctAndDropDuplicates() {
        assertEquals(5, sales().select(col("k"), col("n")).distinct().count());
        assertEquals(3, sales().dropDuplicates("k").count());
        List<Row> rows = sales().dropDuplicates("k", "n").collectAsList();
        assertEquals(5, rows.size());
        assertArrayEquals(new String[] {"k", "n", "x"}, sales().dropDuplicates("k").columns());
    }

    @Test
    void orderBy_globalAcrossPartitions() {
        DataFrame df = spark.range(0, 5000, 1, 4).withColumn("r", col("id").multiply(7919).mod(5003));
        List<Row> sorted = df.orderBy(col("r").desc(), col("id")).collectAsList();
        List<Row> expected = new ArrayList<>(df.collectAsList());
        expected.sort(Comparator.comparing((Row r) -> -r.getLong(1)).thenComparing(r -> r.getLong(0)));
        assertEquals(expected, sorted);
        assertEquals(expected.subList(0, 5), df.orderBy(col("r").desc(), col("id")).limit(5).collectAsList());
    }

    @Test
    void typesOfResults() {
        DataFrame df = sales().agg(sum("n"), sum("x"), avg("n"), count("k"));
        assertEquals(DataTypes.LongType, df.schema().apply(0).dataType());
        assertEquals(DataTypes.DoubleType, df.schema().apply(1).dataType());
        assertEquals(DataTypes.DoubleType, df.schema().apply(2).dataType());
        assertFalse(df.schema().apply(3).nullable());
    }
}
