package io.ember.dataframe;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.io.ParquetMetrics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.parquet.column.Encoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filters over Parquet scans, which the scan evaluates itself (late materialization: the filter's
 * columns first, the others only for the rows that pass). Files are written by parquet-mr in
 * plain and dictionary pages ({@link EncodedParquetFiles}, nulls on and across page boundaries,
 * several row groups), read in batches of 300; each filter's result is compared value by value
 * with the rows the same condition keeps in plain Java over {@link ParquetTestColumns}' values.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParquetLateFilterTest {
    private static final int ROWS = 2_500;
    private static final int GROUP_ROWS = 1_024;

    private final EmberSession spark = TestSession.get();

    @TempDir
    Path dir;

    @BeforeEach
    void smallBatches() {
        spark.conf().set("ember.sql.columnBatchSize", 300);
    }

    @AfterEach
    void defaultBatches() {
        spark.conf().unset("ember.sql.columnBatchSize");
    }

    /** The value Ember should return for column {@code name} of row {@code i}. */
    private static Object value(String name, int i) {
        return ParquetTestColumns.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow()
                .expected().apply(i);
    }

    private static int small(int i) {
        return (i % 500) - 250;
    }

    /** SQL's length: characters, so an emoji counts once. */
    private static int characters(String s) {
        return s.codePointCount(0, s.length());
    }

    static Stream<Arguments> filters() {
        IntPredicate present = i -> !ParquetTestColumns.isNull(i);
        List<Arguments> filters = List.of(
                Arguments.of("none", "small > 1000", (IntPredicate) i -> false),
                Arguments.of("all", "small IS NULL OR small >= -250", (IntPredicate) i -> true),
                Arguments.of("sparse", "small = 17", present.and(i -> small(i) == 17)),
                Arguments.of("dense", "small <> 17", present.and(i -> small(i) != 17)),
                Arguments.of("nulls only", "s IS NULL", present.negate()),
                Arguments.of("runs", "small BETWEEN -10 AND 60", present.and(i -> small(i) >= -10 && small(i) <= 60)),
                Arguments.of("multi-byte strings", "s LIKE '日本語%' OR s = 'héllo'",
                        present.and(i -> ParquetTestColumns.word(i).startsWith("日本語")
                                || ParquetTestColumns.word(i).equals("héllo"))),
                Arguments.of("decimals", "dec18 < 0 AND bdec25 > 1000",
                        present.and(i -> ((BigDecimal) value("dec18", i)).signum() < 0
                                && ((BigDecimal) value("bdec25", i)).compareTo(BigDecimal.valueOf(1000)) > 0)),
                Arguments.of("two columns", "small % 3 = 0 AND length(s) > 20",
                        present.and(i -> small(i) % 3 == 0 && characters(ParquetTestColumns.word(i)) > 20)),
                // Stages: each conjunct reads its column only for the rows the ones before it kept.
                Arguments.of("three stages", "small BETWEEN -100 AND 100 AND length(s) > 3 AND dec18 < 0",
                        present.and(i -> small(i) >= -100 && small(i) <= 100
                                && characters(ParquetTestColumns.word(i)) > 3
                                && ((BigDecimal) value("dec18", i)).signum() < 0)),
                Arguments.of("first stage keeps all present, second none", "small >= -250 AND length(s) > 1000",
                        (IntPredicate) i -> false));
        return Stream.of(Encoding.PLAIN, Encoding.PLAIN_DICTIONARY).flatMap(e -> filters.stream()
                .map(f -> Arguments.of(e, f.get()[0], f.get()[1], f.get()[2])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("filters")
    void filter_keepsTheRowsPlainJavaKeeps(Encoding encoding, String name, String condition, IntPredicate keep)
            throws Exception {
        List<ParquetTestColumns.Col> cols = ParquetTestColumns.all(INT32, INT64, DOUBLE, BINARY, FIXED_LEN_BYTE_ARRAY);
        Path file = dir.resolve(encoding + ".parquet");
        EncodedParquetFiles.write(file, cols, encoding, false, ROWS, GROUP_ROWS);
        ParquetEncodingAssertions.assertEncoding(file, "s", encoding);
        String[] names = cols.stream().map(ParquetTestColumns.Col::name).toArray(String[]::new);
        List<Row> read = spark.read().parquet(file.toString()).filter(condition)
                .select(names[0], java.util.Arrays.copyOfRange(names, 1, names.length)).collectAsList();
        int[] expected = IntStream.range(0, ROWS).filter(keep).toArray();
        assertEquals(expected.length, read.size(), condition);
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < cols.size(); c++) {
                Object want = cols.get(c).expected().apply(expected[r]);
                Object got = ParquetTestColumns.actual(read.get(r), c);
                if (!Objects.equals(want, got)) {
                    throw new AssertionError(condition + ": row " + expected[r] + ", column " + names[c] + ": expected <"
                            + want + "> but was <" + got + ">");
                }
            }
        }
    }

    @Test
    void explain_showsTheScansCondition_andNoFilter() throws Exception {
        Path file = dir.resolve("plain.parquet");
        EncodedParquetFiles.write(file, ParquetTestColumns.all(INT32, BINARY), Encoding.PLAIN, false, ROWS, GROUP_ROWS);
        String plan = spark.read().parquet(file.toString()).filter("small = 17 AND s IS NOT NULL").select("s")
                .explainString("simple");
        assertTrue(plan.matches("(?s).*FileScan parquet .*LateFilters: \\[\\(small#\\d+ = 17\\), isnotnull\\(s#\\d+\\)\\].*"),
                plan);
        assertFalse(plan.lines().anyMatch(l -> l.contains("Filter (")), plan);
    }

    @Test
    void lateMaterializationOff_keepsTheFilterAboveTheScan() throws Exception {
        Path file = dir.resolve("plain.parquet");
        EncodedParquetFiles.write(file, ParquetTestColumns.all(INT32), Encoding.PLAIN, false, ROWS, GROUP_ROWS);
        spark.conf().set("ember.sql.parquet.lateMaterialization.enabled", "false");
        try {
            DataFrame df = spark.read().parquet(file.toString()).filter("small = 17");
            String plan = df.explainString("simple");
            assertTrue(plan.contains("Filter (small#"), plan);
            assertFalse(plan.contains("LateFilters"), plan);
            assertEquals(IntStream.range(0, ROWS).filter(i -> !ParquetTestColumns.isNull(i) && small(i) == 17).count(),
                    df.count());
        } finally {
            spark.conf().unset("ember.sql.parquet.lateMaterialization.enabled");
        }
    }

    @Test
    void conditionAfterNonDeterministicConjunct_staysInAFilter() throws Exception {
        Path file = dir.resolve("plain.parquet");
        EncodedParquetFiles.write(file, ParquetTestColumns.all(INT32), Encoding.PLAIN, false, ROWS, GROUP_ROWS);
        DataFrame df = spark.read().parquet(file.toString()).filter("small > 0 AND rand(7) < 2 AND i IS NOT NULL");
        String plan = df.explainString("simple");
        assertTrue(plan.matches("(?s).*Filter \\(\\(rand\\(7\\) < .*isnotnull\\(i#\\d+\\)\\).*LateFilters: \\[\\(small#\\d+ > 0\\)\\].*"),
                plan);
        assertEquals(IntStream.range(0, ROWS).filter(i -> !ParquetTestColumns.isNull(i) && small(i) > 0).count(),
                df.count());
    }

    @Test
    void rowsTheConditionRejects_areCounted() throws Exception {
        Path file = dir.resolve("plain.parquet");
        EncodedParquetFiles.write(file, ParquetTestColumns.all(INT32, BINARY), Encoding.PLAIN, false, ROWS, GROUP_ROWS);
        ParquetMetrics metrics = ParquetMetrics.of(spark.context());
        metrics.reset();
        long kept = spark.read().parquet(file.toString()).filter("small = 17").select("s").count();
        assertEquals(IntStream.range(0, ROWS).filter(i -> !ParquetTestColumns.isNull(i) && small(i) == 17).count(), kept);
        assertEquals(ROWS - kept, metrics.rowsFilteredLate());
    }

    @Test
    void nestedAndPartitionColumns_areSelectedWithTheRows() {
        Path out = dir.resolve("nested");
        spark.range(0, 5_000).selectExpr("id", "array(id, id * 2) AS pair", "CAST(id % 3 AS INT) AS part")
                .write().partitionBy("part").parquet(out.toString());
        List<Row> rows = spark.read().parquet(out.toString()).filter("id % 10 = 3 AND part = 1")
                .select("id", "pair", "part").orderBy("id").collectAsList();
        List<Long> expected = new ArrayList<>();
        for (long id = 0; id < 5_000; id++) {
            if (id % 10 == 3 && id % 3 == 1) {
                expected.add(id);
            }
        }
        assertEquals(expected.size(), rows.size());
        for (int r = 0; r < rows.size(); r++) {
            long id = expected.get(r);
            assertEquals(id, rows.get(r).getLong(0));
            assertEquals(List.of(id, id * 2), rows.get(r).getList(1));
            assertEquals(1, rows.get(r).getInt(2));
        }
    }
}
