package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.internal.batch.ColumnVector;
import io.ember.dataframe.internal.io.parquet.ColumnChunkReader;
import io.ember.dataframe.types.DataTypes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strings of dictionary-encoded pages are read as vectors of dictionary entries (ids and the
 * dictionary's shared bytes), with nulls and selections; a chunk whose writer fell back from its
 * dictionary to plain pages mid-chunk is read as plain strings from the batch that meets the
 * first plain page; a GROUP BY over such columns, several row groups each with its own
 * dictionary, gives the counts and sums plain Java computes from the same rows; and conditions
 * on them, evaluated once per dictionary entry, keep the rows plain Java keeps, nulls included.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ParquetDictionaryStringsTest {
    private static final int ROWS = 6_000;
    private static final String[] FLAGS = {"A", "N", "R", "Ü", "日本"};

    @TempDir
    static Path dir;
    private static Path file;

    private final EmberSession spark = TestSession.get();

    /** The low-cardinality key of row {@code i}; null on every 11th row. */
    static String flag(int i) {
        return i % 11 == 5 ? null : FLAGS[(i * 7 + i / 13) % FLAGS.length];
    }

    static String status(int i) {
        return (i / 3) % 2 == 0 ? "O" : "F";
    }

    /**
     * Ten values repeated over the first rows, so the writer starts with a dictionary, then
     * distinct for every row, so the dictionary overflows and the writer falls back to plain pages.
     */
    static String unique(int i) {
        return i < 1_000 ? "repeated-" + i % 10 : "value-" + i + "-" + "x".repeat(i % 17);
    }

    @BeforeAll
    static void write() throws IOException {
        file = dir.resolve("dictionary-strings.parquet");
        MessageType schema = MessageTypeParser.parseMessageType("message m { optional binary flag (STRING); "
                + "required binary status (STRING); required binary unique (STRING); required int32 amount; }");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withConf(new PlainParquetConfiguration()).withDictionaryEncoding(true).withDictionaryPageSize(4_096)
                .withPageRowCountLimit(500).withRowGroupSize(64 * 1024L).build()) {
            for (int i = 0; i < ROWS; i++) {
                Group g = groups.newGroup();
                if (flag(i) != null) {
                    g.add("flag", flag(i));
                }
                g.add("status", status(i));
                g.add("unique", unique(i));
                g.add("amount", i % 100);
                w.write(g);
            }
        }
        assertTrue(ParquetEncodingAssertions.rowGroups(file) > 1, "several row groups, so several dictionaries");
        assertTrue(ParquetEncodingAssertions.encodings(file, "unique").contains(Encoding.PLAIN),
                "the unique column falls back to plain pages");
    }

    @Test
    void dictionaryPages_readAsDictionaryEntries_everyRowAndSelected() throws IOException {
        List<Boolean> dictionaryBatches = new ArrayList<>();
        forEachBatch("flag", 700, (first, every, selective) -> {
            dictionaryBatches.add(every.hasDictionary());
            assertTrue(every.hasDictionary(), "a batch of dictionary pages keeps the ids");
            for (int i = 0; i < every.size; i++) {
                assertEquals(flag(first + i), every.isNull(i) ? null : every.getString(i), "row " + (first + i));
            }
            int[] selected = java.util.stream.IntStream.range(0, every.size).filter(i -> i % 3 != 1).toArray();
            ColumnVector picked = selective.read(every.size, selected, selected.length);
            assertTrue(picked.hasDictionary(), "a selected read keeps the ids");
            for (int i = 0; i < selected.length; i++) {
                int row = first + selected[i];
                assertEquals(flag(row), picked.isNull(i) ? null : picked.getString(i), "selected row " + row);
            }
        });
        assertFalse(dictionaryBatches.isEmpty());
    }

    @Test
    void chunkFallingBackToPlainPages_readsEveryValue_copyingFromThePlainPageOn() throws IOException {
        List<Boolean> dictionaryBatches = new ArrayList<>();
        forEachBatch("unique", 350, (first, every, selective) -> {
            dictionaryBatches.add(every.hasDictionary());
            for (int i = 0; i < every.size; i++) {
                assertEquals(unique(first + i), every.getString(i), "row " + (first + i));
            }
            int[] selected = java.util.stream.IntStream.range(0, every.size).filter(i -> i % 4 == 0).toArray();
            ColumnVector picked = selective.read(every.size, selected, selected.length);
            for (int i = 0; i < selected.length; i++) {
                assertEquals(unique(first + selected[i]), picked.getString(i), "selected row " + (first + selected[i]));
            }
        });
        assertTrue(dictionaryBatches.contains(true), "the first batches are of dictionary pages");
        assertTrue(dictionaryBatches.contains(false), "the batches after the fallback are plain");
    }

    @Test
    void groupByDictionaryStrings_matchesPlainJava() {
        Map<String, long[]> expected = new TreeMap<>();
        for (int i = 0; i < ROWS; i++) {
            long[] countAndSum = expected.computeIfAbsent(flag(i) + "|" + status(i), k -> new long[2]);
            countAndSum[0]++;
            countAndSum[1] += i % 100;
        }
        spark.read().parquet(file.toString()).createOrReplaceTempView("dictionary_strings");
        List<Row> rows = spark.sql("SELECT flag, status, count(*) AS n, sum(amount) AS total "
                + "FROM dictionary_strings GROUP BY flag, status").collectAsList();
        Map<String, long[]> actual = new TreeMap<>();
        for (Row r : rows) {
            actual.put(r.get(0) + "|" + r.get(1), new long[] {r.getLong(2), r.getLong(3)});
        }
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertEquals(List.of(v[0], v[1]), List.of(actual.get(k)[0], actual.get(k)[1]), k));
    }

    /** A condition in SQL and the same condition on a row's flag in plain Java. */
    private record Condition(String sql, java.util.function.Predicate<String> onFlag) {
    }

    @Test
    void conditionsOnDictionaryStrings_keepTheRowsPlainJavaKeeps_inTheScanAndAboveIt() {
        List<Condition> conditions = List.of(
                new Condition("flag LIKE 'R%'", f -> f != null && f.startsWith("R")),
                new Condition("flag IN ('A', '日本')", f -> "A".equals(f) || "日本".equals(f)),
                new Condition("flag IS NULL", f -> f == null),
                new Condition("coalesce(flag, 'none') = 'none'", f -> f == null),
                new Condition("NOT (flag <> 'Ü')", "Ü"::equals),
                new Condition("upper(flag) = 'Ü' OR length(flag) = 2", f -> f != null && (f.equals("Ü") || f.length() == 2)),
                new Condition("flag IS NOT NULL AND substring(flag, 1, 1) > 'M'",
                        f -> f != null && f.substring(0, 1).compareTo("M") > 0));
        spark.read().parquet(file.toString()).createOrReplaceTempView("dictionary_strings");
        for (String late : List.of("true", "false")) {
            spark.conf().set("ember.sql.parquet.lateMaterialization.enabled", late);
            try {
                for (Condition c : conditions) {
                    List<Long> expected = new ArrayList<>();
                    for (int i = 0; i < ROWS; i++) {
                        if (c.onFlag().test(flag(i))) {
                            expected.add((long) i % 100);
                        }
                    }
                    long expectedSum = expected.stream().mapToLong(Long::longValue).sum();
                    Row r = spark.sql("SELECT count(*), sum(amount) FROM dictionary_strings WHERE " + c.sql())
                            .collectAsList().get(0);
                    assertEquals(List.of((long) expected.size(), expectedSum),
                            List.of(r.getLong(0), r.isNullAt(1) ? 0L : r.getLong(1)), c.sql() + ", late materialization " + late);
                }
            } finally {
                spark.conf().unset("ember.sql.parquet.lateMaterialization.enabled");
            }
        }
    }

    private interface BatchCheck {
        void check(int firstRow, ColumnVector every, ColumnChunkReader selective) throws IOException;
    }

    /** Reads {@code column} in batches of {@code batch} rows, each batch read in full by one reader, its rows of the other handed on. */
    private static void forEachBatch(String column, int batch, BatchCheck check) throws IOException {
        try (ParquetFileReader all = open(); ParquetFileReader some = open()) {
            ColumnDescriptor d = all.getFileMetaData().getSchema().getColumnDescription(new String[] {column});
            int first = 0;
            for (int group = 0; group < all.getRowGroups().size(); group++) {
                PageReadStore allPages = all.readRowGroup(group);
                PageReadStore somePages = some.readRowGroup(group);
                ColumnChunkReader full = ColumnChunkReader.open(d, allPages.getPageReader(d), DataTypes.StringType);
                ColumnChunkReader selective = ColumnChunkReader.open(d, somePages.getPageReader(d), DataTypes.StringType);
                long rows = allPages.getRowCount();
                for (long done = 0; done < rows; done += batch) {
                    int n = (int) Math.min(batch, rows - done);
                    check.check(first + (int) done, full.read(n), selective);
                }
                first += (int) rows;
            }
        }
    }

    private static ParquetFileReader open() throws IOException {
        return ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder(new PlainParquetConfiguration())
                .build());
    }
}
