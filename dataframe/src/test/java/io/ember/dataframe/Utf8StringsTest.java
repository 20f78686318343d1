package io.ember.dataframe;

import static io.ember.dataframe.Functions.*;
import static org.junit.jupiter.api.Assertions.*;

import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Strings with multi-byte characters (2-, 3- and 4-byte UTF-8, characters that change length
 * when upper-cased) through the string functions, comparisons, sorting, grouping and joins.
 * Expected values are written out by hand or computed with plain Java over code points.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Utf8StringsTest {
    private static final String[] WORDS = {"straße", "中文字符", "a😀b😀c", "Émile", "", null};

    private final EmberSession spark = TestSession.get();

    private DataFrame words() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < WORDS.length; i++) {
            rows.add(RowFactory.create(i, WORDS[i]));
        }
        return spark.createDataFrame(rows, StructType.fromDDL("id INT, s STRING"));
    }

    private List<Object> column(DataFrame df) {
        List<Object> out = new ArrayList<>();
        for (Row r : df.orderBy("id").collectAsList()) {
            out.add(r.get(1));
        }
        return out;
    }

    private List<Object> apply(Column c) {
        return column(words().select(col("id"), c));
    }

    @Test
    void caseMapping_multiByte() {
        assertEquals(Arrays.asList("STRASSE", "中文字符", "A😀B😀C", "ÉMILE", "", null), apply(upper(col("s"))));
        assertEquals(Arrays.asList("straße", "中文字符", "a😀b😀c", "émile", "", null), apply(lower(col("s"))));
    }

    @Test
    void lengthAndSubstring_countCodePoints() {
        assertEquals(Arrays.asList(6, 4, 5, 5, 0, null), apply(length(col("s"))));
        assertEquals(Arrays.asList("tra", "文字符", "😀b😀", "mil", "", null), apply(substring(col("s"), 2, 3)));
        assertEquals(Arrays.asList("ße", "字符", "😀c", "le", "", null), apply(substring(col("s"), -2, 2)));
        assertEquals(Arrays.asList("straße", "中文字符", "a😀b😀c", "Émile", "", null),
                apply(substring(col("s"), 0, 100)));
        assertEquals(Arrays.asList("st", "", "a", "É", "", null), apply(substring(col("s"), -9, 5)));
    }

    @Test
    void concatAndTrim_keepBytes() {
        assertEquals(Arrays.asList("«straße»", "«中文字符»", "«a😀b😀c»", "«Émile»", "«»", null),
                apply(concat(lit("«"), col("s"), lit("»"))));
        assertEquals(Arrays.asList("straße", "中文字符", "a😀b😀c", "Émile", "", null),
                apply(trim(concat(lit("  "), col("s"), lit(" ")))));
    }

    @Test
    void likeAndSearch_onMultiByte() {
        assertEquals(Arrays.asList(false, false, true, false, false, null), apply(col("s").like("%😀_😀%")));
        assertEquals(Arrays.asList(false, true, false, false, false, null), apply(col("s").like("中%符")));
        assertEquals(Arrays.asList(true, false, false, false, false, null), apply(col("s").like("%ß%")));
        assertEquals(Arrays.asList(false, false, true, false, false, null), apply(col("s").like("a😀%😀c")));
        assertEquals(Arrays.asList(false, false, false, true, false, null), apply(col("s").like("_mile")));
        assertEquals(Arrays.asList(false, false, false, false, true, null), apply(col("s").like("")));
        assertEquals(Arrays.asList(true, true, true, true, true, null), apply(col("s").like("%")));
        assertEquals(Arrays.asList(false, false, true, false, false, null), apply(col("s").contains("😀b")));
        assertEquals(Arrays.asList(false, false, false, true, false, null), apply(col("s").startsWith("É")));
        assertEquals(Arrays.asList(false, true, false, false, false, null), apply(col("s").endsWith("字符")));
    }

    @Test
    void comparisonAndSort_followCodePointOrder() {
        // UTF-16 would put the emoji (a surrogate pair, D83D...) before U+E000 and the fullwidth z.
        List<String> values = List.of("\uE000", "😀", "ｚ", "z", "é", "e");
        List<Row> rows = new ArrayList<>();
        for (String v : values) {
            rows.add(RowFactory.create(v));
        }
        DataFrame df = spark.createDataFrame(rows, StructType.fromDDL("s STRING")).repartition(3);
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Utf8StringsTest::codePointOrder);
        assertEquals(List.of("e", "z", "é", "\uE000", "ｚ", "😀"), sorted);
        assertEquals(sorted, strings(df.orderBy(col("s"))));
        assertEquals(List.of("ｚ", "😀"), strings(df.filter(col("s").gt(lit("\uE000"))).orderBy(col("s"))));
        assertEquals(List.of("😀"), strings(df.filter(col("s").equalTo(lit("😀")))));
    }

    @Test
    void sortGroupAndJoin_manyMultiByteKeys() {
        Random random = new Random(12);
        String[] alphabet = {"a", "b", "é", "ß", "中", "文", "😀", "\uE000", "ｚ"};
        List<String> keys = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(4); k >= 0; k--) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            keys.add(sb.toString());
            rows.add(RowFactory.create(sb.toString(), i));
        }
        DataFrame df = spark.createDataFrame(rows, StructType.fromDDL("k STRING, v INT")).repartition(3);

        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(Utf8StringsTest::codePointOrder);
        assertEquals(sorted, strings(df.orderBy(col("k")).select(col("k"))));

        Map<String, Long> counts = new TreeMap<>(Utf8StringsTest::codePointOrder);
        for (String k : keys) {
            counts.merge(k, 1L, Long::sum);
        }
        List<Row> grouped = df.groupBy("k").agg(count(lit(1)).alias("n"), min(col("k")), max(concat(col("k"), lit("!"))))
                .orderBy(col("k")).collectAsList();
        assertEquals(counts.size(), grouped.size());
        int g = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            Row r = grouped.get(g++);
            assertEquals(e.getKey(), r.getString(0));
            assertEquals(e.getValue(), r.getLong(1));
            assertEquals(e.getKey(), r.getString(2));
            assertEquals(e.getKey() + "!", r.getString(3));
        }

        // The right side's keys are built by concat, the left's by the reader: the shuffle must
        // send equal strings to the same partition whatever built them.
        String before = spark.conf().get("ember.sql.autoBroadcastJoinThreshold");
        spark.conf().set("ember.sql.autoBroadcastJoinThreshold", "-1");
        try {
            DataFrame right = df.select(concat(substring(col("k"), 1, 1), substring(col("k"), 2, 10)).alias("k2"),
                    col("v").alias("w")).filter(col("w").lt(lit(300)));
            long joined = df.join(right, col("k").equalTo(col("k2"))).count();
            Map<String, Long> rightCounts = new HashMap<>();
            for (int i = 0; i < 300; i++) {
                rightCounts.merge(keys.get(i), 1L, Long::sum);
            }
            long expected = 0;
            for (String k : keys) {
                expected += rightCounts.getOrDefault(k, 0L);
            }
            assertEquals(expected, joined);
        } finally {
            spark.conf().set("ember.sql.autoBroadcastJoinThreshold", before);
        }
    }

    private static List<String> strings(DataFrame df) {
        List<String> out = new ArrayList<>();
        for (Row r : df.collectAsList()) {
            out.add(r.getString(0));
        }
        return out;
    }

    private static int codePointOrder(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
