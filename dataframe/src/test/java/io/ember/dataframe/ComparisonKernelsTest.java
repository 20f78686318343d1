package io.ember.dataframe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.dataframe.internal.sql.SqlTestSession;
import io.ember.dataframe.types.StructType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Comparisons of whole-number columns (int, bigint, date, decimal) with each other and with a
 * constant, every operator, nulls included, against the same predicate in plain Java.
 */
class ComparisonKernelsTest {
    private static final String[] OPS = {"=", "<>", "<", "<=", ">", ">="};
    private static EmberSession spark;
    private static DataFrame df;
    private static final List<Object[]> ROWS = new ArrayList<>();

    @BeforeAll
    static void data() {
        spark = SqlTestSession.get();
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int id = 0; id < 2_000; id++) {
            Integer i = random.nextInt(10) == 0 ? null : random.nextInt(9) - 4;
            Long l = random.nextInt(10) == 0 ? null : (long) random.nextInt(9) - 4;
            LocalDate d = random.nextInt(10) == 0 ? null : LocalDate.of(1995, 1, 1).plusDays(random.nextInt(9) - 4);
            BigDecimal m = random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextInt(9) - 4, 2);
            Integer j = random.nextInt(10) == 0 ? null : random.nextInt(9) - 4;
            ROWS.add(new Object[] {id, i, l, d, m, j});
            rows.add(RowFactory.create(id, i, l, d, m, j));
        }
        df = spark.createDataFrame(rows, StructType.fromDDL("id INT, i INT, l BIGINT, d DATE, m DECIMAL(15,2), j INT"))
                .repartition(3);
    }

    private static <T extends Comparable<T>> BiPredicate<T, T> predicate(String op) {
        return switch (op) {
            case "=" -> (a, b) -> a.compareTo(b) == 0;
            case "<>" -> (a, b) -> a.compareTo(b) != 0;
            case "<" -> (a, b) -> a.compareTo(b) < 0;
            case "<=" -> (a, b) -> a.compareTo(b) <= 0;
            case ">" -> (a, b) -> a.compareTo(b) > 0;
            default -> (a, b) -> a.compareTo(b) >= 0;
        };
    }

    private static List<Integer> ids(String condition) {
        return df.where(condition).select("id").collectAsList().stream().map(r -> r.getInt(0)).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static <T extends Comparable<T>> List<Integer> expected(int column, T constant, String op) {
        BiPredicate<T, T> p = predicate(op);
        return IntStream.range(0, ROWS.size()).filter(k -> ROWS.get(k)[column] != null
                && p.test((T) ROWS.get(k)[column], constant)).boxed().toList();
    }

    @Test
    void columnAgainstAConstant_everyOperatorAndLayout() {
        for (String op : OPS) {
            assertEquals(expected(1, 1, op), ids("i " + op + " 1"), "int " + op);
            assertEquals(expected(2, -2L, op), ids("l " + op + " -2"), "bigint " + op);
            assertEquals(expected(3, LocalDate.of(1995, 1, 2), op), ids("d " + op + " DATE '1995-01-02'"), "date " + op);
            assertEquals(expected(4, new BigDecimal("0.01"), op), ids("m " + op + " 0.01"), "decimal " + op);
        }
    }

    @Test
    void aConstantOnTheLeft_isTheOperatorFlipped() {
        String[] flipped = {"=", "<>", ">", ">=", "<", "<="};
        for (int k = 0; k < OPS.length; k++) {
            assertEquals(expected(1, 1, flipped[k]), ids("1 " + OPS[k] + " i"), "int " + OPS[k]);
            assertEquals(expected(4, new BigDecimal("0.01"), flipped[k]), ids("0.01 " + OPS[k] + " m"),
                    "decimal " + OPS[k]);
        }
    }

    @Test
    void columnAgainstAColumn_everyOperator() {
        for (String op : OPS) {
            BiPredicate<Integer, Integer> p = predicate(op);
            List<Integer> expected = IntStream.range(0, ROWS.size()).filter(k -> ROWS.get(k)[1] != null
                    && ROWS.get(k)[5] != null && p.test((Integer) ROWS.get(k)[1], (Integer) ROWS.get(k)[5])).boxed().toList();
            assertEquals(expected, ids("i " + op + " j"), "int " + op);
        }
    }

    @Test
    void conjunctionsAndDisjunctionsOfComparisons_withNulls() {
        List<Integer> and = IntStream.range(0, ROWS.size()).filter(k -> ROWS.get(k)[1] != null && ROWS.get(k)[2] != null
                && (Integer) ROWS.get(k)[1] > 0 && (Long) ROWS.get(k)[2] < 0).boxed().toList();
        assertEquals(and, ids("i > 0 AND l < 0"));
        // NULL OR true is true; NULL OR false is NULL (not kept).
        List<Integer> or = IntStream.range(0, ROWS.size()).filter(k -> (ROWS.get(k)[1] != null && (Integer) ROWS.get(k)[1] > 0)
                || (ROWS.get(k)[2] != null && (Long) ROWS.get(k)[2] < 0)).boxed().toList();
        assertEquals(or, ids("i > 0 OR l < 0"));
        List<Integer> noNulls = IntStream.range(0, ROWS.size()).filter(k -> (Integer) ROWS.get(k)[0] < 100
                || (Integer) ROWS.get(k)[0] >= 1_900).boxed().toList();
        assertEquals(noNulls, ids("id < 100 OR id >= 1900"));
    }
}
