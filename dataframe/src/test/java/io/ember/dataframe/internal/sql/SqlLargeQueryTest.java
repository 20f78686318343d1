package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ember.dataframe.EmberSession;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Queries of a size generated SQL reaches: an {@code IN} list of hundreds of values, a
 * {@code FROM (...)} holding many parenthesised {@code UNION} operands, deeply nested
 * parentheses. Expected results are computed in plain Java from the same numbers.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SqlLargeQueryTest {
    private static EmberSession spark;

    @BeforeAll
    static void views() {
        spark = SqlTestSession.get();
        spark.range(0, 1000).createOrReplaceTempView("numbers");
    }

    @Test
    void inListOfHundredsOfValues() {
        List<Integer> values = IntStream.range(0, 600).map(i -> i * 3 + 1).boxed().collect(Collectors.toList());
        String list = values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        long expected = values.stream().filter(v -> v < 1000).count();
        assertEquals(table(row(expected)), rows(spark.sql("SELECT count(*) FROM numbers WHERE id IN (" + list + ")")));
        assertEquals(table(row(1000 - expected)),
                rows(spark.sql("SELECT count(*) FROM numbers WHERE id NOT IN (" + list + ")")));
        String strings = values.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
        assertEquals(table(row(expected)),
                rows(spark.sql("SELECT count(*) FROM numbers WHERE CAST(id AS STRING) IN (" + strings + ")")));
    }

    @Test
    void manyParenthesisedUnionOperandsInFrom() {
        int operands = 40;
        String union = IntStream.range(0, operands)
                .mapToObj(i -> "(SELECT id % 7 AS k, CASE WHEN (id > " + i + " AND (id < 900 OR id IN (1, 2))) THEN "
                        + "(id * (" + i + " + 1)) ELSE coalesce(NULL, (id - 1)) END AS v FROM numbers WHERE (id BETWEEN "
                        + i + " AND " + (i + 10) + "))")
                .collect(Collectors.joining("\nUNION ALL\n"));
        long expectedRows = 0;
        long expectedSum = 0;
        for (int i = 0; i < operands; i++) {
            for (long id = i; id <= i + 10; id++) {
                expectedRows++;
                expectedSum += (id > i && (id < 900 || id == 1 || id == 2)) ? id * (i + 1) : id - 1;
            }
        }
        assertEquals(table(row(expectedRows, expectedSum)),
                rows(spark.sql("SELECT count(*), sum(v) FROM (" + union + ") u")));
    }

    @Test
    void deeplyNestedParentheses() {
        StringBuilder e = new StringBuilder("id");
        long expected = 5;
        for (int i = 0; i < 40; i++) {
            e.insert(0, "(").append(" + ").append(i).append(")");
            expected += i;
        }
        assertEquals(table(row(expected)), rows(spark.sql("SELECT " + e + " FROM numbers WHERE id = 5")));
    }
}
