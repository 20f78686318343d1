package io.ember.dataframe.internal.sql;

import static io.ember.dataframe.internal.sql.SqlFixtures.columns;
import static io.ember.dataframe.internal.sql.SqlFixtures.row;
import static io.ember.dataframe.internal.sql.SqlFixtures.rows;
import static io.ember.dataframe.internal.sql.SqlFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ember.dataframe.AnalysisException;
import io.ember.dataframe.DataFrame;
import io.ember.dataframe.EmberSession;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SELECT blocks: projections, WHERE, GROUP BY, HAVING, ORDER BY, LIMIT and DISTINCT, against hand-computed rows. */
class SqlSelectTest {
    private static EmberSession spark;

    @BeforeAll
    static void views() {
        spark = SqlFixtures.session();
    }

    private static List<List<Object>> sql(String query) {
        return rows(spark.sql(query));
    }

    @Test
    void select_expressionsAndAliases() {
        DataFrame df = spark.sql("SELECT name, salary * 2 AS double_pay, upper(name) FROM emp WHERE salary >= 80 ORDER BY id");
        assertEquals(List.of("name", "double_pay", "upper(name)"), columns(df));
        assertEquals(table(row("Ann", 200, "ANN"), row("Bob", 160, "BOB")), rows(df));
    }

    @Test
    void select_starAndQualifiedStar() {
        assertEquals(table(row(1, "Ann", "eng", 100, null)), sql("SELECT * FROM emp WHERE id = 1"));
        assertEquals(table(row(2, "Bob", "eng", 80, 1, 3)),
                sql("SELECT e.*, d.floor FROM emp e JOIN dept d ON e.dept = d.dept WHERE e.id = 2"));
        assertEquals(table(row("eng", 3, 2)), sql("SELECT d.*, e.id FROM emp AS e JOIN dept AS d ON e.dept = d.dept "
                + "WHERE e.id = 2"));
    }

    @Test
    void select_withoutFrom() {
        DataFrame df = spark.sql("SELECT 1 + 2 AS three, 'x', NULL IS NULL");
        assertEquals(table(row(3, "x", true)), rows(df));
    }

    @Test
    void keywordsAndNames_areCaseInsensitive() {
        assertEquals(table(row("ANN")), sql("select UPPER(NAME) from EMP where Id = 1"));
    }

    @Test
    void where_threeValuedLogic() {
        assertEquals(table(row(1), row(2), row(3)), sql("SELECT id FROM emp WHERE salary > 55 ORDER BY id"));
        assertEquals(table(row(5)), sql("SELECT id FROM emp WHERE NOT (salary > 55)"));
    }

    @Test
    void groupBy_name() {
        assertEquals(table(row(null, 1L, 50L), row("eng", 2L, 180L), row("ops", 2L, 60L)),
                sql("SELECT dept, count(*) AS n, sum(salary) AS total FROM emp GROUP BY dept ORDER BY dept"));
    }

    @Test
    void groupBy_position() {
        DataFrame df = spark.sql("SELECT dept, count(*) FROM emp GROUP BY 1 ORDER BY 1");
        assertEquals(List.of("dept", "count(1)"), columns(df));
        assertEquals(table(row(null, 1L), row("eng", 2L), row("ops", 2L)), rows(df));
    }

    @Test
    void groupBy_expression() {
        assertEquals(table(row(null, 1L), row(false, 2L), row(true, 2L)),
                sql("SELECT salary > 70 AS high, count(*) FROM emp GROUP BY salary > 70 ORDER BY high"));
        assertEquals(table(row(0, 2L), row(1, 3L)),
                sql("SELECT id % 2 AS parity, count(*) FROM emp GROUP BY id % 2 ORDER BY 1"));
    }

    @Test
    void groupBy_selectAlias() {
        assertEquals(table(row("ENG", 2L), row("OPS", 2L), row(null, 1L)),
                sql("SELECT upper(dept) AS d, count(*) FROM emp GROUP BY d ORDER BY d NULLS LAST"));
    }

    @Test
    void groupBy_expressionsOverGroupingColumns() {
        assertEquals(table(row("eng!", 181L), row("ops!", 61L)),
                sql("SELECT concat(dept, '!'), sum(salary) + 1 FROM emp WHERE dept IS NOT NULL GROUP BY dept ORDER BY 1"));
    }

    @Test
    void aggregate_withoutGroupBy() {
        assertEquals(table(row(5L, 4L, 72.5, 100, 50)),
                sql("SELECT count(*), count(salary), avg(salary), max(salary), min(salary) FROM emp"));
        assertEquals(table(row(2L)), sql("SELECT count(DISTINCT dept) FROM emp"));
    }

    @Test
    void having_onSelectAlias() {
        assertEquals(table(row("eng", 180L), row("ops", 60L)),
                sql("SELECT dept, sum(salary) AS total FROM emp GROUP BY dept HAVING total > 55 ORDER BY total DESC"));
    }

    @Test
    void having_onAggregatesNotSelected() {
        DataFrame df = spark.sql("SELECT dept FROM emp GROUP BY dept HAVING count(*) > 1 AND max(salary) > 70");
        assertEquals(List.of("dept"), columns(df));
        assertEquals(table(row("eng")), rows(df));
    }

    @Test
    void having_withoutGroupBy() {
        assertEquals(table(row(5L)), sql("SELECT count(*) FROM emp HAVING count(*) > 3"));
        assertEquals(table(), sql("SELECT count(*) FROM emp HAVING count(*) > 30"));
    }

