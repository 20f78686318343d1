package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import io.ember.dataframe.Row;
import io.ember.dataframe.types.StructType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code INTERSECT [ALL]} and {@code EXCEPT [ALL]} in SQL and as {@code intersect},
 * {@code intersectAll}, {@code except} and {@code exceptAll} on DataFrames, over bags with
 * duplicates and NULLs, and empty inputs. Expected multiplicities are counted by hand:
 *
 * <pre>
 * row          | left | right | INTERSECT ALL min | EXCEPT ALL max(l - r, 0)
 * (1, 'a')     |  3   |   2   |        2          |      1
 * (2, NULL)    |  2   |   3   |        2          |      0
 * (NULL, NULL) |  1   |   1   |        1          |      0
 * (3, 'c')     |  1   |   0   |        0          |      1
 * (4, 'd')     |  0   |   1   |        0          |      0
 * </pre>
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SetOperationsAllTest {
    private static EmberSession spark;
    private static DataFrame left;
    private static DataFrame right;
    private static DataFrame empty;

    @BeforeAll
    static void views() {
        spark = SqlTestSession.get();
        StructType schema = StructType.fromDDL("x INT, s STRING");
        left = spark.createDataFrame(List.of(Row.of(1, "a"), Row.of(2, null), Row.of(1, "a"), Row.of(null, null),
                Row.of(3, "c"), Row.of(1, "a"), Row.of(2, null)), schema);
        right = spark.createDataFrame(List.of(Row.of(2, null), Row.of(1, "a"), Row.of(4, "d"), Row.of(2, null),
                Row.of(null, null), Row.of(1, "a"), Row.of(2, null)), StructType.fromDDL("x BIGINT, s STRING"));
        empty = left.limit(0);
        left.createOrReplaceTempView("bag_l");
        right.createOrReplaceTempView("bag_r");
        empty.createOrReplaceTempView("bag_empty");
    }

    /** The rows sorted (nulls first), so that results compare whatever order the engine returns. */
    private static List<List<Object>> sorted(DataFrame df) {
        List<List<Object>> out = new ArrayList<>(rows(df));
        Comparator<Object> nullsFirst = Comparator.nullsFirst(Comparator.comparing(Objects::toString));
        out.sort((a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = nullsFirst.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return out;
    }

    private static List<List<Object>> sql(String query) {
        return sorted(spark.sql(query));
    }

    @Test
    void intersectAll_keepsTheSmallerCount() {
        List<List<Object>> expected = table(row(null, null), row(1L, "a"), row(1L, "a"), row(2L, null), row(2L, null));
        assertEquals(expected, sql("SELECT * FROM bag_l INTERSECT ALL SELECT * FROM bag_r"));
        assertEquals(expected, sorted(left.intersectAll(right)));
    }

    @Test
    void exceptAll_keepsTheSurplus() {
        List<List<Object>> expected = table(row(1L, "a"), row(3L, "c"));
        assertEquals(expected, sql("SELECT * FROM bag_l EXCEPT ALL SELECT * FROM bag_r"));
        assertEquals(expected, sorted(left.exceptAll(right)));
        assertEquals(table(row(2L, null), row(4L, "d")), sql("SELECT * FROM bag_r EXCEPT ALL SELECT * FROM bag_l"));
    }

    @Test
    void intersectAndExcept_distinct_nullsEqual() {
        List<List<Object>> both = table(row(null, null), row(1L, "a"), row(2L, null));
        assertEquals(both, sql("SELECT * FROM bag_l INTERSECT SELECT * FROM bag_r"));
        assertEquals(both, sorted(left.intersect(right)));
        assertEquals(table(row(3L, "c")), sql("SELECT * FROM bag_l EXCEPT SELECT * FROM bag_r"));
        assertEquals(table(row(3L, "c")), sorted(left.except(right)));
    }

    @Test
    void emptyInputs() {
        assertEquals(List.of(), sql("SELECT * FROM bag_l INTERSECT ALL SELECT * FROM bag_empty"));
        assertEquals(List.of(), sql("SELECT * FROM bag_empty EXCEPT ALL SELECT * FROM bag_l"));
        assertEquals(sorted(left), sql("SELECT * FROM bag_l EXCEPT ALL SELECT * FROM bag_empty"));
        assertEquals(sorted(left), sorted(left.exceptAll(empty)));
        assertEquals(List.of(), sorted(empty.intersect(left)));
    }

    @Test
    void selfIntersectAll_isTheInput() {
        assertEquals(sorted(left), sorted(left.intersectAll(left)));
        assertEquals(List.of(), sql("SELECT * FROM bag_l EXCEPT ALL SELECT * FROM bag_l"));
    }

    @Test
    void columnCountMismatch_isNamed() {
        AnalysisException e = assertThrows(AnalysisException.class, () -> left.intersectAll(left.select("x")));
        assertTrue(e.getMessage().startsWith("[NUM_COLUMNS_MISMATCH] INTERSECT ALL can only be performed on inputs "
                + "with the same number of columns"), e.getMessage());
    }
}
