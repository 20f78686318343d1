package io.ember.dataframe;

import static io.ember.dataframe.Functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.io.ParquetMetrics;
import io.ember.dataframe.types.StructType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A top-N ({@code orderBy(...).limit(n)}) hands its cutoff to the Parquet scan below it, which
 * drops the rows whose first sort key cannot make the cut before decoding their other columns.
 * Answers are checked against plain Java sorting the same generated rows, with Spark's orders:
 * nulls last descending and first ascending by default, NaN above every other double, ties on
 * the first key decided by the later ones.
 */
@Timeout(120)
class TopNScanBoundTest {
    private static final int ROWS = 120_000; // 4 files of 30,000 rows, batches of 4,096
    private static final String[] NAMES = {"Åsa", "Ölund", "élan", "Zoë", "ßtraße", "Ünal", "abc", "Ñu"};
    @TempDir
    static Path dir;
    /** id, amount (nulls, NaN, many ties), dist, price, name, day. */
    private static final List<Object[]> ROWS_DATA = new ArrayList<>();
    private final EmberSession spark = TestSession.get();

    @BeforeAll
    static void data() {
        for (int i = 0; i < ROWS; i++) {
            long h = (i * 2654435761L) & 0xffffffffL;
            Double amount = i % 101 == 0 ? null : i % 997 == 0 ? Double.NaN : (double) (h % 40_000) / 100;
            double dist = (double) ((h >>> 7) % 1_000) / 10;
            BigDecimal price = i % 89 == 0 ? null : BigDecimal.valueOf((h >>> 3) % 10_000_000, 2);
            String name = NAMES[(int) (h % NAMES.length)] + (h % 1_000);
            ROWS_DATA.add(new Object[] {(long) i, amount, dist, price, name, (int) (h % 31)});
        }
    }

    @AfterEach
    void restore() {
        spark.conf().unset("ember.sql.optimizer.runtimeFilter.enabled");
    }

    private DataFrame trips() {
        Path file = dir.resolve("trips.parquet");
        if (!Files.exists(file)) {
            List<Row> rows = new ArrayList<>();
            for (Object[] r : ROWS_DATA) {
                rows.add(RowFactory.create(r));
            }
            spark.createDataFrame(rows, StructType.fromDDL(
                            "id BIGINT, amount DOUBLE, dist DOUBLE, price DECIMAL(12,2), name STRING, day INT"))
                    .repartition(4).write().parquet(file.toString());
        }
        return spark.read().parquet(file.toString());
    }

    /** Spark's order of one key: {@code ascending}, nulls first or last, NaN above every double. */
    private static <T extends Comparable<T>> Comparator<Object[]> key(int column, boolean ascending, boolean nullsFirst) {
        Comparator<T> values = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<T> withNulls = nullsFirst ? Comparator.nullsFirst(values) : Comparator.nullsLast(values);
        @SuppressWarnings("unchecked")
        Function<Object[], T> get = r -> (T) r[column];
        return Comparator.comparing(get, withNulls);
    }

    private static List<List<Object>> expected(Predicate<Object[]> where, Comparator<Object[]> order, int n) {
        return ROWS_DATA.stream().filter(where).sorted(order).limit(n).map(r -> List.of(r[0])).toList();
    }

    private static List<List<Object>> ids(DataFrame df) {
        return df.collectAsList().stream().map(r -> List.<Object>of(r.getLong(0))).toList();
    }

    private static void assertBoundInScan(DataFrame q, String key) {
        String plan = q.explainString(false);
        assertTrue(plan.contains("TopNBound: [" + key), "the scan takes the top-N's cutoff:\n" + plan);
    }

    @Test
    void descendingDoubleWithNullsNaNAndTies_isThePlainJavaCut_andTheScanDropsMostRows() {
        ParquetMetrics metrics = ParquetMetrics.of(spark.context());
        for (int n : new int[] {1, 10, 100, 5_000}) {
            DataFrame q = trips().orderBy(col("amount").desc(), col("dist").asc(), col("id").asc()).limit(n).select("id");
            assertBoundInScan(q, "amount#");
            metrics.reset();
            assertEquals(expected(r -> true, TopNScanBoundTest.<Double>key(1, false, false)
                    .thenComparing(key(2, true, true)).thenComparing(key(0, true, true)), n), ids(q), "n=" + n);
            if (n == 100) {
                assertTrue(metrics.rowsFilteredLate() > ROWS / 2,
                        "rows dropped by the cutoff before their other columns: " + metrics.rowsFilteredLate());
            }
        }
    }