    @Test
    void orderBy_directionsAndNulls() {
        assertEquals(table(row("Dee"), row("Eve"), row("Cid"), row("Bob"), row("Ann")),
                sql("SELECT name FROM emp ORDER BY salary"));
        assertEquals(table(row("Ann"), row("Bob"), row("Cid"), row("Eve"), row("Dee")),
                sql("SELECT name FROM emp ORDER BY salary DESC"));
        assertEquals(table(row("Dee"), row("Ann"), row("Bob"), row("Cid"), row("Eve")),
                sql("SELECT name FROM emp ORDER BY salary DESC NULLS FIRST"));
        assertEquals(table(row("Eve"), row("Cid"), row("Bob"), row("Ann"), row("Dee")),
                sql("SELECT name FROM emp ORDER BY salary ASC NULLS LAST"));
        assertEquals(table(row("eng", "Ann"), row("eng", "Bob"), row("ops", "Cid"), row("ops", "Dee"), row(null, "Eve")),
                sql("SELECT dept, name FROM emp ORDER BY dept ASC NULLS LAST, name"));
    }

    @Test
    void orderBy_positionAndAlias() {
        assertEquals(table(row("Eve", 5)), sql("SELECT name AS n, id FROM emp ORDER BY 2 DESC LIMIT 1"));
        assertEquals(table(row("Ann", 200)), sql("SELECT name, salary * 2 AS pay FROM emp ORDER BY pay DESC LIMIT 1"));
    }

    @Test
    void orderBy_columnNotSelected_isCarriedAndDropped() {
        DataFrame df = spark.sql("SELECT name FROM emp ORDER BY id DESC LIMIT 2");
        assertEquals(List.of("name"), columns(df));
        assertEquals(table(row("Eve"), row("Dee")), rows(df));
    }

    @Test
    void orderBy_aggregateNotSelected() {
        DataFrame df = spark.sql("SELECT dept FROM emp WHERE dept IS NOT NULL GROUP BY dept ORDER BY sum(salary) DESC");
        assertEquals(List.of("dept"), columns(df));
        assertEquals(table(row("eng"), row("ops")), rows(df));
        assertEquals(table(row("ops"), row("eng")),
                sql("SELECT dept FROM emp WHERE dept IS NOT NULL GROUP BY dept ORDER BY max(id) DESC"));
    }

    @Test
    void orderBy_expressionMixingAnAliasAndAnAggregate() {
        assertEquals(table(row("eng", 180L), row("ops", 60L), row(null, 50L)),
                sql("SELECT dept, sum(salary) AS s FROM emp GROUP BY dept ORDER BY s + count(*) DESC"));
    }

    @Test
    void having_onAGroupingAlias() {
        assertEquals(table(row("eng")), sql("SELECT dept AS d FROM emp GROUP BY dept HAVING d = 'eng'"));
    }

    @Test
    void limit() {
        assertEquals(3, sql("SELECT * FROM emp LIMIT 3").size());
        assertEquals(table(), sql("SELECT * FROM emp LIMIT 0"));
        assertEquals(5, sql("SELECT * FROM emp LIMIT ALL").size());
    }

    @Test
    void distinct() {
        assertEquals(table(row((Object) null), row("eng"), row("ops")), sql("SELECT DISTINCT dept FROM emp ORDER BY dept"));
        assertEquals(table(row("eng", 1), row("ops", 1)),
                sql("SELECT DISTINCT dept, 1 FROM emp WHERE dept IS NOT NULL ORDER BY dept"));
    }

    @Test
    void distinct_orderByColumnNotSelected_isAnError() {
        AnalysisException e = assertThrows(AnalysisException.class,
                () -> spark.sql("SELECT DISTINCT dept FROM emp ORDER BY salary"));
        assertTrue(e.getMessage().contains("salary"), e.getMessage());
    }

    @Test
    void subqueryInFrom() {
        assertEquals(table(row("eng", 180L)),
                sql("SELECT s.dept, s.total FROM (SELECT dept, sum(salary) AS total FROM emp GROUP BY dept) s "
                        + "WHERE s.total > 100"));
        assertEquals(table(row(2L)), sql("SELECT count(*) FROM (SELECT DISTINCT dept FROM emp WHERE dept IS NOT NULL)"));
        assertEquals(table(row(1, "Ann")), sql("SELECT x, y FROM (SELECT id, name FROM emp) AS t(x, y) WHERE x = 1"));
    }

    @Test
    void with_commonTableExpressions() {
        assertEquals(table(row("eng", 2L), row("ops", 1L)),
                sql("WITH high AS (SELECT * FROM emp WHERE salary > 55), "
                        + "counts AS (SELECT dept, count(*) AS n FROM high GROUP BY dept) "
                        + "SELECT * FROM counts ORDER BY n DESC, dept"));
        assertEquals(table(row(5)), sql("WITH c(x) AS (SELECT id FROM emp) SELECT max(x) FROM c"));
    }

    @Test
    void with_shadowsAViewOfTheSameName() {
        assertEquals(table(row(1L)), sql("WITH emp AS (SELECT 1 AS id) SELECT count(*) FROM emp"));
    }

    @Test
    void with_cteUsedTwice_isASelfJoin() {
        assertEquals(table(row(2, 1), row(3, 1), row(4, 3)),
                sql("WITH e AS (SELECT id, manager FROM emp) "
                        + "SELECT a.id, b.id FROM e a JOIN e b ON a.manager = b.id ORDER BY a.id"));
    }
}
