package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.EmberSession;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** UNION [ALL], INTERSECT, EXCEPT, and ORDER BY / LIMIT over them. */
class SqlSetOperationsTest {
    private static EmberSession spark;

    @BeforeAll
    static void views() {
        spark = SqlFixtures.session();
    }

    private static List<List<Object>> sql(String query) {
        return rows(spark.sql(query));
    }

    @Test
    void unionAll_keepsDuplicates() {
        assertEquals(table(row("eng"), row("eng"), row("eng"), row("hr"), row("ops")),
                sql("SELECT dept FROM emp WHERE id <= 2 UNION ALL SELECT dept FROM dept ORDER BY dept"));
    }

    @Test
    void union_removesDuplicates() {
        assertEquals(table(row((Object) null), row("eng"), row("hr"), row("ops")),
                sql("SELECT dept FROM emp UNION SELECT dept FROM dept ORDER BY 1"));
    }

    @Test
    void union_ofThree_withLimit() {
        assertEquals(table(row(1), row(2)), sql("SELECT 1 AS x UNION ALL SELECT 3 UNION ALL SELECT 2 ORDER BY x LIMIT 2"));
    }

    @Test
    void union_widensTypes() {
        assertEquals(table(row(new BigDecimal("1.0")), row(new BigDecimal("2.5"))),
                sql("SELECT 1 AS x UNION ALL SELECT 2.5 ORDER BY x"));
    }

    @Test
    void intersectAndExcept() {
        assertEquals(table(row("eng"), row("ops")), sql("SELECT dept FROM emp INTERSECT SELECT dept FROM dept ORDER BY 1"));
        assertEquals(table(row("hr")), sql("SELECT dept FROM dept EXCEPT SELECT dept FROM emp"));
        assertEquals(table(row("hr")), sql("SELECT dept FROM dept MINUS SELECT dept FROM emp"));
        assertEquals(table(row((Object) null)), sql("SELECT dept FROM emp EXCEPT SELECT dept FROM dept"));
    }

    @Test
    void union_inSubqueryAndCte() {
        assertEquals(table(row(8L)),
                sql("WITH all_depts AS (SELECT dept FROM emp UNION ALL SELECT dept FROM dept) SELECT count(*) FROM all_depts"));
    }

    @Test
    void union_ofDifferentWidths_isAnError() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT id, name FROM emp UNION SELECT dept FROM dept"));
        assertTrue(e.getMessage().contains("[NUM_COLUMNS_MISMATCH]"), e.getMessage());
    }
}