    @Test
    void ascendingNullsFirst_theCutoffIsNull() {
        // More null amounts than the limit: the cutoff is null itself, and only null rows pass it.
        DataFrame q = trips().orderBy(col("amount").asc(), col("id").desc()).limit(300).select("id");
        assertBoundInScan(q, "amount#");
        assertEquals(expected(r -> true, TopNScanBoundTest.<Double>key(1, true, true)
                .thenComparing(key(0, false, false)), 300), ids(q));
    }

    @Test
    void decimalStringAndIntKeys() {
        DataFrame byPrice = trips().orderBy(col("price").desc_nulls_first(), col("id")).limit(200).select("id");
        assertBoundInScan(byPrice, "price#");
        assertEquals(expected(r -> true, TopNScanBoundTest.<BigDecimal>key(3, false, true)
                .thenComparing(key(0, true, true)), 200), ids(byPrice));

        DataFrame byName = trips().orderBy(col("name").asc_nulls_last(), col("id").desc()).limit(50).select("id");
        assertBoundInScan(byName, "name#");
        // Spark orders strings by their UTF-8 bytes, which for these names is code point order.
        assertEquals(expected(r -> true, Comparator.comparing((Object[] r) -> ((String) r[4]).codePoints().toArray(),
                java.util.Arrays::compare).thenComparing(key(0, false, false)), 50), ids(byName));

        DataFrame byDay = trips().orderBy(col("day").desc(), col("id").asc()).limit(7).select("id");
        assertBoundInScan(byDay, "day#");
        assertEquals(expected(r -> true, TopNScanBoundTest.<Integer>key(5, false, false)
                .thenComparing(key(0, true, true)), 7), ids(byDay));
    }

    @Test
    void throughAProjectionAFilterAndABroadcastJoinsStreamSide() {
        DataFrame doubled = trips().filter(col("day").gt(3))
                .select(col("id"), col("amount").multiply(2).as("twice"), col("dist"))
                .orderBy(col("twice").desc(), col("id")).limit(40).select("id");
        assertBoundInScan(doubled, "(amount#");
        assertEquals(expected(r -> (Integer) r[5] > 3, TopNScanBoundTest.<Double>key(1, false, false)
                .thenComparing(key(0, true, true)), 40), ids(doubled));

        List<Row> days = new ArrayList<>();
        for (int d = 0; d < 31; d += 2) {
            days.add(RowFactory.create(d, "even" + d));
        }
        DataFrame evenDays = Functions.broadcast(spark.createDataFrame(days, StructType.fromDDL("d INT, label STRING")));
        for (String how : new String[] {"inner", "left_outer", "left_semi", "left_anti"}) {
            DataFrame joined = trips().join(evenDays, col("day").equalTo(col("d")), how)
                    .orderBy(col("amount").desc(), col("id")).limit(25).select("id");
            assertBoundInScan(joined, "amount#");
            Predicate<Object[]> where = switch (how) {
                case "inner", "left_semi" -> r -> (Integer) r[5] % 2 == 0;
                case "left_anti" -> r -> (Integer) r[5] % 2 != 0;
                default -> r -> true;
            };
            assertEquals(expected(where, TopNScanBoundTest.<Double>key(1, false, false)
                    .thenComparing(key(0, true, true)), 25), ids(joined), how);
        }
    }

    @Test
    void noBound_whereRowsDoNotReachTheTopNAsRead_orWhenTurnedOff() {
        DataFrame overAggregate = trips().groupBy(col("day")).agg(Functions.max(col("dist")).as("m"))
                .orderBy(col("m").desc(), col("day")).limit(3);
        assertFalse(overAggregate.explainString(false).contains("TopNBound"), overAggregate.explainString(false));

        DataFrame random = trips().orderBy(Functions.rand(7)).limit(3);
        assertFalse(random.explainString(false).contains("TopNBound"), random.explainString(false));

        spark.conf().set("ember.sql.optimizer.runtimeFilter.enabled", "false");
        DataFrame off = trips().orderBy(col("amount").desc(), col("id")).limit(30).select("id");
        assertFalse(off.explainString(false).contains("TopNBound"), off.explainString(false));
        assertEquals(expected(r -> true, TopNScanBoundTest.<Double>key(1, false, false)
                .thenComparing(key(0, true, true)), 30), ids(off));
    }
}
